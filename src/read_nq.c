/*
 * read_nq.c - N-Quads that ekg wrote, read back into a graph (ekg merge): the
 * inverse of write_rdf.c's mapping, through raptor2's "nquads" parser.
 *
 * The statements of one file are collected first (a file may hold them in any
 * order, e.g. sorted, and a subject may come back, as in the output of --stream),
 * grouped by subject, and each group is read as what its IRI and types say it is:
 *   <doc/SLUG>               a document      (schema:NewsArticle)
 *   <doc/SLUG#char=S,E>      a mention       (ekg:Mention)
 *   <id/...> a sem:Event     an event, with its mentions (gaf:denotedBy)
 *   <id/...> a ekg:Affiliation   a person's affiliation with its role title
 *   <id/...> a ekg:<Class>   an entity, with its shortcut triples (ekg:<relation>)
 * The file's graph is built in that order (documents, entities, affiliations,
 * events) and merged into the caller's graph only when the whole file was read,
 * so a bad file leaves it unchanged. Any statement the writers do not make is an
 * error naming the file and the line.
 */
#include <errno.h>
#include <raptor2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "graph_internal.h"
#include "write.h"

/* One statement: pooled strings (equal strings, equal pointers) and its line. */
typedef struct rq_triple {
    const char *s, *p, *o;     /* o: an IRI, or a literal's lexical form */
    const char *lang, *dt;     /* literal: language tag, datatype IRI; or NULL */
    int lit;                   /* o is a literal */
    int line;
    size_t order;              /* position in the file: ties when sorting */
} rq_triple;

typedef enum { K_DOC, K_MENTION, K_ENTITY, K_AFFIL, K_EVENT } rq_kind;

/* The statements of one subject: t[from, to). */
typedef struct rq_group {
    size_t from, to;
    rq_kind kind;
} rq_group;

typedef struct reader {
    ekg_graph *g;              /* the file's own graph */
    ekg_pool *pool;
    const char *source;        /* the file as named in errors */
    raptor_parser *parser;
    rq_triple *t;
    size_t n, cap;
    rq_group *groups;
    size_t ngroups;
    ekg_map *docs;             /* document IRI -> ekg_doc */
    ekg_map *mentions;         /* mention IRI -> ekg_mention (ours) */
    ekg_map *shortcuts;        /* "relation|actor id|target id" of each shortcut triple */
    ekg_error *err;
    int failed;
} reader;

#define RDF_TYPE EKG_NS_RDF "type"

/* ---- errors ---- */

#ifdef __GNUC__
__attribute__((format(printf, 3, 4)))
#endif
static int fail(reader *r, int line, const char *fmt, ...)
{
    if (!r->failed) {
        char text[512];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(text, sizeof text, fmt, ap);
        va_end(ap);
        ekg_error_set(r->err, r->source, line, 0, "%s", text);
        r->failed = 1;
    }
    return -1;
}

static void on_log(void *data, raptor_log_message *m)
{
    reader *r = data;
    if (m->level < RAPTOR_LOG_LEVEL_ERROR || r->failed)
        return;
    raptor_locator *loc = m->locator;
    if ((!loc || loc->line <= 0) && r->parser)
        loc = raptor_parser_get_locator(r->parser);
    int line = loc && loc->line > 0 ? loc->line : 0;
    int col = loc && loc->column > 0 ? loc->column : 0;
    ekg_error_set(r->err, r->source, line, col, "not N-Quads: %s", m->text);
    r->failed = 1;
}

/* ---- collecting ---- */

static const char *term_text(reader *r, raptor_term *t)
{
    size_t n = 0;
    const unsigned char *s = NULL;
    if (t->type == RAPTOR_TERM_TYPE_URI)
        s = raptor_uri_as_counted_string(t->value.uri, &n);
    else if (t->type == RAPTOR_TERM_TYPE_LITERAL) {
        s = t->value.literal.string;
        n = t->value.literal.string_len;
    }
    return ekg_pool_intern(r->pool, s ? (const char *)s : "", s ? n : 0);
}

