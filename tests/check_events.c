/*
 * check_events.c - the extractor on short sentences written for the test, one
 * per linguistic phenomenon (tests/cases/events.txt): the events found must
 * be exactly the expected ones, with their polarity and shortcut.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"

#define MAX_CASES 128

typedef struct tcase_data {
    char name[128];
    char text[2048];
    char expect[16][256];
    int nexpect;
    int none;
    char affil[8][256];        /* "~> PERSON | ORG" lines: the exact affiliations */
    int naffil;
    int check_affil;           /* "~> none" expects no affiliation */
} tcase_data;

static tcase_data cases[MAX_CASES];
static int ncases;
static ekg_ontology *onto;

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\r'))
        s[--n] = '\0';
    size_t i = 0;
    while (s[i] == ' ')
        i++;
    memmove(s, s + i, strlen(s + i) + 1);
}

static void load_cases(void)
{
    FILE *f = fopen(EKG_TEST_CASES "/events.txt", "r");
    if (!f) {
        perror(EKG_TEST_CASES "/events.txt");
        exit(1);
    }
    char line[2048];
    tcase_data *c = NULL;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (strncmp(line, "== ", 3) == 0) {
            if (ncases == MAX_CASES)
                break;
            c = &cases[ncases++];
            memset(c, 0, sizeof *c);
            snprintf(c->name, sizeof c->name, "%s", line + 3);
            trim(c->name);
        } else if (c && strncmp(line, "~> ", 3) == 0) {
            char *e = line + 3;
            trim(e);
            char out[256];
            size_t k = 0;
            for (char *tok = strtok(e, "|"); tok && k < sizeof out - 2; tok = strtok(NULL, "|")) {
                trim(tok);
                k += (size_t)snprintf(out + k, sizeof out - k, "%s%s", k ? "|" : "", tok);
            }
            if (c->naffil < 8 && strcmp(out, "none") != 0)
                snprintf(c->affil[c->naffil++], 256, "%s", out);
            c->check_affil = 1;
        } else if (c && strncmp(line, "-> ", 3) == 0) {
            char *e = line + 3;
            trim(e);
            if (strcmp(e, "none") == 0)
                c->none = 1;
            else if (c->nexpect < 16) {
                /* normalise "A | r | B | f" to "A|r|B|f" */
                char out[256];
                size_t k = 0;
                for (char *tok = strtok(e, "|"); tok && k < sizeof out - 2;
                     tok = strtok(NULL, "|")) {
                    trim(tok);
                    k += (size_t)snprintf(out + k, sizeof out - k, "%s%s", k ? "|" : "", tok);
                }
                snprintf(c->expect[c->nexpect++], 256, "%s", out);
            }
        } else if (c) {
            strncat(c->text, line, sizeof c->text - strlen(c->text) - 1);
        }
    }
    fclose(f);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

START_TEST(test_case)
{
    tcase_data *c = &cases[_i];
    ekg_error err;
    memset(&err, 0, sizeof err);
    ekg_graph *g = ekg_graph_new(onto);
    ck_assert_ptr_nonnull(g);
    ck_assert_int_eq(ekg_graph_set_reference_date(g, "2023-07-14"), 0);
    ck_assert_int_eq(ekg_graph_add_text(g, "case.txt", c->text, strlen(c->text), NULL, &err), 0);
    ekg_graph_finish(g);
    char got[32][256];
    int ngot = 0;
    for (size_t i = 0; i < ekg_graph_n_events(g) && ngot < 32; i++) {
        const ekg_event *ev = ekg_graph_event(g, i);
        if (!ev->target)
            continue;   /* statements are not listed in the cases */
        snprintf(got[ngot++], 256, "%s|%s|%s|%s%s", ev->actor->label, ev->rel->name,
                 ev->target->label, ev->polarity == EKG_NEGATIVE ? "N" : "",
                 ev->shortcut && ev->polarity == EKG_POSITIVE ? "+" : "-");
    }
    qsort(got, (size_t)ngot, sizeof got[0], cmp_str);
    char want[16][256];
    memcpy(want, c->expect, sizeof want);
    qsort(want, (size_t)c->nexpect, sizeof want[0], cmp_str);
    char gs[4096] = "", ws[4096] = "";
    for (int i = 0; i < ngot; i++) {
        strncat(gs, got[i], sizeof gs - strlen(gs) - 1);
        strncat(gs, "; ", sizeof gs - strlen(gs) - 1);
    }
    for (int i = 0; i < c->nexpect; i++) {
        strncat(ws, want[i], sizeof ws - strlen(ws) - 1);
        strncat(ws, "; ", sizeof ws - strlen(ws) - 1);
    }
    ck_assert_msg(strcmp(gs, ws) == 0, "case '%s':\n  want: %s\n  got:  %s", c->name, ws, gs);
    ck_assert_msg(c->none || c->nexpect > 0, "case '%s' expects nothing: write '-> none'",
                  c->name);
    if (c->check_affil) {   /* every affiliation of the graph, person|org, sorted */
        char ga[4096] = "", wa[4096] = "";
        char gl[32][256];
        int ng = 0;
        for (size_t i = 0; i < ekg_graph_n_entities(g); i++) {
            const ekg_entity *e = ekg_graph_entity(g, i);
            for (size_t j = 0; j < e->naffil && ng < 32; j++)
                snprintf(gl[ng++], 256, "%s|%s", e->label, e->affil[j].org->label);
        }
        qsort(gl, (size_t)ng, sizeof gl[0], cmp_str);
        for (int i = 0; i < ng; i++) {
            strncat(ga, gl[i], sizeof ga - strlen(ga) - 1);
            strncat(ga, "; ", sizeof ga - strlen(ga) - 1);
        }
        char wl[8][256];
        memcpy(wl, c->affil, sizeof wl);
        qsort(wl, (size_t)c->naffil, sizeof wl[0], cmp_str);
        for (int i = 0; i < c->naffil; i++) {
            strncat(wa, wl[i], sizeof wa - strlen(wa) - 1);
            strncat(wa, "; ", sizeof wa - strlen(wa) - 1);
        }
        ck_assert_msg(strcmp(ga, wa) == 0, "case '%s' affiliations:\n  want: %s\n  got:  %s",
                      c->name, wa, ga);
    }
    ekg_graph_free(g);
}
END_TEST

START_TEST(test_cases_loaded)
{
    ck_assert_int_ge(ncases, 20);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("events");
    TCase *tc = tcase_create("phenomena");
    tcase_add_test(tc, test_cases_loaded);
    tcase_add_loop_test(tc, test_case, 0, ncases);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    ekg_error err;
    memset(&err, 0, sizeof err);
    onto = ekg_ontology_load(EKG_TEST_ONTOLOGY, &err);
    if (!onto) {
        fprintf(stderr, "cannot load the ontology: %s: %s\n", err.source, err.text);
        return 1;
    }
    load_cases();
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    ekg_ontology_free(onto);
    return failed ? 1 : 0;
}
