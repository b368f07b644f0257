/*
 * check_meta.c - metadata: each date format, the weekday rule for dates
 * without a year, datelines, publishers, bylines, headlines, and the
 * expected results on the sample corpus.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static void parses(const char *s, const char *want, size_t used)
{
    char out[11] = "";
    size_t n = ekg_parse_date(s, strlen(s), out);
    ck_assert_msg(n == used, "%s: consumed %zu, want %zu", s, n, used);
    if (used)
        ck_assert_str_eq(out, want);
}

START_TEST(test_date_month_day_year)
{
    parses("July 13, 2023 | 12:00 AM", "2023-07-13", 13);
    parses("December 12, 2017", "2017-12-12", 17);
    parses("Sept. 3 2019 was", "2019-09-03", 12);
    parses("Jul 12)", "0000-07-12", 6);
    parses("May 5, 12:30", "0000-05-05", 5);
}
END_TEST

START_TEST(test_date_day_month_year)
{
    parses("13th July, 2023)", "2023-07-13", 15);
    parses("10 July 2023 11:17", "2023-07-10", 12);
    parses("1st Feb", "0000-02-01", 7);
    parses("29 February 2024", "2024-02-29", 16);
}
END_TEST

START_TEST(test_date_iso)
{
    parses("2023-07-10 Open Menu", "2023-07-10", 10);
    parses("2023/07/10", "2023-07-10", 10);
}
END_TEST

START_TEST(test_date_rejects)
{
    parses("May", "", 0);                 /* a month alone */
    parses("July 2023", "", 0);           /* no day */
    parses("July 32", "", 0);             /* no such day */
    parses("30 February 2023", "", 0);
    parses("29 February 2023", "", 0);    /* not a leap year */
    parses("2023-13-01", "", 0);
    parses("march 3", "", 0);             /* a month is capitalised */
    parses("Mayor 3", "", 0);
    parses("12 Julyx", "", 0);
}
END_TEST

/* ---- extraction on small documents ---- */

static void extract(const char *doc, const char *ref, ekg_meta *m)
{
    ekg_text t;
    ck_assert_int_eq(ekg_text_decode(&t, doc, strlen(doc), "doc", NULL, NULL), 0);
    ekg_span *kept = NULL;
    size_t n = ekg_boilerplate(&t, &kept);
    ekg_meta_extract(&t, kept, n, ref, m);
    if (m->headline) {
        ck_assert_uint_lt(m->headline_span.start, m->headline_span.end);
        ck_assert_int_eq(strncmp(t.fold + m->headline_span.start, m->headline,
                                 m->headline_span.end - m->headline_span.start),
                         0);
    }
    free(kept);
    ekg_text_free(&t);
}

#define STR(p) ((p) ? (p) : "")

START_TEST(test_weekday_rule)
{
    ekg_meta m;
    const char *doc = "VILNIUS, July 12 (Reuters) - NATO leaders met at their summit on "
                      "Wednesday (Jul 12) to discuss a plan to open an office in Japan.\n";
    extract(doc, "2026-11-23", &m);
    /* 2026-07-12 is a Sunday; the latest Wednesday 12 July is in 2023 */
    ck_assert_str_eq(m.date, "2023-07-12");
    ck_assert_int_eq(m.date_has_year, 0);
    ekg_meta_free(&m);
    /* with "Friday" the year is 2024 */
    doc = "VILNIUS, July 12 (Reuters) - NATO leaders met at their summit on Friday, "
          "July 12 to discuss a plan to open an office in Japan.\n";
    extract(doc, "2026-11-23", &m);
    ck_assert_str_eq(m.date, "2024-07-12");
    ekg_meta_free(&m);
}
END_TEST

