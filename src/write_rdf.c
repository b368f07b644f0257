/*
 * write_rdf.c - the graph -> RDF mapping, implemented once. Every RDF writer
 * (Turtle, N-Triples, N-Quads through raptor2; JSON-LD through jansson)
 * consumes the quads emitted here, so all formats hold the same graph.
 *
 * Node numbers: every IRI carries a number that is the same for each
 * occurrence of that IRI within one emission, so writers build one term per
 * node. Fixed vocabulary first, then entities, Wikidata items, affiliation
 * nodes, events, documents, mentions; then the ontology terms met on the way
 * (classes, relations, polarity, modality), numbered in order of first use.
 */
#include "write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

/* ---- prefixes ---- */

static const ekg_prefix builtin_prefixes[] = {
    {"ekg", EKG_NS_ONTO},     {"ekgr", EKG_NS_ID},    {"ekgd", EKG_NS_DOC},
    {"rdf", EKG_NS_RDF},      {"rdfs", EKG_NS_RDFS},  {"owl", EKG_NS_OWL},
    {"xsd", EKG_NS_XSD},      {"skos", EKG_NS_SKOS},  {"sem", EKG_NS_SEM},
    {"gaf", EKG_NS_GAF},      {"prov", EKG_NS_PROV},  {"schema", EKG_NS_SCHEMA},
};
#define N_PREFIXES (sizeof builtin_prefixes / sizeof builtin_prefixes[0])

size_t ekg_rdf_n_prefixes(void)
{
    return N_PREFIXES;
}

/*
 * The prefix of namespace i: the ontology's own name for that namespace IRI
 * when it declares one (and the name is no other namespace's), else ours.
 */
const ekg_prefix *ekg_rdf_prefix(const ekg_graph *g, size_t i)
{
    if (i >= N_PREFIXES)
        return NULL;
    const ekg_ontology *onto = g ? ekg_graph_ontology(g) : NULL;
    size_t n = onto ? ekg_ontology_n_prefixes(onto) : 0;
    for (size_t k = 0; k < n; k++) {
        const ekg_prefix *p = ekg_ontology_prefix(onto, k);
        if (!p || !p->prefix || !p->iri || !*p->prefix ||
            strcmp(p->iri, builtin_prefixes[i].iri) != 0)
            continue;
        int clash = 0;
        for (size_t j = 0; j < N_PREFIXES; j++)
            if (j != i && strcmp(builtin_prefixes[j].prefix, p->prefix) == 0)
                clash = 1;
        if (!clash)
            return p;
    }
    return &builtin_prefixes[i];
}

/* ---- the fixed vocabulary ---- */

enum {
    V_TYPE, V_LABEL, V_ALTLABEL, V_SAMEAS, V_AFFILIATED, V_AFFILIATION, V_MEMBER,
    V_ORGANIZATION, V_ROLETITLE, V_SEM_EVENT, V_RELATION, V_HASACTOR, V_TARGET,
    V_POLARITY, V_MODALITY, V_CONFIDENCE, V_CAMEO, V_PLOVER, V_QUAD, V_TIMESTAMP,
    V_PLACE, V_QUOTE, V_DENOTEDBY, V_NEWSARTICLE, V_SOURCEFILE, V_HEADLINE,
    V_DATEPUBLISHED, V_PUBLISHER, V_AUTHOR, V_URL, V_DATELINE, V_MENTION, V_DERIVEDFROM,
    V_SENTENCE, V_TRIGGER, V_CHARSTART, V_CHAREND, V_HEADWORD, V_ANCHORS,
    V_N
};

