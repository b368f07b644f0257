/*
 * check_escape.c - the escapers and checks of escape.c on hostile strings.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "util.h"

typedef void (*escaper)(ekg_buf *b, const char *s);

static char *run(escaper f, const char *s)
{
    ekg_buf b;
    ekg_buf_init(&b);
    f(&b, s);
    return b.data ? ekg_buf_detach(&b) : ekg_xstrdup("");
}

static void dot_label(ekg_buf *b, const char *s)
{
    ekg_escape_dot_label(b, s, 100);
}

#define CHECK(f, in, out)                  \
    do {                                   \
        char *r_ = run(f, in);             \
        ck_assert_str_eq(r_, out);         \
        free(r_);                          \
    } while (0)

START_TEST(utf8)
{
    ck_assert(ekg_utf8_valid("", 0));
    ck_assert(ekg_utf8_valid("Z\xC3\xBCrich \xF0\x9F\x98\x80", 12));
    ck_assert(!ekg_utf8_valid("\xFF", 1));
    ck_assert(!ekg_utf8_valid("\xC0\xAF", 2));           /* overlong '/' */
    ck_assert(!ekg_utf8_valid("\xED\xA0\x80", 3));       /* surrogate */
    ck_assert(!ekg_utf8_valid("\xF4\x90\x80\x80", 4));   /* > U+10FFFF */
    ck_assert(!ekg_utf8_valid("\xE2\x82", 2));           /* truncated */
    CHECK(ekg_escape_utf8, "a\xFF" "b\xE2\x82", "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(ekg_escape_utf8, "ok \xE6\x9D\xB1", "ok \xE6\x9D\xB1");
}
END_TEST

START_TEST(iri)
{
    CHECK(ekg_escape_iri_part, "country-fra", "country-fra");
    CHECK(ekg_escape_iri_part, "a b<>\"{}|^`\\", "a%20b%3C%3E%22%7B%7D%7C%5E%60%5C");
    CHECK(ekg_escape_iri_part, "100%", "100%25");
    CHECK(ekg_escape_iri_part, "a%20b%zz", "a%20b%25zz");        /* kept / fixed */
    CHECK(ekg_escape_iri_part, "Fran\xC3\xA7" "e", "Fran\xC3\xA7" "e");   /* ucschar kept */
    CHECK(ekg_escape_iri_part, "\x01\x7F\xC2\x85\xFF", "%01%7F%C2%85%FF");  /* C1 NEL, bad byte */
    CHECK(ekg_escape_iri_part, "#char=1,2", "%23char=1,2");
    ck_assert(ekg_iri_is_absolute("https://example.org/a?b=1&c=2#x"));
    ck_assert(ekg_iri_is_absolute("urn:isbn:123"));
    ck_assert(ekg_iri_is_absolute("http://b\xC3\xBC" "cher.de/"));
    ck_assert(!ekg_iri_is_absolute("not a url"));
    ck_assert(!ekg_iri_is_absolute("/relative/path"));
    ck_assert(!ekg_iri_is_absolute("http://x/{y}"));
    ck_assert(!ekg_iri_is_absolute("http://x/a b"));
    ck_assert(!ekg_iri_is_absolute("http://x/%zz"));
    ck_assert(!ekg_iri_is_absolute("http:"));
    ck_assert(!ekg_iri_is_absolute("1http://x"));
    ck_assert(!ekg_iri_is_absolute("http://x/\xFF"));
    ck_assert(!ekg_iri_is_absolute(NULL));
}
END_TEST

