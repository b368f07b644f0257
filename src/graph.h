/*
 * graph.h - the store every stage writes into and every writer reads: entities,
 * events, mentions, documents. Internal to libekg.
 *
 * IRIs (see ontology/ekg.ttl for the namespaces):
 *   entity   EKG_NS_ID  + entity->id         e.g. https://w3id.org/ekg/id/country-fra
 *   event    EKG_NS_ID  + event->id          e.g. https://w3id.org/ekg/id/event-opposes-...
 *   document EKG_NS_DOC + doc->slug          slug = id percent-encoded (RFC 3986 unreserved kept)
 *   mention  document IRI + "#char=S,E"      S, E = code-point offsets of the trigger
 * Every id is [a-z0-9-]+ so that it is a valid prefixed-name local part.
 *
 * Entities and documents live in the graph's string pool, each next to its strings,
 * so that writers visiting them in id order touch one place per item.
 *
 * Iteration order is stable: entities by id, events by id, documents by id,
 * an event's mentions by (document id, start, end). All strings are owned by
 * the graph and valid until ekg_graph_free().
 */
#ifndef EKG_GRAPH_H
#define EKG_GRAPH_H

#include <stddef.h>
#include <stdint.h>

#include "ekg.h"
#include "ontology.h"
#include "util.h"

#define EKG_NS_ONTO "https://w3id.org/ekg/ontology#"
#define EKG_NS_ID "https://w3id.org/ekg/id/"
#define EKG_NS_DOC "https://w3id.org/ekg/doc/"

typedef struct ekg_entity ekg_entity;
typedef struct ekg_doc ekg_doc;

/* Polarity and modality of an event (ekg:Positive ... in the ontology). */
typedef enum { EKG_POSITIVE, EKG_NEGATIVE } ekg_polarity;
typedef enum { EKG_ASSERTED, EKG_REPORTED, EKG_PLANNED, EKG_HEDGED } ekg_modality;

/* Local names of the individuals above in the ekg: namespace. */
const char *ekg_polarity_name(ekg_polarity p);   /* "Positive" */
const char *ekg_modality_name(ekg_modality m);   /* "Asserted" */

/* A person's affiliation: person ekg:affiliatedWith org, with a role title. */
typedef struct ekg_affil {
    const ekg_entity *org;
    const char *role;          /* "President", "Secretary General"; may be NULL */
} ekg_affil;

struct ekg_entity {
    const char *id;            /* local id, [a-z0-9-]+ */
    const char *iri;           /* EKG_NS_ID + id (escaped), made once */
    const char *label;         /* canonical name (rdfs:label, @en) */
    const char *cls;           /* class local name in ekg:, e.g. "Country" */
    const char *qid;           /* Wikidata id "Q142" or NULL */
    const char **alt;          /* other surface forms (skos:altLabel), sorted, unique */
    size_t nalt;
    ekg_affil *affil;          /* sorted by org id */
    size_t naffil;
    size_t nmentions;          /* how often it was found (for DOT pruning) */
    const char *head;          /* things: head noun; NULL otherwise (not written) */
    const char *anchors;       /* things: sorted space-separated anchor ids (not written) */
    size_t order;              /* position in the stable order (set by ekg_graph_finish) */
};

struct ekg_doc {
    const char *id;            /* the input's file name or JSONL id (ekg:sourceFile) */
    const char *slug;          /* percent-encoded id for the IRI */
    const char *iri;           /* EKG_NS_DOC + slug (escaped), made once */
    const char *headline;      /* or NULL */
    const char *date;          /* "YYYY-MM-DD" or NULL */
    const char *publisher;     /* or NULL */
    const char *author;        /* or NULL */
    const char *dateline;      /* or NULL */
    const char *url;           /* or NULL */
    size_t sentences;
    size_t order;              /* position in the stable order (set by ekg_graph_finish) */
};

