/*
 * check_boilerplate.c - the article finder: its rules on small page shapes,
 * and the 4-gram shingle F1 of the kept text against hand-cleaned bodies
 * (tests/cases/boilerplate/<name>/expected.txt; the input is <name>/input.txt
 * or, for the sample corpus, corpus/<name>.txt).
 */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define CASES EKG_TEST_CORPUS "/../tests/cases/boilerplate"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
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

/* The kept blocks of s joined by blank lines (caller frees); *n the count. */
static char *kept_text(const char *s, size_t len, size_t *count)
{
    ekg_text t;
    ck_assert_int_eq(ekg_text_decode(&t, s, len, "page", NULL, NULL), 0);
    ekg_span *sp = NULL;
    size_t n = ekg_boilerplate(&t, &sp);
    ekg_buf b;
    ekg_buf_init(&b);
    ekg_buf_put(&b, "", 0);
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_lt(sp[i].start, sp[i].end);
        ck_assert_uint_le(sp[i].end, t.fold_len);
        if (i) {
            ck_assert_uint_gt(sp[i].start, sp[i - 1].end);
            ekg_buf_puts(&b, "\n\n");
        }
        ekg_buf_put(&b, t.fold + sp[i].start, sp[i].end - sp[i].start);
    }
    if (count)
        *count = n;
    free(sp);
    ekg_text_free(&t);
    return ekg_buf_detach(&b);
}

/* ---- shingle F1 ---- */

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int isalnum_ascii(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The distinct 4-word shingles of s (lower-cased alphanumeric words). */
static uint64_t *shingles(const char *s, size_t *count)
{
    size_t n = strlen(s), nw = 0, cap = 64;
    char **words = malloc(cap * sizeof *words);
    for (size_t i = 0; i < n;) {
        while (i < n && !isalnum_ascii(s[i]))
            i++;
        size_t j = i;
        while (j < n && isalnum_ascii(s[j]))
            j++;
        if (j > i) {
            if (nw == cap)
                words = realloc(words, (cap *= 2) * sizeof *words);
            words[nw] = malloc(j - i + 1);
            ekg_ascii_lower(words[nw++], s + i, j - i);
        }
        i = j;
    }
    uint64_t *h = malloc((nw + 1) * sizeof *h);
    size_t m = 0;
    for (size_t i = 0; i + 4 <= nw; i++) {
        ekg_buf b;
        ekg_buf_init(&b);
        for (size_t k = 0; k < 4; k++)
            ekg_buf_printf(&b, "%s ", words[i + k]);
        h[m++] = ekg_hash(b.data, b.len);
        ekg_buf_free(&b);
    }
    for (size_t i = 0; i < nw; i++)
        free(words[i]);
    free(words);
    qsort(h, m, sizeof *h, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < m; i++)
        if (u == 0 || h[u - 1] != h[i])
            h[u++] = h[i];
    *count = u;
    return h;
}

static double shingle_f1(const char *kept, const char *expected)
{
    size_t nk, ne;
    uint64_t *k = shingles(kept, &nk), *e = shingles(expected, &ne);
    size_t i = 0, j = 0, common = 0;
    while (i < nk && j < ne) {
        if (k[i] == e[j]) {
            common++;
            i++;
            j++;
        } else if (k[i] < e[j]) {
            i++;
        } else {
            j++;
        }
    }
    free(k);
    free(e);
    if (!common)
        return nk == 0 && ne == 0 ? 1.0 : 0.0;
    double p = (double)common / (double)nk, r = (double)common / (double)ne;
    return 2 * p * r / (p + r);
}

/* Runs every case whose name does (samples) or does not start with a digit. */
static void run_cases(int samples, double threshold)
{
    DIR *d = opendir(CASES);
    ck_assert_ptr_nonnull(d);
    int ran = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        int is_sample = e->d_name[0] >= '0' && e->d_name[0] <= '9';
        if (is_sample != samples)
            continue;
        char path[1024];
        size_t len, elen;
        snprintf(path, sizeof path, "%s/%s/expected.txt", CASES, e->d_name);
        char *expected = slurp(path, &elen);
        ck_assert_msg(expected != NULL, "missing %s", path);
        if (samples)
            snprintf(path, sizeof path, "%s/%s.txt", EKG_TEST_CORPUS, e->d_name);
        else
            snprintf(path, sizeof path, "%s/%s/input.txt", CASES, e->d_name);
        char *input = slurp(path, &len);
        ck_assert_msg(input != NULL, "missing %s", path);
        char *kept = kept_text(input, len, NULL);
        double f1 = shingle_f1(kept, expected);
        printf("boilerplate %-24s shingle F1 %.4f\n", e->d_name, f1);
        ck_assert_msg(f1 >= threshold, "%s: shingle F1 %.4f < %.2f", e->d_name, f1, threshold);
        free(kept);
        free(input);
        free(expected);
        ran++;
    }
    closedir(d);
    ck_assert_int_ge(ran, 5);
}

