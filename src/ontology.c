/*
 * ontology.c - reads ontology/ (Turtle) with raptor2 and indexes what the
 * extractor needs: relations and their triggers, thing classes, word lists,
 * the gazetteer and the namespaces.
 */
#include "ontology.h"

#include <dirent.h>
#include <raptor2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "graph.h"

#define RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS_NS "http://www.w3.org/2000/01/rdf-schema#"
#define SKOS_NS "http://www.w3.org/2004/02/skos/core#"
#define OWL_NS "http://www.w3.org/2002/07/owl#"

/* One triple read from the files; strings pooled. */
typedef struct triple {
    const char *s, *p, *o;
    int literal;
} triple;

/* A list of pointers, indexed by a key in a map. */
typedef struct plist {
    const void **items;
    size_t n;
} plist;

struct ekg_ontology {
    ekg_pool *pool;
    triple *triples;
    size_t ntriples, cap;

    ekg_relation *relations;
    size_t nrelations;
    ekg_map *relation_by_name;

    ekg_trigger *triggers;
    size_t ntriggers;
    ekg_map *triggers_by_word;   /* first word -> plist of ekg_trigger* */

    ekg_known *known;
    size_t nknown;
    ekg_map *known_by_id;
    ekg_name *names;
    size_t nnames;
    ekg_map *names_by_word;      /* first word -> plist of ekg_name* */

    ekg_class *classes;
    size_t nclasses;
    ekg_map *class_by_head;      /* head noun -> ekg_class */
    ekg_map *class_by_anaphor;   /* anaphor noun -> ekg_class */

    ekg_map *lex[EKG_LEX_N];     /* phrase -> (void *)1 */
    ekg_map *lex_first;          /* first word of a phrase -> bit (1 << kind) of each list */

    ekg_prefix *prefixes;
    size_t nprefixes;
    char *context;
    char *source;                /* file being parsed (for messages) */
    raptor_parser *parser;       /* the parser at work (for its locator) */
    ekg_error *err;
};

/* ---- reading the files ---- */

static const char *term_str(ekg_ontology *o, raptor_term *t, int *literal)
{
    *literal = 0;
    switch (t->type) {
    case RAPTOR_TERM_TYPE_URI:
        return ekg_pool_str(o->pool, (const char *)raptor_uri_as_string(t->value.uri));
    case RAPTOR_TERM_TYPE_LITERAL:
        *literal = 1;
        return ekg_pool_intern(o->pool, (const char *)t->value.literal.string,
                               t->value.literal.string_len);
    case RAPTOR_TERM_TYPE_BLANK:
        return ekg_pool_str(o->pool, (const char *)t->value.blank.string);
    default:
        return ekg_pool_str(o->pool, "");
    }
}

static void on_triple(void *data, raptor_statement *st)
{
    ekg_ontology *o = data;
    if (o->ntriples == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 4096;
        o->triples = ekg_xrealloc(o->triples, o->cap * sizeof *o->triples);
    }
    triple *t = &o->triples[o->ntriples++];
    int lit;
    t->s = term_str(o, st->subject, &lit);
    t->p = term_str(o, st->predicate, &lit);
    t->o = term_str(o, st->object, &t->literal);
}

static void on_namespace(void *data, raptor_namespace *ns)
{
    ekg_ontology *o = data;
    const unsigned char *prefix = raptor_namespace_get_prefix(ns);
    raptor_uri *uri = raptor_namespace_get_uri(ns);
    if (!prefix || !uri)
        return;
    const char *p = ekg_pool_str(o->pool, (const char *)prefix);
    const char *u = ekg_pool_str(o->pool, (const char *)raptor_uri_as_string(uri));
    for (size_t i = 0; i < o->nprefixes; i++)
        if (o->prefixes[i].prefix == p)
            return;
    o->prefixes = ekg_xrealloc(o->prefixes, (o->nprefixes + 1) * sizeof *o->prefixes);
    o->prefixes[o->nprefixes].prefix = p;
    o->prefixes[o->nprefixes].iri = u;
    o->nprefixes++;
}

