/*
 * ontology.h - what ontology/ says, as read by ontology.c with raptor2.
 * Internal to libekg. See ontology/README.md for the vocabulary of the files.
 */
#ifndef EKG_ONTOLOGY_H
#define EKG_ONTOLOGY_H

#include <stddef.h>

#include "ekg.h"
#include "util.h"

/* A relation property (ekg:opposes ...) and what the ontology says of it. */
typedef struct ekg_relation {
    const char *name;          /* local name: "opposes" */
    const char *label;         /* rdfs:label */
    const char *event_class;   /* local name of its event class: "Opposition" */
    const char *cameo;         /* CAMEO root "12" or NULL */
    const char *plover;        /* PLOVER type "REJECT" or NULL */
    int quad;                  /* CAMEO quad class 1..4 (verbal/material coop/conflict), 0 none */
    int symmetric;             /* owl:SymmetricProperty */
    int statement;             /* the target-less statement relation */
} ekg_relation;

/* A namespace prefix declared in the ontology files. */
typedef struct ekg_prefix {
    const char *prefix, *iri;
} ekg_prefix;

/* Kinds of trigger. */
typedef enum {
    EKG_TRIG_VERB,        /* a verb form, e.g. "opposed" (phrasal particles after it) */
    EKG_TRIG_NOUN,        /* a nominalisation: "opposition", "talks", "visit" */
    EKG_TRIG_PREDICATIVE  /* after a copula, active meaning: "opposed to" */
} ekg_trigger_kind;

/* One trigger form: the words to match (lower case, single spaces). */
typedef struct ekg_trigger {
    const char *words;         /* e.g. "called for", "opposes", "opposition" */
    size_t nwords;
    const ekg_relation *rel;
    ekg_trigger_kind kind;
    int form;                  /* verbs: 0 lemma/present, 1 3sg, 2 past, 3 participle, 4 gerund */
} ekg_trigger;

/* A gazetteer entry. */
typedef struct ekg_known {
    const char *id;            /* local id, e.g. "country-fra" */
    const char *label;
    const char *cls;           /* class local name */
    const char *qid;           /* or NULL */
    const char *country;       /* for cities / people: id of the country, or NULL */
    const char *capital;       /* for countries: id of the capital city, or NULL */
} ekg_known;

/* Kinds of name the gazetteer can match. */
typedef enum {
    EKG_NAME_NAME,        /* label or altLabel: "France", "NATO" */
    EKG_NAME_DEMONYM,     /* "French" */
    EKG_NAME_DESCRIPTOR   /* "alliance": "the alliance" refers back to it */
} ekg_name_kind;

typedef struct ekg_name {
    const char *text;          /* the surface form, as written in the ontology */
    const ekg_known *known;
    ekg_name_kind kind;
} ekg_name;

/* Entity classes and the nouns that head things of that class. */
typedef struct ekg_class {
    const char *name;          /* local name: "Facility" */
    const char **heads;        /* ekg:headNoun, lower case */
    size_t nheads;
    const char **anaphors;     /* ekg:anaphor: "idea", "plan": "the idea" refers back */
    size_t nanaphors;
} ekg_class;

/* Lexicon word lists (ontology/lexicon.ttl), lower case. */
typedef enum {
    EKG_LEX_TITLE,        /* person titles: "president", "prime minister" */
    EKG_LEX_ORG_TITLE,    /* titles naming an organisation's head: "chief", "secretary general" */
    EKG_LEX_REPORTING,    /* reporting verbs (all forms): "said", "told" */
    EKG_LEX_HEDGE,        /* modal words making an event hedged: "might", "could" */
    EKG_LEX_PLAN,         /* words making it planned / scheduled: "will", "poised to" */
    EKG_LEX_NEGATION,     /* "not", "never", "n't" */
    EKG_LEX_ORG_HEAD,     /* organisation heads in unknown names: "ministry", "party" */
    EKG_LEX_GENERIC,      /* generic nouns followed by their content: "decision", "information" */
    EKG_LEX_GROUP,        /* agents of a state after its name: "officials", "troops" */
    EKG_LEX_PARTY_MEMBER, /* members of a party after its adjective: "lawmakers", "Rep." */
    EKG_LEX_N
} ekg_lex_kind;

const ekg_relation *ekg_ontology_relation(const ekg_ontology *o, const char *name);
size_t ekg_ontology_n_relations(const ekg_ontology *o);
const ekg_relation *ekg_ontology_relation_at(const ekg_ontology *o, size_t i);

size_t ekg_ontology_n_prefixes(const ekg_ontology *o);
const ekg_prefix *ekg_ontology_prefix(const ekg_ontology *o, size_t i);

/* All triggers whose first word is `word` (lower case); *n receives the count. */
const ekg_trigger *const *ekg_ontology_triggers(const ekg_ontology *o, const char *word,
                                                size_t len, size_t *n);

/* All gazetteer names whose first word is `word` (case as written); *n the count. */
const ekg_name *const *ekg_ontology_names(const ekg_ontology *o, const char *word, size_t len,
                                          size_t *n);
const ekg_known *ekg_ontology_known(const ekg_ontology *o, const char *id);

size_t ekg_ontology_n_classes(const ekg_ontology *o);
const ekg_class *ekg_ontology_class(const ekg_ontology *o, size_t i);

/* The thing class whose ekg:headNoun (or, with anaphor, ekg:anaphor) is noun; NULL if none. */
const ekg_class *ekg_ontology_thing_class(const ekg_ontology *o, const char *noun, int anaphor);

/* Is the lower-case phrase s[0..n) in lexicon list `kind`? */
int ekg_ontology_lex(const ekg_ontology *o, ekg_lex_kind kind, const char *s, size_t n);
/* The lists (bit 1 << kind) with a phrase that begins with the word w (n bytes, lower case). */
unsigned ekg_ontology_lex_starts(const ekg_ontology *o, const char *w, size_t n);

/* The JSON-LD context (ontology/context.jsonld) as text. */
const char *ekg_ontology_context(const ekg_ontology *o);

#endif
