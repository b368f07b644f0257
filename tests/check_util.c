/*
 * check_util.c - the helpers that read several bytes at a time: ASCII lower-casing,
 * the maps' hash (keys that differ in one byte, in the overlap of its two loads) and
 * the closed-class word table, each against a byte-by-byte reading.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "words.h"

START_TEST(test_lower_every_length)
{
    /* every length up to 40 at every alignment, all 256 byte values among them */
    char src[64], out[64], want[64];
    for (size_t n = 0; n <= 40; n++)
        for (size_t off = 0; off < 8; off++) {
            for (size_t i = 0; i < n; i++)
                src[off + i] = (char)((i * 37 + n * 11 + off * 101) & 0xFF);
            for (size_t i = 0; i < n; i++) {
                char c = src[off + i];
                want[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
            }
            want[n] = '\0';
            memset(out, 'x', sizeof out);
            ekg_ascii_lower(out, src + off, n);
            ck_assert_msg(memcmp(out, want, n + 1) == 0, "length %zu, offset %zu", n, off);
            ck_assert_int_eq(out[n + 1], 'x');   /* nothing written past the NUL */
        }
}
END_TEST

START_TEST(test_lower_edges)
{
    /* the bytes around 'A' and 'Z', and with the top bit set, in a word of eight */
    const char in[] = "@AZ[`az{\xC1\xDA\xC0\xDB\xE1\xFA\x80\xFF@[Mixed Case Words!";
    char out[sizeof in];
    ekg_ascii_lower(out, in, sizeof in - 1);
    ck_assert_str_eq(out, "@az[`az{\xC1\xDA\xC0\xDB\xE1\xFA\x80\xFF@[mixed case words!");
}
END_TEST

START_TEST(test_map_keys_one_byte_apart)
{
    /* keys of each length to 24 differing in one byte, each position in turn: every
       one found with its own value, none with another's */
    ekg_map *m = ekg_map_new();
    char key[32];
    size_t count = 0;
    for (size_t n = 1; n <= 24; n++)
        for (size_t p = 0; p < n; p++) {
            memset(key, 'a', n);
            key[p] = 'b';
            ck_assert_ptr_null(ekg_map_put(m, key, n, (void *)(n * 100 + p + 1)));
            count++;
        }
    ck_assert_uint_eq(ekg_map_size(m), count);
    for (size_t n = 1; n <= 24; n++) {
        memset(key, 'a', n);
        ck_assert_ptr_null(ekg_map_get(m, key, n));
        for (size_t p = 0; p < n; p++) {
            memset(key, 'a', n);
            key[p] = 'b';
            ck_assert_ptr_eq(ekg_map_get(m, key, n), (void *)(n * 100 + p + 1));
        }
    }
    ekg_map_free(m);
}
END_TEST

/* A map large enough to carry a filter (4,096 slots and more): every key found, from a
   put, from a move between two such maps and after the tables grew; absent keys not. */
START_TEST(test_large_maps)
{
    ekg_map *a = ekg_map_new(), *b = ekg_map_new();
    char key[32];
    for (int i = 0; i < 20000; i++) {
        int n = snprintf(key, sizeof key, "k%d", i);
        ck_assert_ptr_null(ekg_map_put(i % 2 ? a : b, key, (size_t)n, (void *)(intptr_t)(i + 1)));
    }
    for (int i = 0; i < 40000; i++) {
        int n = snprintf(key, sizeof key, "k%d", i);
        void *want = i < 20000 ? (void *)(intptr_t)(i + 1) : NULL;
        ck_assert_ptr_eq(ekg_map_get(i % 2 ? a : b, key, (size_t)n), want);
        ck_assert_ptr_null(ekg_map_get(i % 2 ? b : a, key, (size_t)n));
    }
    /* b's keys move into a, except one a has too, which stays in b */
    ekg_map_put(a, "k0", 2, (void *)(intptr_t)-1);
    ck_assert_uint_eq(ekg_map_move(a, b), 9999);
    ck_assert_uint_eq(ekg_map_size(b), 1);
    ck_assert_ptr_eq(ekg_map_get(b, "k0", 2), (void *)(intptr_t)1);
    for (int i = 1; i < 40000; i++) {
        int n = snprintf(key, sizeof key, "k%d", i);
        ck_assert_ptr_eq(ekg_map_get(a, key, (size_t)n), i < 20000 ? (void *)(intptr_t)(i + 1) : NULL);
        ck_assert_ptr_null(ekg_map_get(b, key, (size_t)n));
    }
    ekg_map_free(a);
    ekg_map_free(b);
}
END_TEST

START_TEST(test_word_class)
{
    ck_assert_uint_eq(ekg_word_class("the"), EKG_W_DET);
    ck_assert(ekg_word_class("of") & EKG_W_PREP);
    ck_assert(ekg_word_class("of") & EKG_W_CONNECTOR);
    ck_assert(ekg_word_class("that") & EKG_W_DET);
    ck_assert(ekg_word_class("that") & EKG_W_STOP);
    ck_assert(ekg_word_class("nevertheless") & EKG_W_STOP);   /* twelve bytes */
    ck_assert(ekg_word_class(";") & EKG_W_BOUNDARY);
    ck_assert_uint_eq(ekg_word_class(""), 0);
    ck_assert_uint_eq(ekg_word_class("th"), 0);
    ck_assert_uint_eq(ekg_word_class("thee"), 0);
    ck_assert_uint_eq(ekg_word_class("The"), 0);   /* lower case only */
    ck_assert_uint_eq(ekg_word_class("neverthelesss"), 0);
    ck_assert_uint_eq(ekg_word_class("nevertheless and more"), 0);
    /* the _n form reads only its n bytes */
    ck_assert_uint_eq(ekg_word_class_n("theory", 3), EKG_W_DET);
    ck_assert_uint_eq(ekg_word_class_n("ofx", 2), EKG_W_PREP | EKG_W_CONNECTOR);
}
END_TEST

static Suite *util_suite(void)
{
    Suite *s = suite_create("util");
    TCase *tc = tcase_create("ascii_lower");
    tcase_add_test(tc, test_lower_every_length);
    tcase_add_test(tc, test_lower_edges);
    suite_add_tcase(s, tc);

    tc = tcase_create("map");
    tcase_add_test(tc, test_map_keys_one_byte_apart);
    tcase_add_test(tc, test_large_maps);
    suite_add_tcase(s, tc);

    tc = tcase_create("word_class");
    tcase_add_test(tc, test_word_class);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(util_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
