/*
 * fuzz_pipeline.c - arbitrary bytes as one plain-text article:
 * ekg_graph_add_text() -> every writer into memory -> the real parsers
 * (see fuzz_common.h). Also runs ekg_clean_text() and ekg_explain() on the
 * same bytes, whose output must be valid UTF-8.
 */
#include "fuzz_common.h"

static int log_calls;

static void on_log(void *data, ekg_log_level level, const char *source, int line, int column,
                   const char *message)
{
    (void)data;
    (void)source;
    log_calls++;
    if (!message || line < 0 || column < 0 || level < EKG_LOG_INFO || level > EKG_LOG_ERROR)
        fz_fail("a log message with a bad locator or level", NULL);
    (void)strlen(message);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_init();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ekg_error err;
    memset(&err, 0, sizeof err);
    const char *bytes = (const char *)data;

    /* the boilerplate stage alone, as `ekg --clean` */
    fz_mem clean = {0};
    if (ekg_clean_text("fuzz.txt", bytes, size, fz_mem_sink, &clean, &err) == 0) {
        fz_mem_sink(&clean, "", 0);
        if (!fz_utf8_ok(clean.data, clean.len))
            fz_fail("ekg_clean_text wrote invalid UTF-8", &clean);
    }
    fz_mem_free(&clean);

    memset(&err, 0, sizeof err);
    ekg_graph *g = ekg_graph_new(fz_onto);
    if (!g)
        abort();
    ekg_graph_set_log(g, on_log, NULL);
    if (ekg_graph_set_reference_date(g, "2024-01-15") != 0)
        abort();
    if (ekg_graph_add_text(g, "fuzz.txt", bytes, size, NULL, &err) == 0) {
        fz_check_all_writers(g);
        fz_mem ex = {0};
        if (ekg_explain(g, fz_mem_sink, &ex) != 0)
            fz_fail("ekg_explain failed on a memory sink", &ex);
        fz_mem_sink(&ex, "", 0);
        if (!fz_utf8_ok(ex.data, ex.len))
            fz_fail("ekg_explain wrote invalid UTF-8", &ex);
        fz_mem_free(&ex);
    } else if (!err.set || !err.text[0]) {
        fz_fail("ekg_graph_add_text failed without an error message", NULL);
    }
    ekg_graph_free(g);
    return 0;
}