static const char *const vocab[V_N] = {
    [V_TYPE] = EKG_NS_RDF "type",
    [V_LABEL] = EKG_NS_RDFS "label",
    [V_ALTLABEL] = EKG_NS_SKOS "altLabel",
    [V_SAMEAS] = EKG_NS_OWL "sameAs",
    [V_AFFILIATED] = EKG_NS_ONTO "affiliatedWith",
    [V_AFFILIATION] = EKG_NS_ONTO "Affiliation",
    [V_MEMBER] = EKG_NS_ONTO "member",
    [V_ORGANIZATION] = EKG_NS_ONTO "organization",
    [V_ROLETITLE] = EKG_NS_ONTO "roleTitle",
    [V_SEM_EVENT] = EKG_NS_SEM "Event",
    [V_RELATION] = EKG_NS_ONTO "relation",
    [V_HASACTOR] = EKG_NS_SEM "hasActor",
    [V_TARGET] = EKG_NS_ONTO "target",
    [V_POLARITY] = EKG_NS_ONTO "polarity",
    [V_MODALITY] = EKG_NS_ONTO "modality",
    [V_CONFIDENCE] = EKG_NS_ONTO "confidence",
    [V_CAMEO] = EKG_NS_ONTO "cameoRoot",
    [V_PLOVER] = EKG_NS_ONTO "ploverType",
    [V_QUAD] = EKG_NS_ONTO "quadClass",
    [V_TIMESTAMP] = EKG_NS_SEM "hasTimeStamp",
    [V_PLACE] = EKG_NS_SEM "hasPlace",
    [V_QUOTE] = EKG_NS_ONTO "quote",
    [V_DENOTEDBY] = EKG_NS_GAF "denotedBy",
    [V_NEWSARTICLE] = EKG_NS_SCHEMA "NewsArticle",
    [V_SOURCEFILE] = EKG_NS_ONTO "sourceFile",
    [V_HEADLINE] = EKG_NS_SCHEMA "headline",
    [V_DATEPUBLISHED] = EKG_NS_SCHEMA "datePublished",
    [V_PUBLISHER] = EKG_NS_SCHEMA "publisher",
    [V_AUTHOR] = EKG_NS_SCHEMA "author",
    [V_URL] = EKG_NS_SCHEMA "url",
    [V_DATELINE] = EKG_NS_ONTO "dateline",
    [V_MENTION] = EKG_NS_ONTO "Mention",
    [V_DERIVEDFROM] = EKG_NS_PROV "wasDerivedFrom",
    [V_SENTENCE] = EKG_NS_ONTO "sentence",
    [V_TRIGGER] = EKG_NS_ONTO "trigger",
    [V_CHARSTART] = EKG_NS_ONTO "charStart",
    [V_CHAREND] = EKG_NS_ONTO "charEnd",
    [V_HEADWORD] = EKG_NS_ONTO "headWord",
    [V_ANCHORS] = EKG_NS_ONTO "anchors",
};

#define XSD_DATE EKG_NS_XSD "date"
#define XSD_DECIMAL EKG_NS_XSD "decimal"
#define XSD_INTEGER EKG_NS_XSD "integer"

/* ---- a pointer -> index map (open addressing), for the lookups of one emission ---- */

typedef struct ptrmap {
    const void **keys;
    long *vals;
    size_t mask;
} ptrmap;

static void pm_init(ptrmap *m, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n + 16)
        cap *= 2;
    m->keys = ekg_xcalloc(cap, sizeof *m->keys);
    m->vals = ekg_xmalloc(cap * sizeof *m->vals);
    m->mask = cap - 1;
}

static void pm_free(ptrmap *m)
{
    free(m->keys);
    free(m->vals);
}

static size_t pm_slot(const ptrmap *m, const void *key)
{
    uint64_t x = (uint64_t)(uintptr_t)key;
    x ^= x >> 33;
    x *= UINT64_C(0xff51afd7ed558ccd);
    x ^= x >> 33;
    size_t i = (size_t)x & m->mask;
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & m->mask;
    return i;
}

/* Sets key (not NULL) to v; the map must have been sized for every key put. */
static void pm_put(ptrmap *m, const void *key, long v)
{
    size_t i = pm_slot(m, key);
    m->keys[i] = key;
    m->vals[i] = v;
}

static long pm_get(const ptrmap *m, const void *key)
{
    size_t i = pm_slot(m, key);
    return m->keys[i] ? m->vals[i] : -1;
}