static void on_statement(void *data, raptor_statement *st)
{
    reader *r = data;
    if (r->failed)
        return;
    raptor_locator *loc = raptor_parser_get_locator(r->parser);
    int line = loc && loc->line > 0 ? loc->line : 0;
    if (st->subject->type != RAPTOR_TERM_TYPE_URI || st->object->type == RAPTOR_TERM_TYPE_BLANK ||
        (st->graph && st->graph->type != RAPTOR_TERM_TYPE_URI)) {
        fail(r, line, "a blank node: ekg writes none (not an ekg export?)");
        raptor_parser_parse_abort(r->parser);
        return;
    }
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 1024;
        r->t = ekg_xrealloc(r->t, r->cap * sizeof *r->t);
    }
    rq_triple *t = &r->t[r->n];
    memset(t, 0, sizeof *t);
    t->s = term_text(r, st->subject);
    t->p = term_text(r, st->predicate);
    t->o = term_text(r, st->object);
    /* N-Quads is UTF-8; raptor passes invalid bytes through. ekg never writes them (its
       writers replace them), so a graph read from them would not write back the same */
    if (!ekg_utf8_valid(t->s, strlen(t->s)) || !ekg_utf8_valid(t->p, strlen(t->p)) ||
        !ekg_utf8_valid(t->o, strlen(t->o))) {
        fail(r, line, "invalid UTF-8");
        raptor_parser_parse_abort(r->parser);
        return;
    }
    if (st->object->type == RAPTOR_TERM_TYPE_LITERAL) {
        t->lit = 1;
        if (st->object->value.literal.language)
            t->lang = ekg_pool_str(r->pool, (const char *)st->object->value.literal.language);
        if (st->object->value.literal.datatype)
            t->dt = ekg_pool_str(
                r->pool, (const char *)raptor_uri_as_string(st->object->value.literal.datatype));
    }
    t->line = line;
    t->order = r->n++;
}

static int parse(reader *r, const char *path)
{
    FILE *f = stdin;
    if (strcmp(path, "-") != 0) {
        f = fopen(path, "rb");
        if (!f)
            return fail(r, 0, "cannot open: %s", strerror(errno));
    }
    raptor_world *w = raptor_new_world();
    if (!w || raptor_world_open(w) != 0) {
        if (f != stdin)
            fclose(f);
        raptor_free_world(w);
        return fail(r, 0, "cannot start raptor2");
    }
    raptor_world_set_log_handler(w, r, on_log);
    raptor_parser *p = raptor_new_parser(w, "nquads");
    raptor_uri *base = raptor_new_uri(w, (const unsigned char *)EKG_NS_DOC);
    int rc = -1;
    if (p && base) {
        r->parser = p;
        raptor_parser_set_statement_handler(p, r, on_statement);
        rc = raptor_parser_parse_file_stream(p, f, r->source, base);
        r->parser = NULL;
    }
    if (ferror(f))
        fail(r, 0, "read error: %s", strerror(errno));
    if (rc != 0)
        fail(r, 0, "cannot parse as N-Quads");
    raptor_free_uri(base);
    raptor_free_parser(p);
    raptor_free_world(w);
    if (f != stdin)
        fclose(f);
    return r->failed ? -1 : 0;
}

/* ---- grouping ---- */

static int cmp_triple(const void *a, const void *b)
{
    const rq_triple *x = a, *y = b;
    int c = x->s == y->s ? 0 : strcmp(x->s, y->s);
    if (c)
        return c;
    return x->order < y->order ? -1 : x->order > y->order;
}

static int starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The local name of iri in namespace ns, or NULL. */
static const char *local(const char *iri, const char *ns)
{
    size_t n = strlen(ns);
    return strncmp(iri, ns, n) == 0 ? iri + n : NULL;
}

