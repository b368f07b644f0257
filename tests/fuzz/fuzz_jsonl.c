/*
 * fuzz_jsonl.c - bytes as a JSON Lines file, read as the CLI reads it: split on
 * '\n', each line through ekg_jsonl_parse() (the library's one reader) and
 * ekg_graph_add_text(). A line that is not accepted stops the run as in the
 * CLI; whatever was added before is then written by every writer and checked
 * (fuzz_common.h).
 */
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_init();
    return 0;
}

static int add_line(ekg_graph *g, const char *s, size_t n, size_t line, ekg_error *err)
{
    ekg_jsonl_doc doc;
    int k = ekg_jsonl_parse(s, n, line, "fuzz.jsonl", &doc, err);
    if (k == 1)
        return 0;
    if (k != 0) {
        if (!err->set || !err->text[0] || err->line != (int)line)
            fz_fail("a rejected line without a located message", NULL);
        return -1;
    }
    int rc = ekg_graph_add_text(g, doc.id, doc.text, doc.len, &doc.info, err);
    if (rc != 0 && (!err->set || !err->text[0]))
        fz_fail("ekg_graph_add_text failed without an error message", NULL);
    ekg_jsonl_doc_free(&doc);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *buf = (const char *)data;
    ekg_error err;
    memset(&err, 0, sizeof err);
    ekg_graph *g = ekg_graph_new(fz_onto);
    if (!g)
        abort();
    if (ekg_graph_set_reference_date(g, "2024-01-15") != 0)
        abort();
    size_t line = 0;
    for (size_t pos = 0; pos < size;) {
        size_t end = pos;
        while (end < size && buf[end] != '\n')
            end++;
        line++;
        size_t a = pos;
        while (a < end && (buf[a] == ' ' || buf[a] == '\t' || buf[a] == '\r'))
            a++;
        pos = end + 1;
        if (a == end)
            continue;
        if (add_line(g, buf + a, end - a, line, &err) != 0)
            break;
    }
    fz_check_all_writers(g);
    ekg_graph_free(g);
    return 0;
}