static void on_log(void *data, raptor_log_message *m)
{
    ekg_ontology *o = data;
    if (m->level < RAPTOR_LOG_LEVEL_ERROR)
        return;
    raptor_locator *loc = m->locator;
    if ((!loc || loc->line <= 0) && o->parser)
        loc = raptor_parser_get_locator(o->parser);
    int line = loc && loc->line > 0 ? loc->line : 0;
    int col = loc && loc->column > 0 ? loc->column : 0;
    ekg_error_set(o->err, o->source, line, col > 0 ? col : 0, "%s", m->text);
}

static int parse_file(ekg_ontology *o, raptor_world *w, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        ekg_error_set(o->err, path, 0, 0, "cannot open ontology file");
        return -1;
    }
    raptor_parser *p = raptor_new_parser(w, "turtle");
    raptor_parser_set_statement_handler(p, o, on_triple);
    o->parser = p;
    raptor_parser_set_namespace_handler(p, o, on_namespace);
    free(o->source);
    o->source = ekg_xstrdup(path);
    unsigned char *base_s = raptor_uri_filename_to_uri_string(path);
    raptor_uri *base = raptor_new_uri(w, base_s);
    int rc = raptor_parser_parse_file_stream(p, f, path, base);
    raptor_free_uri(base);
    raptor_free_memory(base_s);
    o->parser = NULL;
    raptor_free_parser(p);
    fclose(f);
    if (rc && !(o->err && o->err->set))
        ekg_error_set(o->err, path, 0, 0, "cannot parse ontology file");
    return rc || (o->err && o->err->set) ? -1 : 0;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    ekg_buf b;
    ekg_buf_init(&b);
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        ekg_buf_put(&b, chunk, n);
    fclose(f);
    return ekg_buf_detach(&b);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- querying the triples ---- */

static const char *local_of(const char *iri, const char *ns)
{
    size_t n = strlen(ns);
    return strncmp(iri, ns, n) == 0 ? iri + n : NULL;
}

/* First object of (s, p), or NULL. Linear in the subject's run: triples sorted by s. */
static size_t subject_start(const ekg_ontology *o, const char *s)
{
    size_t lo = 0, hi = o->ntriples;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(o->triples[mid].s, s) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static const char *value(const ekg_ontology *o, const char *s, const char *p)
{
    for (size_t i = subject_start(o, s); i < o->ntriples && o->triples[i].s == s; i++)
        if (strcmp(o->triples[i].p, p) == 0)
            return o->triples[i].o;
    return NULL;
}

static int has(const ekg_ontology *o, const char *s, const char *p, const char *obj)
{
    for (size_t i = subject_start(o, s); i < o->ntriples && o->triples[i].s == s; i++)
        if (strcmp(o->triples[i].p, p) == 0 && strcmp(o->triples[i].o, obj) == 0)
            return 1;
    return 0;
}

static int cmp_triple(const void *a, const void *b)
{
    const triple *x = a, *y = b;
    int c = strcmp(x->s, y->s);
    if (c)
        return c;
    c = strcmp(x->p, y->p);
    return c ? c : strcmp(x->o, y->o);
}

/* ---- indexing ---- */

static void plist_add(ekg_map *m, const char *key, size_t n, const void *item)
{
    plist *l = ekg_map_get(m, key, n);
    if (!l) {
        l = ekg_xcalloc(1, sizeof *l);
        ekg_map_put(m, key, n, l);
    }
    l->items = ekg_xrealloc(l->items, (l->n + 1) * sizeof *l->items);
    l->items[l->n++] = item;
}

static void plist_free(void *v)
{
    free(((plist *)v)->items);
    free(v);
}

static size_t first_word_len(const char *s)
{
    size_t n = 0;
    while (s[n] && s[n] != ' ')
        n++;
    return n;
}

static size_t count_words(const char *s)
{
    size_t n = 1;
    for (; *s; s++)
        n += *s == ' ';
    return n;
}

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Regular English verb forms: 0 lemma, 1 3sg, 2 past, 3 participle, 4 gerund. */
static void inflect(const char *lemma, int form, ekg_buf *out)
{
    size_t n = strlen(lemma);
    char last = n ? lemma[n - 1] : 0, prev = n > 1 ? lemma[n - 2] : 0;
    ekg_buf_clear(out);
    switch (form) {
    case 1:
        if (last == 'y' && !is_vowel(prev)) {
            ekg_buf_put(out, lemma, n - 1);
            ekg_buf_puts(out, "ies");
        } else if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
                   (last == 'h' && (prev == 'c' || prev == 's'))) {
            ekg_buf_puts(out, lemma);
            ekg_buf_puts(out, "es");
        } else {
            ekg_buf_puts(out, lemma);
            ekg_buf_putc(out, 's');
        }
        break;
    case 2:
    case 3:
        if (last == 'e') {
            ekg_buf_puts(out, lemma);
            ekg_buf_putc(out, 'd');
        } else if (last == 'y' && !is_vowel(prev)) {
            ekg_buf_put(out, lemma, n - 1);
            ekg_buf_puts(out, "ied");
        } else {
            ekg_buf_puts(out, lemma);
            ekg_buf_puts(out, "ed");
        }
        break;
    case 4:
        if (last == 'e' && prev == 'i') {
            ekg_buf_put(out, lemma, n - 2);
            ekg_buf_puts(out, "ying");
        } else if (last == 'e' && prev != 'e' && prev != 'y' && prev != 'o' && n > 2) {
            ekg_buf_put(out, lemma, n - 1);
            ekg_buf_puts(out, "ing");
        } else {
            ekg_buf_puts(out, lemma);
            ekg_buf_puts(out, "ing");
        }
        break;
    default:
        ekg_buf_puts(out, lemma);
    }
}