static int is_type(const rq_triple *t, const char *cls)
{
    return !t->lit && strcmp(t->p, RDF_TYPE) == 0 && strcmp(t->o, cls) == 0;
}

static int group(reader *r)
{
    if (r->n)
        qsort(r->t, r->n, sizeof *r->t, cmp_triple);
    r->groups = ekg_xmalloc((r->n + 1) * sizeof *r->groups);
    for (size_t i = 0; i < r->n;) {
        size_t j = i + 1;
        while (j < r->n && r->t[j].s == r->t[i].s)
            j++;
        rq_group *gr = &r->groups[r->ngroups++];
        gr->from = i;
        gr->to = j;
        const char *s = r->t[i].s;
        int line = r->t[i].line;
        if (starts(s, EKG_NS_DOC)) {
            gr->kind = strchr(s + strlen(EKG_NS_DOC), '#') ? K_MENTION : K_DOC;
        } else if (starts(s, EKG_NS_ID) && s[strlen(EKG_NS_ID)]) {
            int event = 0, affil = 0, typed = 0;
            for (size_t k = i; k < j; k++) {
                event |= is_type(&r->t[k], EKG_NS_SEM "Event");
                affil |= is_type(&r->t[k], EKG_NS_ONTO "Affiliation");
                typed |= !r->t[k].lit && strcmp(r->t[k].p, RDF_TYPE) == 0;
            }
            if (!typed)
                return fail(r, line, "<%s> has no rdf:type (not an ekg export?)", s);
            gr->kind = event ? K_EVENT : affil ? K_AFFIL : K_ENTITY;
        } else {
            return fail(r, line, "<%s>: not a subject ekg writes (not an ekg export?)", s);
        }
        i = j;
    }
    return 0;
}

/* ---- values ---- */

static int want_literal(reader *r, const rq_triple *t)
{
    if (!t->lit)
        return fail(r, t->line, "<%s> wants a literal, not an IRI", t->p);
    return 0;
}

static int want_iri(reader *r, const rq_triple *t)
{
    if (t->lit)
        return fail(r, t->line, "<%s> wants an IRI, not a literal", t->p);
    return 0;
}

/* A non-negative integer literal (charStart, charEnd). */
static int want_uint(reader *r, const rq_triple *t, uint32_t *v)
{
    if (want_literal(r, t))
        return -1;
    unsigned long x = 0;
    const char *p = t->o;
    if (!*p)
        return fail(r, t->line, "<%s>: an empty number", t->p);
    for (; *p; p++) {
        if (*p < '0' || *p > '9' || x > 0xffffffffUL / 10)
            return fail(r, t->line, "<%s>: '%s' is not a number ekg writes", t->p, t->o);
        x = x * 10 + (unsigned long)(*p - '0');
    }
    if (x > 0xffffffffUL)
        return fail(r, t->line, "<%s>: %s is too big", t->p, t->o);
    *v = (uint32_t)x;
    return 0;
}

static int want_date(reader *r, const rq_triple *t)
{
    if (want_literal(r, t))
        return -1;
    if (!ekg_date_valid(t->o))
        return fail(r, t->line, "<%s>: '%s' is not a date YYYY-MM-DD", t->p, t->o);
    return 0;
}

/* An entity id from its IRI (percent-escapes decoded). */
static const char *entity_id(reader *r, const char *iri)
{
    const char *s = local(iri, EKG_NS_ID);
    if (!s || !strchr(s, '%'))
        return s;
    ekg_buf b;
    ekg_buf_init(&b);
    for (; *s; s++) {
        int hi, lo;
        if (s[0] == '%' && (hi = ekg_hex_value(s[1])) >= 0 && (lo = ekg_hex_value(s[2])) >= 0) {
            ekg_buf_putc(&b, (char)(hi * 16 + lo));
            s += 2;
        } else {
            ekg_buf_putc(&b, *s);
        }
    }
    const char *id = ekg_pool_str(r->pool, b.data ? b.data : "");
    ekg_buf_free(&b);
    return id;
}

