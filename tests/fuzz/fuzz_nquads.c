/*
 * fuzz_nquads.c - any bytes as a shard that `ekg merge` reads:
 * ekg_graph_read_nquads() on them, as a file. A rejected input must leave the
 * graph empty with a message that names its line; an accepted one is written
 * by every writer and checked (fuzz_common.h), and its N-Quads must read back
 * into a graph that writes the same N-Quads again (reading and writing are
 * inverse on what ekg writes).
 */
#include <unistd.h>

#include "fuzz_common.h"

static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_init();
    snprintf(path, sizeof path, "/tmp/ekg-fuzz-nquads-%ld.nq", (long)getpid());
    return 0;
}

static void put_file(const char *p, const char *data, size_t size)
{
    FILE *f = fopen(p, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
}

static ekg_graph *read_graph(const char *data, size_t size, int *rc, ekg_error *err)
{
    put_file(path, data, size);
    ekg_graph *g = ekg_graph_new(fz_onto);
    if (!g)
        abort();
    ekg_graph_set_partial(g, 1);
    memset(err, 0, sizeof *err);
    *rc = ekg_graph_read_nquads(g, path, err);
    return g;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ekg_error err;
    int rc;
    ekg_graph *g = read_graph((const char *)data, size, &rc, &err);
    ekg_stats st;
    ekg_graph_stats(g, &st);
    if (rc != 0) {
        if (!err.set || !err.text[0] || err.line < 0)
            fz_fail("a rejected shard without a located message", NULL);
        if (st.documents || st.entities || st.events || st.mentions)
            fz_fail("a rejected shard left something in the graph", NULL);
        ekg_graph_free(g);
        return 0;
    }
    fz_check_all_writers(g);

    /* written, read back, written again: the same N-Quads */
    fz_mem a = {0}, b = {0};
    fz_write(g, EKG_FORMAT_NQUADS, &a);
    ekg_graph *h = read_graph(a.data, a.len, &rc, &err);
    if (rc != 0) {
        fprintf(stderr, "%s:%d:%d: %s\n", err.source, err.line, err.column, err.text);
        fz_fail("ekg cannot read back the N-Quads it wrote", &a);
    }
    fz_write(h, EKG_FORMAT_NQUADS, &b);
    if (a.len != b.len || memcmp(a.data, b.data, a.len) != 0)
        fz_fail("N-Quads read back and written again differ", &b);
    fz_mem_free(&a);
    fz_mem_free(&b);
    ekg_graph_free(h);
    ekg_graph_free(g);
    return 0;
}
