/*
 * write_nt.c - N-Triples and N-Quads written by hand, straight from the quads
 * of ekg_rdf_emit() into the 64 KiB buffer of an ekg_out: no term objects, no
 * per-triple allocation, time linear in the output and constant memory.
 *
 * One statement per line, "<s> <p> o [<g>] .", UTF-8 without a BOM.
 * Literals are escaped by ekg_escape_nt_string() (\" \\ \n \r \t, other
 * controls as \u00XX, invalid UTF-8 as U+FFFD); IRIs go through
 * ekg_escape_nt_iri(), which keeps the emitter's (already valid) IRIs as they
 * are and percent-encodes anything an IRIREF cannot hold; each IRI node is
 * checked once (one byte per node remembers the answer). A language tag that
 * is not BCP 47-shaped is dropped rather than written broken.
 */
#include "write.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"

/* Input bytes escaped in one go: the worst case (6 per byte) fits the buffer. */
#define CHUNK 8192

typedef size_t (*escaper)(char *dst, const char *s, size_t n);

/* Writes s[0..n) through f (at most `factor` output bytes per input byte). */
static void put_escaped(ekg_out *o, const char *s, size_t n, escaper f, size_t factor)
{
    while (n) {
        size_t k = n;
        if (k > CHUNK) {
            /* cut before a UTF-8 sequence, never inside one */
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

static void put_iri(ekg_out *o, const char *iri, size_t n)
{
    if (n <= CHUNK) {
        char *p = ekg_out_reserve(o, EKG_NT_IRI_MAX(n) + 2);
        char *start = p;
        *p++ = '<';
        p += ekg_escape_nt_iri(p, iri, n);
        *p++ = '>';
        o->len += (size_t)(p - start);
        return;
    }
    ekg_out_putc(o, '<');
    put_escaped(o, iri, n, ekg_escape_nt_iri, 3);
    ekg_out_putc(o, '>');
}

typedef struct nt_writer {
    ekg_out out;
    int nquads;
    const char *lang_ok;   /* the last language tag found valid (the emitter reuses one) */
    unsigned char *clean;  /* per IRI node: 0 not seen, 1 written as is, 2 needs escapes */
    size_t nclean;
} nt_writer;

/* An IRI node: checked (escaped) the first time, copied afterwards when it needed nothing. */
static void put_node(nt_writer *w, const ekg_rdf_term *t)
{
    ekg_out *o = &w->out;
    size_t node = (size_t)t->node, n = t->len;
    if (t->node < 0 || n > CHUNK) {
        put_iri(o, t->value, n);
        return;
    }
    if (node >= w->nclean) {
        size_t cap = w->nclean ? w->nclean : 4096;
        while (cap <= node)
            cap *= 2;
        w->clean = ekg_xrealloc(w->clean, cap);
        memset(w->clean + w->nclean, 0, cap - w->nclean);
        w->nclean = cap;
    }
    if (w->clean[node] == 1) {
        char *p = ekg_out_reserve(o, n + 2);
        p[0] = '<';
        memcpy(p + 1, t->value, n);
        p[n + 1] = '>';
        o->len += n + 2;
        return;
    }
    size_t before = o->len;
    put_iri(o, t->value, n);
    /* escaping only ever lengthens: the same length means nothing was escaped */
    if (!w->clean[node])
        w->clean[node] = o->len - before == n + 2 ? 1 : 2;
}

static int lang_valid(nt_writer *w, const char *lang)
{
    if (lang == w->lang_ok)
        return 1;
    if (!ekg_lang_tag_ok(lang))
        return 0;
    w->lang_ok = lang;
    return 1;
}

/* A literal, its language tag or datatype included. */
static void put_literal(ekg_out *o, const ekg_rdf_term *t, int lang_ok)
{
    size_t n = t->len;
    if (n <= CHUNK) {
        char *p = ekg_out_reserve(o, EKG_NT_STRING_MAX(n) + 2);
        char *start = p;
        *p++ = '"';
        p += ekg_escape_nt_string(p, t->value, n);
        *p++ = '"';
        o->len += (size_t)(p - start);
    } else {
        ekg_out_putc(o, '"');
        put_escaped(o, t->value, n, ekg_escape_nt_string, 6);
        ekg_out_putc(o, '"');
    }
    if (t->lang && lang_ok) {
        ekg_out_putc(o, '@');
        ekg_out_puts(o, t->lang);
    } else if (t->datatype) {
        ekg_out_write(o, "^^", 2);
        put_iri(o, t->datatype, strlen(t->datatype));
    }
}

static int nt_quad(void *data, const ekg_quad *q)
{
    nt_writer *w = data;
    ekg_out *o = &w->out;
    put_node(w, q->s);
    ekg_out_putc(o, ' ');
    put_node(w, q->p);
    ekg_out_putc(o, ' ');
    if (q->o->kind == EKG_RDF_IRI)
        put_node(w, q->o);
    else
        put_literal(o, q->o, q->o->lang && lang_valid(w, q->o->lang));
    if (w->nquads && q->g) {
        ekg_out_putc(o, ' ');
        put_node(w, q->g);
    }
    ekg_out_write(o, " .\n", 3);
    return o->failed ? -1 : 0;
}

int ekg_write_nt(const ekg_graph *g, int nquads, ekg_sink sink, void *data, ekg_error *err)
{
    nt_writer w;
    memset(&w, 0, sizeof w);
    w.nquads = nquads != 0;
    ekg_out_init(&w.out, sink, data);
    int rc = ekg_rdf_emit(g, nt_quad, &w);
    free(w.clean);
    if (ekg_out_finish(&w.out) || rc) {
        ekg_error_set(err, NULL, 0, 0, "cannot write the %s output",
                      nquads ? "N-Quads" : "N-Triples");
        return -1;
    }
    return 0;
}