START_TEST(test_latest_year_rule)
{
    ekg_meta m;
    const char *doc = "VILNIUS, July 12 (Reuters) - NATO leaders met at their summit to "
                      "discuss a plan to open an office in Japan.\n";
    extract(doc, "2026-11-23", &m);
    ck_assert_str_eq(m.date, "2026-07-12");
    ck_assert_int_eq(m.date_has_year, 0);
    ekg_meta_free(&m);
    /* not after the reference date */
    extract(doc, "2026-07-11", &m);
    ck_assert_str_eq(m.date, "2025-07-12");
    ekg_meta_free(&m);
}
END_TEST

START_TEST(test_dateline_publisher)
{
    ekg_meta m;
    extract("Macron opposes NATO office\n\nMOSCOW (UrduPoint News / Sputnik - 13th July, 2023) "
            "French President Emmanuel Macron said on Wednesday he opposed the plans.\n",
            "2026-11-23", &m);
    ck_assert_str_eq(STR(m.dateline), "Moscow");
    ck_assert_str_eq(STR(m.publisher), "UrduPoint News / Sputnik");
    ck_assert_str_eq(m.date, "2023-07-13");
    ck_assert_int_eq(m.date_has_year, 1);
    ekg_meta_free(&m);

    extract("Council to let the deadline pass\n\nDecember 12, 2017\n\nWASHINGTON (Reuters) - The "
            "U.S. Congress will allow a deadline on sanctions to pass this week, aides said.\n",
            "2026-11-23", &m);
    ck_assert_str_eq(STR(m.headline), "Council to let the deadline pass");
    ck_assert_str_eq(STR(m.dateline), "Washington");
    ck_assert_str_eq(STR(m.publisher), "Reuters");
    ck_assert_str_eq(m.date, "2017-12-12");
    ekg_meta_free(&m);

    extract("Republicans endorse ban\n\nNEW YORK - Republicans endorsed an uncompromising "
            "position against gay unions Wednesday in a manifesto.\n",
            "2026-11-23", &m);
    ck_assert_str_eq(STR(m.dateline), "New York");
    ck_assert_ptr_null(m.publisher);
    ck_assert_str_eq(m.date, "");
    ekg_meta_free(&m);

    /* an agency opening the lead is the publisher, not a place */
    extract("Bush urged to act\n\nAP - Nervous Republicans are urging President Bush to unveil "
            "a robust agenda at his convention.\n",
            "2026-11-23", &m);
    ck_assert_ptr_null(m.dateline);
    ck_assert_str_eq(STR(m.publisher), "AP");
    ekg_meta_free(&m);

    /* an acronym starting a sentence is no dateline */
    extract("NATO delays decision\n\nNATO will delay making a decision on the office until the "
            "autumn, the newspaper said.\n",
            "2026-11-23", &m);
    ck_assert_ptr_null(m.dateline);
    ekg_meta_free(&m);
}
END_TEST

START_TEST(test_author)
{
    ekg_meta m;
    extract("Open Menu\n\nMacron Opposes NATO Office\n\nMuhammad Irfan Published July 13, 2023 | "
            "12:00 AM\n\nFrench President Emmanuel Macron said on Wednesday he opposed plans "
            "to open an office.\n",
            "2026-11-23", &m);
    ck_assert_str_eq(STR(m.author), "Muhammad Irfan");
    ck_assert_str_eq(STR(m.headline), "Macron Opposes NATO Office");
    ck_assert_str_eq(m.date, "2023-07-13");
    ekg_meta_free(&m);

    extract("Bridge to close\n\nBy Jane Roe and John Doe\n\nThe council voted on Monday to close "
            "the old bridge for repairs, officials said.\n",
            "2026-11-23", &m);
    ck_assert_str_eq(STR(m.author), "Jane Roe and John Doe");
    ekg_meta_free(&m);

    extract("Bridge to close\n\nFahad Shabbir (@FahadShabbir) Published July 10, 2023 | 10:00 AM"
            "\n\nThe council voted on Monday to close the old bridge for repairs.\n",
            "2026-11-23", &m);
    ck_assert_str_eq(STR(m.author), "Fahad Shabbir");
    ck_assert_str_eq(m.date, "2023-07-10");
    ekg_meta_free(&m);

    /* a byline after the article belongs to something else */
    extract("The council voted on Monday to close the old bridge for repairs, officials said."
            "\n\nBy Admin\n\nLeave a Reply\n",
            "2026-11-23", &m);
    ck_assert_ptr_null(m.author);
    ck_assert_ptr_null(m.headline);
    ekg_meta_free(&m);
}
END_TEST

