/*
 * fuzz_common.h - what every ekg fuzz target shares: the ontology loaded once
 * from the source tree, and the output oracle. Every writer runs into memory,
 * and each output is read back by the real parser of its syntax:
 *
 *   Turtle       raptor2 "turtle"      no error or warning, same triples as N-Triples
 *   N-Triples    raptor2 "ntriples"    no error or warning
 *   N-Quads      raptor2 "nquads"      no error or warning, same triple count
 *   JSON-LD      jansson json_loadb    valid UTF-8 JSON, no duplicate keys, an object
 *   DOT          cgraph agmemread      parses with no error
 *   CSV          RFC 4180 reader       every record has the header's field count
 *
 * and every output must be valid UTF-8 without NUL bytes and byte-identical
 * when written twice ("no corrupt output, nothing lost"). A graph whose
 * N-Triples were already checked is not checked again. A failed check
 * prints the offending output and aborts, so that libFuzzer keeps the input.
 *
 * Header-only on purpose: each target is one translation unit.
 */
#ifndef EKG_FUZZ_COMMON_H
#define EKG_FUZZ_COMMON_H

#include <graphviz/cgraph.h>
#include <jansson.h>
#include <raptor2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ekg.h"

#ifndef EKG_FUZZ_ONTOLOGY
#error "EKG_FUZZ_ONTOLOGY must name the source ontology directory"
#endif

static ekg_ontology *fz_onto;
static raptor_world *fz_world;

/* ---- growable memory sink ---- */

typedef struct fz_mem {
    char *data;
    size_t len, cap;
} fz_mem;

static int fz_mem_sink(void *data, const char *bytes, size_t len)
{
    fz_mem *m = data;
    if (m->len + len + 1 > m->cap) {
        size_t cap = m->cap ? m->cap : 4096;
        while (cap < m->len + len + 1)
            cap *= 2;
        char *nd = realloc(m->data, cap);
        if (!nd)
            abort();
        m->data = nd;
        m->cap = cap;
    }
    memcpy(m->data + m->len, bytes, len);
    m->len += len;
    m->data[m->len] = '\0';
    return 0;
}

static void fz_mem_free(fz_mem *m)
{
    free(m->data);
    memset(m, 0, sizeof *m);
}

/* ---- failure ---- */

static void fz_fail(const char *what, const fz_mem *out)
{
    fprintf(stderr, "\n*** ekg fuzz: %s\n", what);
    if (out && out->data)
        fprintf(stderr, "--- output (%zu bytes) ---\n%.*s\n--- end ---\n", out->len,
                (int)(out->len > 8000 ? 8000 : out->len), out->data);
    abort();
}

/* ---- set-up (once per process) ---- */

static void fz_raptor_log(void *data, raptor_log_message *m)
{
    int *errors = data;
    if (m->level >= RAPTOR_LOG_LEVEL_WARN) {
        (*errors)++;
        if (getenv("EKG_FUZZ_VERBOSE"))
            fprintf(stderr, "raptor: line %d: %s\n", m->locator ? m->locator->line : -1,
                    m->text);
    }
}

static int fz_raptor_errors;

static void fz_init(void)
{
    ekg_error err;
    memset(&err, 0, sizeof err);
    const char *dir = getenv("EKG_FUZZ_ONTOLOGY_DIR");
    fz_onto = ekg_ontology_load(dir ? dir : EKG_FUZZ_ONTOLOGY, &err);
    if (!fz_onto) {
        fprintf(stderr, "ekg fuzz: cannot load the ontology %s: %s:%d: %s\n",
                dir ? dir : EKG_FUZZ_ONTOLOGY, err.source, err.line, err.text);
        exit(1);
    }
    fz_world = raptor_new_world();
    raptor_world_set_log_handler(fz_world, &fz_raptor_errors, fz_raptor_log);
    if (!fz_world || raptor_world_open(fz_world))
        exit(1);
    /* the DOT check reports through agerrors(); keep cgraph quiet */
    agseterr(AGMAX);
}

/* ---- independent oracles ---- */

/* Strict UTF-8 (no overlongs, no surrogates, <= U+10FFFF) and no NUL byte. */
static int fz_utf8_ok(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    while (p < e) {
        unsigned c = *p;
        if (c == 0)
            return 0;
        if (c < 0x80) {
            p++;
            continue;
        }
        size_t k;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF)
            k = 1, cp = c & 0x1F, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF)
            k = 2, cp = c & 0x0F, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4)
            k = 3, cp = c & 0x07, min = 0x10000;
        else
            return 0;
        if ((size_t)(e - p) <= k)
            return 0;
        for (size_t i = 1; i <= k; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        p += k + 1;
    }
    return 1;
}

