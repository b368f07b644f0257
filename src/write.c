/*
 * write.c - ekg_write(): format names, buffered output on a sink, and the
 * raptor2 writers (Turtle, N-Triples, N-Quads) fed by ekg_rdf_emit(), kept
 * beside the hand-written defaults (write_nt.c, write_turtle.c) under the
 * format names "ttl-raptor", "nt-raptor", "nq-raptor".
 */
#include "write.h"

#include <raptor2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- sinks and buffered output ---- */

int ekg_sink_file(void *data, const char *bytes, size_t len)
{
    FILE *f = data;
    return fwrite(bytes, 1, len, f) == len ? 0 : -1;
}

void ekg_out_init(ekg_out *o, ekg_sink sink, void *data)
{
    memset(o, 0, sizeof *o);
    o->sink = sink;
    o->data = data;
    o->cap = EKG_OUT_CAP;
    o->buf = ekg_xmalloc(o->cap);
}

void ekg_out_flush(ekg_out *o)
{
    if (o->len && !o->failed && o->sink(o->data, o->buf, o->len) != 0)
        o->failed = 1;
    o->len = 0;
}

void ekg_out_write(ekg_out *o, const char *bytes, size_t len)
{
    if (o->failed)
        return;
    if (len >= o->cap) {
        ekg_out_flush(o);
        if (!o->failed && o->sink(o->data, bytes, len) != 0)
            o->failed = 1;
        return;
    }
    if (o->len + len > o->cap)
        ekg_out_flush(o);
    memcpy(o->buf + o->len, bytes, len);
    o->len += len;
}

void ekg_out_puts(ekg_out *o, const char *s)
{
    ekg_out_write(o, s, strlen(s));
}

int ekg_out_finish(ekg_out *o)
{
    ekg_out_flush(o);
    free(o->buf);
    o->buf = NULL;
    return o->failed ? -1 : 0;
}

/* ---- formats ---- */

int ekg_format_from_name(const char *name)
{
    static const struct {
        const char *name;
        int format;
    } names[] = {
        {"ttl", EKG_FORMAT_TURTLE},     {"turtle", EKG_FORMAT_TURTLE},
        {"nt", EKG_FORMAT_NTRIPLES},    {"ntriples", EKG_FORMAT_NTRIPLES},
        {"n-triples", EKG_FORMAT_NTRIPLES},
        {"nq", EKG_FORMAT_NQUADS},      {"nquads", EKG_FORMAT_NQUADS},
        {"n-quads", EKG_FORMAT_NQUADS},
        {"jsonld", EKG_FORMAT_JSONLD},  {"json-ld", EKG_FORMAT_JSONLD},
        {"dot", EKG_FORMAT_DOT},        {"gv", EKG_FORMAT_DOT},
        {"csv", EKG_FORMAT_CSV},
        {"ttl-raptor", EKG_FORMAT_TURTLE_RAPTOR},
        {"nt-raptor", EKG_FORMAT_NTRIPLES_RAPTOR},
        {"nq-raptor", EKG_FORMAT_NQUADS_RAPTOR},
    };
    if (!name)
        return -1;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(name, names[i].name) == 0)
            return names[i].format;
    return -1;
}

const char *ekg_format_extension(ekg_format format)
{
    switch ((int)format) {
    case EKG_FORMAT_TURTLE_RAPTOR: return "ttl";
    case EKG_FORMAT_NTRIPLES_RAPTOR: return "nt";
    case EKG_FORMAT_NQUADS_RAPTOR: return "nq";
    case EKG_FORMAT_TURTLE: return "ttl";
    case EKG_FORMAT_NTRIPLES: return "nt";
    case EKG_FORMAT_NQUADS: return "nq";
    case EKG_FORMAT_JSONLD: return "jsonld";
    case EKG_FORMAT_DOT: return "dot";
    case EKG_FORMAT_CSV: return "csv";
    }
    return NULL;
}

