/*
 * fuzz_jsonl.c - bytes as a JSON Lines file, read as the CLI reads it: split on
 * '\n', each line through ekg_jsonl_parse() (the library's one reader) and
 * ekg_graph_add_text(). A line that is not accepted stops the run as in the
 * CLI; whatever was added before is then written by every writer and checked
 * (fuzz_common.h). Each line is also read by jansson alone
 * (ekg_jsonl_parse_jansson): the fast scanner must give the same record, or the
 * same rejection.
 */
#include "fuzz_common.h"
#include "jsonl.h"

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* ekg_jsonl_parse() and jansson alone agree on the line. */
static void check_same_record(const char *s, size_t n, size_t line, int k, const ekg_jsonl_doc *doc)
{
    ekg_jsonl_doc ref;
    ekg_error rerr;
    memset(&rerr, 0, sizeof rerr);
    int rk = ekg_jsonl_parse_jansson(s, n, line, "fuzz.jsonl", &ref, &rerr);
    if (rk != k)
        fz_fail("the fast JSON Lines scanner and jansson disagree on accepting a line", NULL);
    if (k == 0 && (!same_str(doc->id, ref.id) || !same_str(doc->title, ref.title) ||
                   !same_str(doc->date, ref.date) || !same_str(doc->url, ref.url) ||
                   !same_str(doc->source, ref.source) || doc->len != ref.len ||
                   memcmp(doc->text, ref.text, doc->len) != 0))
        fz_fail("the fast JSON Lines scanner and jansson read a line differently", NULL);
    ekg_jsonl_doc_free(&ref);
}

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
    check_same_record(s, n, line, k, &doc);
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
