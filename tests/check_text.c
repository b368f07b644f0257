/*
 * check_text.c - decoding: UTF-8 validation and replacement, warnings with
 * their locations, BOM, newlines, the fold rules and the src/cp maps.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

typedef struct warning {
    int line, column;
} warning;

typedef struct warnings {
    warning w[16];
    int n;
} warnings;

static void collect(void *data, ekg_log_level level, const char *source, int line, int column,
                    const char *message)
{
    warnings *ws = data;
    ck_assert_int_eq(level, EKG_LOG_WARNING);
    ck_assert_str_eq(source, "doc.txt");
    ck_assert_ptr_nonnull(message);
    if (ws->n < 16) {
        ws->w[ws->n].line = line;
        ws->w[ws->n].column = column;
    }
    ws->n++;
}

static warnings logged;

static void decode(ekg_text *t, const char *s, size_t n)
{
    ekg_log log = {collect, &logged};
    ekg_error err;
    memset(&err, 0, sizeof err);
    memset(&logged, 0, sizeof logged);
    ck_assert_int_eq(ekg_text_decode(t, s, n, "doc.txt", &log, &err), 0);
    ck_assert_int_eq(err.set, 0);
    ck_assert_uint_eq(strlen(t->utf8), t->utf8_len);
    ck_assert_uint_eq(strlen(t->fold), t->fold_len);
}

#define FFFD "\xEF\xBF\xBD"

/* ---- invalid UTF-8 ---- */

START_TEST(test_valid_ascii_identity)
{
    ekg_text t;
    decode(&t, "ab c", 4);
    ck_assert_str_eq(t.utf8, "ab c");
    ck_assert_str_eq(t.fold, "ab c");
    for (uint32_t i = 0; i <= 4; i++) {
        ck_assert_uint_eq(t.src[i], i);
        ck_assert_uint_eq(t.cp[i], i);
    }
    ck_assert_uint_eq(t.invalid, 0);
    ck_assert_int_eq(logged.n, 0);
    ekg_text_free(&t);
}
END_TEST

START_TEST(test_lone_continuation)
{
    ekg_text t;
    decode(&t, "a\x80z", 3);
    ck_assert_str_eq(t.utf8, "a" FFFD "z");
    ck_assert_uint_eq(t.invalid, 1);
    ck_assert_uint_eq(t.cp[t.fold_len], 3);
    ekg_text_free(&t);
}
END_TEST

START_TEST(test_overlong)
{
    ekg_text t;
    decode(&t, "\xC0\x80x\xE0\x80\x80", 6);
    /* C0 is never a lead byte: two replacements; E0 80: E0 needs A0..BF */
    ck_assert_str_eq(t.utf8, FFFD FFFD "x" FFFD FFFD FFFD);
    ck_assert_uint_eq(t.invalid, 5);
    ekg_text_free(&t);
}
END_TEST

START_TEST(test_surrogate)
{
    ekg_text t;
    decode(&t, "\xED\xA0\x80!", 4);
    ck_assert_str_eq(t.utf8, FFFD FFFD FFFD "!");
    ck_assert_uint_eq(t.invalid, 3);
    ekg_text_free(&t);
}
END_TEST

START_TEST(test_truncated_at_eof)
{
    ekg_text t;
    decode(&t, "ok\xE2\x82", 4);
    ck_assert_str_eq(t.utf8, "ok" FFFD);
    ck_assert_uint_eq(t.invalid, 1);
    ekg_text_free(&t);
    /* truncated before an ASCII byte: the ASCII byte survives */
    decode(&t, "\xF0\x9F\x98" "A", 4);
    ck_assert_str_eq(t.utf8, FFFD "A");
    ck_assert_uint_eq(t.invalid, 1);
    ekg_text_free(&t);
}
END_TEST