static ekg_entity *entity_of(reader *r, const rq_triple *t)
{
    if (want_iri(r, t))
        return NULL;
    const char *id = entity_id(r, t->o);
    ekg_entity *e = id ? ekg_map_get(r->g->entities, id, strlen(id)) : NULL;
    if (!e)
        fail(r, t->line, "<%s> is not an entity of this file", t->o);
    return e;
}

/* ---- documents and mentions ---- */

static int read_doc(reader *r, const rq_group *gr)
{
    const char *id = NULL;
    int line = r->t[gr->from].line;
    for (size_t k = gr->from; k < gr->to; k++)
        if (strcmp(r->t[k].p, EKG_NS_ONTO "sourceFile") == 0) {
            if (want_literal(r, &r->t[k]))
                return -1;
            if (id && strcmp(id, r->t[k].o) != 0)
                return fail(r, r->t[k].line, "a document with two ekg:sourceFile values");
            id = r->t[k].o;
            line = r->t[k].line;
        }
    if (!id)
        return fail(r, line, "<%s>: a document without ekg:sourceFile", r->t[gr->from].s);
    ekg_doc *d = ekg_graph_doc_add(r->g, id);
    if (!d)
        return fail(r, line, "document '%s' is twice in this file", id);
    if (strcmp(d->iri, r->t[gr->from].s) != 0)
        return fail(r, line, "<%s> is not the IRI of the document '%s'", r->t[gr->from].s, id);
    ekg_map_put(r->docs, r->t[gr->from].s, strlen(r->t[gr->from].s), d);
    for (size_t k = gr->from; k < gr->to && !r->failed; k++) {
        const rq_triple *t = &r->t[k];
        const char *p = local(t->p, EKG_NS_SCHEMA);
        if (is_type(t, EKG_NS_SCHEMA "NewsArticle") || strcmp(t->p, EKG_NS_ONTO "sourceFile") == 0)
            continue;
        if (p && strcmp(p, "headline") == 0 && !want_literal(r, t))
            ekg_graph_doc_set(r->g, &d->headline, t->o);
        else if (p && strcmp(p, "datePublished") == 0 && !want_date(r, t))
            ekg_graph_doc_set(r->g, &d->date, t->o);
        else if (p && strcmp(p, "publisher") == 0 && !want_literal(r, t))
            ekg_graph_doc_set(r->g, &d->publisher, t->o);
        else if (p && strcmp(p, "author") == 0 && !want_literal(r, t))
            ekg_graph_doc_set(r->g, &d->author, t->o);
        else if (p && strcmp(p, "url") == 0)
            ekg_graph_doc_set(r->g, &d->url, t->o);   /* an IRI or, if relative, a string */
        else if (strcmp(t->p, EKG_NS_ONTO "dateline") == 0 && !want_literal(r, t))
            ekg_graph_doc_set(r->g, &d->dateline, t->o);
        else if (!r->failed)
            return fail(r, t->line, "<%s>: not a statement ekg makes of a document", t->p);
    }
    return r->failed ? -1 : 0;
}