START_TEST(test_f1_samples)
{
    run_cases(1, 0.95);
}
END_TEST

START_TEST(test_f1_own_cases)
{
    run_cases(0, 0.90);
}
END_TEST

START_TEST(test_f1_measure)
{
    /* the measure itself: identical 1.0, disjoint 0.0, half the shingles */
    ck_assert(shingle_f1("a b c d e", "a b c d e") == 1.0);
    ck_assert(shingle_f1("a b c d", "w x y z") == 0.0);
    double f = shingle_f1("a b c d e", "a b c d");
    ck_assert(f > 0.66 && f < 0.67);
}
END_TEST

/* ---- rules on page shapes ---- */

#define PARA1 "The council voted on Monday to close the old bridge for repairs, officials said."
#define PARA2 "Engineers found cracks in two of its supports during an inspection last month."
#define PARA3 "Traffic will be diverted through the northern ring road until the work is done."

static void expect_kept(const char *page, const char *want, size_t blocks)
{
    size_t n;
    char *kept = kept_text(page, strlen(page), &n);
    ck_assert_str_eq(kept, want);
    ck_assert_uint_eq(n, blocks);
    free(kept);
}

START_TEST(test_plain_article_whole)
{
    /* AG shape: headline, lead with scraped entity remnants */
    expect_kept("Freedonia accuses 3 of smuggling ring\n\nSYLVANIA - Freedonian customs named three"
                " traders accused of running a ring to cause  quot;losses and delays. quot; ...\n",
                "Freedonia accuses 3 of smuggling ring\n\nSYLVANIA - Freedonian customs named three"
                " traders accused of running a ring to cause \"losses and delays.\" ...",
                2);
    /* Reuters shape: the date line goes, headline and lead stay */
    expect_kept("Council to let the deadline pass\n\nDecember 12, 2017\n\nWASHINGTON (Reuters) - "
                PARA1 "\n",
                "Council to let the deadline pass\n\nWASHINGTON (Reuters) - " PARA1, 2);
}
END_TEST

START_TEST(test_menu_byline_dateline)
{
    expect_kept(" date 2023-07-10 Open Menu\n\nBridge To Close For Repairs\n\n"
                "Jane Roe (@jroe) Published July 10, 2023 | 10:00 AM\n\n"
                "Bridge to Close for Repairs\n\n10 July 2023 11:17\n\n" PARA1 "\n\n" PARA2 "\n",
                "Bridge To Close For Repairs\n\n" PARA1 "\n\n" PARA2, 3);
}
END_TEST

START_TEST(test_stop_heading_cuts)
{
    expect_kept("Bridge to close\n\n" PARA1 "\n\n" PARA2 "\n\nRelated Topics\n\nBridge Council"
                " Monday\n\nRecent Stories\n\n" PARA3 "\n",
                "Bridge to close\n\n" PARA1 "\n\n" PARA2, 3);
    expect_kept(PARA1 "\n" PARA2 "\nMore Stories From World", PARA1 "\n\n" PARA2, 2);
}
END_TEST

