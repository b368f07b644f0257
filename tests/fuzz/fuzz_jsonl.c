/*
 * fuzz_jsonl.c - bytes as a JSON Lines file. The JSON Lines reader lives in
 * main.c (add_jsonl), so this target does what it does, with nothing factored
 * out: split on '\n', skip blank lines, parse each with jansson
 * (JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL), take "id" (string or integer, else
 * "line-N"), "text", "title", "date", "url", "source", prepend the title as
 * the headline, and call ekg_graph_add_text(). A line that is not accepted
 * stops the run as in the CLI; whatever was added before is then written by
 * every writer and checked (fuzz_common.h).
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
    json_error_t je;
    json_t *o = json_loadb(s, n, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
    if (!o) {
        if (je.line < 1 || je.text[0] == '\0')
            fz_fail("jansson rejected a line without a locator", NULL);
        return -1;
    }
    json_t *id = json_object_get(o, "id"), *text = json_object_get(o, "text");
    if (!json_is_object(o) || !json_is_string(text) ||
        (id && !json_is_string(id) && !json_is_integer(id))) {
        json_decref(o);
        return -1;
    }
    char idbuf[64];
    const char *ids;
    if (json_is_string(id))
        ids = json_string_value(id);
    else if (json_is_integer(id)) {
        snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(id));
        ids = idbuf;
    } else {
        snprintf(idbuf, sizeof idbuf, "line-%zu", line);
        ids = idbuf;
    }
    ekg_doc_info info = {0};
    json_t *v;
    if ((v = json_object_get(o, "title")) && json_is_string(v))
        info.title = json_string_value(v);
    if ((v = json_object_get(o, "date")) && json_is_string(v))
        info.date = json_string_value(v);
    if ((v = json_object_get(o, "url")) && json_is_string(v))
        info.url = json_string_value(v);
    if ((v = json_object_get(o, "source")) && json_is_string(v))
        info.source = json_string_value(v);
    const char *t = json_string_value(text);
    size_t tl = json_string_length(text);
    char *joined = NULL;
    if (info.title && *info.title) {
        size_t hl = strlen(info.title);
        joined = malloc(hl + tl + 3);
        if (!joined)
            abort();
        memcpy(joined, info.title, hl);
        memcpy(joined + hl, "\n\n", 2);
        memcpy(joined + hl + 2, t, tl);
        t = joined;
        tl += hl + 2;
    }
    int rc = ekg_graph_add_text(g, ids, t, tl, &info, err);
    if (rc != 0 && (!err->set || !err->text[0]))
        fz_fail("ekg_graph_add_text failed without an error message", NULL);
    free(joined);
    json_decref(o);
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
