/*
 * check_jsonl.c - JSON Lines records: what ekg_jsonl_parse() makes of a line,
 * and that its fast scanner and jansson alone (ekg_jsonl_parse_jansson) agree
 * on every line below, accepted or not: escapes, surrogates, NUL, invalid
 * UTF-8, numbers, nesting, repeated keys, syntax errors.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonl.h"

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Parses line both ways; returns ekg_jsonl_parse()'s result, doc filled. */
static int both(const char *line, size_t n, ekg_jsonl_doc *doc, ekg_error *err)
{
    ekg_jsonl_doc ref;
    ekg_error rerr;
    memset(err, 0, sizeof *err);
    memset(&rerr, 0, sizeof rerr);
    int k = ekg_jsonl_parse(line, n, 7, "t.jsonl", doc, err);
    int rk = ekg_jsonl_parse_jansson(line, n, 7, "t.jsonl", &ref, &rerr);
    ck_assert_msg(k == rk, "%.*s: fast %d, jansson %d", (int)n, line, k, rk);
    if (k == 0) {
        ck_assert_msg(same_str(doc->id, ref.id), "%.*s: id", (int)n, line);
        ck_assert_msg(same_str(doc->title, ref.title), "%.*s: title", (int)n, line);
        ck_assert_msg(same_str(doc->date, ref.date), "%.*s: date", (int)n, line);
        ck_assert_msg(same_str(doc->url, ref.url), "%.*s: url", (int)n, line);
        ck_assert_msg(same_str(doc->source, ref.source), "%.*s: source", (int)n, line);
        ck_assert_msg(doc->len == ref.len && memcmp(doc->text, ref.text, doc->len) == 0,
                      "%.*s: text", (int)n, line);
    } else if (k < 0) {
        ck_assert_str_eq(err->text, rerr.text);
        ck_assert_int_eq(err->line, rerr.line);
        ck_assert_int_eq(err->column, rerr.column);
    }
    ekg_jsonl_doc_free(&ref);
    return k;
}

static int both_s(const char *line, ekg_jsonl_doc *doc, ekg_error *err)
{
    return both(line, strlen(line), doc, err);
}

START_TEST(test_record)
{
    ekg_jsonl_doc d;
    ekg_error e;
    ck_assert_int_eq(both_s("{\"id\": \"a1\", \"title\": \"Head\", \"text\": \"Body.\", "
                            "\"date\": \"2023-07-12\", \"url\": \"u\", \"source\": \"s\", "
                            "\"extra\": true, \"more\": null, \"flag\": false}\n",
                            &d, &e),
                     0);
    ck_assert_str_eq(d.id, "a1");
    ck_assert_str_eq(d.text, "Head\n\nBody.");
    ck_assert_uint_eq(d.len, strlen("Head\n\nBody."));
    ck_assert_str_eq(d.info.date, "2023-07-12");
    ck_assert_str_eq(d.info.url, "u");
    ck_assert_str_eq(d.info.source, "s");
    ekg_jsonl_doc_free(&d);

    ck_assert_int_eq(both_s("  {\"text\":\"x\"}  \r\n", &d, &e), 0);
    ck_assert_str_eq(d.id, "line-7");
    ekg_jsonl_doc_free(&d);

    ck_assert_int_eq(both_s("{\"id\": 42, \"text\": \"x\"}", &d, &e), 0);
    ck_assert_str_eq(d.id, "42");
    ekg_jsonl_doc_free(&d);

    ck_assert_int_eq(both_s("   \r\n", &d, &e), 1);
}
END_TEST

