/*
 * main.c - the ekg command line. Everything else is the library.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ekg.h"

static const char *progname = "ekg";
static int quiet;
/* The document being read and the path it came from (one per thread with --jobs). */
typedef struct logctx {
    const char *id, *path;
} logctx;
static logctx seq_ctx;
#define cur_id seq_ctx.id
#define cur_path seq_ctx.path

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: ekg [OPTION]... FILE...      read plain-text news articles ('-' = stdin)\n"
            "       ekg --jsonl FILE [OPTION]... read JSON Lines {\"id\",\"text\",...}\n"
            "       ekg --clean FILE             print the article text kept from a page\n"
            "       ekg merge [OPTION]... FILE.nq... combine the N-Quads of shards (see\n"
            "                                    ekg merge --help)\n"
            "\n"
            "Reads English news, finds entities and events, merges them into one event\n"
            "knowledge graph and writes it as Turtle, N-Triples, N-Quads, JSON-LD, DOT or\n"
            "a CSV event table.\n"
            "\n"
            "Input:\n"
            "  -j, --jsonl FILE          JSON Lines input: one object a line with \"id\" and\n"
            "                            \"text\", optional \"title\", \"date\", \"url\", \"source\"\n"
            "      --clean FILE          print the text the boilerplate stage keeps, and exit\n"
            "      --ontology DIR        read the ontology from DIR (default: $EKG_ONTOLOGY,\n"
            "                            else the installed copy)\n"
            "      --reference-date D    YYYY-MM-DD completing dates without a year\n"
            "                            (default: $SOURCE_DATE_EPOCH, else today)\n"
            "Output:\n"
            "  -o, --out DIR             write DIR/graph.{ttl,nt,nq,jsonld,dot} and graph.svg\n"
            "                            (with --format: only that format)\n"
            "  -f, --format FMT          one format: ttl, nt, nq, jsonld, dot, csv\n"
            "      --output FILE         where --format writes ('-' = stdout, the default)\n"
            "      --dot-events          DOT and SVG: draw events as nodes with their dates\n"
            "      --no-svg              with --out: do not render graph.svg\n"
            "      --dot-max-nodes N     DOT and SVG: draw the N most connected entities\n"
            "                            (default 200; 0: all); bigger graphs use sfdp\n"
            "      --stream              write each document's graph as soon as it is read\n"
            "                            (with --format nq or nt, or jsonld for JSON Lines,\n"
            "                            to stdout; memory stays bounded; entities repeat\n"
            "                            across documents)\n"
            "      --jobs N              extract with N threads (the same output as one)\n"
            "      --partial             leave the merging of things across documents to\n"
            "                            ekg merge: the map step of map/reduce\n"
            "      --explain             print, for each event, the rule and words behind it\n"
            "      --stats               print counts and speed to stderr\n"
            "  -q, --quiet               no warnings or progress on stderr (progress is shown\n"
            "                            when stderr is a terminal)\n"
            "  -h, --help                this help\n"
            "  -V, --version             the version\n"
            "\n"
            "Files are written to a temporary file and renamed when complete.\n"
            "\n"
            "Exit status: 0 success; 1 failure; 2 bad command line; 3 bad or unreadable\n"
            "input; 4 ontology not loadable; 5 output not writable.\n");
}

static void usage_merge(FILE *f)
{
    fprintf(f,
            "Usage: ekg merge [OPTION]... FILE...   combine N-Quads written by ekg ('-' = stdin)\n"
            "\n"
            "The reduce step of map/reduce: reads the N-Quads that `ekg --partial --format nq`\n"
            "wrote for each shard of a corpus, merges them in the order given and writes\n"
            "what one run over the whole corpus writes: the same entities, one event with\n"
            "the mentions of every shard, confidences and modalities recomputed.\n"
            "\n"
            "Options (as for ekg):\n"
            "  -o, --out DIR             write DIR/graph.{ttl,nt,nq,jsonld,dot} and graph.svg\n"
            "                            (with --format: only that format)\n"
            "  -f, --format FMT          one format: ttl, nt, nq, jsonld, dot, csv\n"
            "      --output FILE         where --format writes ('-' = stdout, the default)\n"
            "      --partial             write partial N-Quads again, for a later merge (a\n"
            "                            combiner, or a tree of reduce steps)\n"
            "      --dot-events          DOT and SVG: draw events as nodes with their dates\n"
            "      --no-svg              with --out: do not render graph.svg\n"
            "      --dot-max-nodes N     DOT and SVG: draw the N most connected entities\n"
            "      --ontology DIR        the ontology the shards were written with\n"
            "      --stats               print counts and speed to stderr\n"
            "  -q, --quiet               no warnings on stderr\n"
            "  -h, --help                this help\n"
            "\n"
            "Files are written to a temporary file and renamed when complete. A file that\n"
            "is not N-Quads written by ekg, or a document in two files, is an error naming\n"
            "FILE:LINE, and nothing is written.\n"
            "\n"
            "Exit status: 0 success; 2 bad command line; 3 bad or unreadable input;\n"
            "4 ontology not loadable; 5 output not writable.\n");
}

#ifdef __GNUC__
__attribute__((format(printf, 5, 6)))
#endif
static void set_error(ekg_error *err, const char *source, int line, int column, const char *fmt,
                      ...)
{
    if (err->set)
        return;
    err->set = 1;
    err->line = line;
    err->column = column;
    snprintf(err->source, sizeof err->source, "%s", source);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    va_end(ap);
}

static void report(const char *level, const ekg_error *err)
{
    if (err->source[0] && err->line > 0 && err->column > 0)
        fprintf(stderr, "%s: %s: %s:%d:%d: %s\n", progname, level, err->source, err->line,
                err->column, err->text);
    else if (err->source[0] && err->line > 0)
        fprintf(stderr, "%s: %s: %s:%d: %s\n", progname, level, err->source, err->line,
                err->text);
    else if (err->source[0])
        fprintf(stderr, "%s: %s: %s: %s\n", progname, level, err->source, err->text);
    else
        fprintf(stderr, "%s: %s: %s\n", progname, level, err->text);
}