int ekg_write(const ekg_graph *g, ekg_format format, ekg_sink sink, void *data,
              ekg_error *err)
{
    if (!g || !sink) {
        ekg_error_set(err, NULL, 0, 0, "ekg_write: no graph or no sink");
        return -1;
    }
    /* finishing only sorts and caches: the graph's content is unchanged */
    ekg_graph_finish((ekg_graph *)g);
    switch ((int)format) {
    case EKG_FORMAT_TURTLE:
        return ekg_write_turtle(g, sink, data, err);
    case EKG_FORMAT_NTRIPLES:
        return ekg_write_nt(g, 0, sink, data, err);
    case EKG_FORMAT_NQUADS:
        return ekg_write_nt(g, 1, sink, data, err);
    case EKG_FORMAT_TURTLE_RAPTOR:
        return ekg_write_raptor(g, EKG_FORMAT_TURTLE, sink, data, err);
    case EKG_FORMAT_NTRIPLES_RAPTOR:
        return ekg_write_raptor(g, EKG_FORMAT_NTRIPLES, sink, data, err);
    case EKG_FORMAT_NQUADS_RAPTOR:
        return ekg_write_raptor(g, EKG_FORMAT_NQUADS, sink, data, err);
    case EKG_FORMAT_JSONLD:
        return ekg_write_jsonld(g, sink, data, err);
    case EKG_FORMAT_DOT:
        return ekg_write_dot(g, 0, sink, data, err);
    case EKG_FORMAT_CSV:
        return ekg_write_csv(g, sink, data, err);
    }
    ekg_error_set(err, NULL, 0, 0, "unknown output format %d", (int)format);
    return -1;
}

/* ---- raptor2 writers ---- */

typedef struct rwriter {
    raptor_world *world;
    raptor_serializer *ser;
    ekg_out out;
    ekg_error *err;
    int nquads;
    raptor_term **nodes;       /* one term per IRI node, made on first use */
    size_t nnodes;
    raptor_uri *dt_cache[4];   /* datatype IRIs met (few) */
    const char *dt_name[4];
    int failed;
} rwriter;

static void r_log(void *data, raptor_log_message *m)
{
    rwriter *w = data;
    if (m->level < RAPTOR_LOG_LEVEL_ERROR)
        return;
    w->failed = 1;
    ekg_error_set(w->err, "raptor", m->locator ? m->locator->line : 0, 0, "%s",
                  m->text ? m->text : "serializer error");
}

static int r_write_byte(void *ctx, const int byte)
{
    rwriter *w = ctx;
    char c = (char)byte;
    ekg_out_write(&w->out, &c, 1);
    return w->out.failed ? 1 : 0;
}

static int r_write_bytes(void *ctx, const void *ptr, size_t size, size_t nmemb)
{
    rwriter *w = ctx;
    ekg_out_write(&w->out, ptr, size * nmemb);
    return w->out.failed ? -1 : (int)nmemb;
}

static const raptor_iostream_handler r_handler = {
    .version = 2,
    .write_byte = r_write_byte,
    .write_bytes = r_write_bytes,
};

static raptor_term *node_term(rwriter *w, const ekg_rdf_term *t)
{
    size_t n = (size_t)t->node;
    if (n >= w->nnodes) {
        size_t cap = w->nnodes ? w->nnodes : 1024;
        while (cap <= n)
            cap *= 2;
        w->nodes = ekg_xrealloc(w->nodes, cap * sizeof *w->nodes);
        memset(w->nodes + w->nnodes, 0, (cap - w->nnodes) * sizeof *w->nodes);
        w->nnodes = cap;
    }
    if (!w->nodes[n])
        w->nodes[n] = raptor_new_term_from_counted_uri_string(
            w->world, (const unsigned char *)t->value, t->len);
    return w->nodes[n];
}

static raptor_uri *datatype_uri(rwriter *w, const char *dt)
{
    for (int i = 0; i < 4; i++) {
        if (w->dt_name[i] == dt || (w->dt_name[i] && strcmp(w->dt_name[i], dt) == 0))
            return w->dt_cache[i];
        if (!w->dt_name[i]) {
            w->dt_name[i] = dt;
            w->dt_cache[i] = raptor_new_uri(w->world, (const unsigned char *)dt);
            return w->dt_cache[i];
        }
    }
    return NULL;   /* not reached: the mapping uses three datatypes */
}