/* Appends the decimal digits of v. */
static void buf_ulong(ekg_buf *b, unsigned long v)
{
    char d[24];
    size_t i = sizeof d;
    do {
        d[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    ekg_buf_put(b, d + i, sizeof d - i);
}

/* ---- the emitter ---- */

/* An ontology term met during the emission: its IRI, made once. */
typedef struct dyn_term {
    char *iri;
    size_t len;
} dyn_term;

/* A unique mention node: one (document, start, end), first in event order. */
typedef struct mref {
    const ekg_mention *m;
    size_t ev, k;                  /* event index, mention index: ties */
} mref;

typedef struct emitter {
    const ekg_graph *g;
    ekg_quad_fn fn;
    void *data;
    int rc;
    /* node number bases */
    long n_entities, b_entity, b_wikidata, b_affil, b_event, b_doc, b_mention, b_dyn;
    long *affil_base;              /* per entity: first affiliation node */
    ekg_map *dyn;                  /* ontology IRI -> node number - b_dyn + 1 */
    long n_dyn;
    dyn_term *dyn_terms;           /* per dynamic node: its IRI */
    ptrmap dyn_by_ptr;             /* local name pointer -> dynamic node */
    size_t dyn_cap;
    ptrmap mention_by_ptr;         /* -> index in the stable order */
    mref *mentions;                /* unique mentions by (doc id, start, end) */
    size_t n_mentions;
    const ekg_event **shortcuts;   /* shortcut events by actor id, relation, target id */
    size_t n_shortcuts;
    /* term storage */
    ekg_buf sbuf, obuf, gbuf, lbuf;
    ekg_rdf_term s, p, o, gr;
    const ekg_rdf_term *graph;     /* current named graph or NULL */
} emitter;

static void iri_term(ekg_rdf_term *t, ekg_buf *b, long node)
{
    t->kind = EKG_RDF_IRI;
    t->value = b->data;
    t->len = b->len;
    t->lang = t->datatype = NULL;
    t->node = node;
}

static void vocab_term(ekg_rdf_term *t, int v)
{
    t->kind = EKG_RDF_IRI;
    t->value = vocab[v];
    t->len = strlen(vocab[v]);
    t->lang = t->datatype = NULL;
    t->node = v;
}

/* Builds ns + escaped local into b. */
static void mint(ekg_buf *b, const char *ns, const char *local)
{
    ekg_buf_clear(b);
    ekg_buf_puts(b, ns);
    ekg_escape_iri_part(b, local);
}

/* An entity's or document's IRI, made once when the graph got it. */
static void stored_iri(ekg_rdf_term *t, const char *iri, long node)
{
    t->kind = EKG_RDF_IRI;
    t->value = iri;
    t->len = strlen(iri);
    t->lang = t->datatype = NULL;
    t->node = node;
}

static void entity_iri(emitter *e, ekg_rdf_term *t, const ekg_entity *ent, long idx)
{
    stored_iri(t, ent->iri, e->b_entity + idx);
}

static void doc_iri(emitter *e, ekg_rdf_term *t, const ekg_doc *d, long idx)
{
    stored_iri(t, d->iri, e->b_doc + idx);
}

/*
 * The graph's entities, events and strings lie wherever they were allocated,
 * and are visited in id order: on a graph larger than the caches every visit
 * waits for memory. The loops below ask for the node PF_AHEAD places ahead
 * (and, one step later, for the strings it points to), so that the cost per
 * triple stays the same as the graph grows.
 */
#define PF_AHEAD 16

static void prefetch(const void *p)
{
    if (p)
        EKG_PREFETCH(p);
}

static void prefetch_entity(const ekg_graph *g, size_t i, size_t n)
{
    if (i + 2 * PF_AHEAD < n)
        prefetch(ekg_graph_entity(g, i + 2 * PF_AHEAD));
    if (i + PF_AHEAD < n) {
        const ekg_entity *x = ekg_graph_entity(g, i + PF_AHEAD);
        prefetch(x->iri);
        prefetch(x->label);
    }
}

static void prefetch_event(const ekg_graph *g, size_t i, size_t n)
{
    if (i + 2 * PF_AHEAD < n)
        prefetch(ekg_graph_event(g, i + 2 * PF_AHEAD));
    if (i + PF_AHEAD < n) {
        const ekg_event *x = ekg_graph_event(g, i + PF_AHEAD);
        prefetch(x->id);
        prefetch(x->mentions);
    }
}

static void prefetch_doc(const ekg_graph *g, size_t i, size_t n)
{
    if (i + 2 * PF_AHEAD < n)
        prefetch(ekg_graph_doc(g, i + 2 * PF_AHEAD));
    if (i + PF_AHEAD < n) {
        const ekg_doc *x = ekg_graph_doc(g, i + PF_AHEAD);
        prefetch(x->iri);
        prefetch(x->headline);
        prefetch(x->url);
    }
}

static void mention_iri(emitter *e, ekg_rdf_term *t, ekg_buf *b, const ekg_mention *m,
                        long idx, long doc)
{
    ekg_buf_clear(b);
    ekg_buf_puts(b, ekg_graph_doc(e->g, (size_t)doc)->iri);
    ekg_buf_put(b, "#char=", 6);
    buf_ulong(b, m->start);
    ekg_buf_putc(b, ',');
    buf_ulong(b, m->end);
    iri_term(t, b, e->b_mention + idx);
}

/* An ontology term ekg:<local>, numbered on first use (found by pointer, then by IRI). */
static void dyn_iri(emitter *e, ekg_rdf_term *t, ekg_buf *b, const char *local)
{
    long node = pm_get(&e->dyn_by_ptr, local);
    if (node < 0) {
        mint(b, EKG_NS_ONTO, local);
        void *v = ekg_map_get(e->dyn, b->data, b->len);
        if (v) {
            node = (long)(intptr_t)v - 1;
        } else {
            node = e->n_dyn++;
            ekg_map_put(e->dyn, b->data, b->len, (void *)(intptr_t)(node + 1));
            e->dyn_terms = ekg_xrealloc(e->dyn_terms, (size_t)e->n_dyn * sizeof *e->dyn_terms);
            e->dyn_terms[node].iri = ekg_xstrndup(b->data, b->len);
            e->dyn_terms[node].len = b->len;
        }
        if (e->dyn_cap < 256) {   /* a bounded cache: the ontology's names are few */
            e->dyn_cap++;
            pm_put(&e->dyn_by_ptr, local, node);
        }
    }
    t->kind = EKG_RDF_IRI;
    t->value = e->dyn_terms[node].iri;
    t->len = e->dyn_terms[node].len;
    t->lang = t->datatype = NULL;
    t->node = e->b_dyn + node;
}

static void literal(ekg_rdf_term *t, ekg_buf *b, const char *s, const char *lang,
                    const char *datatype)
{
    size_t n = strlen(s);
    t->kind = EKG_RDF_LITERAL;
    if (ekg_utf8_valid(s, n)) {
        t->value = s;
        t->len = n;
    } else {
        ekg_buf_clear(b);
        ekg_escape_utf8(b, s);
        t->value = b->data;
        t->len = b->len;
    }
    t->lang = lang;
    t->datatype = datatype;
    t->node = -1;
}

static void put(emitter *e, int pred, const ekg_rdf_term *o)
{
    if (e->rc)
        return;
    ekg_rdf_term p;
    vocab_term(&p, pred);
    ekg_quad q = {&e->s, &p, o, e->graph};
    e->rc = e->fn(e->data, &q);
}

static void put_vocab(emitter *e, int pred, int obj)
{
    ekg_rdf_term o;
    vocab_term(&o, obj);
    put(e, pred, &o);
}

static void put_str(emitter *e, int pred, const char *s, const char *lang,
                    const char *datatype)
{
    if (!s)
        return;
    literal(&e->o, &e->lbuf, s, lang, datatype);
    put(e, pred, &e->o);
}

static void put_date(emitter *e, int pred, const char *date)
{
    if (date && ekg_date_valid(date))
        put_str(e, pred, date, NULL, XSD_DATE);
}

static void put_int(emitter *e, int pred, unsigned long v)
{
    char num[24];
    size_t i = sizeof num - 1;
    num[i] = '\0';
    do {
        num[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put_str(e, pred, num + i, NULL, XSD_INTEGER);
}

/* xsd:decimal rounded to two decimals, in canonical form ("0.9", "0.85", "1.0"). */
static void put_confidence(emitter *e, double c)
{
    if (!(c >= 0))
        c = 0;
    if (c > 1)
        c = 1;
    int h = (int)(c * 100 + 0.5);   /* 0..100 */
    char num[32];
    if (h % 10 == 0)
        snprintf(num, sizeof num, "%d.%d", h / 100, (h / 10) % 10);
    else
        snprintf(num, sizeof num, "%d.%02d", h / 100, h % 100);
    put_str(e, V_CONFIDENCE, num, NULL, XSD_DECIMAL);
}

/* ---- lookups ---- */

/* Index of entity `ent` in the graph's order (by pointer, else by id), -1 if absent. */
static long entity_index(const emitter *e, const ekg_entity *ent)
{
    if (ent->order < (size_t)e->n_entities && ekg_graph_entity(e->g, ent->order) == ent)
        return (long)ent->order;
    long lo = 0, hi = e->n_entities;
    while (lo < hi) {
        long mid = lo + (hi - lo) / 2;
        const ekg_entity *x = ekg_graph_entity(e->g, (size_t)mid);
        int c = strcmp(x->id, ent->id);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static long doc_index(const emitter *e, const ekg_doc *d)
{
    if (d->order < ekg_graph_n_docs(e->g) && ekg_graph_doc(e->g, d->order) == d)
        return (long)d->order;
    long lo = 0, hi = (long)ekg_graph_n_docs(e->g);
    while (lo < hi) {
        long mid = lo + (hi - lo) / 2;
        int c = strcmp(ekg_graph_doc(e->g, (size_t)mid)->id, d->id);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static int mention_key_cmp(const ekg_mention *a, const ekg_mention *b)
{
    int c = strcmp(a->doc->id, b->doc->id);
    if (c)
        return c;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return 0;
}

static int cmp_mref(const void *a, const void *b)
{
    const mref *x = a, *y = b;
    int c = mention_key_cmp(x->m, y->m);
    if (c)
        return c;
    /* the same span in several events: the first in event order wins */
    if (x->ev != y->ev)
        return x->ev < y->ev ? -1 : 1;
    return x->k < y->k ? -1 : x->k > y->k;
}

static long mention_index(const emitter *e, const ekg_mention *m)
{
    long i = pm_get(&e->mention_by_ptr, m);
    if (i >= 0)
        return i;
    size_t lo = 0, hi = e->n_mentions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = mention_key_cmp(e->mentions[mid].m, m);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static int cmp_shortcut(const void *a, const void *b)
{
    const ekg_event *x = *(const ekg_event *const *)a, *y = *(const ekg_event *const *)b;
    int c = strcmp(x->actor->id, y->actor->id);
    if (!c)
        c = strcmp(x->rel->name, y->rel->name);
    if (!c)
        c = strcmp(x->target->id, y->target->id);
    if (!c)
        c = strcmp(x->id, y->id);
    return c;
}

static int has_shortcut(const ekg_event *ev)
{
    return ev->shortcut && ev->target && ev->polarity == EKG_POSITIVE && ev->rel &&
           ev->rel->name;
}

/* ---- the parts of the graph ---- */

static void emit_entity(emitter *e, const ekg_entity *ent, long idx, size_t *sc)
{
    entity_iri(e, &e->s, ent, idx);
    dyn_iri(e, &e->o, &e->obuf, ent->cls ? ent->cls : "Thing");
    put(e, V_TYPE, &e->o);
    put_str(e, V_LABEL, ent->label, "en", NULL);
    for (size_t i = 0; i < ent->nalt; i++)
        put_str(e, V_ALTLABEL, ent->alt[i], "en", NULL);
    if (ent->qid && *ent->qid) {
        mint(&e->obuf, EKG_NS_WIKIDATA, ent->qid);
        iri_term(&e->o, &e->obuf, e->b_wikidata + idx);
        put(e, V_SAMEAS, &e->o);
    }
    if (ent->head) {   /* a thing: what merging it with others across documents needs */
        put_str(e, V_HEADWORD, ent->head, NULL, NULL);
        if (ent->anchors && *ent->anchors)
            put_str(e, V_ANCHORS, ent->anchors, NULL, NULL);
    }
    for (size_t i = 0; i < ent->naffil; i++) {
        long oi = entity_index(e, ent->affil[i].org);
        if (oi < 0)
            continue;
        entity_iri(e, &e->o, ent->affil[i].org, oi);
        put(e, V_AFFILIATED, &e->o);
    }
    /* shortcut triples: actor ekg:<relation> target */
    for (; *sc < e->n_shortcuts && !e->rc; ++*sc) {
        const ekg_event *ev = e->shortcuts[*sc];
        int c = strcmp(ev->actor->id, ent->id);
        if (c > 0)
            break;
        if (c < 0)
            continue;
        long ti = entity_index(e, ev->target);
        if (ti < 0)
            continue;
        dyn_iri(e, &e->gr, &e->gbuf, ev->rel->name);   /* the relation as predicate */
        entity_iri(e, &e->o, ev->target, ti);
        ekg_quad q = {&e->s, &e->gr, &e->o, NULL};
        e->rc = e->fn(e->data, &q);
    }
    /* affiliation nodes */
    for (size_t i = 0; i < ent->naffil && !e->rc; i++) {
        const ekg_affil *a = &ent->affil[i];
        long oi = entity_index(e, a->org);
        if (oi < 0)
            continue;
        ekg_buf_clear(&e->sbuf);
        ekg_buf_puts(&e->sbuf, EKG_NS_ID "affil-");
        ekg_escape_iri_part(&e->sbuf, ent->id);
        ekg_buf_putc(&e->sbuf, '-');
        ekg_escape_iri_part(&e->sbuf, a->org->id);
        iri_term(&e->s, &e->sbuf, e->affil_base[idx] + (long)i);
        put_vocab(e, V_TYPE, V_AFFILIATION);
        entity_iri(e, &e->o, ent, idx);
        put(e, V_MEMBER, &e->o);
        entity_iri(e, &e->o, a->org, oi);
        put(e, V_ORGANIZATION, &e->o);
        if (a->role && *a->role)
            put_str(e, V_ROLETITLE, a->role, "en", NULL);
    }
}

static void emit_event(emitter *e, const ekg_event *ev, long idx)
{
    ekg_buf_clear(&e->sbuf);
    ekg_buf_puts(&e->sbuf, EKG_NS_ID);
    ekg_escape_iri_part(&e->sbuf, ev->id);
    iri_term(&e->s, &e->sbuf, e->b_event + idx);
    put_vocab(e, V_TYPE, V_SEM_EVENT);
    const ekg_relation *rel = ev->rel;
    if (rel && rel->event_class && *rel->event_class) {
        dyn_iri(e, &e->o, &e->obuf, rel->event_class);
        put(e, V_TYPE, &e->o);
    }
    if (rel && rel->name && *rel->name) {
        dyn_iri(e, &e->o, &e->obuf, rel->name);
        put(e, V_RELATION, &e->o);
    }
    long ai = ev->actor ? entity_index(e, ev->actor) : -1;
    if (ai >= 0) {
        entity_iri(e, &e->o, ev->actor, ai);
        put(e, V_HASACTOR, &e->o);
    }
    long ti = ev->target ? entity_index(e, ev->target) : -1;
    if (ti >= 0) {
        entity_iri(e, &e->o, ev->target, ti);
        put(e, V_TARGET, &e->o);
    }
    dyn_iri(e, &e->o, &e->obuf, ekg_polarity_name(ev->polarity));
    put(e, V_POLARITY, &e->o);
    dyn_iri(e, &e->o, &e->obuf, ekg_modality_name(ev->modality));
    put(e, V_MODALITY, &e->o);
    put_confidence(e, ev->confidence);
    if (rel && rel->cameo && *rel->cameo)
        put_str(e, V_CAMEO, rel->cameo, NULL, NULL);
    if (rel && rel->plover && *rel->plover)
        put_str(e, V_PLOVER, rel->plover, NULL, NULL);
    if (rel && rel->quad > 0)
        put_int(e, V_QUAD, (unsigned long)rel->quad);
    put_date(e, V_TIMESTAMP, ev->date);
    long pi = ev->place ? entity_index(e, ev->place) : -1;
    if (pi >= 0) {
        entity_iri(e, &e->o, ev->place, pi);
        put(e, V_PLACE, &e->o);
    }
    if (ev->quote && *ev->quote)
        put_str(e, V_QUOTE, ev->quote, NULL, NULL);
    /* event gaf:denotedBy mention, in the document's named graph */
    long last = -1;
    for (size_t i = 0; i < ev->nmentions && !e->rc; i++) {
        const ekg_mention *m = &ev->mentions[i];
        long mi = mention_index(e, m);
        long di = doc_index(e, m->doc);
        if (mi < 0 || di < 0 || mi == last)
            continue;
        last = mi;
        doc_iri(e, &e->gr, m->doc, di);
        mention_iri(e, &e->o, &e->obuf, m, mi, di);
        e->graph = &e->gr;
        put(e, V_DENOTEDBY, &e->o);
        e->graph = NULL;
    }
}

static void emit_doc(emitter *e, const ekg_doc *d, long idx, size_t *mi)
{
    doc_iri(e, &e->gr, d, idx);
    e->graph = &e->gr;
    doc_iri(e, &e->s, d, idx);
    put_vocab(e, V_TYPE, V_NEWSARTICLE);
    put_str(e, V_SOURCEFILE, d->id, NULL, NULL);
    put_str(e, V_HEADLINE, d->headline, NULL, NULL);
    put_date(e, V_DATEPUBLISHED, d->date);
    put_str(e, V_PUBLISHER, d->publisher, NULL, NULL);
    put_str(e, V_AUTHOR, d->author, NULL, NULL);
    if (d->url && *d->url) {
        if (ekg_iri_is_absolute(d->url)) {
            ekg_buf_clear(&e->obuf);
            ekg_buf_puts(&e->obuf, d->url);
            /* a node of its own, numbered after the mentions of all documents */
            iri_term(&e->o, &e->obuf, e->b_mention + (long)e->n_mentions + idx);
            put(e, V_URL, &e->o);
        } else {
            put_str(e, V_URL, d->url, NULL, NULL);
        }
    }
    put_str(e, V_DATELINE, d->dateline, NULL, NULL);

    for (; *mi < e->n_mentions && !e->rc; ++*mi) {
        if (*mi + PF_AHEAD < e->n_mentions) {
            const ekg_mention *ahead = e->mentions[*mi + PF_AHEAD].m;
            prefetch(ahead->sentence);
            prefetch(ahead->trigger);
        }
        const ekg_mention *m = e->mentions[*mi].m;
        int c = m->doc == d ? 0 : strcmp(m->doc->id, d->id);
        if (c > 0)
            break;
        if (c < 0)
            continue;
        mention_iri(e, &e->s, &e->sbuf, m, (long)*mi, idx);
        put_vocab(e, V_TYPE, V_MENTION);
        doc_iri(e, &e->o, d, idx);
        put(e, V_DERIVEDFROM, &e->o);
        put_str(e, V_SENTENCE, m->sentence, NULL, NULL);
        put_str(e, V_TRIGGER, m->trigger, NULL, NULL);
        put_int(e, V_CHARSTART, m->start);
        put_int(e, V_CHAREND, m->end);
        put_date(e, V_TIMESTAMP, m->date);
    }
    e->graph = NULL;
}

int ekg_rdf_emit(const ekg_graph *g, ekg_quad_fn fn, void *data)
{
    emitter e;
    memset(&e, 0, sizeof e);
    e.g = g;
    e.fn = fn;
    e.data = data;
    ekg_buf_init(&e.sbuf);
    ekg_buf_init(&e.obuf);
    ekg_buf_init(&e.gbuf);
    ekg_buf_init(&e.lbuf);
    e.dyn = ekg_map_new();
    pm_init(&e.dyn_by_ptr, 256);

    size_t ne = ekg_graph_n_entities(g), nev = ekg_graph_n_events(g), nd = ekg_graph_n_docs(g);
    e.n_entities = (long)ne;
    e.affil_base = ekg_xcalloc(ne + 1, sizeof *e.affil_base);
    e.b_entity = V_N;
    e.b_wikidata = e.b_entity + (long)ne;
    e.b_affil = e.b_wikidata + (long)ne;
    long na = 0;
    for (size_t i = 0; i < ne; i++) {
        prefetch_entity(g, i, ne);
        e.affil_base[i] = e.b_affil + na;
        na += (long)ekg_graph_entity(g, i)->naffil;
    }
    e.b_event = e.b_affil + na;
    e.b_doc = e.b_event + (long)nev;
    e.b_mention = e.b_doc + (long)nd;

    /* unique mentions and the shortcut events, each sorted */
    size_t nm = 0, ns = 0;
    for (size_t i = 0; i < nev; i++) {
        prefetch_event(g, i, nev);
        const ekg_event *ev = ekg_graph_event(g, i);
        nm += ev->nmentions;
        ns += has_shortcut(ev) != 0;
    }
    e.mentions = ekg_xmalloc((nm + 1) * sizeof *e.mentions);
    e.shortcuts = ekg_xmalloc((ns + 1) * sizeof *e.shortcuts);
    for (size_t i = 0; i < nev; i++) {
        prefetch_event(g, i, nev);
        const ekg_event *ev = ekg_graph_event(g, i);
        for (size_t j = 0; j < ev->nmentions; j++)
            if (ev->mentions[j].doc) {
                mref r = {&ev->mentions[j], i, j};
                e.mentions[e.n_mentions++] = r;
            }
        if (has_shortcut(ev))
            e.shortcuts[e.n_shortcuts++] = ev;
    }
    qsort(e.mentions, e.n_mentions, sizeof *e.mentions, cmp_mref);
    pm_init(&e.mention_by_ptr, e.n_mentions);
    size_t k = 0;
    for (size_t i = 0; i < e.n_mentions; i++) {
        if (k == 0 || mention_key_cmp(e.mentions[k - 1].m, e.mentions[i].m) != 0)
            e.mentions[k++] = e.mentions[i];
        pm_put(&e.mention_by_ptr, e.mentions[i].m, (long)k - 1);   /* duplicates: the first */
    }
    e.n_mentions = k;
    qsort(e.shortcuts, e.n_shortcuts, sizeof *e.shortcuts, cmp_shortcut);
    /* documents' url nodes follow the mentions */
    e.b_dyn = e.b_mention + (long)e.n_mentions + (long)nd;

    size_t sc = 0, mi = 0;
    for (size_t i = 0; i < ne && !e.rc; i++) {
        prefetch_entity(g, i, ne);
        emit_entity(&e, ekg_graph_entity(g, i), (long)i, &sc);
    }
    for (size_t i = 0; i < nev && !e.rc; i++) {
        prefetch_event(g, i, nev);
        emit_event(&e, ekg_graph_event(g, i), (long)i);
    }
    for (size_t i = 0; i < nd && !e.rc; i++) {
        prefetch_doc(g, i, nd);
        emit_doc(&e, ekg_graph_doc(g, i), (long)i, &mi);
    }

    ekg_buf_free(&e.sbuf);
    ekg_buf_free(&e.obuf);
    ekg_buf_free(&e.gbuf);
    ekg_buf_free(&e.lbuf);
    ekg_map_free(e.dyn);
    for (long i = 0; i < e.n_dyn; i++)
        free(e.dyn_terms[i].iri);
    free(e.dyn_terms);
    pm_free(&e.dyn_by_ptr);
    pm_free(&e.mention_by_ptr);
    free(e.affil_base);
    free(e.mentions);
    free(e.shortcuts);
    return e.rc;
}