START_TEST(dates)
{
    ck_assert(ekg_date_valid("2023-07-10"));
    ck_assert(ekg_date_valid("2024-02-29"));
    ck_assert(ekg_date_valid("2000-02-29"));
    ck_assert(!ekg_date_valid("1900-02-29"));
    ck_assert(!ekg_date_valid("2023-02-29"));
    ck_assert(!ekg_date_valid("2023-13-45"));
    ck_assert(!ekg_date_valid("2023-04-31"));
    ck_assert(!ekg_date_valid("0000-01-01"));
    ck_assert(!ekg_date_valid("2023-7-10"));
    ck_assert(!ekg_date_valid("2023-07-10Z"));
    ck_assert(!ekg_date_valid(""));
    ck_assert(!ekg_date_valid(NULL));
}
END_TEST

START_TEST(dot)
{
    CHECK(dot_label, "France", "France");
    CHECK(dot_label, "a\\b", "a\\\\b");
    CHECK(dot_label, "trailing\\", "trailing\\\\");
    CHECK(dot_label, "\\N \\G \\n \\l", "\\\\N \\\\G \\\\n \\\\l");
    CHECK(dot_label, "line1\nline2\r\n", "line1\\nline2\\n");
    CHECK(dot_label, "tab\there\x01\x7F", "tab here  ");
    CHECK(dot_label, "C1\xC2\x85" "end", "C1 end");
    CHECK(dot_label, "\"quoted\" <b>&</b>", "\"quoted\" <b>&</b>");   /* cgraph escapes '"' */
    CHECK(dot_label, "bad\xFF", "bad\xEF\xBF\xBD");
    CHECK(dot_label, "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80");
    /* long labels are cut at a character boundary */
    char long_s[400];
    for (int i = 0; i < 133; i++)
        memcpy(long_s + 3 * i, "\xE6\x9D\xB1", 3);
    long_s[399] = '\0';
    char *r = run(dot_label, long_s);
    ck_assert_uint_eq(strlen(r), 99 + 3);
    ck_assert(ekg_utf8_valid(r, strlen(r)));
    free(r);
}
END_TEST

START_TEST(csv)
{
    CHECK(ekg_escape_csv, "plain", "plain");
    CHECK(ekg_escape_csv, "", "");
    CHECK(ekg_escape_csv, NULL, "");
    CHECK(ekg_escape_csv, "a,b", "\"a,b\"");
    CHECK(ekg_escape_csv, "say \"hi\"", "\"say \"\"hi\"\"\"");
    CHECK(ekg_escape_csv, "\"", "\"\"\"\"");
    CHECK(ekg_escape_csv, "two\nlines", "\"two\nlines\"");
    CHECK(ekg_escape_csv, "cr\r", "\"cr\r\"");
    CHECK(ekg_escape_csv, " padded ", "\" padded \"");
    CHECK(ekg_escape_csv, "ctl\x01\x1B[31m\x7F", "ctl  [31m ");
    CHECK(ekg_escape_csv, "tab\tok", "tab\tok");
    CHECK(ekg_escape_csv, "bad\xFF,", "\"bad\xEF\xBF\xBD,\"");
    CHECK(ekg_escape_csv, "back\\slash", "back\\slash");
}
END_TEST

/* A prefix of valid UTF-8 is cut before a character it would split, never inside one. */
START_TEST(utf8_cut)
{
    const char *s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";   /* a e-acute euro emoji */
    static const size_t want[] = {0, 1, 1, 3, 3, 3, 6, 6, 6, 6, 10};
    for (size_t n = 0; n <= 10; n++)
        ck_assert_uint_eq(ekg_utf8_cut(s, n), want[n]);
    ck_assert_uint_eq(ekg_utf8_cut("plain", 3), 3);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("escape");
    TCase *tc = tcase_create("utf8");
    tcase_add_test(tc, utf8);
    tcase_add_test(tc, utf8_cut);
    suite_add_tcase(s, tc);
    tc = tcase_create("iri");
    tcase_add_test(tc, iri);
    tcase_add_test(tc, dates);
    suite_add_tcase(s, tc);
    tc = tcase_create("dot");
    tcase_add_test(tc, dot);
    suite_add_tcase(s, tc);
    tc = tcase_create("csv");
    tcase_add_test(tc, csv);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