START_TEST(test_above_max)
{
    ekg_text t;
    /* F5..FF never start a sequence; F4 90 would be above U+10FFFF */
    decode(&t, "\xF5\xFF\xF4\x90\x80\x80", 6);
    ck_assert_str_eq(t.utf8, FFFD FFFD FFFD FFFD FFFD FFFD);
    ck_assert_uint_eq(t.invalid, 6);
    ekg_text_free(&t);
    decode(&t, "\xF4\x8F\xBF\xBF", 4);
    ck_assert_str_eq(t.utf8, "\xF4\x8F\xBF\xBF");
    ck_assert_uint_eq(t.invalid, 0);
    ekg_text_free(&t);
}
END_TEST

START_TEST(test_nul_byte)
{
    ekg_text t;
    decode(&t, "a\0b", 3);
    ck_assert_str_eq(t.utf8, "a" FFFD "b");
    ck_assert_str_eq(t.fold, "a" FFFD "b");
    ck_assert_uint_eq(t.invalid, 1);
    ck_assert_int_eq(logged.n, 1);
    ck_assert_int_eq(logged.w[0].column, 2);
    ekg_text_free(&t);
}
END_TEST

START_TEST(test_too_large)
{
    ekg_text t;
    ekg_error err;
    memset(&err, 0, sizeof err);
    /* the size is checked before a byte is read */
    ck_assert_int_eq(ekg_text_decode(&t, "x", (size_t)EKG_MAX_DOCUMENT + 1, "big.txt", NULL, &err),
                     -1);
    ck_assert_int_eq(err.set, 1);
    ck_assert_str_eq(err.source, "big.txt");
    ck_assert_ptr_null(t.utf8);
    ekg_text_free(&t);
}
END_TEST

/* ---- warning locations ---- */

START_TEST(test_warning_columns)
{
    ekg_text t;
    /* line 1: "é" is one code point, so \x80 is column 2; line 3 after CRLF */
    decode(&t, "\xC3\xA9\x80\nx\r\nab\xFF", 10);
    ck_assert_int_eq(logged.n, 2);
    ck_assert_int_eq(logged.w[0].line, 1);
    ck_assert_int_eq(logged.w[0].column, 2);
    ck_assert_int_eq(logged.w[1].line, 3);
    ck_assert_int_eq(logged.w[1].column, 3);
    ekg_text_free(&t);
    /* a lone CR ends a line too; an entity counts its characters */
    decode(&t, "a\rb&amp;\x80", 9);
    ck_assert_int_eq(logged.n, 1);
    ck_assert_int_eq(logged.w[0].line, 2);
    ck_assert_int_eq(logged.w[0].column, 7);
    ekg_text_free(&t);
}
END_TEST

/* ---- BOM and newlines ---- */

START_TEST(test_bom)
{
    ekg_text t;
    decode(&t, "\xEF\xBB\xBFHi\x80", 6);
    ck_assert_str_eq(t.utf8, "Hi" FFFD);
    ck_assert_str_eq(t.fold, "Hi" FFFD);
    ck_assert_uint_eq(t.src[0], 0);
    ck_assert_int_eq(logged.w[0].column, 3);
    ekg_text_free(&t);
}
END_TEST

START_TEST(test_newlines)
{
    ekg_text t;
    decode(&t, "a\r\nb\rc", 6);
    ck_assert_str_eq(t.utf8, "a\r\nb\rc");
    ck_assert_str_eq(t.fold, "a\nb\nc");
    uint32_t src[] = {0, 1, 3, 4, 5, 6};
    for (int i = 0; i < 6; i++) {
        ck_assert_uint_eq(t.src[i], src[i]);
        ck_assert_uint_eq(t.cp[i], src[i]);
    }
    ekg_text_free(&t);
}
END_TEST

/* ---- fold rules ---- */