static void add_trigger(ekg_ontology *o, const char *words, const ekg_relation *rel,
                        ekg_trigger_kind kind, int form)
{
    char *lower = ekg_xmalloc(strlen(words) + 1);
    ekg_ascii_lower(lower, words, strlen(words));
    const char *w = ekg_pool_str(o->pool, lower);
    free(lower);
    for (size_t i = 0; i < o->ntriggers; i++)   /* no duplicates of the same reading */
        if (o->triggers[i].words == w && o->triggers[i].rel == rel && o->triggers[i].kind == kind)
            return;
    ekg_trigger *t = &o->triggers[o->ntriggers++];
    t->words = w;
    t->nwords = count_words(w);
    t->rel = rel;
    t->kind = kind;
    t->form = form;
}

/* Expands one ekg:triggerVerb literal into its forms. */
static void add_verb(ekg_ontology *o, const char *spec, const ekg_relation *rel)
{
    size_t head = first_word_len(spec);
    const char *rest = spec + head;   /* " particles" or "" */
    char *first = ekg_xstrndup(spec, head);
    ekg_buf form, words;
    ekg_buf_init(&form);
    ekg_buf_init(&words);
    if (strchr(first, '|')) {
        int k = 0;
        for (char *p = first, *bar; p && k < 5; p = bar ? bar + 1 : NULL, k++) {
            bar = strchr(p, '|');
            if ((bar ? (size_t)(bar - p) : strlen(p)) == 1 && *p == '-')
                continue;   /* "-": no trigger for this form ("back" is rarely the verb) */
            ekg_buf_clear(&words);
            ekg_buf_put(&words, p, bar ? (size_t)(bar - p) : strlen(p));
            ekg_buf_puts(&words, rest);
            add_trigger(o, words.data, rel, EKG_TRIG_VERB, k);
        }
    } else {
        for (int k = 0; k < 5; k++) {
            inflect(first, k, &form);
            ekg_buf_clear(&words);
            ekg_buf_puts(&words, form.data);
            ekg_buf_puts(&words, rest);
            add_trigger(o, words.data, rel, EKG_TRIG_VERB, k);
        }
    }
    ekg_buf_free(&form);
    ekg_buf_free(&words);
    free(first);
}

static void add_name(ekg_ontology *o, const char *text, const ekg_known *k, ekg_name_kind kind)
{
    if (!text || !*text)
        return;
    o->names = ekg_xrealloc(o->names, (o->nnames + 1) * sizeof *o->names);
    ekg_name *nm = &o->names[o->nnames++];
    nm->text = text;
    nm->known = k;
    nm->kind = kind;
}

static int cmp_known(const void *a, const void *b)
{
    return strcmp(((const ekg_known *)a)->id, ((const ekg_known *)b)->id);
}

static int cmp_name(const void *a, const void *b)
{
    const ekg_name *x = a, *y = b;
    int c = strcmp(x->text, y->text);
    if (c)
        return c;
    c = strcmp(x->known->id, y->known->id);
    return c ? c : (int)x->kind - (int)y->kind;
}

