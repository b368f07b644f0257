/*
 * ekg.h - the public interface of libekg, the event knowledge-graph exporter.
 *
 * libekg reads English news articles, finds the entities and the events between
 * them, merges them into one in-memory graph and writes that graph as Turtle,
 * N-Triples, N-Quads, JSON-LD, Graphviz DOT or a CSV event table.
 *
 * Typical use:
 *
 *     ekg_error err;
 *     ekg_ontology *onto = ekg_ontology_load(NULL, &err);   // installed ontology
 *     ekg_graph *g = ekg_graph_new(onto);
 *     ekg_graph_add_text(g, "doc1.txt", text, len, NULL, &err);
 *     ekg_write(g, EKG_FORMAT_TURTLE, ekg_sink_file, stdout, &err);
 *     ekg_graph_free(g);
 *     ekg_ontology_free(onto);
 *
 * Conventions: functions returning a pointer return NULL on failure; functions
 * returning int return 0 on success and -1 on failure. Details of a failure go
 * into the ekg_error the caller passes (which may be NULL); the first error wins.
 */
#ifndef EKG_H
#define EKG_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(EKG_BUILDING_LIBRARY) && defined(__GNUC__)
#define EKG_EXPORT __attribute__((visibility("default")))
#else
#define EKG_EXPORT
#endif

#define EKG_VERSION "0.1.0"

/** Exit codes of the ekg program (also documented in ekg(1)). */
enum {
    EKG_EXIT_OK = 0,       /**< success */
    EKG_EXIT_FAILURE = 1,  /**< generic failure, e.g. an output could not be written */
    EKG_EXIT_USAGE = 2,    /**< bad command line */
    EKG_EXIT_INPUT = 3,    /**< an input could not be read or was invalid */
    EKG_EXIT_ONTOLOGY = 4, /**< the ontology could not be loaded */
    EKG_EXIT_OUTPUT = 5    /**< an output could not be written */
};

/** Where an error happened and what it was. Filled by the first failure. */
typedef struct ekg_error {
    int set;            /**< non-zero once an error was recorded */
    int line;           /**< 1-based line, 0 if unknown */
    int column;         /**< 1-based column (code points), 0 if unknown */
    long position;      /**< byte offset, -1 if unknown */
    char source[512];   /**< file name or other source, "" if none */
    char text[512];     /**< the message */
} ekg_error;

/** Severity of a log message. */
typedef enum { EKG_LOG_INFO, EKG_LOG_WARNING, EKG_LOG_ERROR } ekg_log_level;

/**
 * A log callback for warnings that do not stop the run (invalid UTF-8
 * replaced, a sentence too long to analyse...). `source`, `line`, `column`
 * locate the problem where known (NULL / 0 otherwise).
 */
typedef void (*ekg_log_fn)(void *data, ekg_log_level level, const char *source,
                           int line, int column, const char *message);

/** The ontology: classes, relations, trigger words, gazetteer. Opaque. */
typedef struct ekg_ontology ekg_ontology;

/** The merged event graph. Opaque; owns every string it hands out. */
typedef struct ekg_graph ekg_graph;

/** Output formats. */
typedef enum {
    EKG_FORMAT_TURTLE,
    EKG_FORMAT_NTRIPLES,
    EKG_FORMAT_NQUADS,
    EKG_FORMAT_JSONLD,
    EKG_FORMAT_DOT,
    EKG_FORMAT_CSV
} ekg_format;

/** Optional metadata of a document, as given by JSON Lines input. Any field may be NULL. */
typedef struct ekg_doc_info {
    const char *title;   /**< headline */
    const char *date;    /**< publication date, any format ekg understands */
    const char *url;
    const char *source;  /**< publisher */
} ekg_doc_info;

/**
 * A sink: receives output bytes. Returns 0 on success, -1 on failure (the
 * writer then stops and reports an output error).
 */
typedef int (*ekg_sink)(void *data, const char *bytes, size_t len);

/** A sink writing to a FILE * passed as `data`. */
EKG_EXPORT int ekg_sink_file(void *data, const char *bytes, size_t len);

/**
 * Loads the ontology from directory `dir` (NULL: $EKG_ONTOLOGY, else the
 * installed share directory, else ./ontology). The caller frees the result
 * with ekg_ontology_free(). NULL on failure.
 */
EKG_EXPORT ekg_ontology *ekg_ontology_load(const char *dir, ekg_error *err);

/** Frees an ontology; NULL does nothing. Free it after every graph using it. */
EKG_EXPORT void ekg_ontology_free(ekg_ontology *onto);