typedef struct ekg_mention {
    const ekg_doc *doc;
    uint32_t start, end;       /* code points of the trigger in the document text */
    const char *sentence;      /* the evidence sentence, as in the text */
    const char *trigger;       /* the trigger words, as in the text */
    const char *rule;          /* which rule fired (for --explain) */
    const char *date;          /* "YYYY-MM-DD" or NULL */
    ekg_modality modality;
} ekg_mention;

typedef struct ekg_event {
    const char *id;
    const ekg_relation *rel;   /* relation info from the ontology */
    const ekg_entity *actor;
    const ekg_entity *target;
    ekg_polarity polarity;
    ekg_modality modality;     /* the most certain of its mentions */
    double confidence;         /* 0..1, two decimals when written */
    const char *date;          /* earliest mention date or NULL */
    const ekg_entity *place;   /* or NULL */
    const char *quote;         /* statements: the reported words, or NULL */
    ekg_mention *mentions;
    size_t nmentions;
    size_t cmentions;          /* allocated; grows by doubling */
    int shortcut;              /* emit actor <relation> target */
} ekg_event;

/* Read access for writers; indices run over the stable order above. */
size_t ekg_graph_n_entities(const ekg_graph *g);
const ekg_entity *ekg_graph_entity(const ekg_graph *g, size_t i);
size_t ekg_graph_n_events(const ekg_graph *g);
const ekg_event *ekg_graph_event(const ekg_graph *g, size_t i);
size_t ekg_graph_n_docs(const ekg_graph *g);
const ekg_doc *ekg_graph_doc(const ekg_graph *g, size_t i);
const ekg_ontology *ekg_graph_ontology(const ekg_graph *g);

/* ---- Building (extraction and tests) ---- */

/*
 * Finds or creates the entity `id` (an [a-z0-9-]+ slug). On creation label
 * and cls are set; later calls add `label` as an alternative surface form if
 * it differs. Never NULL.
 */
ekg_entity *ekg_graph_entity_get(ekg_graph *g, const char *id, const char *label,
                                 const char *cls);
/* Adds a surface form (skos:altLabel) unless it equals the label. */
void ekg_graph_entity_add_alt(ekg_graph *g, ekg_entity *e, const char *alt);
void ekg_graph_entity_set_qid(ekg_graph *g, ekg_entity *e, const char *qid);
/*
 * Makes e a thing with head word `head` and anchors `anchors` (space-separated).
 * Different anchors can give one id ("World Bank" and "International Monetary
 * Fund-World Bank"): the smallest (head, then anchors, by strcmp) is kept, so that
 * the result does not depend on the order in which documents or graphs come.
 */
void ekg_graph_entity_set_thing(ekg_graph *g, ekg_entity *e, const char *head,
                                const char *anchors);
/* person ekg:affiliatedWith org, with a role title (may be NULL). */
void ekg_graph_entity_add_affil(ekg_graph *g, ekg_entity *person, const ekg_entity *org,
                                const char *role);

/* Creates the document `id`, or returns NULL if a document has that id already. */
ekg_doc *ekg_graph_doc_add(ekg_graph *g, const char *id);
/* Sets a document string field (headline, date, ...) to a pooled copy of value. */
void ekg_graph_doc_set(ekg_graph *g, const char **field, const char *value);

/*
 * Adds an event mention. The event (relation, actor, target, polarity) is
 * found or created; the mention's strings are copied into the graph's pool.
 * confidence: of this mention; the event keeps the highest. shortcut: whether
 * this mention licenses the shortcut triple.
 */
ekg_event *ekg_graph_event_add(ekg_graph *g, const ekg_relation *rel, const ekg_entity *actor,
                               const ekg_entity *target, ekg_polarity polarity,
                               const ekg_mention *m, double confidence, int shortcut);

/* Pooled copy of a string (owned by the graph). */
const char *ekg_graph_str(ekg_graph *g, const char *s);

/* ekg_graph_finish() is public (ekg.h). */

#endif