static int read_mention(reader *r, const rq_group *gr)
{
    const char *s = r->t[gr->from].s;
    ekg_mention *m = ekg_xcalloc(1, sizeof *m);
    ekg_map_put(r->mentions, s, strlen(s), m);
    int start = 0, end = 0, from = 0;
    for (size_t k = gr->from; k < gr->to && !r->failed; k++) {
        const rq_triple *t = &r->t[k];
        if (is_type(t, EKG_NS_ONTO "Mention"))
            continue;
        if (strcmp(t->p, EKG_NS_PROV "wasDerivedFrom") == 0) {
            if (want_iri(r, t))
                break;
            m->doc = ekg_map_get(r->docs, t->o, strlen(t->o));
            if (!m->doc)
                return fail(r, t->line, "<%s> is not a document of this file", t->o);
            from = 1;
        } else if (strcmp(t->p, EKG_NS_ONTO "sentence") == 0 && !want_literal(r, t)) {
            m->sentence = ekg_graph_str(r->g, t->o);
        } else if (strcmp(t->p, EKG_NS_ONTO "trigger") == 0 && !want_literal(r, t)) {
            m->trigger = ekg_graph_str(r->g, t->o);
        } else if (strcmp(t->p, EKG_NS_ONTO "charStart") == 0) {
            start = want_uint(r, t, &m->start) == 0;
        } else if (strcmp(t->p, EKG_NS_ONTO "charEnd") == 0) {
            end = want_uint(r, t, &m->end) == 0;
        } else if (strcmp(t->p, EKG_NS_SEM "hasTimeStamp") == 0 && !want_date(r, t)) {
            m->date = ekg_graph_str(r->g, t->o);
        } else if (!r->failed) {
            return fail(r, t->line, "<%s>: not a statement ekg makes of a mention", t->p);
        }
    }
    if (!r->failed && (!from || !start || !end))
        return fail(r, r->t[gr->from].line,
                    "<%s>: a mention wants prov:wasDerivedFrom, ekg:charStart and ekg:charEnd", s);
    if (!r->failed && !m->sentence)
        m->sentence = "";
    if (!r->failed && !m->trigger)
        m->trigger = "";
    return r->failed ? -1 : 0;
}

/* ---- entities, affiliations, shortcuts ---- */

static int read_entity(reader *r, const rq_group *gr)
{
    const char *s = r->t[gr->from].s, *id = entity_id(r, s);
    const char *label = NULL, *cls = NULL, *head = NULL;
    int line = r->t[gr->from].line;
    for (size_t k = gr->from; k < gr->to; k++) {
        const rq_triple *t = &r->t[k];
        if (strcmp(t->p, RDF_TYPE) == 0) {
            const char *c = local(t->o, EKG_NS_ONTO);
            if (!c || !*c || (cls && strcmp(c, cls) != 0))
                return fail(r, t->line, "<%s>: an entity has one rdf:type, an ekg: class", s);
            cls = c;
        } else if (strcmp(t->p, EKG_NS_RDFS "label") == 0 && !label) {
            if (want_literal(r, t))
                return -1;
            label = t->o;
        }
    }
    if (!label)
        return fail(r, line, "<%s>: an entity without rdfs:label", s);
    ekg_entity *e = ekg_graph_entity_get(r->g, id, label, cls);
    const char *anchors = NULL;
    for (size_t k = gr->from; k < gr->to && !r->failed; k++) {
        const rq_triple *t = &r->t[k];
        const char *p = local(t->p, EKG_NS_ONTO);
        if (strcmp(t->p, RDF_TYPE) == 0)
            continue;
        if (strcmp(t->p, EKG_NS_RDFS "label") == 0 || strcmp(t->p, EKG_NS_SKOS "altLabel") == 0) {
            if (!want_literal(r, t))   /* a second label (--stream repeats entities): a form */
                ekg_graph_entity_add_alt(r->g, e, t->o);
        } else if (strcmp(t->p, EKG_NS_OWL "sameAs") == 0) {
            const char *q = local(t->o, EKG_NS_WIKIDATA);
            if (want_iri(r, t) == 0 && (!q || !*q))
                fail(r, t->line, "<%s>: owl:sameAs a Wikidata item, not <%s>", s, t->o);
            else if (!r->failed && !e->qid)
                ekg_graph_entity_set_qid(r->g, e, q);
        } else if (p && strcmp(p, "headWord") == 0) {
            if (want_literal(r, t) == 0 && head && strcmp(head, t->o) != 0)
                fail(r, t->line, "<%s>: a thing with two head words", s);
            head = t->o;
        } else if (p && strcmp(p, "anchors") == 0) {
            if (want_literal(r, t) == 0 && anchors && strcmp(anchors, t->o) != 0)
                fail(r, t->line, "<%s>: a thing with two ekg:anchors", s);
            anchors = t->o;
        } else if (p && strcmp(p, "affiliatedWith") == 0) {
            /* the affiliation node says the same, with the role: read there */
        } else if (p && ekg_ontology_relation(r->g->onto, p)) {
            /* a shortcut triple: remembered for its event */
            if (want_iri(r, t))
                break;
            const char *tid = entity_id(r, t->o);
            ekg_buf key;
            ekg_buf_init(&key);
            ekg_buf_printf(&key, "%s|%s|%s", p, id, tid ? tid : "");
            ekg_map_put(r->shortcuts, key.data, key.len, (void *)t);
            ekg_buf_free(&key);
        } else {
            fail(r, t->line, "<%s>: not a statement ekg makes of an entity", t->p);
        }
    }
    if (!r->failed && !head && anchors)
        fail(r, line, "<%s>: ekg:anchors without ekg:headWord", s);
    if (!r->failed && head)
        ekg_graph_entity_set_thing(r->g, e, head, anchors);
    return r->failed ? -1 : 0;
}

