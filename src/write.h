/*
 * write.h - the writers' shared parts: the graph -> RDF mapping (write_rdf.c),
 * a buffered output on an ekg_sink, and one entry point per format.
 * Internal to libekg; ekg_write() in write.c is the public door.
 *
 * The mapping is implemented once, in ekg_rdf_emit(): it hands every triple
 * (with its named graph for N-Quads) to a callback, in a stable order,
 * grouped by subject. Every RDF writer consumes it, so every RDF format holds
 * the same graph:
 *   write_nt.c      N-Triples / N-Quads, written by hand (the default)
 *   write_turtle.c  Turtle, streamed by hand (the default)
 *   write.c         the same three through raptor2's serializers, kept for
 *                   comparison: format names "ttl-raptor", "nt-raptor",
 *                   "nq-raptor" (codes EKG_FORMAT_*_RAPTOR below)
 *   write_jsonld.c  JSON-LD, one node object at a time through jansson
 * The hand-written writers run in time linear in the triples and in memory
 * bounded by the graph (a 64 KiB output buffer, one byte per IRI node).
 */
#ifndef EKG_WRITE_H
#define EKG_WRITE_H

#include <stddef.h>

#include "ekg.h"
#include "graph.h"

/* ---- the RDF view of the graph (write_rdf.c) ---- */

#define EKG_NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define EKG_NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define EKG_NS_OWL "http://www.w3.org/2002/07/owl#"
#define EKG_NS_XSD "http://www.w3.org/2001/XMLSchema#"
#define EKG_NS_SKOS "http://www.w3.org/2004/02/skos/core#"
#define EKG_NS_SEM "http://semanticweb.cs.vu.nl/2009/11/sem/"
#define EKG_NS_GAF "http://groundedannotationframework.org/gaf#"
#define EKG_NS_PROV "http://www.w3.org/ns/prov#"
#define EKG_NS_SCHEMA "https://schema.org/"
#define EKG_NS_WIKIDATA "http://www.wikidata.org/entity/"

typedef enum { EKG_RDF_IRI, EKG_RDF_LITERAL } ekg_rdf_kind;

/*
 * One RDF term. Strings are borrowed and valid only during the callback.
 * IRIs are absolute; literal values are valid UTF-8.
 */
typedef struct ekg_rdf_term {
    ekg_rdf_kind kind;
    const char *value;     /* the IRI, or the literal's lexical form */
    size_t len;            /* strlen(value) */
    const char *lang;      /* literal: language tag, or NULL */
    const char *datatype;  /* literal: datatype IRI, or NULL (xsd:string) */
    long node;             /* IRI: a number unique to this IRI within one emission,
                              small and dense (writers cache per node); literal: -1 */
} ekg_rdf_term;

/* One triple, with the named graph it belongs to in N-Quads (NULL: default graph). */
typedef struct ekg_quad {
    const ekg_rdf_term *s, *p, *o, *g;
} ekg_quad;

/* Receives each quad; returns 0 to go on, non-zero to stop the emission. */
typedef int (*ekg_quad_fn)(void *data, const ekg_quad *q);

/*
 * Emits the RDF graph of `g` (finished) through `fn`. Order is stable:
 * entities by id (each followed by its shortcut triples and affiliation
 * nodes), events by id, documents by id (each followed by its mentions).
 * All triples of one subject are consecutive. Returns 0, or the callback's
 * non-zero value.
 */
int ekg_rdf_emit(const ekg_graph *g, ekg_quad_fn fn, void *data);

/* A namespace prefix used by the RDF writers (names and IRIs fixed, see write_rdf.c). */
size_t ekg_rdf_n_prefixes(void);
const ekg_prefix *ekg_rdf_prefix(const ekg_graph *g, size_t i);

/* ---- buffered output (write.c) ---- */

#define EKG_OUT_CAP 65536  /* bytes buffered before the sink is called */

typedef struct ekg_out {
    ekg_sink sink;
    void *data;
    char *buf;
    size_t len, cap;
    int failed;            /* the sink returned non-zero */
} ekg_out;