static int cmp_relation(const void *a, const void *b)
{
    return strcmp(((const ekg_relation *)a)->name, ((const ekg_relation *)b)->name);
}

static const char *const lex_lists[EKG_LEX_N] = {
    "PersonTitles",   "OrganizationHeadTitles", "ReportingVerbs", "HedgeWords",
    "PlanWords",      "NegationWords",          "OrganizationHeads", "GenericNouns",
    "ActorGroupNouns", "PartyMemberNouns"};

static void build(ekg_ontology *o)
{
    qsort(o->triples, o->ntriples, sizeof *o->triples, cmp_triple);
    const char *type = ekg_pool_str(o->pool, RDF_NS "type");
    const char *label = ekg_pool_str(o->pool, RDFS_NS "label");
    const char *alt = ekg_pool_str(o->pool, SKOS_NS "altLabel");
    const char *relation = ekg_pool_str(o->pool, EKG_NS_ONTO "Relation");

    /* relations */
    for (size_t i = 0; i < o->ntriples; i++) {
        triple *t = &o->triples[i];
        if (t->p == type && t->o == relation && local_of(t->s, EKG_NS_ONTO))
            o->nrelations++;
    }
    o->relations = ekg_xcalloc(o->nrelations, sizeof *o->relations);
    size_t k = 0, ntrig = 0;
    for (size_t i = 0; i < o->ntriples; i++) {
        triple *t = &o->triples[i];
        if (!(t->p == type && t->o == relation && local_of(t->s, EKG_NS_ONTO)))
            continue;
        ekg_relation *r = &o->relations[k++];
        r->name = local_of(t->s, EKG_NS_ONTO);
        r->label = value(o, t->s, label);
        const char *ec = value(o, t->s, EKG_NS_ONTO "eventClass");
        r->event_class = ec && local_of(ec, EKG_NS_ONTO) ? local_of(ec, EKG_NS_ONTO) : "Event";
        r->cameo = value(o, t->s, EKG_NS_ONTO "cameoRoot");
        r->plover = value(o, t->s, EKG_NS_ONTO "ploverType");
        const char *q = value(o, t->s, EKG_NS_ONTO "quadClass");
        r->quad = q ? atoi(q) : 0;
        r->symmetric = has(o, t->s, type, OWL_NS "SymmetricProperty");
        r->statement = strcmp(r->event_class, "Statement") == 0;
    }
    qsort(o->relations, o->nrelations, sizeof *o->relations, cmp_relation);
    o->relation_by_name = ekg_map_new();
    for (size_t i = 0; i < o->nrelations; i++)
        ekg_map_put(o->relation_by_name, o->relations[i].name, strlen(o->relations[i].name),
                    &o->relations[i]);

    /* triggers: at most 5 forms per verb literal */
    for (size_t i = 0; i < o->ntriples; i++) {
        const char *p = local_of(o->triples[i].p, EKG_NS_ONTO);
        if (p && (strcmp(p, "triggerVerb") == 0))
            ntrig += 5;
        else if (p && (strcmp(p, "triggerNoun") == 0 || strcmp(p, "triggerPredicative") == 0))
            ntrig += 1;
    }
    o->triggers = ekg_xcalloc(ntrig + 1, sizeof *o->triggers);
    for (size_t i = 0; i < o->ntriples; i++) {
        triple *t = &o->triples[i];
        const char *p = local_of(t->p, EKG_NS_ONTO);
        const char *rn = local_of(t->s, EKG_NS_ONTO);
        if (!p || !rn || !t->literal)
            continue;
        const ekg_relation *r = ekg_map_get(o->relation_by_name, rn, strlen(rn));
        if (!r)
            continue;
        if (strcmp(p, "triggerVerb") == 0)
            add_verb(o, t->o, r);
        else if (strcmp(p, "triggerNoun") == 0)
            add_trigger(o, t->o, r, EKG_TRIG_NOUN, 0);
        else if (strcmp(p, "triggerPredicative") == 0)
            add_trigger(o, t->o, r, EKG_TRIG_PREDICATIVE, 3);
    }
    o->triggers_by_word = ekg_map_new();
    for (size_t i = 0; i < o->ntriggers; i++) {
        const char *w = o->triggers[i].words;
        plist_add(o->triggers_by_word, w, first_word_len(w), &o->triggers[i]);
    }

    /* gazetteer: subjects in the id namespace with a label and an ekg: type */
    for (size_t i = 0; i < o->ntriples; i++) {
        triple *t = &o->triples[i];
        if (t->p == type && local_of(t->s, EKG_NS_ID) && local_of(t->o, EKG_NS_ONTO) &&
            value(o, t->s, label))
            o->nknown++;
    }
    o->known = ekg_xcalloc(o->nknown + 1, sizeof *o->known);
    k = 0;
    for (size_t i = 0; i < o->ntriples; i++) {
        triple *t = &o->triples[i];
        if (!(t->p == type && local_of(t->s, EKG_NS_ID) && local_of(t->o, EKG_NS_ONTO) &&
              value(o, t->s, label)))
            continue;
        if (k && strcmp(o->known[k - 1].id, local_of(t->s, EKG_NS_ID)) == 0)
            continue;   /* several types: the first (sorted) wins */
        ekg_known *kn = &o->known[k++];
        kn->id = local_of(t->s, EKG_NS_ID);
        kn->label = value(o, t->s, label);
        kn->cls = local_of(t->o, EKG_NS_ONTO);
        const char *same = value(o, t->s, OWL_NS "sameAs");
        const char *wd = same ? local_of(same, "http://www.wikidata.org/entity/") : NULL;
        kn->qid = wd;
        const char *c = value(o, t->s, EKG_NS_ONTO "country");
        kn->country = c ? local_of(c, EKG_NS_ID) : NULL;
        c = value(o, t->s, EKG_NS_ONTO "capital");
        kn->capital = c ? local_of(c, EKG_NS_ID) : NULL;
    }
    o->nknown = k;
    qsort(o->known, o->nknown, sizeof *o->known, cmp_known);
    o->known_by_id = ekg_map_new();
    for (size_t i = 0; i < o->nknown; i++)
        ekg_map_put(o->known_by_id, o->known[i].id, strlen(o->known[i].id), &o->known[i]);
    for (size_t i = 0; i < o->nknown; i++) {
        ekg_known *kn = &o->known[i];
        char iri[512];
        snprintf(iri, sizeof iri, "%s%s", EKG_NS_ID, kn->id);
        const char *s = ekg_pool_str(o->pool, iri);
        for (size_t j = subject_start(o, s); j < o->ntriples && o->triples[j].s == s; j++) {
            triple *t = &o->triples[j];
            if (t->p == label || t->p == alt)
                add_name(o, t->o, kn, EKG_NAME_NAME);
            else if (strcmp(t->p, EKG_NS_ONTO "demonym") == 0)
                add_name(o, t->o, kn, EKG_NAME_DEMONYM);
            else if (strcmp(t->p, EKG_NS_ONTO "descriptor") == 0)
                add_name(o, t->o, kn, EKG_NAME_DESCRIPTOR);
        }
    }
    if (o->nnames)   /* qsort(NULL, 0, ...) is undefined */
        qsort(o->names, o->nnames, sizeof *o->names, cmp_name);
    o->names_by_word = ekg_map_new();
    for (size_t i = 0; i < o->nnames; i++)
        plist_add(o->names_by_word, o->names[i].text, first_word_len(o->names[i].text),
                  &o->names[i]);

    /* thing classes */
    for (size_t i = 0; i < o->ntriples; i++) {
        triple *t = &o->triples[i];
        const char *p = local_of(t->p, EKG_NS_ONTO);
        const char *cn = local_of(t->s, EKG_NS_ONTO);
        if (!p || !cn || !t->literal || (strcmp(p, "headNoun") && strcmp(p, "anaphor")))
            continue;
        if (!o->nclasses || strcmp(o->classes[o->nclasses - 1].name, cn) != 0) {
            o->classes = ekg_xrealloc(o->classes, (o->nclasses + 1) * sizeof *o->classes);
            memset(&o->classes[o->nclasses], 0, sizeof *o->classes);
            o->classes[o->nclasses++].name = cn;
        }
        ekg_class *c = &o->classes[o->nclasses - 1];
        if (strcmp(p, "headNoun") == 0) {
            c->heads = ekg_xrealloc(c->heads, (c->nheads + 1) * sizeof *c->heads);
            c->heads[c->nheads++] = t->o;
        } else {
            c->anaphors = ekg_xrealloc(c->anaphors, (c->nanaphors + 1) * sizeof *c->anaphors);
            c->anaphors[c->nanaphors++] = t->o;
        }
    }

    o->class_by_head = ekg_map_new();
    o->class_by_anaphor = ekg_map_new();
    for (size_t i = 0; i < o->nclasses; i++) {   /* the first class listing a noun wins */
        ekg_class *c = &o->classes[i];
        for (size_t j = 0; j < c->nheads; j++)
            if (!ekg_map_get(o->class_by_head, c->heads[j], strlen(c->heads[j])))
                ekg_map_put(o->class_by_head, c->heads[j], strlen(c->heads[j]), c);
        for (size_t j = 0; j < c->nanaphors; j++)
            if (!ekg_map_get(o->class_by_anaphor, c->anaphors[j], strlen(c->anaphors[j])))
                ekg_map_put(o->class_by_anaphor, c->anaphors[j], strlen(c->anaphors[j]), c);
    }

    /* word lists */
    o->lex_first = ekg_map_new();
    for (int l = 0; l < EKG_LEX_N; l++) {
        o->lex[l] = ekg_map_new();
        char iri[256];
        snprintf(iri, sizeof iri, "%s%s", EKG_NS_ONTO, lex_lists[l]);
        const char *s = ekg_pool_str(o->pool, iri);
        for (size_t j = subject_start(o, s); j < o->ntriples && o->triples[j].s == s; j++)
            if (strcmp(o->triples[j].p, EKG_NS_ONTO "word") == 0) {
                const char *w = o->triples[j].o;
                char *lower = ekg_xmalloc(strlen(w) + 1);
                ekg_ascii_lower(lower, w, strlen(w));
                ekg_map_put(o->lex[l], lower, strlen(lower), (void *)1);
                size_t fl = strcspn(lower, " ");
                uintptr_t bits = (uintptr_t)ekg_map_get(o->lex_first, lower, fl);
                ekg_map_put(o->lex_first, lower, fl, (void *)(bits | ((uintptr_t)1 << l)));
                free(lower);
            }
    }
}