START_TEST(test_story_date_is_not_publication_date)
{
    ekg_meta m;
    extract("From July 11th to 12th, NATO will hold a summit in Vilnius, the capital of "
            "Lithuania, and discuss military support for Ukraine.\n",
            "2026-11-23", &m);
    ck_assert_str_eq(m.date, "");
    ck_assert_ptr_null(m.dateline);
    ekg_meta_free(&m);
}
END_TEST

/* ---- the sample corpus ---- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    ekg_buf b;
    ekg_buf_init(&b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        ekg_buf_put(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return ekg_buf_detach(&b);
}

START_TEST(test_samples)
{
    static const struct {
        const char *file, *date, *headline, *place, *publisher, *author;
    } want[] = {
        {"000_0e28c55775f8bc0f.txt", "2023-07-13",
         "France's Macron Opposes Opening NATO Office In Japan", "Moscow",
         "UrduPoint News / Sputnik", "Muhammad Irfan"},
        {"001_e90d23aa7456f99e.txt", "2023-07-10",
         "NATO To Postpone Decision On Establishing Liaison Office In Tokyo - Reports", "Tokyo",
         "UrduPoint News / Sputnik", "Fahad Shabbir"},
        {"002_eeb7419205ced9fb.txt", "2023-07-10",
         "NATO to defer decision on Tokyo liaison office", "", "", ""},
        {"003_f37c14d0115c19c0.txt", "", "", "", "", ""},
        {"004_6814634f6438dfc5.txt", "2023-07-12", "", "Vilnius", "Reuters", ""},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        char path[1024];
        size_t len;
        snprintf(path, sizeof path, "%s/%s", EKG_TEST_CORPUS, want[i].file);
        char *doc = slurp(path, &len);
        ekg_text t;
        ck_assert_int_eq(ekg_text_decode(&t, doc, len, want[i].file, NULL, NULL), 0);
        ekg_meta m;
        ekg_meta_extract(&t, NULL, 0, "2026-11-23", &m);  /* NULL: runs boilerplate */
        ck_assert_str_eq(m.date, want[i].date);
        ck_assert_str_eq(STR(m.headline), want[i].headline);
        ck_assert_str_eq(STR(m.dateline), want[i].place);
        ck_assert_str_eq(STR(m.publisher), want[i].publisher);
        ck_assert_str_eq(STR(m.author), want[i].author);
        ck_assert_int_eq(m.date_has_year, i == 4 ? 0 : want[i].date[0] != '\0');
        ekg_meta_free(&m);
        ekg_text_free(&t);
        free(doc);
    }
}
END_TEST

static Suite *meta_suite(void)
{
    Suite *s = suite_create("meta");
    TCase *tc;

    tc = tcase_create("date_formats");
    tcase_add_test(tc, test_date_month_day_year);
    tcase_add_test(tc, test_date_day_month_year);
    tcase_add_test(tc, test_date_iso);
    tcase_add_test(tc, test_date_rejects);
    suite_add_tcase(s, tc);

    tc = tcase_create("missing_year");
    tcase_add_test(tc, test_weekday_rule);
    tcase_add_test(tc, test_latest_year_rule);
    suite_add_tcase(s, tc);

    tc = tcase_create("dateline");
    tcase_add_test(tc, test_dateline_publisher);
    tcase_add_test(tc, test_story_date_is_not_publication_date);
    suite_add_tcase(s, tc);

    tc = tcase_create("author");
    tcase_add_test(tc, test_author);
    suite_add_tcase(s, tc);

    tc = tcase_create("samples");
    tcase_add_test(tc, test_samples);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(meta_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