static int read_affil(reader *r, const rq_group *gr)
{
    ekg_entity *member = NULL, *org = NULL;
    for (size_t k = gr->from; k < gr->to && !r->failed; k++) {
        const rq_triple *t = &r->t[k];
        ekg_entity *e;
        if (is_type(t, EKG_NS_ONTO "Affiliation") || strcmp(t->p, EKG_NS_ONTO "roleTitle") == 0)
            continue;
        if (strcmp(t->p, EKG_NS_ONTO "member") == 0 && (e = entity_of(r, t))) {
            if (member && member != e)
                fail(r, t->line, "an affiliation with two members");
            member = e;
        } else if (strcmp(t->p, EKG_NS_ONTO "organization") == 0 && (e = entity_of(r, t))) {
            if (org && org != e)
                fail(r, t->line, "an affiliation with two organisations");
            org = e;
        } else if (!r->failed) {
            fail(r, t->line, "<%s>: not a statement ekg makes of an affiliation", t->p);
        }
    }
    if (!r->failed && (!member || !org))
        fail(r, r->t[gr->from].line, "an affiliation wants ekg:member and ekg:organization");
    if (r->failed)
        return -1;
    ekg_graph_entity_add_affil(r->g, member, org, NULL);
    /* every role title (--stream may repeat the node): the graph keeps one by its rule */
    for (size_t k = gr->from; k < gr->to && !r->failed; k++)
        if (strcmp(r->t[k].p, EKG_NS_ONTO "roleTitle") == 0 && !want_literal(r, &r->t[k]))
            ekg_graph_entity_add_affil(r->g, member, org, r->t[k].o);
    return r->failed ? -1 : 0;
}

/* ---- events ---- */