typedef struct fz_count {
    size_t n;
} fz_count;

static void fz_on_statement(void *data, raptor_statement *st)
{
    ((fz_count *)data)->n++;
    (void)st;
}

static size_t fz_check_raptor(const char *syntax, const fz_mem *out);

/*
 * Known bug (see tests/fuzz/README.md): raptor 2.0.15's Turtle serializer
 * writes a carriage return raw inside a short "..." literal, which Turtle
 * forbids. With EKG_FUZZ_IGNORE_KNOWN set, a Turtle output that parses once
 * every raw CR is replaced by a space counts as that bug and not as a crash,
 * so that long runs can look for other bugs.
 */
static int fz_known_cr(const fz_mem *out, size_t *n)
{
    if (!getenv("EKG_FUZZ_IGNORE_KNOWN") || !memchr(out->data, '\r', out->len))
        return 0;
    fz_mem patched = {0};
    fz_mem_sink(&patched, out->data, out->len);
    for (size_t i = 0; i < patched.len; i++)
        if (patched.data[i] == '\r')
            patched.data[i] = ' ';
    unsetenv("EKG_FUZZ_IGNORE_KNOWN");   /* no recursion */
    *n = fz_check_raptor("turtle", &patched);   /* aborts if something else is wrong too */
    setenv("EKG_FUZZ_IGNORE_KNOWN", "1", 1);
    fz_mem_free(&patched);
    return 1;
}

/* Parses `out` with raptor's `syntax` parser; aborts on any error. Returns the triple count. */
static size_t fz_check_raptor(const char *syntax, const fz_mem *out)
{
    fz_count c = {0};
    fz_raptor_errors = 0;
    raptor_parser *p = raptor_new_parser(fz_world, syntax);
    if (!p)
        abort();
    raptor_parser_set_statement_handler(p, &c, fz_on_statement);
    raptor_uri *base = raptor_new_uri(fz_world, (const unsigned char *)"urn:x-ekg-fuzz:");
    int rc = raptor_parser_parse_start(p, base);
    if (!rc)
        rc = raptor_parser_parse_chunk(p, (const unsigned char *)out->data, out->len, 1);
    raptor_free_uri(base);
    raptor_free_parser(p);
    size_t known_n;
    if ((rc || fz_raptor_errors) && strcmp(syntax, "turtle") == 0 && fz_known_cr(out, &known_n))
        return known_n;
    if (rc || fz_raptor_errors) {
        char what[128];
        snprintf(what, sizeof what, "the %s output does not parse (%d errors)", syntax,
                 fz_raptor_errors);
        fz_fail(what, out);
    }
    return c.n;
}

static void fz_check_jsonld(const fz_mem *out)
{
    json_error_t je;
    json_t *j = json_loadb(out->data, out->len, JSON_REJECT_DUPLICATES, &je);
    if (!j) {
        char what[300];
        snprintf(what, sizeof what, "the JSON-LD is not JSON: %d:%d: %s", je.line, je.column,
                 je.text);
        fz_fail(what, out);
    }
    if (!json_is_object(j))
        fz_fail("the JSON-LD is not a JSON object", out);
    json_decref(j);
}

static void fz_check_dot(const fz_mem *out)
{
    agreseterrors();
    Agraph_t *g = agmemread(out->data);
    int errors = agerrors();
    if (!g || errors) {
        if (g)
            agclose(g);
        fz_fail("the DOT output does not parse with cgraph", out);
    }
    agclose(g);
}

/* RFC 4180: CRLF records, quoted fields with "" for '"'; same field count each record. */
static void fz_check_csv(const fz_mem *out)
{
    const char *p = out->data, *e = out->data + out->len;
    size_t want = 0, fields = 1, records = 0;
    while (p < e) {
        if (*p == '"') {
            p++;
            for (;;) {
                if (p >= e)
                    fz_fail("CSV: unterminated quoted field", out);
                if (*p == '"') {
                    if (p + 1 < e && p[1] == '"') {
                        p += 2;
                        continue;
                    }
                    p++;
                    break;
                }
                p++;
            }
            if (p < e && *p != ',' && *p != '\r')
                fz_fail("CSV: text after a closing quote", out);
            continue;
        }
        if (*p == ',') {
            fields++;
            p++;
        } else if (*p == '\r') {
            if (p + 1 >= e || p[1] != '\n')
                fz_fail("CSV: CR without LF", out);
            if (records == 0)
                want = fields;
            else if (fields != want)
                fz_fail("CSV: a record has the wrong number of fields", out);
            records++;
            fields = 1;
            p += 2;
        } else if (*p == '\n') {
            fz_fail("CSV: bare LF outside quotes", out);
        } else {
            p++;
        }
    }
    if (fields != 1)
        fz_fail("CSV: the last record does not end with CRLF", out);
    if (records == 0)
        fz_fail("CSV: no header", out);
}