static int r_quad(void *data, const ekg_quad *q)
{
    rwriter *w = data;
    raptor_statement st;
    raptor_statement_init(&st, w->world);
    st.subject = node_term(w, q->s);
    st.predicate = node_term(w, q->p);
    raptor_term *lit = NULL;
    if (q->o->kind == EKG_RDF_IRI) {
        st.object = node_term(w, q->o);
    } else {
        const char *lang = q->o->lang;
        lit = raptor_new_term_from_counted_literal(
            w->world, (const unsigned char *)q->o->value, q->o->len,
            q->o->datatype ? datatype_uri(w, q->o->datatype) : NULL,
            (const unsigned char *)lang, lang ? (unsigned char)strlen(lang) : 0);
        st.object = lit;
    }
    if (w->nquads && q->g)
        st.graph = node_term(w, q->g);
    int rc = (!st.subject || !st.predicate || !st.object) ? -1
             : raptor_serializer_serialize_statement(w->ser, &st);
    if (lit)
        raptor_free_term(lit);
    /* the terms are borrowed from the cache: do not let the statement free them */
    if (rc || w->failed || w->out.failed)
        return -1;
    return 0;
}

int ekg_write_raptor(const ekg_graph *g, ekg_format format, ekg_sink sink, void *data,
                     ekg_error *err)
{
    const char *name = format == EKG_FORMAT_TURTLE     ? "turtle"
                       : format == EKG_FORMAT_NTRIPLES ? "ntriples"
                                                       : "nquads";
    rwriter w;
    memset(&w, 0, sizeof w);
    w.err = err;
    w.nquads = format == EKG_FORMAT_NQUADS;
    ekg_out_init(&w.out, sink, data);
    w.world = raptor_new_world();
    if (!w.world || raptor_world_open(w.world)) {
        ekg_error_set(err, NULL, 0, 0, "cannot start raptor2");
        raptor_free_world(w.world);
        ekg_out_finish(&w.out);
        return -1;
    }
    raptor_world_set_log_handler(w.world, &w, r_log);
    w.ser = raptor_new_serializer(w.world, name);
    raptor_iostream *io = raptor_new_iostream_from_handler(w.world, &w, &r_handler);
    int rc = (w.ser && io) ? 0 : -1;
    if (rc == 0 && format == EKG_FORMAT_TURTLE) {
        for (size_t i = 0; i < ekg_rdf_n_prefixes(); i++) {
            const ekg_prefix *p = ekg_rdf_prefix(g, i);
            if (strcmp(p->iri, EKG_NS_RDF) == 0)
                continue;   /* raptor's turtle serializer declares rdf: itself */
            raptor_uri *u = raptor_new_uri(w.world, (const unsigned char *)p->iri);
            if (raptor_serializer_set_namespace(w.ser, u, (const unsigned char *)p->prefix))
                rc = -1;
            raptor_free_uri(u);
        }
    }
    int started = 0;
    if (rc == 0) {
        rc = raptor_serializer_start_to_iostream(w.ser, NULL, io) ? -1 : 0;
        started = rc == 0;
    }
    if (rc == 0)
        rc = ekg_rdf_emit(g, r_quad, &w) ? -1 : 0;
    if (started && raptor_serializer_serialize_end(w.ser))
        rc = -1;
    raptor_free_serializer(w.ser);
    raptor_free_iostream(io);   /* flushes into w.out */
    for (size_t i = 0; i < w.nnodes; i++)
        if (w.nodes[i])
            raptor_free_term(w.nodes[i]);
    free(w.nodes);
    for (int i = 0; i < 4; i++)
        if (w.dt_cache[i])
            raptor_free_uri(w.dt_cache[i]);
    raptor_free_world(w.world);
    int out_failed = ekg_out_finish(&w.out);
    if (out_failed) {
        ekg_error_set(err, NULL, 0, 0, "cannot write the %s output", name);
        return -1;
    }
    if (rc || w.failed) {
        ekg_error_set(err, NULL, 0, 0, "raptor2 could not serialize the graph as %s", name);
        return -1;
    }
    return 0;
}