static int read_event(reader *r, const rq_group *gr)
{
    const char *s = r->t[gr->from].s;
    const ekg_relation *rel = NULL;
    ekg_entity *actor = NULL, *target = NULL;
    int pol = -1, mod = -1, line = r->t[gr->from].line;
    double conf = 0;
    for (size_t k = gr->from; k < gr->to && !r->failed; k++) {
        const rq_triple *t = &r->t[k];
        const char *p = local(t->p, EKG_NS_ONTO);
        const char *o = t->lit ? NULL : local(t->o, EKG_NS_ONTO);
        if (strcmp(t->p, RDF_TYPE) == 0) {
            if (want_iri(r, t) == 0 && !o && strcmp(t->o, EKG_NS_SEM "Event") != 0)
                fail(r, t->line, "<%s>: an event's classes are sem:Event and ekg: ones", s);
        } else if (p && strcmp(p, "relation") == 0) {
            if (want_iri(r, t) == 0 && !(rel = o ? ekg_ontology_relation(r->g->onto, o) : NULL))
                fail(r, t->line, "<%s>: a relation the ontology does not define", t->o);
        } else if (strcmp(t->p, EKG_NS_SEM "hasActor") == 0) {
            actor = entity_of(r, t);
        } else if (p && strcmp(p, "target") == 0) {
            target = entity_of(r, t);
        } else if (p && strcmp(p, "polarity") == 0) {
            int v = o && strcmp(o, ekg_polarity_name(EKG_POSITIVE)) == 0   ? EKG_POSITIVE
                    : o && strcmp(o, ekg_polarity_name(EKG_NEGATIVE)) == 0 ? EKG_NEGATIVE
                                                                            : -1;
            if (v < 0 || (pol >= 0 && v != pol))
                fail(r, t->line, "<%s>: not a polarity, or a second one", t->o);
            pol = v;
        } else if (p && strcmp(p, "modality") == 0) {
            /* an event written more than once (--stream): the most certain, as merging does */
            int v = -1;
            for (int m = EKG_ASSERTED; m <= EKG_HEDGED && o; m++)
                if (strcmp(o, ekg_modality_name((ekg_modality)m)) == 0)
                    v = m;
            if (v < 0)
                fail(r, t->line, "<%s>: not a modality", t->o);
            else if (mod < 0 || v < mod)
                mod = v;
        } else if (p && strcmp(p, "confidence") == 0) {
            char *end;
            double c = 0;
            if (want_literal(r, t) == 0 && ((c = strtod(t->o, &end)), *end || end == t->o))
                fail(r, t->line, "ekg:confidence '%s' is not a number", t->o);
            else if (c > conf)
                conf = c;   /* the highest, as merging keeps */
        } else if (p && (strcmp(p, "cameoRoot") == 0 || strcmp(p, "ploverType") == 0 ||
                         strcmp(p, "quadClass") == 0 || strcmp(p, "quote") == 0)) {
            /* the relation's (from the ontology); quotes are not kept by merging */
        } else if (strcmp(t->p, EKG_NS_SEM "hasTimeStamp") == 0 ||
                   strcmp(t->p, EKG_NS_SEM "hasPlace") == 0) {
            /* the date is the earliest of the mentions', made anew; places are not kept */
        } else if (strcmp(t->p, EKG_NS_GAF "denotedBy") == 0) {
            want_iri(r, t);
        } else if (!r->failed) {
            fail(r, t->line, "<%s>: not a statement ekg makes of an event", t->p);
        }
    }
    if (r->failed)
        return -1;
    if (!rel || !actor || pol < 0 || mod < 0)
        return fail(r, line, "<%s>: an event wants ekg:relation, sem:hasActor, ekg:polarity "
                             "and ekg:modality", s);
    /* the shortcut triple, if any, licenses the shortcut */
    ekg_buf key;
    ekg_buf_init(&key);
    ekg_buf_printf(&key, "%s|%s|%s", rel->name, actor->id, target ? target->id : "");
    int shortcut = target && pol == EKG_POSITIVE && ekg_map_get(r->shortcuts, key.data, key.len);
    if (shortcut)
        ekg_map_put(r->shortcuts, key.data, key.len, NULL);   /* used */
    ekg_buf_free(&key);
    ekg_event *ev = NULL;
    for (size_t k = gr->from; k < gr->to; k++) {
        const rq_triple *t = &r->t[k];
        if (strcmp(t->p, EKG_NS_GAF "denotedBy") != 0)
            continue;
        ekg_mention *m = ekg_map_get(r->mentions, t->o, strlen(t->o));
        if (!m)
            return fail(r, t->line, "<%s> is not a mention of this file", t->o);
        ekg_mention mm = *m;
        mm.modality = (ekg_modality)mod;   /* the event's is the most certain of its mentions' */
        ev = ekg_graph_event_add(r->g, rel, actor, target, (ekg_polarity)pol, &mm, conf, shortcut);
    }
    if (!ev)
        return fail(r, line, "<%s>: an event without gaf:denotedBy", s);
    if (strcmp(ev->id, local(s, EKG_NS_ID)) != 0)
        return fail(r, line, "<%s> is not the IRI ekg gives this event (<%s%s>)", s, EKG_NS_ID,
                    ev->id);
    return 0;
}