ekg_ontology *ekg_ontology_load(const char *dir, ekg_error *err)
{
    if (!dir)
        dir = getenv("EKG_ONTOLOGY");
#ifdef EKG_ONTOLOGY_DIR
    struct stat st;
    if (!dir && stat(EKG_ONTOLOGY_DIR "/ekg.ttl", &st) == 0)
        dir = EKG_ONTOLOGY_DIR;
#endif
#ifdef EKG_SOURCE_ONTOLOGY_DIR
    struct stat st2;
    if (!dir && stat(EKG_SOURCE_ONTOLOGY_DIR "/ekg.ttl", &st2) == 0)
        dir = EKG_SOURCE_ONTOLOGY_DIR;
#endif
    if (!dir)
        dir = "ontology";

    DIR *d = opendir(dir);
    if (!d) {
        ekg_error_set(err, dir, 0, 0, "cannot open ontology directory");
        return NULL;
    }
    char **files = NULL;
    size_t nfiles = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);
        if (n > 4 && strcmp(de->d_name + n - 4, ".ttl") == 0 &&
            strcmp(de->d_name, "shapes.ttl") != 0) {
            files = ekg_xrealloc(files, (nfiles + 1) * sizeof *files);
            size_t len = strlen(dir) + n + 2;
            files[nfiles] = ekg_xmalloc(len);
            snprintf(files[nfiles], len, "%s/%s", dir, de->d_name);
            nfiles++;
        }
    }
    closedir(d);
    if (nfiles)   /* qsort(NULL, 0, ...) is undefined */
        qsort(files, nfiles, sizeof *files, cmp_str);

    ekg_ontology *o = ekg_xcalloc(1, sizeof *o);
    o->pool = ekg_pool_new();
    ekg_error local;
    memset(&local, 0, sizeof local);
    o->err = err ? err : &local;
    int rc = 0;
    raptor_world *w = raptor_new_world();
    raptor_world_set_log_handler(w, o, on_log);
    raptor_world_open(w);
    for (size_t i = 0; i < nfiles && rc == 0; i++)
        rc = parse_file(o, w, files[i]);
    raptor_free_world(w);
    for (size_t i = 0; i < nfiles; i++)
        free(files[i]);
    free(files);
    if (rc == 0 && nfiles == 0) {
        ekg_error_set(o->err, dir, 0, 0, "no ontology files (*.ttl) in directory");
        rc = -1;
    }
    if (rc == 0) {
        char path[4096];
        snprintf(path, sizeof path, "%s/context.jsonld", dir);
        o->context = read_all(path);
        if (!o->context) {
            ekg_error_set(o->err, path, 0, 0, "cannot read the JSON-LD context");
            rc = -1;
        }
    }
    if (rc == 0) {
        build(o);
        if (!o->nrelations) {
            ekg_error_set(o->err, dir, 0, 0, "the ontology defines no ekg:Relation");
            rc = -1;
        }
    }
    o->err = NULL;
    if (rc) {
        ekg_ontology_free(o);
        return NULL;
    }
    return o;
}