/* Writes `f` into `m` (emptied first); aborts on a writer error. */
static void fz_write(const ekg_graph *g, ekg_format f, fz_mem *m)
{
    ekg_error err;
    memset(&err, 0, sizeof err);
    m->len = 0;
    if (m->data)
        m->data[0] = '\0';
    if (ekg_write(g, f, fz_mem_sink, m, &err) != 0) {
        fprintf(stderr, "ekg_write(%s): %s\n", ekg_format_extension(f), err.text);
        fz_fail("a writer failed on a memory sink", m);
    }
    fz_mem_sink(m, "", 0);   /* NUL-terminated even when empty */
    if (!fz_utf8_ok(m->data, m->len)) {
        char what[64];
        snprintf(what, sizeof what, "the %s output is not valid UTF-8", ekg_format_extension(f));
        fz_fail(what, m);
    }
}

/* Every writer, every check. */
/*
 * Graphs already checked, by a 64-bit hash of their N-Triples: every output is
 * a deterministic function of the graph, so a graph met again (most mutations
 * change nothing that reaches it) is not parsed again by every consumer.
 */
#define FZ_SEEN_BITS 22
static uint64_t *fz_seen;
static size_t fz_nseen;

static int fz_seen_before(const fz_mem *nt)
{
    uint64_t h = 1469598103934665603ULL ^ nt->len;
    for (size_t i = 0; i < nt->len; i++)
        h = (h ^ (unsigned char)nt->data[i]) * 1099511628211ULL;
    h |= 1;   /* 0 marks an empty slot */
    size_t cap = (size_t)1 << FZ_SEEN_BITS;
    if (!fz_seen)
        fz_seen = calloc(cap, sizeof *fz_seen);
    if (!fz_seen || fz_nseen * 2 > cap)
        return 0;   /* full: check everything from now on */
    for (size_t i = (size_t)(h * 0x9E3779B97F4A7C15ULL >> (64 - FZ_SEEN_BITS));;
         i = (i + 1) & (cap - 1)) {
        if (fz_seen[i] == h)
            return 1;
        if (!fz_seen[i]) {
            fz_seen[i] = h;
            fz_nseen++;
            return 0;
        }
    }
}

static void fz_check_all_writers(const ekg_graph *g)
{
    fz_mem m = {0}, again = {0};
    fz_write(g, EKG_FORMAT_NTRIPLES, &m);
    if (fz_seen_before(&m)) {
        fz_mem_free(&m);
        return;
    }
    fz_write(g, EKG_FORMAT_TURTLE, &m);
    size_t n_ttl = fz_check_raptor("turtle", &m);
    fz_write(g, EKG_FORMAT_TURTLE, &again);
    if (again.len != m.len || memcmp(again.data, m.data, m.len) != 0)
        fz_fail("Turtle differs when written twice", &again);

    fz_write(g, EKG_FORMAT_NTRIPLES, &m);
    size_t n_nt = fz_check_raptor("ntriples", &m);
    if (n_nt != n_ttl) {
        fprintf(stderr, "turtle %zu triples, ntriples %zu\n", n_ttl, n_nt);
        fz_fail("Turtle and N-Triples hold a different number of triples", &m);
    }
    fz_write(g, EKG_FORMAT_NQUADS, &m);
    size_t n_nq = fz_check_raptor("nquads", &m);
    if (n_nq != n_nt) {
        fprintf(stderr, "nquads %zu, ntriples %zu\n", n_nq, n_nt);
        fz_fail("N-Quads and N-Triples hold a different number of statements", &m);
    }

    fz_write(g, EKG_FORMAT_JSONLD, &m);
    fz_check_jsonld(&m);
    fz_write(g, EKG_FORMAT_DOT, &m);
    fz_check_dot(&m);
    fz_write(g, EKG_FORMAT_CSV, &m);
    fz_check_csv(&m);

    fz_mem_free(&m);
    fz_mem_free(&again);
}

#endif
