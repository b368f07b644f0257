/*
 * writers.c - how fast each writer is, and whether its cost per triple stays
 * the same as the graph grows. Real graphs, not synthetic ones: the news in a
 * JSON Lines file is extracted once up to each size asked for (megabytes of
 * input), and every writer then writes the same graph into a sink that only
 * counts bytes, so that the figures are the writers' own CPU time.
 *
 *     writers ONTOLOGY_DIR NEWS.jsonl MB [MB...]
 *
 * For each size: documents, triples (lines of N-Triples) and JSON-LD node
 * objects, then per format the best CPU time of REPEAT runs (environment,
 * default 3), triples (or nodes) per second and nanoseconds per triple. The
 * graph's finishing step (merging things, ordering) runs before the timings.
 * A benchmark, not a test: bench/run calls it; see README "Benchmarks".
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ekg.h"

typedef struct counter {
    size_t bytes, lines, nodes;
    int line_start;
} counter;

static int count_sink(void *data, const char *bytes, size_t len)
{
    counter *c = data;
    c->bytes += len;
    for (size_t i = 0; i < len; i++) {
        if (c->line_start && bytes[i] == '{')
            c->nodes++;   /* JSON-LD: one node object per line, "{"@id": ..." */
        c->line_start = bytes[i] == '\n';
        c->lines += c->line_start;
    }
    return 0;
}

/* The timed runs: bytes only, so that the sink costs next to nothing. */
static int null_sink(void *data, const char *bytes, size_t len)
{
    (void)bytes;
    *(size_t *)data += len;
    return 0;
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Best CPU seconds of `repeat` runs of one writer; *out gets the counts of one more run. */
static double time_writer(const ekg_graph *g, ekg_format f, int repeat, counter *out)
{
    double best = -1;
    ekg_error err;
    memset(&err, 0, sizeof err);
    for (int r = 0; r < repeat; r++) {
        size_t bytes = 0;
        double t0 = cpu_now();
        if (ekg_write(g, f, null_sink, &bytes, &err) != 0) {
            fprintf(stderr, "writers: %s\n", err.text);
            exit(1);
        }
        double t = cpu_now() - t0;
        if (best < 0 || t < best)
            best = t;
    }
    counter c = {0, 0, 0, 1};
    if (ekg_write(g, f, count_sink, &c, &err) != 0) {
        fprintf(stderr, "writers: %s\n", err.text);
        exit(1);
    }
    *out = c;
    return best;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: writers ONTOLOGY_DIR NEWS.jsonl MB [MB...]\n");
        return 2;
    }
    const char *e = getenv("REPEAT");
    int repeat = e && atoi(e) > 0 ? atoi(e) : 3;
    ekg_error err;
    memset(&err, 0, sizeof err);
    ekg_ontology *onto = ekg_ontology_load(argv[1], &err);
    if (!onto) {
        fprintf(stderr, "writers: %s: %s\n", argv[1], err.text);
        return 4;
    }
    FILE *in = fopen(argv[2], "r");
    if (!in) {
        perror(argv[2]);
        return 3;
    }
    static const struct {
        const char *name;
        ekg_format f;
    } fmts[] = {{"nt", EKG_FORMAT_NTRIPLES}, {"nq", EKG_FORMAT_NQUADS}, {"ttl", EKG_FORMAT_TURTLE},
                {"jsonld", EKG_FORMAT_JSONLD}, {"csv", EKG_FORMAT_CSV}};
    printf("%-8s %10s %10s %10s %8s %12s %10s\n", "MB", "docs", "triples", "format", "cpu_s",
           "per_s", "ns/triple");
    for (int a = 3; a < argc; a++) {
        /* each size is a graph of its own, read from the start of the file */
        rewind(in);
        double want = atof(argv[a]) * 1e6, got = 0;
        ekg_graph *g = ekg_graph_new(onto);
        ekg_graph_set_log(g, NULL, NULL);
        ekg_graph_set_reference_date(g, "2024-01-01");
        char *line = NULL;
        size_t cap = 0, lineno = 0, docs = 0;
        ssize_t n;
        double t0 = cpu_now();
        while (got < want && (n = getline(&line, &cap, in)) > 0) {
            ekg_jsonl_doc doc;
            lineno++;
            got += (double)n;
            int k = ekg_jsonl_parse(line, (size_t)n, lineno, argv[2], &doc, &err);
            if (k == 1)
                continue;
            if (k != 0 || ekg_graph_add_text(g, doc.id, doc.text, doc.len, &doc.info, &err) != 0) {
                fprintf(stderr, "writers: %s:%d: %s\n", argv[2], err.line, err.text);
                return 3;
            }
            docs++;
            ekg_jsonl_doc_free(&doc);
        }
        free(line);
        double ext = cpu_now() - t0;
        counter nt, c;
        time_writer(g, EKG_FORMAT_NTRIPLES, 1, &nt);   /* also finishes the graph */
        size_t triples = nt.lines;
        printf("%-8.1f %10zu %10zu %10s %8.2f %9.2f MB/s %10s\n", got / 1e6, docs, triples,
               "extract", ext, got / 1e6 / ext, "-");
        for (size_t i = 0; i < sizeof fmts / sizeof *fmts; i++) {
            double t = time_writer(g, fmts[i].f, repeat, &c);
            if (t <= 0)
                t = 1e-9;
            if (fmts[i].f == EKG_FORMAT_JSONLD)
                printf("%-8.1f %10zu %10zu %10s %8.3f %8.0f n/s %10.1f  (%zu nodes, %.0f triples/s)\n",
                       got / 1e6, docs, triples, fmts[i].name, t, (double)c.nodes / t,
                       t * 1e9 / (double)triples, c.nodes, (double)triples / t);
            else
                printf("%-8.1f %10zu %10zu %10s %8.3f %8.0f t/s %10.1f\n", got / 1e6, docs,
                       triples, fmts[i].name, t, (double)triples / t, t * 1e9 / (double)triples);
            fflush(stdout);
        }
        ekg_graph_free(g);
    }
    fclose(in);
    ekg_ontology_free(onto);
    return 0;
}