void ekg_ontology_free(ekg_ontology *o)
{
    if (!o)
        return;
    ekg_map_free_values(o->triggers_by_word, plist_free);
    ekg_map_free_values(o->names_by_word, plist_free);
    ekg_map_free(o->relation_by_name);
    ekg_map_free(o->known_by_id);
    ekg_map_free(o->class_by_head);
    ekg_map_free(o->class_by_anaphor);
    for (int l = 0; l < EKG_LEX_N; l++)
        ekg_map_free(o->lex[l]);
    ekg_map_free(o->lex_first);
    for (size_t i = 0; i < o->nclasses; i++) {
        free(o->classes[i].heads);
        free(o->classes[i].anaphors);
    }
    free(o->classes);
    free(o->relations);
    free(o->triggers);
    free(o->known);
    free(o->names);
    free(o->triples);
    free(o->prefixes);
    free(o->context);
    free(o->source);
    ekg_pool_free(o->pool);
    free(o);
}

const ekg_relation *ekg_ontology_relation(const ekg_ontology *o, const char *name)
{
    return ekg_map_get(o->relation_by_name, name, strlen(name));
}

size_t ekg_ontology_n_relations(const ekg_ontology *o)
{
    return o->nrelations;
}

const ekg_relation *ekg_ontology_relation_at(const ekg_ontology *o, size_t i)
{
    return i < o->nrelations ? &o->relations[i] : NULL;
}