START_TEST(test_escapes)
{
    ekg_jsonl_doc d;
    ekg_error e;
    ck_assert_int_eq(both_s("{\"id\":\"e\",\"text\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t "
                            "\\u00e9\\u20AC\\uD83D\\uDE00 \\u0041\"}",
                            &d, &e),
                     0);
    ck_assert_str_eq(d.text, "q\" b\\ s/ \b\f\n\r\t \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80 A");
    ekg_jsonl_doc_free(&d);

    /* \u0000 is kept in the text; a title ends there */
    ck_assert_int_eq(both_s("{\"title\":\"ab\\u0000cd\",\"text\":\"x\\u0000y\"}", &d, &e), 0);
    ck_assert_str_eq(d.title, "ab");
    ck_assert_uint_eq(d.len, 2 + 2 + 3);
    ck_assert_int_eq(memcmp(d.text, "ab\n\nx\0y", 7), 0);
    ekg_jsonl_doc_free(&d);

    /* raw UTF-8 and DEL pass through */
    ck_assert_int_eq(both_s("{\"text\":\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\x7f\"}", &d, &e), 0);
    ck_assert_str_eq(d.text, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\x7f");
    ekg_jsonl_doc_free(&d);
}
END_TEST

START_TEST(test_rejected_alike)
{
    static const char *const bad[] = {
        "{\"id\":\"a\"}",                            /* no text */
        "{}",
        "[]",
        "\"text\"",
        "{\"text\":1}",
        "{\"text\":\"a\",\"text\":\"b\"}",         /* repeated key */
        "{\"text\":\"a\",\"x\":1,\"x\":2}",
        "{\"text\":\"a\"",                          /* unterminated */
        "{\"text\":\"a}",
        "{\"text\":\"a\"}}",
        "{\"text\":\"a\"} x",
        "{\"text\":\"a\",}",
        "{\"text\" \"a\"}",
        "{text:\"a\"}",
        "{\"text\":\"\\x\"}",                       /* bad escapes */
        "{\"text\":\"\\u12\"}",
        "{\"text\":\"\\uDC00\"}",                   /* lone surrogates */
        "{\"text\":\"\\uD800\"}",
        "{\"text\":\"\\uD800\\u0041\"}",
        "{\"text\":\"a\tb\"}",                      /* raw control character */
        "{\"text\":\"\xc0\xaf\"}",                  /* overlong */
        "{\"text\":\"\xed\xa0\x80\"}",              /* UTF-8 surrogate */
        "{\"text\":\"\xf4\x90\x80\x80\"}",          /* above U+10FFFF */
        "{\"text\":\"\xe2\x82\"}",                  /* truncated */
        "{\"text\":\"\xff\"}",
        "{\"id\":\"a\\u0000b\",\"text\":\"x\"}",    /* NUL in id */
        "{\"id\":1.5,\"text\":\"x\"}",              /* id not string or integer */
        "{\"id\":[1],\"text\":\"x\"}",
        "{\"id\":99999999999999999999999,\"text\":\"x\"}",
        "{\"text\":\"x\",\"n\":tru}",
        "{\"text\":\"x\",\"n\":nul}",
        "{\"text\":\"x\",\"n\":-}",
        "{\"text\":\"x\",\"a\\u0000\":1}",          /* NUL in a key */
        "\xef\xbb\xbf{\"text\":\"x\"}",             /* BOM */
        "{\"text\":\"x\",\"o\":{\"a\":1,\"a\":2}}",    /* nested values */
        "{\"text\":\"x\",\"o\":{\"a\\u0000\":1}}",
        "{\"text\":\"x\",\"o\":{\"a\"}}",
        "{\"text\":\"x\",\"o\":{,}}",
        "{\"text\":\"x\",\"l\":[1,]}",
        "{\"text\":\"x\",\"l\":[}",
        "{\"text\":\"x\",\"l\":[\"\\uD800\"]}",
        "{\"text\":\"x\",\"l\":[01]}",             /* numbers */
        "{\"text\":\"x\",\"n\":1.}",
        "{\"text\":\"x\",\"n\":.5}",
        "{\"text\":\"x\",\"n\":+1}",
        "{\"text\":\"x\",\"n\":1e}",
        "{\"text\":\"x\",\"n\":1e400}",
        "{\"text\":\"x\",\"n\":123456789012345678901234567890}",
        NULL};
    for (const char *const *b = bad; *b; b++) {
        ekg_jsonl_doc d;
        ekg_error e;
        ck_assert_msg(both_s(*b, &d, &e) == -1, "accepted: %s", *b);
        ck_assert_int_eq(e.line, 7);
    }
}
END_TEST

START_TEST(test_accepted_alike)
{
    static const char *const good[] = {
        "{\"text\":\"\"}",
        "{ \"text\" : \"a\" , \"id\" : \"b\" }",
        "{\"text\":\"a\",\"n\":1,\"r\":-2.5e3,\"o\":{\"k\":[1,{}]},\"l\":[]}",
        "{\"text\":\"a\",\"title\":7}",
        "{\"text\":\"a\",\"title\":null}",
        "{\"text\":\"\\uD83D\\uDE00\",\"id\":-3}",
        "{\"text\":\"a\",\"id\":\"\"}",
        "{\"text\":\"a\"}\t \r",
        "{\"text\":\"a\",\"topics\":[\"x\",\"y\"],\"places\":[],\"o\":{\"k\":{\"j\":[true,false,null,-0.5e-3,0,"
        "123456789012345,1E+99]}},\"e\":{}}",
        "{\"text\":\"a\",\"title\":[\"T\"],\"date\":{\"y\":2004}}",
        "{\"text\":\"a\",\"d\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
        NULL};
    for (const char *const *g = good; *g; g++) {
        ekg_jsonl_doc d;
        ekg_error e;
        ck_assert_msg(both_s(*g, &d, &e) == 0, "rejected: %s (%s)", *g, e.text);
        ekg_jsonl_doc_free(&d);
    }
}
END_TEST

/* Every line that differs from a valid record in one byte: both readers agree. */
START_TEST(test_one_byte_mutations)
{
    const char *base = "{\"id\": \"x-1\", \"title\": \"T\\u00e9\", \"text\": \"A \\\"b\\\" "
                       "\xc3\xa9.\", \"n\": null, \"l\": [-1.5e3, {\"k\": [\"v\", true]}, 20]}";
    size_t n = strlen(base);
    static const char subst[] = "{}[]\":,\\ tfnu0\x01\x80\xc3\xff";
    char *line = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        for (const char *c = subst; *c; c++) {
            memcpy(line, base, n + 1);
            line[i] = *c;
            ekg_jsonl_doc d;
            ekg_error e;
            if (both(line, n, &d, &e) == 0)
                ekg_jsonl_doc_free(&d);
        }
    free(line);
}
END_TEST

/* A special byte at every place of the eight-byte blocks the scanner skips at once. */
START_TEST(test_special_at_every_place)
{
    static const char *const specials[] = {"\\\"", "\\n", "\\u00e9", "\xc3\xa9", "\x01", "\x7f",
                                           "\x80", "\xe2\x82\xac", "\"", "\x1f", "~", NULL};
    char line[128];
    for (const char *const *sp = specials; *sp; sp++)
        for (int at = 0; at < 24; at++) {
            int n = snprintf(line, sizeof line, "{\"text\": \"%.*s%s%s\"}", at,
                             "abcdefghijklmnopqrstuvwxyz", *sp, "0123456789ABCDEFG");
            ekg_jsonl_doc d;
            ekg_error e;
            if (both(line, (size_t)n, &d, &e) == 0)
                ekg_jsonl_doc_free(&d);
        }
}
END_TEST

static Suite *jsonl_suite(void)
{
    Suite *s = suite_create("jsonl");
    TCase *tc = tcase_create("jsonl");
    tcase_add_test(tc, test_record);
    tcase_add_test(tc, test_escapes);
    tcase_add_test(tc, test_rejected_alike);
    tcase_add_test(tc, test_accepted_alike);
    tcase_add_test(tc, test_one_byte_mutations);
    tcase_add_test(tc, test_special_at_every_place);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(jsonl_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
