/*
 * extract.h - the document being analysed, shared by the entity (entities.c),
 * coreference (coref.c) and event (events.c) stages, driven by extract.c.
 */
#ifndef EKG_EXTRACT_H
#define EKG_EXTRACT_H

#include "graph_internal.h"
#include "ontology.h"
#include "segment.h"
#include "text.h"
#include "words.h"

/* What a mention is. */
typedef enum {
    EKG_M_NAME,        /* a named entity (gazetteer or unknown proper name) */
    EKG_M_THING,       /* a thing NP: "a NATO liaison office in Tokyo" */
    EKG_M_PRONOUN,     /* he, she, it, they, his, its, their */
    EKG_M_ANAPHOR,     /* "the idea", "the plan", "this proposal" */
    EKG_M_DESCRIPTOR   /* "the alliance", "the bloc", "the French leader" */
} ekg_mkind;

/* A document-level entity (before it goes into the graph). */
typedef struct ekg_dent {
    char *id;                 /* graph id, set when known (gazetteer) or at the end */
    char *label;              /* canonical name */
    const char *cls;          /* class local name */
    const ekg_known *known;   /* gazetteer entry or NULL */
    char **surfaces;          /* surface forms found */
    size_t nsurfaces;
    /* things */
    const char *head;         /* head noun (lower case) or NULL */
    char **anchors;           /* sorted ids of named modifiers (org/country) */
    size_t nanchors;
    int thing;
    int alive;                /* 0: dropped (e.g. a thing without anchors) */
    int redirect;             /* merged into another dent, or -1 */
    /* affiliations: dent index + role */
    int *affil;
    char **roles;
    size_t naffil;
    char *abbr;               /* acronym the document gives it ("... Bank (ADB)"), or NULL */
} ekg_dent;

typedef struct ekg_mention_ {
    size_t t0, t1;            /* tokens of the mention itself */
    size_t np0;               /* first token of its whole noun phrase (determiner, titles, possessor) */
    size_t sent;
    ekg_mkind kind;
    int ent;                  /* dent index, -1 if unresolved */
    int generic_after;        /* descriptors: 1 + the country of "the French leader" */
    int pp;                   /* things: the mention of the name in their "in/of NAME" phrase, or -1 */
} ekg_dmention;

typedef struct ekg_docx {
    ekg_graph *g;
    const ekg_ontology *onto;
    const ekg_text *text;
    ekg_segmentation seg;
    ekg_doc *doc;
    const char *pubdate;      /* "YYYY-MM-DD" or NULL */
    ekg_dent *ents;
    size_t nents, cents;
    ekg_dmention *ms;
    size_t nms, cms;
    int *tok_mention;         /* token -> mention index covering it, -1 */
    struct ekg_names_memo {   /* token -> the gazetteer names starting with it, looked up once */
        const ekg_name *const *c;
        size_t n;
        int done;
    } *names;
    ekg_map *dent_index;      /* gazetteer entry, or label and class -> its dents, and
                                 a thing's head word -> the things with it (ekg_idxlist
                                 each, in order of creation), or NULL */
    ekg_map *abbrs;           /* acronym -> dents given it (an ekg_idxlist), or NULL */
    ekg_map *titled;          /* words named after a person's title ("Mr Blair"): built
                                 on first use, or NULL */
    ekg_log *log;
    ekg_error *err;
} ekg_docx;


/* entities.c: finds the mentions of every sentence (names, things, pronouns, descriptors). */
void ekg_find_mentions(ekg_docx *d);
/* coref.c: resolves pronouns, anaphors and descriptors; merges surnames and things. */
void ekg_resolve(ekg_docx *d);
/* events.c: finds the events of every sentence and adds them to the graph. */
void ekg_find_events(ekg_docx *d);
/* extract.c: the graph entity of a dent (created on first use); NULL if not alive. */
ekg_entity *ekg_docx_entity(ekg_docx *d, int dent);

/* entities.c: the dents made for gazetteer entry k (some may since be merged), or NULL. */
const ekg_idxlist *ekg_dents_of_known(const ekg_docx *d, const ekg_known *k);

/* Helpers shared by the stages. */
int ekg_dent_add(ekg_docx *d, const char *label, const char *cls, const ekg_known *k);
void ekg_dent_surface(ekg_docx *d, int e, const char *s, size_t n);
int ekg_dent_find(const ekg_dent *e, int i);  /* follows redirects */
const char *ekg_tok_text(const ekg_docx *d, size_t t);     /* fold text of a token (not NUL-terminated) */
size_t ekg_tok_len(const ekg_docx *d, size_t t);
int ekg_tok_is(const ekg_docx *d, size_t t, const char *low);
/* The end of the lower-case words of s ("world body") at token t, in any case, or 0. */
size_t ekg_match_lower(const ekg_docx *d, const char *s, size_t t, size_t end);
/* Is the token range a function word or other closed-class word (the, of, and, he ...)? */
int ekg_is_stopword(const char *low);
/* The closed-class word classes of token t (words.h): one lookup per token, made once. */
static inline unsigned ekg_tok_class(const ekg_docx *d, size_t t)
{
    return d->seg.toks[t].wclass;
}
int ekg_is_preposition(const char *low);
int ekg_is_determiner(const char *low);
int ekg_is_copula(const char *low);
int ekg_is_time_word(const char *low);  /* weekdays, months, today ... */

#endif
