/*
 * write_turtle.c - Turtle streamed by hand from the quads of ekg_rdf_emit()
 * (which gives each subject's triples together): time linear in the output,
 * memory one byte per IRI node plus a 64 KiB buffer.
 *
 *     @prefix ekg: <https://w3id.org/ekg/ontology#> .
 *     ...
 *
 *     ekgr:country-fra a ekg:Country ;
 *         rdfs:label "France"@en ;
 *         skos:altLabel "French Republic"@en, "Paris"@en .
 *
 * Choices, for the strict parsers and the stores of RECIPES.md:
 * - @prefix lines (never PREFIX) for the namespaces of ekg_rdf_prefix(),
 *   named as the ontology names them; a prefix whose name or IRI is not
 *   conservative (ekg_turtle_prefix_ok, ekg_iri_is_absolute) is not declared.
 * - A prefixed name only when the local part passes ekg_turtle_local_ok()
 *   ([A-Za-z0-9_][A-Za-z0-9_-]*: nothing to escape, no dot, since Virtuoso
 *   stores escaped local names wrongly); a full <IRI> otherwise.
 * - Literals in "..." with the N-Triples escapes (ekg_escape_nt_string);
 *   xsd:integer and xsd:decimal as bare numerals when their lexical form is
 *   canonical (and an integer fits int64), typed literals otherwise.
 * - rdf:type as "a"; objects of one predicate joined by ",", predicates of
 *   one subject by ";". The order is the emitter's: deterministic.
 */
#include "write.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"

#define CHUNK 8192        /* input bytes escaped in one go (6 output bytes each at worst) */
#define MAX_NS 32

enum { PC_UNKNOWN = 0, PC_FULL = 1, PC_PREFIX = 2 };   /* per-node cache: 2 + namespace */

typedef struct ttl_writer {
    ekg_out out;
    const char *pfx[MAX_NS], *ns[MAX_NS];
    size_t pfx_len[MAX_NS], ns_len[MAX_NS];
    size_t nns;
    unsigned char *pc;         /* per IRI node: PC_* (how to write it) */
    size_t npc;
    long cur_s, cur_p;         /* node numbers of the open subject and predicate, or -1 */
    const char *lang_ok;       /* the last language tag found valid */
    const char *dt_iri[4];     /* datatypes met: IRI, namespace (-1 full), kind */
    int dt_ns[4], dt_kind[4];
} ttl_writer;

enum { DT_OTHER, DT_INTEGER, DT_DECIMAL };

/* ---- escaping helpers (as write_nt.c) ---- */

typedef size_t (*escaper)(char *dst, const char *s, size_t n);

static void put_escaped(ekg_out *o, const char *s, size_t n, escaper f, size_t factor)
{
    while (n) {
        size_t k = n;
        if (k > CHUNK) {
            k = CHUNK;
            for (int back = 0; back < 3 && ((unsigned char)s[k] & 0xC0) == 0x80; back++)
                k--;
        }
        char *p = ekg_out_reserve(o, factor * k);
        o->len += f(p, s, k);
        s += k;
        n -= k;
    }
}

static void put_full_iri(ekg_out *o, const char *iri, size_t n)
{
    ekg_out_putc(o, '<');
    put_escaped(o, iri, n, ekg_escape_nt_iri, 3);
    ekg_out_putc(o, '>');
}

/* ---- names ---- */

/* The namespace to write iri with (its index), or -1: a full IRI. Longest namespace wins. */
static int name_of(const ttl_writer *w, const char *iri, size_t n)
{
    int best = -1;
    for (size_t i = 0; i < w->nns; i++) {
        size_t k = w->ns_len[i];
        if (k < n && memcmp(iri, w->ns[i], k) == 0 && ekg_turtle_local_ok(iri + k, n - k) &&
            (best < 0 || k > w->ns_len[best]))
            best = (int)i;
    }
    return best;
}

static void put_name(ekg_out *o, const ttl_writer *w, int ns, const char *iri, size_t n)
{
    size_t k = w->ns_len[ns], pl = w->pfx_len[ns];
    char *p = ekg_out_reserve(o, pl + 1 + (n - k));
    memcpy(p, w->pfx[ns], pl);
    p[pl] = ':';
    memcpy(p + pl + 1, iri + k, n - k);
    o->len += pl + 1 + (n - k);
}

/* An IRI node, prefixed when it can be (decided once per node). */
static void put_iri(ttl_writer *w, const ekg_rdf_term *t)
{
    ekg_out *o = &w->out;
    size_t node = (size_t)t->node;
    if (t->node < 0) {
        int ns = name_of(w, t->value, t->len);
        if (ns >= 0)
            put_name(o, w, ns, t->value, t->len);
        else
            put_full_iri(o, t->value, t->len);
        return;
    }
    if (node >= w->npc) {
        size_t cap = w->npc ? w->npc : 4096;
        while (cap <= node)
            cap *= 2;
        w->pc = ekg_xrealloc(w->pc, cap);
        memset(w->pc + w->npc, PC_UNKNOWN, cap - w->npc);
        w->npc = cap;
    }
    if (w->pc[node] == PC_UNKNOWN) {
        int ns = name_of(w, t->value, t->len);
        w->pc[node] = ns >= 0 ? (unsigned char)(PC_PREFIX + ns) : PC_FULL;
    }
    if (w->pc[node] >= PC_PREFIX)
        put_name(o, w, w->pc[node] - PC_PREFIX, t->value, t->len);
    else
        put_full_iri(o, t->value, t->len);
}

/* ---- literals ---- */