static void on_log(void *data, ekg_log_level level, const char *source, int line, int column,
                   const char *message)
{
    const logctx *ctx = data ? data : &seq_ctx;
    if (quiet && level < EKG_LOG_ERROR)
        return;
    if (source && ctx->id && ctx->path && strcmp(source, ctx->id) == 0)
        source = ctx->path;   /* name the file as the user gave it */
    const char *lv = level == EKG_LOG_ERROR ? "error" : level == EKG_LOG_WARNING ? "warning"
                                                                                : "info";
    if (source && line > 0)
        fprintf(stderr, "%s: %s: %s:%d:%d: %s\n", progname, lv, source, line, column, message);
    else if (source)
        fprintf(stderr, "%s: %s: %s: %s\n", progname, lv, source, message);
    else
        fprintf(stderr, "%s: %s: %s\n", progname, lv, message);
}

/* Reads a whole file ('-' = stdin). Returns NULL and fills err on failure. */
static char *read_file(const char *path, size_t *len, ekg_error *err)
{
    FILE *f = stdin;
    if (strcmp(path, "-") != 0) {
        struct stat st;
        if (stat(path, &st) != 0) {
            snprintf(err->text, sizeof err->text, "%s", strerror(errno));
            goto fail;
        }
        if (S_ISDIR(st.st_mode)) {
            snprintf(err->text, sizeof err->text, "is a directory");
            goto fail;
        }
        f = fopen(path, "rb");
        if (!f) {
            snprintf(err->text, sizeof err->text, "%s", strerror(errno));
            goto fail;
        }
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        snprintf(err->text, sizeof err->text, "out of memory");
        goto fail_close;
    }
    for (;;) {
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                snprintf(err->text, sizeof err->text, "out of memory");
                goto fail_close;
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    if (ferror(f)) {
        snprintf(err->text, sizeof err->text, "read error: %s", strerror(errno));
        free(buf);
        goto fail_close;
    }
    if (f != stdin)
        fclose(f);
    *len = n;
    return buf;
fail_close:
    if (f != stdin)
        fclose(f);
fail:
    err->set = 1;
    snprintf(err->source, sizeof err->source, "%s", path);
    return NULL;
}

/* The document id of a path: its file name. */
static const char *doc_id(const char *path)
{
    if (strcmp(path, "-") == 0)
        return "stdin";
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* What a run shares between its inputs: the graph, streaming, progress. */
/* --jobs: a batch holds at most BATCH_DOCS documents and, unless one document is longer,
   BATCH_BYTES of text; the queue at most QUEUE_BATCHES batches and QUEUE_BYTES (one
   longer batch alone). */
#define BATCH_DOCS 64
#define BATCH_BYTES (256u << 10)
#define QUEUE_BATCHES 256
#define QUEUE_BYTES (64u << 20)

typedef struct run {
    ekg_graph *g;
    const ekg_ontology *onto;
    const char *refdate;
    int stream;              /* write and free the graph after each document */
    int partial;             /* --partial: graphs for a later ekg merge */
    ekg_format fmt;
    size_t docs, bytes;
    int progress;            /* stderr is a terminal and not --quiet */
    struct timespec start, last;
    /* --jobs N: the main thread reads documents into batches and queues them; N workers
       take a batch at a time, each into a graph of its own; the graphs are merged at the
       end. Batches keep the locking, the wake-ups and the allocations across threads to
       one per batch, not per document. */
    int jobs;
    struct batch **queue;    /* a ring of qcap batches: qcount from qhead on are waiting */
    size_t qcap, qhead, qcount, qbytes;
    struct batch *filling;   /* the batch the reader is filling, or NULL */
    size_t queued;           /* documents read so far: the next one's number */
    size_t failed;           /* the number of the first document that failed, or SIZE_MAX */
    int closed;              /* no more documents will come */
    pthread_mutex_t lock;
    pthread_cond_t more, room;
    struct worker *workers;
    struct timespec joined;  /* when the last worker was done */
    json_t *ids;             /* every document id read: duplicates are found in input order */
} run;

typedef struct job {
    const char *id, *text, *title, *date, *url, *source, *path;   /* in the batch's mem */
    size_t len;
    size_t number;           /* in input order, from 0 */
} job;

/* Consecutive documents, their strings in one block of memory. */
typedef struct batch {
    job docs[BATCH_DOCS];
    size_t n;
    char *mem;
    size_t used, cap;
} batch;

typedef struct worker {
    pthread_t thread;
    run *r;
    ekg_graph *g;
    logctx ctx;
    size_t failed;           /* the number of its first document that failed, or SIZE_MAX */
    ekg_error err;           /* and why */
} worker;


static ekg_graph *new_graph_log(const run *r, logctx *ctx)
{
    ekg_graph *g = ekg_graph_new(r->onto);
    if (!g)
        return NULL;
    ekg_graph_set_partial(g, r->partial);
    ekg_graph_set_log(g, on_log, ctx);
    if (r->refdate)
        ekg_graph_set_reference_date(g, r->refdate);
    return g;
}

static ekg_graph *new_graph(const run *r)
{
    ekg_graph *g = ekg_graph_new(r->onto);
    if (!g)
        return NULL;
    ekg_graph_set_partial(g, r->partial);
    ekg_graph_set_log(g, on_log, NULL);
    if (r->refdate)
        ekg_graph_set_reference_date(g, r->refdate);
    return g;
}

static double elapsed(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void show_progress(run *r, int final)
{
    if (!r->progress)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (!final && elapsed(&r->last, &now) < 0.2)
        return;
    r->last = now;
    double s = elapsed(&r->start, &now);
    fprintf(stderr, "\r%s: %zu documents, %.1f MB, %.1f MB/s%s", progname, r->docs,
            (double)r->bytes / 1e6, s > 0 ? (double)r->bytes / 1e6 / s : 0.0,
            final ? "\n" : "");
}

static int write_any(const ekg_graph *g, ekg_format fmt, FILE *f, ekg_error *err);

/* Output gathered in memory, growing by doubling. */
typedef struct membuf {
    char *data;
    size_t len, cap;
} membuf;

static int buf_sink(void *data, const char *bytes, size_t len)
{
    membuf *b = data;
    if (b->cap - b->len <= len) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap - b->len <= len)
            cap *= 2;
        char *q = realloc(b->data, cap);
        if (!q)
            return -1;
        b->data = q;
        b->cap = cap;
    }
    memcpy(b->data + b->len, bytes, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

/* One document's graph as one line of JSON (compacted JSON-LD): JSON Lines out. */
static int write_jsonl(const ekg_graph *g, FILE *f, ekg_error *err)
{
    membuf text = {NULL, 0, 0};
    if (ekg_write(g, EKG_FORMAT_JSONLD, buf_sink, &text, err) != 0) {
        free(text.data);
        return -1;
    }
    json_error_t je;
    json_t *doc = json_loads(text.data ? text.data : "{}", 0, &je);
    free(text.data);
    if (!doc) {
        set_error(err, "stdout", 0, 0, "cannot re-read the JSON-LD: %s", je.text);
        return -1;
    }
    int rc = json_dumpf(doc, f, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
    json_decref(doc);
    if (rc != 0 || fputc('\n', f) == EOF) {
        set_error(err, "stdout", 0, 0, "write error: %s", strerror(errno));
        return -1;
    }
    return 0;
}

static void free_batch(batch *b)
{
    if (b) {
        free(b->mem);
        free(b);
    }
}

/*
 * A worker takes the batches in the order they were queued, the next one as soon as it
 * is free, so that no thread waits while another has work. After a failure it only
 * drops the documents that come after the one that failed.
 */
static void *work(void *arg)
{
    worker *w = arg;
    run *r = w->r;
    for (;;) {
        pthread_mutex_lock(&r->lock);
        while (r->qcount == 0 && !r->closed)
            pthread_cond_wait(&r->more, &r->lock);
        if (r->qcount == 0) {
            pthread_mutex_unlock(&r->lock);
            return NULL;
        }
        batch *b = r->queue[r->qhead];
        r->qhead = (r->qhead + 1) % r->qcap;
        r->qcount--;
        r->qbytes -= b->used;
        size_t failed = r->failed;
        pthread_cond_signal(&r->room);
        pthread_mutex_unlock(&r->lock);
        for (size_t i = 0; i < b->n; i++) {
            const job *j = &b->docs[i];
            if (j->number > failed || j->number > w->failed)
                break;   /* taken in order: the rest of the batch comes later too */
            ekg_doc_info info = {j->title, j->date, j->url, j->source};
            ekg_error err;
            memset(&err, 0, sizeof err);
            w->ctx.id = j->id;
            w->ctx.path = j->path;
            if (ekg_graph_add_text(w->g, j->id, j->text, j->len, &info, &err) != 0) {
                if (j->path && strcmp(err.source, j->id) == 0)
                    snprintf(err.source, sizeof err.source, "%s", j->path);
                if (j->number < w->failed) {   /* taken in order: the first is the least */
                    w->failed = j->number;
                    w->err = err;
                }
                pthread_mutex_lock(&r->lock);
                if (j->number < r->failed)
                    r->failed = j->number;
                pthread_mutex_unlock(&r->lock);
            }
            w->ctx.id = w->ctx.path = NULL;
        }
        free_batch(b);
    }
}

/* Starts the queue and the workers (--jobs N > 1). */
static void start_jobs(run *r)
{
    r->qcap = QUEUE_BATCHES;
    r->queue = calloc(r->qcap, sizeof *r->queue);
    r->workers = calloc((size_t)r->jobs, sizeof *r->workers);
    r->ids = json_object();
    if (!r->queue || !r->workers || !r->ids)
        abort();
    r->failed = SIZE_MAX;
    if (pthread_mutex_init(&r->lock, NULL) != 0 || pthread_cond_init(&r->more, NULL) != 0 ||
        pthread_cond_init(&r->room, NULL) != 0)
        abort();
    for (int k = 0; k < r->jobs; k++) {
        worker *w = &r->workers[k];
        w->r = r;
        w->failed = SIZE_MAX;
        w->g = new_graph_log(r, &w->ctx);
        if (!w->g)
            abort();
        if (pthread_create(&w->thread, NULL, work, w) != 0) {
            fprintf(stderr, "%s: error: cannot start a thread\n", progname);
            exit(EKG_EXIT_FAILURE);
        }
    }
}

/*
 * Queues the batch being filled, if any; waits while the queue is full. Returns -1 if a
 * document before it failed (finish_jobs() says which), 0 otherwise.
 */
static int queue_batch(run *r)
{
    batch *b = r->filling;
    if (!b)
        return 0;
    r->filling = NULL;
    pthread_mutex_lock(&r->lock);
    while (r->failed == SIZE_MAX && r->qcount > 0 &&
           (r->qcount == r->qcap || r->qbytes + b->used > QUEUE_BYTES))
        pthread_cond_wait(&r->room, &r->lock);
    if (r->failed != SIZE_MAX) {
        pthread_mutex_unlock(&r->lock);
        free_batch(b);
        return -1;
    }
    r->queue[(r->qhead + r->qcount) % r->qcap] = b;
    r->qcount++;
    r->qbytes += b->used;
    pthread_cond_signal(&r->more);
    pthread_mutex_unlock(&r->lock);
    return 0;
}

/* A copy of s[0..n) in the batch's memory, which has room for it. */
static const char *batch_str(batch *b, const char *s, size_t n)
{
    char *p = b->mem + b->used;
    memcpy(p, s, n);
    p[n] = '\0';
    b->used += n + 1;
    return p;
}

/* The same for a string that may be NULL. */
static const char *batch_opt(batch *b, const char *s)
{
    return s ? batch_str(b, s, strlen(s)) : NULL;
}

static size_t opt_len(const char *s)
{
    return s ? strlen(s) + 1 : 0;
}

/*
 * Adds one document to the batch being filled, queueing that batch first when it is full
 * (which may wait while the queue is). Returns -1 if a document before it failed
 * (finish_jobs() says which), 0 otherwise.
 */
static int queue_doc(run *r, const char *id, const char *text, size_t len,
                     const ekg_doc_info *info)
{
    ekg_doc_info none = {NULL, NULL, NULL, NULL};
    if (!info)
        info = &none;
    size_t need = opt_len(id) + len + 1 + opt_len(cur_path) + opt_len(info->title) +
                  opt_len(info->date) + opt_len(info->url) + opt_len(info->source);
    batch *b = r->filling;
    if (b && (b->n == BATCH_DOCS || b->used + need > b->cap)) {
        if (queue_batch(r) != 0)
            return -1;
        b = NULL;
    }
    if (!b) {
        b = calloc(1, sizeof *b);
        if (!b)
            abort();
        b->cap = need > BATCH_BYTES ? need : BATCH_BYTES;
        b->mem = malloc(b->cap);
        if (!b->mem)
            abort();
        r->filling = b;
    }
    job *j = &b->docs[b->n++];
    j->id = batch_opt(b, id);
    j->text = batch_str(b, text, len);
    j->len = len;
    j->path = batch_opt(b, cur_path);
    j->title = batch_opt(b, info->title);
    j->date = batch_opt(b, info->date);
    j->url = batch_opt(b, info->url);
    j->source = batch_opt(b, info->source);
    j->number = r->queued++;
    return 0;
}

/*
 * Queues the last batch, lets the workers finish the queue, then merges their graphs
 * into the run's graph in worker order (the result does not depend on which worker had
 * which document). The run's graph is still empty then, so the first worker's graph
 * becomes it instead of being copied. Returns -1 with *err set to the failure of the
 * first document in input order that failed, 0 if none did.
 */
static int finish_jobs(run *r, ekg_error *err)
{
    queue_batch(r);   /* if a document failed, the batch is dropped; it came after */
    pthread_mutex_lock(&r->lock);
    r->closed = 1;
    pthread_cond_broadcast(&r->more);
    pthread_mutex_unlock(&r->lock);
    int rc = 0;
    size_t first = SIZE_MAX;
    for (int k = 0; k < r->jobs; k++) {
        worker *w = &r->workers[k];
        pthread_join(w->thread, NULL);
        if (w->failed < first) {
            first = w->failed;
            *err = w->err;
            rc = -1;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &r->joined);
    for (int k = 0; k < r->jobs; k++) {
        ekg_graph *wg = r->workers[k].g;
        if (k == 0 && rc == 0) {
            ekg_graph_free(r->g);
            ekg_graph_set_log(wg, on_log, NULL);
            ekg_graph_set_jobs(wg, r->jobs);
            r->g = wg;
            continue;
        }
        if (rc == 0) {
            if (ekg_graph_absorb(r->g, wg, err) != 0)
                rc = -1;
        } else {
            ekg_graph_free(wg);
        }
    }
    pthread_mutex_destroy(&r->lock);
    pthread_cond_destroy(&r->more);
    pthread_cond_destroy(&r->room);
    json_decref(r->ids);
    r->ids = NULL;
    free(r->workers);
    free(r->queue);
    r->workers = NULL;
    r->queue = NULL;
    return rc;
}

/* Adds one document; in streaming mode writes it out and starts a new graph. */
static int add_doc(run *r, const char *id, const char *text, size_t len,
                   const ekg_doc_info *info, ekg_error *err)
{
    r->docs++;
    r->bytes += len;
    if (r->jobs > 1) {
        /* each worker sees only its own documents: the reader finds a repeated id, at
           the line that repeats it, as one thread would */
        if (json_object_get(r->ids, id)) {
            set_error(err, cur_path ? cur_path : id, 0, 0, "duplicate document id");
            return -1;
        }
        if (json_object_set_new_nocheck(r->ids, id, json_null()) != 0)
            abort();
        int rc = queue_doc(r, id, text, len, info);
        if (rc != 0)   /* an earlier document failed: finish_jobs() reports it */
            set_error(err, cur_path ? cur_path : id, 0, 0, "an earlier document failed");
        show_progress(r, 0);
        return rc;
    }
    if (ekg_graph_add_text(r->g, id, text, len, info, err) != 0) {
        if (cur_path && strcmp(err->source, id) == 0)
            snprintf(err->source, sizeof err->source, "%s", cur_path);
        return -1;
    }
    if (r->stream) {
        if ((r->fmt == EKG_FORMAT_JSONLD ? write_jsonl(r->g, stdout, err)
                                         : write_any(r->g, r->fmt, stdout, err)) != 0)
            return -2;
        ekg_graph_free(r->g);
        r->g = new_graph(r);
        if (!r->g)
            abort();
    }
    show_progress(r, 0);
    return 0;
}

/*
 * Reads JSON Lines one line at a time (memory bounded by the longest line).
 * Returns 0, -1 on bad input, -2 on an output error (streaming).
 */
static int add_jsonl(run *r, const char *path, ekg_error *err)
{
    FILE *f = stdin;
    const char *src = strcmp(path, "-") == 0 ? "stdin" : path;
    if (strcmp(path, "-") != 0) {
        struct stat st;
        if (stat(path, &st) != 0) {
            set_error(err, path, 0, 0, "%s", strerror(errno));
            return -1;
        }
        if (S_ISDIR(st.st_mode)) {
            set_error(err, path, 0, 0, "is a directory");
            return -1;
        }
        if (!(f = fopen(path, "rb"))) {
            set_error(err, path, 0, 0, "%s", strerror(errno));
            return -1;
        }
    }
    char *buf = NULL;
    size_t cap = 0, line = 0;
    ssize_t got;
    int rc = 0;
    while (rc == 0 && (got = getline(&buf, &cap, f)) != -1) {
        line++;
        ekg_jsonl_doc doc;
        int k = ekg_jsonl_parse(buf, (size_t)got, line, src, &doc, err);
        if (k == 1)
            continue;
        if (k != 0) {
            rc = -1;
            break;
        }
        rc = add_doc(r, doc.id, doc.text, doc.len, &doc.info, err);
        if (rc == -1 && err->line == 0) {
            err->line = (int)line;
            err->column = 1;
            snprintf(err->source, sizeof err->source, "%s", src);
        }
        ekg_jsonl_doc_free(&doc);
    }
    if (rc == 0 && ferror(f)) {
        set_error(err, src, 0, 0, "read error: %s", strerror(errno));
        rc = -1;
    }
    free(buf);
    if (f != stdin)
        fclose(f);
    return rc;
}

/* ---- output: temporary file, then rename ---- */

static int dot_flags_global;
static size_t dot_max_global = EKG_DOT_MAX_NODES;

/*
 * A sink that hands full blocks to a thread of its own, which writes them to the file:
 * the writer formats the next block while the system copies the last one (with --jobs,
 * the second core is idle by then). Two blocks, so memory stays bounded.
 */
#define ASYNC_BLOCK (1u << 20)

typedef struct async_sink {
    FILE *f;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    char *buf[2];
    size_t len[2];
    int fill;                   /* the block being filled */
    int busy;                   /* the other block is being written */
    int closing, failed, err;   /* err: the errno of the failed write */
} async_sink;

static void *async_write(void *arg)
{
    async_sink *a = arg;
    pthread_mutex_lock(&a->lock);
    for (;;) {
        while (!a->busy && !a->closing)
            pthread_cond_wait(&a->cond, &a->lock);
        if (!a->busy)
            break;
        int k = !a->fill;
        pthread_mutex_unlock(&a->lock);
        errno = 0;
        int ok = fwrite(a->buf[k], 1, a->len[k], a->f) == a->len[k];
        int e = errno;
        pthread_mutex_lock(&a->lock);
        if (!ok && !a->failed) {
            a->failed = 1;
            a->err = e;
        }
        a->busy = 0;
        pthread_cond_broadcast(&a->cond);
    }
    pthread_mutex_unlock(&a->lock);
    return NULL;
}

/* Hands the filled block over (once the other one is written). 0, or -1 once a write failed. */
static int async_hand_over(async_sink *a)
{
    pthread_mutex_lock(&a->lock);
    while (a->busy)
        pthread_cond_wait(&a->cond, &a->lock);
    int failed = a->failed;
    if (!failed && a->len[a->fill]) {
        a->busy = 1;
        a->fill = !a->fill;
        a->len[a->fill] = 0;
        pthread_cond_broadcast(&a->cond);
    }
    if (failed)
        errno = a->err;
    pthread_mutex_unlock(&a->lock);
    return failed ? -1 : 0;
}

static int async_sink_put(void *data, const char *bytes, size_t len)
{
    async_sink *a = data;
    while (len) {
        if (a->len[a->fill] == ASYNC_BLOCK && async_hand_over(a) != 0)
            return -1;
        size_t k = ASYNC_BLOCK - a->len[a->fill];
        if (k > len)
            k = len;
        memcpy(a->buf[a->fill] + a->len[a->fill], bytes, k);
        a->len[a->fill] += k;
        bytes += k;
        len -= k;
    }
    return 0;
}

static int write_to(const ekg_graph *g, ekg_format fmt, ekg_sink sink, void *data,
                    ekg_error *err)
{
    return fmt == EKG_FORMAT_DOT ? ekg_write_dot_max(g, dot_flags_global, dot_max_global, sink,
                                                     data, err)
                                 : ekg_write(g, fmt, sink, data, err);
}

/* Writes through an async_sink; straight to the file when no thread can be had. */
static int write_through_thread(const ekg_graph *g, ekg_format fmt, FILE *f, ekg_error *err)
{
    async_sink a;
    memset(&a, 0, sizeof a);
    a.f = f;
    a.buf[0] = malloc(ASYNC_BLOCK);
    a.buf[1] = malloc(ASYNC_BLOCK);
    int started = a.buf[0] && a.buf[1] && pthread_mutex_init(&a.lock, NULL) == 0;
    if (started && pthread_cond_init(&a.cond, NULL) != 0) {
        pthread_mutex_destroy(&a.lock);
        started = 0;
    }
    if (started && pthread_create(&a.thread, NULL, async_write, &a) != 0) {
        pthread_cond_destroy(&a.cond);
        pthread_mutex_destroy(&a.lock);
        started = 0;
    }
    if (!started) {
        free(a.buf[0]);
        free(a.buf[1]);
        return write_to(g, fmt, ekg_sink_file, f, err);
    }
    int rc = write_to(g, fmt, async_sink_put, &a, err);
    if (rc == 0)
        rc = async_hand_over(&a);   /* the last block */
    pthread_mutex_lock(&a.lock);
    a.closing = 1;
    pthread_cond_broadcast(&a.cond);
    pthread_mutex_unlock(&a.lock);
    pthread_join(a.thread, NULL);
    if (a.failed) {
        set_error(err, "", 0, 0, "write error");
        errno = a.err;
        rc = -1;
    }
    pthread_cond_destroy(&a.cond);
    pthread_mutex_destroy(&a.lock);
    free(a.buf[0]);
    free(a.buf[1]);
    return rc;
}

/* One output; through a writing thread when --jobs allows one (not per --stream document). */
static int io_thread_global;

static int write_any(const ekg_graph *g, ekg_format fmt, FILE *f, ekg_error *err)
{
    errno = 0;
    int rc = io_thread_global ? write_through_thread(g, fmt, f, err)
                              : write_to(g, fmt, ekg_sink_file, f, err);
    if (rc != 0 && errno != 0 && err->set && !strstr(err->text, strerror(errno))) {
        size_t n = strlen(err->text);
        snprintf(err->text + n, sizeof err->text - n, ": %s", strerror(errno));
    }
    return rc;
}

/* Names the output in an error the writer left without a source. */
static int named(int rc, ekg_error *err, const char *path)
{
    if (rc != 0 && err->set && !err->source[0])   /* a longer path is cut in the message */
        snprintf(err->source, sizeof err->source, "%.*s", (int)sizeof err->source - 1, path);
    return rc;
}

/*
 * Writes the graph in fmt to the file `file` (opened for writing), reporting
 * errors under the name `path`. Returns 0 or -1.
 */
static int write_file(const ekg_graph *g, ekg_format fmt, const char *file, const char *path,
                      ekg_error *err)
{
    FILE *f = fopen(file, "wb");
    if (!f) {
        set_error(err, path, 0, 0, "cannot create: %s", strerror(errno));
        return -1;
    }
    int rc = named(write_any(g, fmt, f, err), err, path);
    if (fflush(f) != 0 || ferror(f)) {
        set_error(err, path, 0, 0, "write error: %s", strerror(errno));
        rc = -1;
    }
    if (fclose(f) != 0 && rc == 0) {
        set_error(err, path, 0, 0, "write error: %s", strerror(errno));
        rc = -1;
    }
    return rc;
}

static int write_atomic(const ekg_graph *g, ekg_format fmt, const char *path, ekg_error *err)
{
    if (strcmp(path, "-") == 0) {
        if (named(write_any(g, fmt, stdout, err), err, "stdout") != 0)
            return -1;
        if (fflush(stdout) != 0 || ferror(stdout)) {
            set_error(err, "stdout", 0, 0, "write error: %s", strerror(errno));
            return -1;
        }
        return 0;
    }
    struct stat st;
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        /* a device, a pipe or a link (/dev/null, /dev/stdout, a FIFO): written in place */
        return write_file(g, fmt, path, path, err);
    }
    size_t n = strlen(path) + 32;
    char *tmp = malloc(n);
    if (!tmp) {
        set_error(err, path, 0, 0, "out of memory");
        return -1;
    }
    snprintf(tmp, n, "%s.tmp.%ld", path, (long)getpid());
    int rc = write_file(g, fmt, tmp, path, err);
    if (rc == 0 && rename(tmp, path) != 0) {
        set_error(err, path, 0, 0, "cannot rename into place: %s", strerror(errno));
        rc = -1;
    }
    if (rc != 0)
        remove(tmp);
    free(tmp);
    return rc;
}

static void explain(const ekg_graph *g, FILE *f);

/*
 * Writes DIR/graph.* as one transaction: every file goes to a temporary file
 * first; only when all are complete are they renamed into place, so that a
 * failure leaves the previous export untouched.
 */
/* One file of --out: a format, or -1 for the SVG; written to tmp, named final. */
typedef struct outfile {
    int kind;
    char final[4096], tmp[4200];
    int rc;
    ekg_error err;
} outfile;

/* The RDF and CSV files of --out, shared by the threads that write them. */
typedef struct outqueue {
    const ekg_graph *g;
    outfile *f;
    size_t n, next;
    pthread_mutex_t lock;
} outqueue;

static void write_outfile(const ekg_graph *g, outfile *o)
{
    memset(&o->err, 0, sizeof o->err);
    if (o->kind < 0)
        o->rc = named(ekg_render_svg_max(g, dot_flags_global, dot_max_global, o->tmp, &o->err),
                      &o->err, o->final);
    else
        o->rc = write_file(g, (ekg_format)o->kind, o->tmp, o->final, &o->err);
}

/* Writes the files of the queue that no other thread has taken (not DOT or SVG). */
static void *write_queued(void *arg)
{
    outqueue *q = arg;
    for (;;) {
        pthread_mutex_lock(&q->lock);
        size_t i = q->next;
        while (i < q->n && (q->f[i].kind < 0 || q->f[i].kind == EKG_FORMAT_DOT))
            i++;
        q->next = i + 1;
        pthread_mutex_unlock(&q->lock);
        if (i >= q->n)
            return NULL;
        write_outfile(q->g, &q->f[i]);
    }
}

/*
 * Writes every file of --out to a temporary file and renames them all into place only
 * when all are complete. With threads > 1 the RDF files are written by that many
 * threads at once, the DOT and SVG by this one (Graphviz is not thread-safe); the graph
 * is finished already, so the writers only read it.
 */
static int write_outdir(const ekg_graph *g, const char *dir, int fmt, int svg, int threads,
                        ekg_error *err)
{
    static const ekg_format all[] = {EKG_FORMAT_TURTLE, EKG_FORMAT_NTRIPLES, EKG_FORMAT_NQUADS,
                                     EKG_FORMAT_JSONLD, EKG_FORMAT_DOT};
    enum { MAXF = 6 };
    outfile *f = calloc(MAXF, sizeof *f);
    if (!f)
        abort();
    size_t n = 0;
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        if (fmt < 0 || all[i] == (ekg_format)fmt)
            f[n++].kind = (int)all[i];
    if (fmt == EKG_FORMAT_CSV)
        f[n++].kind = EKG_FORMAT_CSV;   /* graph.csv only when asked for */
    if (svg && (fmt < 0 || fmt == EKG_FORMAT_DOT))
        f[n++].kind = -1;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        snprintf(f[i].final, sizeof f[i].final, "%s/graph.%s", dir,
                 f[i].kind < 0 ? "svg" : ekg_format_extension((ekg_format)f[i].kind));
        snprintf(f[i].tmp, sizeof f[i].tmp, "%s.tmp.%ld", f[i].final, (long)getpid());
        struct stat st;
        if (lstat(f[i].final, &st) == 0 && !S_ISREG(st.st_mode)) {
            set_error(err, f[i].final, 0, 0, "exists and is not a regular file");
            rc = -1;
        }
    }
    if (rc != 0) {
        free(f);
        return rc;
    }
    outqueue q = {g, f, n, 0, PTHREAD_MUTEX_INITIALIZER};
    pthread_t helper[MAXF];
    int started = 0;
    for (int k = 1; k < threads && k < (int)n; k++) {
        if (pthread_create(&helper[started], NULL, write_queued, &q) != 0)
            break;   /* fewer threads: this one writes the rest */
        started++;
    }
    for (size_t i = 0; i < n; i++)   /* Graphviz on this thread only */
        if (f[i].kind < 0 || f[i].kind == EKG_FORMAT_DOT)
            write_outfile(g, &f[i]);
    write_queued(&q);
    for (int k = 0; k < started; k++)
        pthread_join(helper[k], NULL);
    /* the first failure in file order is the one reported, whichever thread met it */
    for (size_t i = 0; i < n && rc == 0; i++)
        if (f[i].rc != 0) {
            *err = f[i].err;
            rc = -1;
        }
    for (size_t i = 0; i < n && rc == 0; i++)
        if (rename(f[i].tmp, f[i].final) != 0) {
            set_error(err, f[i].final, 0, 0, "cannot rename into place: %s", strerror(errno));
            rc = -1;
        }
    if (rc != 0)
        for (size_t i = 0; i < n; i++)
            remove(f[i].tmp);
    pthread_mutex_destroy(&q.lock);
    free(f);
    return rc;
}

int main(int argc, char **argv)
{
    enum { OPT_CLEAN = 256, OPT_ONTOLOGY, OPT_OUTPUT, OPT_REFDATE, OPT_EXPLAIN, OPT_STATS,
           OPT_DOT_EVENTS, OPT_NO_SVG, OPT_STREAM, OPT_JOBS, OPT_DOT_MAX, OPT_PARTIAL };
    static const struct option opts[] = {
        {"jsonl", required_argument, NULL, 'j'},
        {"out", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, OPT_OUTPUT},
        {"clean", required_argument, NULL, OPT_CLEAN},
        {"ontology", required_argument, NULL, OPT_ONTOLOGY},
        {"reference-date", required_argument, NULL, OPT_REFDATE},
        {"explain", no_argument, NULL, OPT_EXPLAIN},
        {"stats", no_argument, NULL, OPT_STATS},
        {"dot-events", no_argument, NULL, OPT_DOT_EVENTS},
        {"no-svg", no_argument, NULL, OPT_NO_SVG},
        {"stream", no_argument, NULL, OPT_STREAM},
        {"jobs", required_argument, NULL, OPT_JOBS},
        {"dot-max-nodes", required_argument, NULL, OPT_DOT_MAX},
        {"partial", no_argument, NULL, OPT_PARTIAL},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0}};
    const char *jsonl = NULL, *outdir = NULL, *format = NULL, *output = NULL, *clean = NULL;
    const char *ontology = NULL, *refdate = NULL;
    int do_explain = 0, stats = 0, dot_flags = 0, svg = 1, stream = 0, jobs = 1, c;
    int partial = 0;
    const char *not_for_merge = NULL;   /* an extraction option given to ekg merge */

    signal(SIGPIPE, SIG_DFL);   /* a closed pipe ends us quietly, like any filter */
    /* ekg merge FILE.nq...: the same options, minus those of extraction */
    int merge = argc > 1 && strcmp(argv[1], "merge") == 0;
    if (merge) {
        static char merge_name[] = "ekg merge";
        argv[1] = merge_name;   /* getopt names the program in its messages */
        argv++;
        argc--;
    }
    while ((c = getopt_long(argc, argv, "j:o:f:qhV", opts, NULL)) != -1) {
        if (merge && !not_for_merge)
            not_for_merge = c == 'j' ? "--jsonl" : c == OPT_CLEAN ? "--clean"
                          : c == OPT_REFDATE ? "--reference-date"
                          : c == OPT_EXPLAIN ? "--explain" : c == OPT_STREAM ? "--stream"
                          : c == OPT_JOBS ? "--jobs" : NULL;
        switch (c) {
        case 'j': jsonl = optarg; break;
        case 'o': outdir = optarg; break;
        case 'f': format = optarg; break;
        case OPT_OUTPUT: output = optarg; break;
        case OPT_CLEAN: clean = optarg; break;
        case OPT_ONTOLOGY: ontology = optarg; break;
        case OPT_REFDATE: refdate = optarg; break;
        case OPT_EXPLAIN: do_explain = 1; break;
        case OPT_STATS: stats = 1; break;
        case OPT_DOT_EVENTS: dot_flags = EKG_DOT_EVENTS; break;
        case OPT_NO_SVG: svg = 0; break;
        case OPT_STREAM: stream = 1; break;
        case OPT_PARTIAL: partial = 1; break;
        case OPT_DOT_MAX: {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 0) {
                fprintf(stderr, "%s: error: --dot-max-nodes wants a number (0: no limit)\n",
                        progname);
                return EKG_EXIT_USAGE;
            }
            dot_max_global = (size_t)n;
            break;
        }
        case OPT_JOBS: {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 256) {
                fprintf(stderr, "%s: error: --jobs wants a number from 1 to 256, not '%s'\n",
                        progname, optarg);
                return EKG_EXIT_USAGE;
            }
            jobs = (int)n;
            break;
        }
        case 'q': quiet = 1; break;
        case 'h': merge ? usage_merge(stdout) : usage(stdout); return EKG_EXIT_OK;
        case 'V': printf("ekg %s\n", EKG_VERSION); return EKG_EXIT_OK;
        default: merge ? usage_merge(stderr) : usage(stderr); return EKG_EXIT_USAGE;
        }
    }
    if (not_for_merge) {
        fprintf(stderr, "%s: error: ekg merge reads N-Quads; %s is for reading articles\n",
                progname, not_for_merge);
        return EKG_EXIT_USAGE;
    }
    dot_flags_global = dot_flags;
    ekg_error err;
    memset(&err, 0, sizeof err);

    if (clean) {
        size_t len;
        char *buf = read_file(clean, &len, &err);
        if (!buf) {
            report("error", &err);
            return EKG_EXIT_INPUT;
        }
        int rc = ekg_clean_text(doc_id(clean), buf, len, ekg_sink_file, stdout, &err);
        free(buf);
        if (fflush(stdout) != 0 || ferror(stdout)) {
            memset(&err, 0, sizeof err);
            set_error(&err, "stdout", 0, 0, "write error: %s", strerror(errno));
            rc = -1;
        }
        if (rc) {
            report("error", &err);
            return EKG_EXIT_OUTPUT;
        }
        return EKG_EXIT_OK;
    }
    int fmt = -1;
    if (format && (fmt = ekg_format_from_name(format)) < 0) {
        fprintf(stderr, "%s: error: unknown format '%s' (ttl, nt, nq, jsonld, dot, csv)\n",
                progname, format);
        return EKG_EXIT_USAGE;
    }
    if (merge && optind >= argc) {
        fprintf(stderr, "%s: error: ekg merge: no input (give FILE.nq... or '-')\n", progname);
        usage_merge(stderr);
        return EKG_EXIT_USAGE;
    }
    if (!jsonl && optind >= argc) {
        fprintf(stderr, "%s: error: no input (give FILE..., '-', or --jsonl FILE)\n", progname);
        usage(stderr);
        return EKG_EXIT_USAGE;
    }
    if (jsonl && optind < argc) {
        fprintf(stderr, "%s: error: --jsonl takes one input; extra argument '%s'\n", progname,
                argv[optind]);
        return EKG_EXIT_USAGE;
    }
    if (stream && (outdir ||
                   (fmt != EKG_FORMAT_NQUADS && fmt != EKG_FORMAT_NTRIPLES &&
                    fmt != EKG_FORMAT_JSONLD) ||
                   (output && strcmp(output, "-") != 0))) {
        fprintf(stderr, "%s: error: --stream writes N-Quads, N-Triples or JSON Lines (one "
                        "JSON-LD document a line) to stdout: use --format nq, nt or jsonld "
                        "without --out/--output\n", progname);
        return EKG_EXIT_USAGE;
    }
    if (!outdir && fmt < 0 && !do_explain) {
        fprintf(stderr, "%s: error: say where to write: --out DIR or --format FMT\n", progname);
        return EKG_EXIT_USAGE;
    }
    if (outdir) {
        struct stat st;
        if (stat(outdir, &st) != 0 && errno == ENOENT && mkdir(outdir, 0777) != 0) {
            fprintf(stderr, "%s: error: %s: cannot create directory: %s\n", progname, outdir,
                    strerror(errno));
            return EKG_EXIT_OUTPUT;
        }
        if (stat(outdir, &st) != 0 || !S_ISDIR(st.st_mode)) {
            fprintf(stderr, "%s: error: %s: not a directory\n", progname, outdir);
            return EKG_EXIT_OUTPUT;
        }
    }

    ekg_ontology *onto = ekg_ontology_load(ontology, &err);
    if (!onto) {
        report("error", &err);
        return EKG_EXIT_ONTOLOGY;
    }
    if (refdate) {
        int y, mo, da;
        if (strlen(refdate) != 10 || sscanf(refdate, "%4d-%2d-%2d", &y, &mo, &da) != 3) {
            fprintf(stderr, "%s: error: --reference-date wants YYYY-MM-DD, not '%s'\n",
                    progname, refdate);
            ekg_ontology_free(onto);
            return EKG_EXIT_USAGE;
        }
    }
    run r;
    memset(&r, 0, sizeof r);
    r.onto = onto;
    r.refdate = refdate;
    r.stream = stream;
    r.partial = partial;
    r.fmt = fmt >= 0 ? (ekg_format)fmt : EKG_FORMAT_NQUADS;
    r.progress = !quiet && isatty(STDERR_FILENO);
    clock_gettime(CLOCK_MONOTONIC, &r.start);
    r.last = r.start;
    r.g = new_graph(&r);
    r.jobs = stream ? 1 : jobs;   /* streaming writes each document in order */
    if (r.jobs > 1)
        start_jobs(&r);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = EKG_EXIT_OK;
    if (merge) {
        /* one graph per file, merged into the run's in the order given */
        for (int i = optind; i < argc && rc == EKG_EXIT_OK; i++) {
            struct stat st;
            if (strcmp(argv[i], "-") != 0 && stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
                set_error(&err, argv[i], 0, 0, "is a directory");
                rc = EKG_EXIT_INPUT;
            } else if (ekg_graph_read_nquads(r.g, argv[i], &err) != 0) {
                rc = EKG_EXIT_INPUT;
            } else if (strcmp(argv[i], "-") != 0 && stat(argv[i], &st) == 0) {
                r.bytes += (size_t)st.st_size;
            }
        }
        ekg_stats st;
        ekg_graph_stats(r.g, &st);
        r.docs = st.documents;
    } else if (jsonl) {
        int k = add_jsonl(&r, jsonl, &err);
        if (k != 0)
            rc = k == -2 ? EKG_EXIT_OUTPUT : EKG_EXIT_INPUT;
    } else {
        for (int i = optind; i < argc && rc == EKG_EXIT_OK; i++) {
            size_t len;
            char *buf = read_file(argv[i], &len, &err);
            if (!buf) {
                rc = EKG_EXIT_INPUT;
                break;
            }
            if (len == 0 && !quiet)
                fprintf(stderr, "%s: warning: %s: empty file\n", progname, argv[i]);
            cur_id = doc_id(argv[i]);
            cur_path = argv[i];
            int k = add_doc(&r, cur_id, buf, len, NULL, &err);
            cur_id = cur_path = NULL;
            if (k != 0)
                rc = k == -2 ? EKG_EXIT_OUTPUT : EKG_EXIT_INPUT;
            free(buf);
        }
    }
    struct timespec t_read, t_merge, t_finish;
    clock_gettime(CLOCK_MONOTONIC, &t_read);
    r.joined = t_read;
    if (r.jobs > 1) {
        ekg_error jerr;
        memset(&jerr, 0, sizeof jerr);
        /* a document that failed came before whatever stopped the reader */
        if (finish_jobs(&r, &jerr) != 0) {
            err = jerr;
            rc = EKG_EXIT_INPUT;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t_merge);
    t_read = r.joined;   /* with threads, extraction ends when the last worker is done */
    if (rc == EKG_EXIT_OK)
        ekg_graph_finish(r.g);
    clock_gettime(CLOCK_MONOTONIC, &t_finish);
    show_progress(&r, 1);
    ekg_graph *g = r.g;
    size_t bytes = r.bytes;
    if (stream && rc == EKG_EXIT_OK && fflush(stdout) != 0) {
        set_error(&err, "stdout", 0, 0, "write error: %s", strerror(errno));
        rc = EKG_EXIT_OUTPUT;
    }
    if (stream)
        outdir = NULL, fmt = -1;   /* everything was written already */
    if (rc == EKG_EXIT_OK && outdir && write_outdir(g, outdir, fmt, svg, r.jobs, &err) != 0) {
        rc = EKG_EXIT_OUTPUT;
    } else if (rc == EKG_EXIT_OK && fmt >= 0) {
        io_thread_global = r.jobs > 1;
        if (write_atomic(g, (ekg_format)fmt, output ? output : "-", &err) != 0)
            rc = EKG_EXIT_OUTPUT;
    }
    if (rc == EKG_EXIT_OK && do_explain)
        explain(g, (fmt >= 0 && !outdir && (!output || strcmp(output, "-") == 0)) ? stderr
                                                                                 : stdout);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (rc != EKG_EXIT_OK)
        report("error", &err);
    if (stats) {
        ekg_stats st;
        ekg_graph_stats(g, &st);
        double s = elapsed(&t0, &t1);
        fprintf(stderr,
                "%s: %zu documents, %zu sentences, %zu entities, %zu events, %zu mentions; "
                "%.3f s, %.2f MB/s (read and extract %.3f s, merge %.3f s, finish %.3f s, "
                "write %.3f s)\n",
                progname, st.documents, st.sentences, st.entities, st.events, st.mentions, s,
                s > 0 ? (double)bytes / 1e6 / s : 0.0, elapsed(&t0, &t_read),
                elapsed(&t_read, &t_merge), elapsed(&t_merge, &t_finish),
                elapsed(&t_finish, &t1));
    }
    ekg_graph_free(g);
    ekg_ontology_free(onto);
    return rc;
}

static void explain(const ekg_graph *g, FILE *f)
{
    if (ekg_explain(g, ekg_sink_file, f) != 0 || fflush(f) != 0)
        fprintf(stderr, "%s: error: cannot write the explanation\n", progname);
}