START_TEST(test_teasers_time_ago)
{
    expect_kept(PARA1 "\n\n" PARA2 "\n\nNew Organic Matter Found on Mars Points to Possibl ..\n\n"
                "New Organic Matter Found on Mars Points to Possible Life\n\n16 minutes ago\n"
                " Six killed in banned protests\n\nSix killed in banned protests\n\n2 hours ago\n",
                PARA1 "\n\n" PARA2, 2);
}
END_TEST

START_TEST(test_widgets_and_credits)
{
    expect_kept("apple store\nplay market\n\nAny use of materials is allowed with a hyperlink."
                " \xC2\xA9 2024\n\nFile Photo\n\n" PARA1 "\n\nInternet Photo\n" PARA2
                "\n\nViews: 69\n\nshare-lineLiked the story? Share it on social media!\n"
                "copy link\nFollow us on Youtube\n",
                PARA1 "\n\n" PARA2, 2);
}
END_TEST

START_TEST(test_comment_form_ends)
{
    expect_kept(PARA1 "\n\n" PARA2 "\n\nInternet Photo\nAt least 37 killed in floods in the"
                " north\n\nBy Admin\n\nLeave a Reply\n\nYour email address will not be "
                "published. Required fields are marked *\n\n" PARA3 "\n",
                PARA1 "\n\n" PARA2, 2);
}
END_TEST

START_TEST(test_duplicate_headline)
{
    /* the same title twice (case differs): the first one stays */
    expect_kept("Macron Opposes NATO Office In Japan\n\nBy Jane Roe\n\n"
                "Macron Opposes NATO Office in Japan\n\n" PARA1 "\n",
                "Macron Opposes NATO Office In Japan\n\n" PARA1, 2);
}
END_TEST

START_TEST(test_hard_wrapped_joined)
{
    /* a wrapped paragraph is one block; a subheading inside the body stays */
    expect_kept("The council voted on Monday to close the old bridge for\nrepairs after "
                "engineers found cracks in two supports.\n\nWhat happens next\n\n" PARA3
                "\n\nTags: bridge, council\n",
                "The council voted on Monday to close the old bridge for\nrepairs after "
                "engineers found cracks in two supports.\n\nWhat happens next\n\n" PARA3, 3);
}
END_TEST

START_TEST(test_no_prose)
{
    /* nothing but short lines: what is not furniture is kept */
    expect_kept("Open Menu\n\nBridge to close\n\nRelated Topics\n\nBridge Council\n",
                "Bridge to close", 1);
    expect_kept("", "", 0);
}
END_TEST

static Suite *boilerplate_suite(void)
{
    Suite *s = suite_create("boilerplate");
    TCase *tc;

    tc = tcase_create("shingle_f1");
    tcase_add_test(tc, test_f1_measure);
    tcase_add_test(tc, test_f1_samples);
    tcase_add_test(tc, test_f1_own_cases);
    suite_add_tcase(s, tc);

    tc = tcase_create("plain_articles");
    tcase_add_test(tc, test_plain_article_whole);
    suite_add_tcase(s, tc);

    tc = tcase_create("header");
    tcase_add_test(tc, test_menu_byline_dateline);
    tcase_add_test(tc, test_duplicate_headline);
    suite_add_tcase(s, tc);

    tc = tcase_create("stop_markers");
    tcase_add_test(tc, test_stop_heading_cuts);
    tcase_add_test(tc, test_comment_form_ends);
    suite_add_tcase(s, tc);

    tc = tcase_create("furniture");
    tcase_add_test(tc, test_teasers_time_ago);
    tcase_add_test(tc, test_widgets_and_credits);
    suite_add_tcase(s, tc);

    tc = tcase_create("paragraphs");
    tcase_add_test(tc, test_hard_wrapped_joined);
    tcase_add_test(tc, test_no_prose);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(boilerplate_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