static int datatype_slot(ttl_writer *w, const char *dt)
{
    for (int i = 0; i < 4; i++) {
        if (w->dt_iri[i] == dt || (w->dt_iri[i] && strcmp(w->dt_iri[i], dt) == 0))
            return i;
        if (!w->dt_iri[i]) {
            w->dt_iri[i] = dt;
            w->dt_ns[i] = name_of(w, dt, strlen(dt));
            w->dt_kind[i] = !strcmp(dt, EKG_NS_XSD "integer")   ? DT_INTEGER
                            : !strcmp(dt, EKG_NS_XSD "decimal") ? DT_DECIMAL
                                                                : DT_OTHER;
            return i;
        }
    }
    return -1;   /* more than four datatypes: written in full, never as numerals */
}

static void put_literal(ttl_writer *w, const ekg_rdf_term *t)
{
    ekg_out *o = &w->out;
    int dt = t->datatype && !t->lang ? datatype_slot(w, t->datatype) : -1;
    if (dt >= 0 && ((w->dt_kind[dt] == DT_INTEGER && ekg_xsd_integer_canonical(t->value, t->len)) ||
                    (w->dt_kind[dt] == DT_DECIMAL && ekg_xsd_decimal_canonical(t->value, t->len)))) {
        ekg_out_write(o, t->value, t->len);   /* a bare numeral: the same lexical form */
        return;
    }
    if (t->len <= CHUNK) {
        char *p = ekg_out_reserve(o, EKG_NT_STRING_MAX(t->len) + 2);
        char *start = p;
        *p++ = '"';
        p += ekg_escape_nt_string(p, t->value, t->len);
        *p++ = '"';
        o->len += (size_t)(p - start);
    } else {
        ekg_out_putc(o, '"');
        put_escaped(o, t->value, t->len, ekg_escape_nt_string, 6);
        ekg_out_putc(o, '"');
    }
    if (t->lang) {
        if (t->lang == w->lang_ok || ekg_lang_tag_ok(t->lang)) {
            w->lang_ok = t->lang;
            ekg_out_putc(o, '@');
            ekg_out_puts(o, t->lang);
        }
    } else if (t->datatype) {
        ekg_out_write(o, "^^", 2);
        if (dt >= 0 && w->dt_ns[dt] >= 0)
            put_name(o, w, w->dt_ns[dt], t->datatype, strlen(t->datatype));
        else
            put_full_iri(o, t->datatype, strlen(t->datatype));
    }
}

/* ---- statements ---- */

static int ttl_quad(void *data, const ekg_quad *q)
{
    ttl_writer *w = data;
    ekg_out *o = &w->out;
    if (q->s->node != w->cur_s) {
        if (w->cur_s >= 0)
            ekg_out_write(o, " .\n\n", 4);
        put_iri(w, q->s);
        w->cur_s = q->s->node;
        w->cur_p = -1;
    }
    if (q->p->node != w->cur_p) {
        ekg_out_write(o, w->cur_p >= 0 ? " ;\n    " : " ", w->cur_p >= 0 ? 7 : 1);
        if (q->p->len == sizeof EKG_NS_RDF "type" - 1 && !memcmp(q->p->value, EKG_NS_RDF "type",
                                                                 q->p->len))
            ekg_out_putc(o, 'a');
        else
            put_iri(w, q->p);
        ekg_out_putc(o, ' ');
        w->cur_p = q->p->node;
    } else {
        ekg_out_write(o, ", ", 2);
    }
    if (q->o->kind == EKG_RDF_IRI)
        put_iri(w, q->o);
    else
        put_literal(w, q->o);
    return o->failed ? -1 : 0;
}

/* The namespaces to declare, from ekg_rdf_prefix() (the ontology's names for them). */
static void declare(ttl_writer *w, const ekg_graph *g)
{
    ekg_out *o = &w->out;
    for (size_t i = 0; i < ekg_rdf_n_prefixes() && w->nns < MAX_NS; i++) {
        const ekg_prefix *p = ekg_rdf_prefix(g, i);
        if (!p || !p->prefix || !p->iri)
            continue;
        size_t pl = strlen(p->prefix), nl = strlen(p->iri);
        if (!ekg_turtle_prefix_ok(p->prefix, pl) || !ekg_iri_is_absolute(p->iri))
            continue;
        int clash = 0;
        for (size_t k = 0; k < w->nns; k++)
            clash |= !strcmp(w->pfx[k], p->prefix) || !strcmp(w->ns[k], p->iri);
        if (clash)
            continue;
        w->pfx[w->nns] = p->prefix;
        w->pfx_len[w->nns] = pl;
        w->ns[w->nns] = p->iri;
        w->ns_len[w->nns] = nl;
        w->nns++;
        ekg_out_write(o, "@prefix ", 8);
        ekg_out_write(o, p->prefix, pl);
        ekg_out_write(o, ": ", 2);
        put_full_iri(o, p->iri, nl);
        ekg_out_write(o, " .\n", 3);
    }
    ekg_out_putc(o, '\n');
}

int ekg_write_turtle(const ekg_graph *g, ekg_sink sink, void *data, ekg_error *err)
{
    ttl_writer w;
    memset(&w, 0, sizeof w);
    w.cur_s = w.cur_p = -1;
    ekg_out_init(&w.out, sink, data);
    declare(&w, g);
    int rc = ekg_rdf_emit(g, ttl_quad, &w);
    if (w.cur_s >= 0)
        ekg_out_write(&w.out, " .\n", 3);
    free(w.pc);
    if (ekg_out_finish(&w.out) || rc) {
        ekg_error_set(err, NULL, 0, 0, "cannot write the Turtle output");
        return -1;
    }
    return 0;
}