size_t ekg_ontology_n_prefixes(const ekg_ontology *o)
{
    return o->nprefixes;
}

const ekg_prefix *ekg_ontology_prefix(const ekg_ontology *o, size_t i)
{
    return i < o->nprefixes ? &o->prefixes[i] : NULL;
}

const ekg_trigger *const *ekg_ontology_triggers(const ekg_ontology *o, const char *word,
                                                size_t len, size_t *n)
{
    plist *l = ekg_map_get(o->triggers_by_word, word, len);
    *n = l ? l->n : 0;
    return l ? (const ekg_trigger *const *)l->items : NULL;
}

const ekg_name *const *ekg_ontology_names(const ekg_ontology *o, const char *word, size_t len,
                                          size_t *n)
{
    plist *l = ekg_map_get(o->names_by_word, word, len);
    *n = l ? l->n : 0;
    return l ? (const ekg_name *const *)l->items : NULL;
}

const ekg_known *ekg_ontology_known(const ekg_ontology *o, const char *id)
{
    return id ? ekg_map_get(o->known_by_id, id, strlen(id)) : NULL;
}

size_t ekg_ontology_n_classes(const ekg_ontology *o)
{
    return o->nclasses;
}

const ekg_class *ekg_ontology_class(const ekg_ontology *o, size_t i)
{
    return i < o->nclasses ? &o->classes[i] : NULL;
}

const ekg_class *ekg_ontology_thing_class(const ekg_ontology *o, const char *noun, int anaphor)
{
    return ekg_map_get(anaphor ? o->class_by_anaphor : o->class_by_head, noun, strlen(noun));
}

int ekg_ontology_lex(const ekg_ontology *o, ekg_lex_kind kind, const char *s, size_t n)
{
    return ekg_map_get(o->lex[kind], s, n) != NULL;
}

unsigned ekg_ontology_lex_starts(const ekg_ontology *o, const char *w, size_t n)
{
    return (unsigned)(uintptr_t)ekg_map_get(o->lex_first, w, n);
}

const char *ekg_ontology_context(const ekg_ontology *o)
{
    return o->context;
}