/**
 * Creates an empty graph that extracts with `onto` (borrowed: it must outlive
 * the graph). The caller frees it with ekg_graph_free(). NULL on failure.
 */
EKG_EXPORT ekg_graph *ekg_graph_new(const ekg_ontology *onto);

/** Frees a graph and every string it owns; NULL does nothing. */
EKG_EXPORT void ekg_graph_free(ekg_graph *g);

/** Installs a log callback on the graph (NULL: messages are dropped). */
EKG_EXPORT void ekg_graph_set_log(ekg_graph *g, ekg_log_fn fn, void *data);

/**
 * Reference date "YYYY-MM-DD" used to complete dates that lack a year when
 * the document gives no other anchor. Default: $SOURCE_DATE_EPOCH, else today.
 */
EKG_EXPORT int ekg_graph_set_reference_date(ekg_graph *g, const char *date);

/**
 * Reads one article: `bytes` (any bytes; invalid UTF-8 is replaced and
 * reported) under the document id `id` (its file name or JSONL id), with
 * optional metadata. Extracts its entities and events and merges them into
 * the graph. Returns 0, or -1 on failure (e.g. a duplicate id).
 */
EKG_EXPORT int ekg_graph_add_text(ekg_graph *g, const char *id, const char *bytes,
                                  size_t len, const ekg_doc_info *info, ekg_error *err);

/**
 * Reads one article like ekg_graph_add_text() but only runs decoding and the
 * boilerplate stage, writing the kept article text to `sink`.
 */
EKG_EXPORT int ekg_clean_text(const char *id, const char *bytes, size_t len,
                              ekg_sink sink, void *data, ekg_error *err);

/**
 * Merges everything `src` holds (documents, entities, events with their
 * mentions) into `dst`, as if its documents had been read into `dst`.
 * Both graphs must use the same ontology. Returns 0, or -1 if a document id
 * is in both. `src` is unchanged and still owned by the caller.
 */
EKG_EXPORT int ekg_graph_merge(ekg_graph *dst, const ekg_graph *src, ekg_error *err);

/**
 * As ekg_graph_merge(), with the same result, but takes what `src` holds instead of
 * copying it (faster; the strings stay where they are) and frees `src` in every case.
 * Returns 0, or -1 if a document id is in both; `dst` is then unchanged.
 */
EKG_EXPORT int ekg_graph_absorb(ekg_graph *dst, ekg_graph *src, ekg_error *err);

/**
 * Makes `g` partial (non-zero) or whole (0, the default). A partial graph is written
 * without the merging that needs every document (a thing named with fewer anchors, such
 * as "the Tokyo office", joined to the one thing of its class and head word naming them
 * all), so that ekg_graph_read_nquads() over the partial N-Quads of several shards,
 * written whole, gives what one graph over all their documents gives. Labels are chosen
 * by the same fixed rule either way.
 */
EKG_EXPORT void ekg_graph_set_partial(ekg_graph *g, int partial);

/**
 * Reads N-Quads (or N-Triples) that ekg wrote, from the file `path` ('-': stdin), into
 * a graph of their own, then moves that into `g` with ekg_graph_absorb(): the graph is
 * as if the documents they describe had been read into `g`. Everything the writers
 * emit is read back: documents, entities with their labels, classes, Wikidata ids,
 * affiliations and things' head words and anchors, events with every mention,
 * confidence, polarity, modality and shortcut. Mention rules (ekg_explain) are not
 * in the output and are not restored. Returns 0, or -1 with `err` naming the file,
 * line and column (a syntax error, a blank node, a statement ekg does not write, a
 * relation the ontology does not define, a document `g` has already); `g` is then
 * unchanged.
 */
EKG_EXPORT int ekg_graph_read_nquads(ekg_graph *g, const char *path, ekg_error *err);

/** One JSON Lines record, owned by the caller (free with ekg_jsonl_doc_free()). */
typedef struct ekg_jsonl_doc {
    char *id;            /**< "id" (a string, an integer written out, or "line-N") */
    char *text;          /**< the title (if any), a blank line, then "text" */
    size_t len;          /**< bytes of text (it may hold NUL characters) */
    char *title, *date, *url, *source;   /**< or NULL */
    ekg_doc_info info;   /**< the four fields above, for ekg_graph_add_text() */
} ekg_jsonl_doc;