/* ---- the file ---- */

static int build(reader *r)
{
    static const rq_kind order[] = {K_DOC, K_MENTION, K_ENTITY, K_AFFIL, K_EVENT};
    for (size_t o = 0; o < sizeof order / sizeof *order; o++)
        for (size_t i = 0; i < r->ngroups && !r->failed; i++) {
            const rq_group *gr = &r->groups[i];
            if (gr->kind != order[o])
                continue;
            switch (gr->kind) {
            case K_DOC: read_doc(r, gr); break;
            case K_MENTION: read_mention(r, gr); break;
            case K_ENTITY: read_entity(r, gr); break;
            case K_AFFIL: read_affil(r, gr); break;
            case K_EVENT: read_event(r, gr); break;
            }
        }
    /* a shortcut triple without its event */
    for (size_t i = 0; i < ekg_map_capacity(r->shortcuts) && !r->failed; i++) {
        void *v;
        if (ekg_map_slot(r->shortcuts, i, NULL, &v) && v) {
            const rq_triple *t = v;
            fail(r, t->line, "<%s> <%s> <%s>: a relation without its event", t->s, t->p, t->o);
        }
    }
    return r->failed ? -1 : 0;
}

int ekg_graph_read_nquads(ekg_graph *g, const char *path, ekg_error *err)
{
    ekg_error local_err;
    memset(&local_err, 0, sizeof local_err);
    reader r;
    memset(&r, 0, sizeof r);
    r.err = err ? err : &local_err;
    r.source = strcmp(path, "-") == 0 ? "stdin" : path;
    r.pool = ekg_pool_new();
    r.g = ekg_graph_new(g->onto);
    r.docs = ekg_map_new();
    r.mentions = ekg_map_new();
    r.shortcuts = ekg_map_new();
    int rc = parse(&r, path);
    if (rc == 0)
        rc = group(&r);
    if (rc == 0)
        rc = build(&r);
    /* documents another input had already: an error before anything is merged */
    for (size_t i = 0; rc == 0 && i < ekg_map_capacity(r.g->docs); i++) {
        void *v;
        if (ekg_map_slot(r.g->docs, i, NULL, &v) && ekg_map_get(g->docs, ((ekg_doc *)v)->id,
                                                                 strlen(((ekg_doc *)v)->id))) {
            int line = 0;
            for (size_t k = 0; k < r.n && !line; k++)
                if (strcmp(r.t[k].p, EKG_NS_ONTO "sourceFile") == 0 &&
                    strcmp(r.t[k].o, ((ekg_doc *)v)->id) == 0)
                    line = r.t[k].line;
            rc = fail(&r, line, "document '%s' was in an earlier input already",
                      ((ekg_doc *)v)->id);
        }
    }
    if (rc == 0) {
        rc = ekg_graph_absorb(g, r.g, r.err);   /* frees r.g */
        r.g = NULL;
    }
    for (size_t i = 0; i < ekg_map_capacity(r.mentions); i++) {
        void *v;
        if (ekg_map_slot(r.mentions, i, NULL, &v))
            free(v);
    }
    ekg_map_free(r.mentions);
    ekg_map_free(r.docs);
    ekg_map_free(r.shortcuts);
    ekg_graph_free(r.g);
    ekg_pool_free(r.pool);
    free(r.t);
    free(r.groups);
    return rc;
}