START_TEST(test_fold_quotes)
{
    ekg_text t;
    /* ‘a’ ‚ ‛ ′ “b” „ ‟ ″ */
    decode(&t, "\xE2\x80\x98" "a\xE2\x80\x99\xE2\x80\x9A\xE2\x80\x9B\xE2\x80\xB2"
               "\xE2\x80\x9C" "b\xE2\x80\x9D\xE2\x80\x9E\xE2\x80\x9F\xE2\x80\xB3", 32);
    ck_assert_str_eq(t.fold, "'a''''\"b\"\"\"\"");
    /* every fold byte points at its code point */
    uint32_t src[] = {0, 3, 4, 7, 10, 13, 16, 19, 20, 23, 26, 29, 32};
    uint32_t cp[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    for (int i = 0; i <= 12; i++) {
        ck_assert_uint_eq(t.src[i], src[i]);
        ck_assert_uint_eq(t.cp[i], cp[i]);
    }
    ekg_text_free(&t);
}
END_TEST

START_TEST(test_fold_dashes)
{
    ekg_text t;
    /* – — ― − */
    decode(&t, "1\xE2\x80\x93" "2\xE2\x80\x94" "3\xE2\x80\x95" "4\xE2\x88\x92" "5", 17);
    ck_assert_str_eq(t.fold, "1-2-3-4-5");
    ck_assert_uint_eq(t.src[8], 16);
    ck_assert_uint_eq(t.cp[8], 8);
    ck_assert_uint_eq(t.src[9], 17);
    ekg_text_free(&t);
}
END_TEST

START_TEST(test_fold_spaces)
{
    ekg_text t;
    /* NBSP, thin space, narrow NBSP, ideographic space, em space */
    decode(&t, "a\xC2\xA0" "b\xE2\x80\x89" "c\xE2\x80\xAF" "d\xE3\x80\x80" "e\xE2\x80\x83" "f", 20);
    ck_assert_str_eq(t.fold, "a b c d e f");
    ck_assert_uint_eq(t.src[2], 3);
    ck_assert_uint_eq(t.cp[2], 2);
    ck_assert_uint_eq(t.src[4], 7);
    ck_assert_uint_eq(t.cp[10], 10);
    ekg_text_free(&t);
}
END_TEST

START_TEST(test_fold_zero_width)
{
    ekg_text t;
    /* ZWSP, ZWJ, word joiner, a BOM that is not leading, soft hyphen */
    decode(&t, "a\xE2\x80\x8B" "b\xE2\x80\x8D\xE2\x81\xA0" "c\xEF\xBB\xBF\xC2\xAD" "d", 18);
    ck_assert_str_eq(t.fold, "abcd");
    ck_assert_str_eq(t.utf8, "a\xE2\x80\x8B" "b\xE2\x80\x8D\xE2\x81\xA0" "c\xEF\xBB\xBF\xC2\xAD" "d");
    uint32_t src[] = {0, 4, 11, 17, 18};
    uint32_t cp[] = {0, 2, 5, 8, 9};
    for (int i = 0; i <= 4; i++) {
        ck_assert_uint_eq(t.src[i], src[i]);
        ck_assert_uint_eq(t.cp[i], cp[i]);
    }
    ekg_text_free(&t);
}
END_TEST

START_TEST(test_fold_copies_other_text)
{
    ekg_text t;
    /* é and 😀 are copied byte by byte; each byte knows its own offset */
    decode(&t, "\xC3\xA9\xF0\x9F\x98\x80x", 7);
    ck_assert_str_eq(t.fold, "\xC3\xA9\xF0\x9F\x98\x80x");
    uint32_t src[] = {0, 1, 2, 3, 4, 5, 6, 7};
    uint32_t cp[] = {0, 0, 1, 1, 1, 1, 2, 3};
    for (int i = 0; i <= 7; i++) {
        ck_assert_uint_eq(t.src[i], src[i]);
        ck_assert_uint_eq(t.cp[i], cp[i]);
    }
    ekg_text_free(&t);
}
END_TEST

/* ---- entities and their scraped remnants ---- */

START_TEST(test_entities)
{
    ekg_text t;
    const char *in = "&amp;&lt;&gt;&quot;&apos;&#39;&#x41;&#8212;&nbsp;&bogus;&#;";
    decode(&t, in, strlen(in));
    ck_assert_str_eq(t.utf8, in);
    ck_assert_str_eq(t.fold, "&<>\"''A- &bogus;&#;");
    /* each character points at the start of its entity */
    uint32_t src[] = {0, 5, 9, 13, 19, 25, 30, 36, 43};
    for (int i = 0; i < 9; i++) {
        ck_assert_uint_eq(t.src[i], src[i]);
        ck_assert_uint_eq(t.cp[i], src[i]);
    }
    ck_assert_uint_eq(t.src[t.fold_len], strlen(in));
    ekg_text_free(&t);
    /* numeric references to C1 codes mean Windows-1252 */
    decode(&t, "&#146;&#150;", 12);
    ck_assert_str_eq(t.fold, "'-");
    ekg_text_free(&t);
}
END_TEST

START_TEST(test_remnants)
{
    ekg_text t;
    const char *in = "Bush #39;s plan to cause  quot;fear. quot; for  #36;10 AT amp;T";
    decode(&t, in, strlen(in));
    ck_assert_str_eq(t.fold, "Bush's plan to cause \"fear.\" for $10 AT&T");
    /* the apostrophe stands for " #39;" and points at its space */
    ck_assert_uint_eq(t.src[4], 4);
    ck_assert_uint_eq(t.cp[4], 4);
    ck_assert_uint_eq(t.src[5], 9);
    ekg_text_free(&t);
    /* remnants of C1 references, and one at the start of a line */
    in = "Newsday #146;s review\n#39;Tis";
    decode(&t, in, strlen(in));
    ck_assert_str_eq(t.fold, "Newsday's review\n'Tis");
    ekg_text_free(&t);
    /* not a remnant: no leading space, or no semicolon */
    in = "item#39; and  quot and #12";
    decode(&t, in, strlen(in));
    ck_assert_str_eq(t.fold, in);
    ekg_text_free(&t);
}
END_TEST

START_TEST(test_long_input_linear)
{
    /* a megabyte of mixed input decodes (a quadratic pass would time out) */
    size_t n = 1u << 20;
    char *s = malloc(n);
    static const char unit[] = "ab &amp; #39;\xE2\x80\x99\r\n\x80";
    for (size_t i = 0; i < n; i++)
        s[i] = unit[i % (sizeof unit - 1)];
    ekg_text t;
    ekg_log log = {NULL, NULL};
    ck_assert_int_eq(ekg_text_decode(&t, s, n, "big", &log, NULL), 0);
    ck_assert_uint_gt(t.invalid, 1000);
    ck_assert_uint_eq(t.src[t.fold_len], t.utf8_len);
    ekg_text_free(&t);
    free(s);
}
END_TEST

static Suite *text_suite(void)
{
    Suite *s = suite_create("text");
    TCase *tc;

    tc = tcase_create("invalid_utf8");
    tcase_add_test(tc, test_valid_ascii_identity);
    tcase_add_test(tc, test_lone_continuation);
    tcase_add_test(tc, test_overlong);
    tcase_add_test(tc, test_surrogate);
    tcase_add_test(tc, test_truncated_at_eof);
    tcase_add_test(tc, test_above_max);
    tcase_add_test(tc, test_nul_byte);
    tcase_add_test(tc, test_too_large);
    suite_add_tcase(s, tc);

    tc = tcase_create("warnings");
    tcase_add_test(tc, test_warning_columns);
    suite_add_tcase(s, tc);

    tc = tcase_create("bom_newlines");
    tcase_add_test(tc, test_bom);
    tcase_add_test(tc, test_newlines);
    suite_add_tcase(s, tc);

    tc = tcase_create("fold");
    tcase_add_test(tc, test_fold_quotes);
    tcase_add_test(tc, test_fold_dashes);
    tcase_add_test(tc, test_fold_spaces);
    tcase_add_test(tc, test_fold_zero_width);
    tcase_add_test(tc, test_fold_copies_other_text);
    suite_add_tcase(s, tc);

    tc = tcase_create("entities");
    tcase_add_test(tc, test_entities);
    tcase_add_test(tc, test_remnants);
    suite_add_tcase(s, tc);

    tc = tcase_create("performance");
    tcase_add_test(tc, test_long_input_linear);
    tcase_set_timeout(tc, 20);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(text_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