void ekg_out_init(ekg_out *o, ekg_sink sink, void *data);
void ekg_out_write(ekg_out *o, const char *bytes, size_t len);
void ekg_out_puts(ekg_out *o, const char *s);
/* Hands the buffered bytes to the sink (after a failure they are dropped). */
void ekg_out_flush(ekg_out *o);

/*
 * Room for n more bytes (n <= EKG_OUT_CAP): returns where to write them;
 * the caller then adds what it wrote to o->len.
 */
static inline char *ekg_out_reserve(ekg_out *o, size_t n)
{
    if (o->len + n > o->cap)
        ekg_out_flush(o);
    return o->buf + o->len;
}

static inline void ekg_out_putc(ekg_out *o, char c)
{
    if (o->len >= o->cap)
        ekg_out_flush(o);
    o->buf[o->len++] = c;
}
/* Flushes and frees the buffer; returns 0, or -1 if any write failed. */
int ekg_out_finish(ekg_out *o);

/* ---- one writer per format; `g` is finished; each returns 0 or -1 ---- */

/*
 * Format codes beyond the public ekg_format, accepted by ekg_write() and
 * returned by ekg_format_from_name(): raptor2's serializers instead of the
 * hand-written writers, for comparison and as a fallback ("ttl-raptor",
 * "nt-raptor", "nq-raptor"). ekg_format_extension() gives the plain format's
 * extension.
 */
enum {
    EKG_FORMAT_TURTLE_RAPTOR = 16,
    EKG_FORMAT_NTRIPLES_RAPTOR,
    EKG_FORMAT_NQUADS_RAPTOR
};

/* Hand-written N-Triples (nquads 0) or N-Quads (nquads 1): write_nt.c. */
int ekg_write_nt(const ekg_graph *g, int nquads, ekg_sink sink, void *data, ekg_error *err);
/* Hand-written Turtle: write_turtle.c. */
int ekg_write_turtle(const ekg_graph *g, ekg_sink sink, void *data, ekg_error *err);

/* raptor2 serializers: EKG_FORMAT_TURTLE, EKG_FORMAT_NTRIPLES, EKG_FORMAT_NQUADS. */
int ekg_write_raptor(const ekg_graph *g, ekg_format format, ekg_sink sink, void *data,
                     ekg_error *err);
int ekg_write_jsonld(const ekg_graph *g, ekg_sink sink, void *data, ekg_error *err);
int ekg_write_csv(const ekg_graph *g, ekg_sink sink, void *data, ekg_error *err);

/* ekg_write_dot, ekg_render_svg and EKG_DOT_EVENTS are public: see ekg.h. */

/*
 * DOT for big graphs (write_dot.c). To become public in ekg.h (with
 * EKG_EXPORT); declared here until then.
 */
#ifndef EKG_DOT_MAX_NODES
/** Default limit of entity nodes in the DOT view (ekg_write_dot, ekg_render_svg*). */
#define EKG_DOT_MAX_NODES 200
#endif
/* Above this many drawn nodes the DOT asks for layout=sfdp, overlap=prism. */
#define EKG_DOT_SFDP_NODES 100

/*
 * ekg_write_dot() with a limit: at most max_nodes entities (0: no limit),
 * the most connected (by the relation edges drawn at them, ties by entity
 * id); with EKG_DOT_EVENTS also at most max_nodes events. A DOT comment
 * before the graph says what was left out. ekg_write_dot() uses
 * EKG_DOT_MAX_NODES. Returns 0 or -1.
 */
EKG_EXPORT int ekg_write_dot_max(const ekg_graph *g, int flags, size_t max_nodes,
                                 ekg_sink sink, void *data, ekg_error *err);

/* ekg_render_svg_flags() with the same limit (ekg_render_svg_flags uses the default). */
EKG_EXPORT int ekg_render_svg_max(const ekg_graph *g, int flags, size_t max_nodes,
                                  const char *path, ekg_error *err);

#endif