/**
 * Parses one line of JSON Lines (`lineno` and `source` locate errors). Returns
 * 0 with `doc` filled, 1 for a blank line (nothing to free), or -1 with `err`
 * saying why (invalid JSON with its column, a missing or non-string "text", an
 * "id" that is neither a string nor an integer, or holds a NUL).
 */
EKG_EXPORT int ekg_jsonl_parse(const char *line, size_t len, size_t lineno, const char *source,
                               ekg_jsonl_doc *doc, ekg_error *err);

/** Frees what ekg_jsonl_parse() put into `doc`; NULL does nothing. */
EKG_EXPORT void ekg_jsonl_doc_free(ekg_jsonl_doc *doc);

/** Counts of what the graph holds. */
typedef struct ekg_stats {
    size_t documents, sentences, entities, events, mentions;
} ekg_stats;

/** Fills `st` with the graph's counts. */
EKG_EXPORT void ekg_graph_stats(const ekg_graph *g, ekg_stats *st);

/**
 * Finishes the graph for writing: merges what names the same thing, chooses labels,
 * sorts. ekg_write() and the other writers do it when text was added since; calling it
 * first only moves that work (to time it apart, say). Idempotent until text is added.
 */
EKG_EXPORT void ekg_graph_finish(ekg_graph *g);

/**
 * Lets ekg_graph_finish() use up to `jobs` threads (default 1: none of its own). The
 * result is the same whatever the number.
 */
EKG_EXPORT void ekg_graph_set_jobs(ekg_graph *g, int jobs);

/** Writes the graph in `format` to `sink`. Returns 0 or -1. */
EKG_EXPORT int ekg_write(const ekg_graph *g, ekg_format format, ekg_sink sink,
                         void *data, ekg_error *err);

/**
 * Writes, for each event mention, the rule that fired and the words it matched:
 * one line each, "DOC:START-END<TAB>ACTOR relation TARGET<TAB>[polarity, modality]
 * <TAB>rule<TAB>trigger<TAB>sentence". Returns 0 or -1 (a sink failure).
 */
EKG_EXPORT int ekg_explain(const ekg_graph *g, ekg_sink sink, void *data);

/** DOT flag: draw every event as a node of its own, with its date. */
#define EKG_DOT_EVENTS (1 << 0)

/**
 * Writes the entity graph as Graphviz DOT through cgraph; flags is 0 (the
 * shortcut relations as edges, as ekg_write() does) or EKG_DOT_EVENTS.
 */
EKG_EXPORT int ekg_write_dot(const ekg_graph *g, int flags, ekg_sink sink, void *data,
                             ekg_error *err);

/**
 * Lays the DOT view (flags as for ekg_write_dot) out with Graphviz in-process
 * and renders it as SVG into the file `path`. Any Graphviz warning is an error.
 */
EKG_EXPORT int ekg_render_svg_flags(const ekg_graph *g, int flags, const char *path,
                                    ekg_error *err);

/** Default limit of entity nodes drawn by ekg_write_dot() and ekg_render_svg*(). */
#define EKG_DOT_MAX_NODES 200

/**
 * Like ekg_write_dot(), drawing at most max_nodes entities (0: no limit): the most
 * connected by the relation edges the view draws (shortcuts; events with
 * EKG_DOT_EVENTS, which also draws at most max_nodes events), ties by entity id.
 * A DOT comment before the graph says what was left out; above 100 drawn nodes the
 * graph asks for layout=sfdp, overlap=prism. ekg_write_dot() uses EKG_DOT_MAX_NODES.
 * Returns 0 or -1.
 */
EKG_EXPORT int ekg_write_dot_max(const ekg_graph *g, int flags, size_t max_nodes,
                                 ekg_sink sink, void *data, ekg_error *err);

/** ekg_render_svg_flags() with the same limit (ekg_render_svg_flags uses the default). */
EKG_EXPORT int ekg_render_svg_max(const ekg_graph *g, int flags, size_t max_nodes,
                                  const char *path, ekg_error *err);

/** ekg_render_svg_flags(g, 0, path, err). */
EKG_EXPORT int ekg_render_svg(const ekg_graph *g, const char *path, ekg_error *err);

/**
 * Parses a format name ("ttl", "turtle", "nt", "nq", "jsonld", "dot", "csv"; and
 * "ttl-raptor", "nt-raptor", "nq-raptor" for raptor2's own serializers); -1 if unknown.
 */
EKG_EXPORT int ekg_format_from_name(const char *name);

/** The usual file extension of a format, without the dot ("ttl"). */
EKG_EXPORT const char *ekg_format_extension(ekg_format format);

#ifdef __cplusplus
}
#endif

#endif
