/*
 * check_read.c - N-Quads read back (ekg_graph_read_nquads, read_nq.c): what the writers
 * emit comes back as the same graph, shards merge as one graph, lines may come in any
 * order, and bad input is an error with its line that leaves the graph unchanged.
 */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ekg.h"
#include "graph.h"

static ekg_ontology *onto;
static char tmpdir[256];

static void setup(void)
{
    ekg_error err;
    memset(&err, 0, sizeof err);
    onto = ekg_ontology_load(EKG_TEST_ONTOLOGY, &err);
    ck_assert_msg(onto != NULL, "ontology: %s", err.text);
    snprintf(tmpdir, sizeof tmpdir, "/tmp/ekg-check-read-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown(void)
{
    DIR *d = opendir(tmpdir);
    struct dirent *de;
    while (d && (de = readdir(d)) != NULL) {
        char path[600];
        if (de->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", tmpdir, de->d_name);
        unlink(path);
    }
    if (d)
        closedir(d);
    rmdir(tmpdir);
    ekg_ontology_free(onto);
    onto = NULL;
}

/* ---- helpers ---- */

static int buf_sink(void *data, const char *bytes, size_t len)
{
    char **p = data;
    size_t n = *p ? strlen(*p) : 0;
    char *q = realloc(*p, n + len + 1);
    if (!q)
        return -1;
    memcpy(q + n, bytes, len);
    q[n + len] = '\0';
    *p = q;
    return 0;
}

/* The graph in fmt, as a string the caller frees. */
static char *written(ekg_graph *g, ekg_format fmt)
{
    char *s = NULL;
    ekg_error err;
    memset(&err, 0, sizeof err);
    ck_assert_msg(ekg_write(g, fmt, buf_sink, &s, &err) == 0, "write: %s", err.text);
    return s ? s : calloc(1, 1);
}

/* tmpdir/name holding text; returns the path (static storage, one at a time per name). */
static const char *file_with(const char *name, const char *text)
{
    static char path[8][600];
    static int next;
    char *p = path[next++ % 8];
    snprintf(p, sizeof path[0], "%s/%s", tmpdir, name);
    FILE *f = fopen(p, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    return p;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    char *buf = NULL;
    size_t n = 0, cap = 0, r;
    do {
        if (n + 4096 > cap) {
            cap = cap ? cap * 2 : 65536;
            buf = realloc(buf, cap + 1);
            ck_assert_ptr_nonnull(buf);
        }
        r = fread(buf + n, 1, cap - n, f);
        n += r;
    } while (r > 0);
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static ekg_graph *new_graph(int partial)
{
    ekg_graph *g = ekg_graph_new(onto);
    ck_assert_ptr_nonnull(g);
    ekg_graph_set_partial(g, partial);
    ekg_graph_set_reference_date(g, "2023-07-12");
    return g;
}

static void read_ok(ekg_graph *g, const char *path)
{
    ekg_error err;
    memset(&err, 0, sizeof err);
    ck_assert_msg(ekg_graph_read_nquads(g, path, &err) == 0, "%s:%d: %s", err.source, err.line,
                  err.text);
}

/* Adds the article at path (id: its file name). */
static void add_file(ekg_graph *g, const char *path)
{
    size_t len;
    char *text = slurp(path, &len);
    const char *id = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    ekg_error err;
    memset(&err, 0, sizeof err);
    ck_assert_msg(ekg_graph_add_text(g, id, text, len, NULL, &err) == 0, "%s", err.text);
    free(text);
}

/* The sample articles and the shard fixtures, sorted, NULL-terminated (caller frees). */
static char **articles(size_t *n)
{
    static const char *const dirs[] = {EKG_TEST_CORPUS, EKG_TEST_CASES "/../data/shards"};
    char **v = NULL;
    *n = 0;
    for (size_t i = 0; i < 2; i++) {
        DIR *d = opendir(dirs[i]);
        ck_assert_msg(d != NULL, "cannot open %s", dirs[i]);
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            size_t k = strlen(de->d_name);
            if (k < 5 || strcmp(de->d_name + k - 4, ".txt") != 0)
                continue;
            v = realloc(v, (*n + 2) * sizeof *v);
            v[*n] = malloc(strlen(dirs[i]) + k + 2);
            sprintf(v[*n], "%s/%s", dirs[i], de->d_name);
            (*n)++;
        }
        closedir(d);
    }
    ck_assert_uint_ge(*n, 10);
    for (size_t i = 1; i < *n; i++)   /* insertion sort by file name: a fixed order */
        for (size_t j = i; j > 0 && strcmp(strrchr(v[j - 1], '/'), strrchr(v[j], '/')) > 0; j--) {
            char *t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    v[*n] = NULL;
    return v;
}

static void free_articles(char **v)
{
    for (size_t i = 0; v[i]; i++)
        free(v[i]);
    free(v);
}

/* A graph with hostile strings (valid UTF-8: extraction never stores any other). */
static ekg_graph *hostile_graph(int partial)
{
    ekg_graph *g = new_graph(partial);
    const ekg_relation *opp = ekg_ontology_relation(onto, "opposes");
    const ekg_relation *sup = ekg_ontology_relation(onto, "supports");
    const ekg_relation *sta = ekg_ontology_relation(onto, "states");
    ck_assert(opp && sup && sta);
    ekg_entity *p = ekg_graph_entity_get(g, "person-a", "He said \"hi\" \\ <b>&amp;</b>", "Person");
    ekg_graph_entity_add_alt(g, p, "Zo\xC3\xAB \xF0\x9F\x98\x80 tab\there");
    ekg_entity *fra = ekg_graph_entity_get(g, "country-fra", "France", "Country");
    ekg_graph_entity_set_qid(g, fra, "Q142");
    ekg_graph_entity_add_affil(g, p, fra, "Minister \"of\" State");
    ekg_entity *o = ekg_graph_entity_get(g, "facility-office-jpn-nato", "NATO office in Japan",
                                         "Facility");
    o->head = ekg_graph_str(g, "office");
    o->anchors = ekg_graph_str(g, "country-jpn org-nato");   /* Japan, NATO: not entities here */
    ekg_entity *t = ekg_graph_entity_get(g, "facility-office-jpn", "the office in Japan",
                                         "Facility");
    t->head = ekg_graph_str(g, "office");
    t->anchors = ekg_graph_str(g, "country-jpn");
    ekg_entity *u = ekg_graph_entity_get(g, "agreement-pact-group-of-six-dept-of-x", "the pact",
                                         "Agreement");
    u->head = ekg_graph_str(g, "pact");
    u->anchors = ekg_graph_str(g, "Department of X Group of Six");   /* names, words repeat */
    ekg_doc *d1 = ekg_graph_doc_add(g, "d 1/\xC3\xA9t\xC3\xA9?.txt");
    ekg_graph_doc_set(g, &d1->headline, "Line\nbreak \"quoted\" \\ \x01 ctrl");
    ekg_graph_doc_set(g, &d1->date, "2023-07-10");
    ekg_graph_doc_set(g, &d1->publisher, "Reuters");
    ekg_graph_doc_set(g, &d1->author, "A. N. Other");
    ekg_graph_doc_set(g, &d1->dateline, "TOKYO");
    ekg_graph_doc_set(g, &d1->url, "https://example.org/a?b=c&d");
    ekg_doc *d2 = ekg_graph_doc_add(g, "42");
    ekg_graph_doc_set(g, &d2->url, "not/absolute");
    ekg_mention m;
    memset(&m, 0, sizeof m);
    m.doc = d1;
    m.start = 10;
    m.end = 21;
    m.sentence = "France \"opposed\"\tthe office\r\n in Japan.";
    m.trigger = "opposed";
    m.date = "2023-07-09";
    m.modality = EKG_REPORTED;
    ekg_graph_event_add(g, opp, fra, o, EKG_POSITIVE, &m, 0.85, 1);
    m.start = 40;
    m.end = 47;
    m.modality = EKG_HEDGED;
    m.date = NULL;
    ekg_graph_event_add(g, opp, fra, t, EKG_NEGATIVE, &m, 0.6, 0);   /* no shortcut */
    m.doc = d2;
    m.start = 3;
    m.end = 9;
    m.modality = EKG_PLANNED;
    ekg_graph_event_add(g, sup, p, o, EKG_POSITIVE, &m, 0.75, 1);
    m.start = 100;
    m.end = 104;
    m.modality = EKG_ASSERTED;
    ekg_graph_event_add(g, sup, p, o, EKG_POSITIVE, &m, 0.9, 0);   /* the event keeps 0.9 */
    ekg_graph_event_add(g, sta, p, NULL, EKG_POSITIVE, &m, 0.7, 0);
    return g;
}

/* ---- tests ---- */

/* Partial and whole, N-Quads written, read back and written again: the same bytes. */
START_TEST(round_trip)
{
    for (int partial = 1; partial >= 0; partial--) {
        ekg_graph *g = hostile_graph(partial);
        char *nq = written(g, EKG_FORMAT_NQUADS);
        ekg_graph *back = new_graph(partial);
        read_ok(back, file_with("rt.nq", nq));
        for (int f = EKG_FORMAT_TURTLE; f <= EKG_FORMAT_CSV; f++) {
            char *a = written(g, (ekg_format)f), *b = written(back, (ekg_format)f);
            ck_assert_msg(strcmp(a, b) == 0, "partial=%d format %d differs:\n%s\n---\n%s",
                          partial, f, a, b);
            free(a);
            free(b);
        }
        /* N-Triples read as well (the document graphs are not needed) */
        char *nt = written(g, EKG_FORMAT_NTRIPLES);
        ekg_graph *from_nt = new_graph(partial);
        read_ok(from_nt, file_with("rt.nt", nt));
        char *again = written(from_nt, EKG_FORMAT_NQUADS);
        ck_assert_str_eq(again, nq);
        free(again);
        free(nt);
        ekg_graph_free(from_nt);
        free(nq);
        ekg_graph_free(back);
        ekg_graph_free(g);
    }
}
END_TEST

/* What ekg:headWord and ekg:anchors say is what merging needs: things merge after reading. */
START_TEST(things_merge_after_reading)
{
    ekg_graph *g = hostile_graph(1);
    char *nq = written(g, EKG_FORMAT_NQUADS);
    ck_assert_ptr_nonnull(strstr(nq, "<https://w3id.org/ekg/id/facility-office-jpn> "
                                     "<https://w3id.org/ekg/ontology#headWord> \"office\" ."));
    ck_assert_ptr_nonnull(strstr(nq, "<https://w3id.org/ekg/id/facility-office-jpn-nato> "
                                     "<https://w3id.org/ekg/ontology#anchors> "
                                     "\"country-jpn org-nato\" ."));
    ekg_graph *whole = new_graph(0);
    read_ok(whole, file_with("p.nq", nq));
    char *merged = written(whole, EKG_FORMAT_NQUADS);
    ck_assert_ptr_null(strstr(merged, "<https://w3id.org/ekg/id/facility-office-jpn> "));
    ekg_graph_set_partial(g, 0);   /* what the graph itself gives when finished whole */
    char *direct = written(g, EKG_FORMAT_NQUADS);
    ck_assert_str_eq(merged, direct);
    free(direct);
    free(merged);
    free(nq);
    ekg_graph_free(whole);
    ekg_graph_free(g);
}
END_TEST

/* Articles in three partial shards, read back in order: what one graph of them all gives. */
START_TEST(shards_as_one_run)
{
    size_t n;
    char **files = articles(&n);
    ekg_graph *one = new_graph(0), *shard[3];
    for (int k = 0; k < 3; k++)
        shard[k] = new_graph(1);
    for (size_t i = 0; i < n; i++) {
        add_file(one, files[i]);
        add_file(shard[i % 3], files[i]);
    }
    ekg_graph *merged = new_graph(0);
    for (int k = 2; k >= 0; k--) {   /* any order */
        char name[16];
        snprintf(name, sizeof name, "s%d.nq", k);
        char *nq = written(shard[k], EKG_FORMAT_NQUADS);
        read_ok(merged, file_with(name, nq));
        free(nq);
    }
    for (int f = EKG_FORMAT_TURTLE; f <= EKG_FORMAT_CSV; f++) {
        char *a = written(one, (ekg_format)f), *b = written(merged, (ekg_format)f);
        ck_assert_msg(strcmp(a, b) == 0, "format %d: merged shards differ from one graph", f);
        free(a);
        free(b);
    }
    ekg_stats s1, s2;
    ekg_graph_stats(one, &s1);
    ekg_graph_stats(merged, &s2);
    ck_assert_uint_eq(s1.documents, s2.documents);
    ck_assert_uint_eq(s1.entities, s2.entities);
    ck_assert_uint_eq(s1.events, s2.events);
    ck_assert_uint_eq(s1.mentions, s2.mentions);
    for (int k = 0; k < 3; k++)
        ekg_graph_free(shard[k]);
    ekg_graph_free(merged);
    ekg_graph_free(one);
    free_articles(files);
}
END_TEST

/*
 * ekg_graph_absorb() (what --jobs and ekg merge use) gives what ekg_graph_merge() and one
 * graph of every article give, in every format; a document in both graphs is an error
 * that leaves the graph unchanged.
 */
START_TEST(absorb_as_merge)
{
    size_t n;
    char **files = articles(&n);
    ekg_graph *one = new_graph(0), *copied = new_graph(0), *part[3];
    for (int k = 0; k < 3; k++)
        part[k] = new_graph(0);
    for (size_t i = 0; i < n; i++) {
        add_file(one, files[i]);
        add_file(part[i % 3], files[i]);
    }
    ekg_error err;
    memset(&err, 0, sizeof err);
    for (int k = 0; k < 3; k++)
        ck_assert_int_eq(ekg_graph_merge(copied, part[k], &err), 0);
    ck_assert_int_eq(ekg_graph_absorb(part[0], part[2], &err), 0);
    ck_assert_int_eq(ekg_graph_absorb(part[0], part[1], &err), 0);
    for (int f = EKG_FORMAT_TURTLE; f <= EKG_FORMAT_CSV; f++) {
        char *a = written(one, (ekg_format)f), *b = written(copied, (ekg_format)f),
             *c = written(part[0], (ekg_format)f);
        ck_assert_msg(strcmp(a, b) == 0, "format %d: merged graphs differ from one graph", f);
        ck_assert_msg(strcmp(a, c) == 0, "format %d: absorbed graphs differ from one graph", f);
        free(a);
        free(b);
        free(c);
    }
    ekg_graph *again = new_graph(0);
    add_file(again, files[n - 1]);
    char *before = written(part[0], EKG_FORMAT_NQUADS);
    ck_assert_int_eq(ekg_graph_absorb(part[0], again, &err), -1);
    ck_assert_str_eq(err.text, "duplicate document id");
    char *after = written(part[0], EKG_FORMAT_NQUADS);
    ck_assert_str_eq(before, after);
    free(before);
    free(after);
    ekg_graph_free(part[0]);
    ekg_graph_free(copied);
    ekg_graph_free(one);
    free_articles(files);
}
END_TEST

/* The lines of a file in reverse order, and an empty file: the same graph. */
START_TEST(any_line_order)
{
    ekg_graph *g = hostile_graph(1);
    char *nq = written(g, EKG_FORMAT_NQUADS);
    /* reverse the lines */
    size_t len = strlen(nq);
    char *rev = malloc(len + 1);
    size_t at = 0, end = len;
    while (end > 0) {
        size_t start = end - 1;
        while (start > 0 && nq[start - 1] != '\n')
            start--;
        memcpy(rev + at, nq + start, end - start);
        at += end - start;
        end = start;
    }
    rev[at] = '\0';
    ck_assert_uint_eq(at, len);
    ekg_graph *a = new_graph(1), *b = new_graph(1);
    read_ok(a, file_with("fwd.nq", nq));
    read_ok(b, file_with("rev.nq", rev));
    read_ok(b, file_with("empty.nq", ""));
    char *x = written(a, EKG_FORMAT_NQUADS), *y = written(b, EKG_FORMAT_NQUADS);
    ck_assert_str_eq(x, y);
    ck_assert_str_eq(x, nq);
    free(x);
    free(y);
    free(rev);
    free(nq);
    ekg_graph_free(a);
    ekg_graph_free(b);
    ekg_graph_free(g);
}
END_TEST

/* Bad input: -1, the file and line named, the graph unchanged. */
START_TEST(bad_input)
{
    static const char doc[] =
        "<https://w3id.org/ekg/doc/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://schema.org/NewsArticle> <https://w3id.org/ekg/doc/a> .\n"
        "<https://w3id.org/ekg/doc/a> <https://w3id.org/ekg/ontology#sourceFile> \"a\" "
        "<https://w3id.org/ekg/doc/a> .\n";
    static const char fra[] =
        "<https://w3id.org/ekg/id/country-fra> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://w3id.org/ekg/ontology#Country> .\n"
        "<https://w3id.org/ekg/id/country-fra> <http://www.w3.org/2000/01/rdf-schema#label> "
        "\"France\"@en .\n";
    struct {
        const char *text;
        int line;
        const char *says;
    } cases[] = {
        {"@prefix ex: <http://example.org/> .\n", 1, "not N-Quads"},
        {"<http://example.org/a> <http://example.org/b> \"c\" .\n", 1, "not a subject ekg writes"},
        {"_:x <http://www.w3.org/2000/01/rdf-schema#label> \"c\" .\n", 1, "blank node"},
        {"<https://w3id.org/ekg/id/country-fra> <http://www.w3.org/2000/01/rdf-schema#label> "
         "\"France\"@en .\n", 1, "no rdf:type"},
        {NULL, 3, "not a statement ekg makes of an entity"},   /* fra + a foreign predicate */
        {NULL, 3, "a relation without its event"},              /* fra + a shortcut alone */
        {NULL, 2, "wants ekg:relation"},                        /* an event with no relation */
        {NULL, 5, "not a statement ekg makes of a document"},   /* doc, blank lines, foreign */
        {"<https://w3id.org/ekg/doc/a#char=1,2> <https://w3id.org/ekg/ontology#charStart> "
         "\"x\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n", 1, "not a number"},
        {"<https://w3id.org/ekg/doc/a> <https://w3id.org/ekg/ontology#sourceFile> \"b\" .\n", 1,
         "not the IRI of the document"},
        {"\n<https://w3id.org/ekg/doc/a <https://w3id.org/ekg/ontology#sourceFile> \"a\" .\n", 2,
         "not N-Quads"},
    };
    char foreign[1024], shortcut[1024], event[1024], docx[1024];
    snprintf(foreign, sizeof foreign, "%s<https://w3id.org/ekg/id/country-fra> "
             "<http://example.org/likes> \"cheese\" .\n", fra);
    snprintf(shortcut, sizeof shortcut, "%s<https://w3id.org/ekg/id/country-fra> "
             "<https://w3id.org/ekg/ontology#opposes> <https://w3id.org/ekg/id/country-fra> .\n",
             fra);
    snprintf(event, sizeof event,
             "<https://w3id.org/ekg/id/event-x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
             "<http://semanticweb.cs.vu.nl/2009/11/sem/Event> .\n"
             "<https://w3id.org/ekg/id/event-x> <https://w3id.org/ekg/ontology#polarity> "
             "<https://w3id.org/ekg/ontology#Positive> .\n");
    snprintf(docx, sizeof docx, "%s\n\n<https://w3id.org/ekg/doc/a> "
             "<https://w3id.org/ekg/ontology#sourceFle> \"a\" .\n", doc);
    cases[4].text = foreign;
    cases[5].text = shortcut;
    cases[6].text = event;
    cases[7].text = docx;
    /* the event line numbers: the group's first statement after sorting is line 1 */
    cases[6].line = 1;

    ekg_graph *g = hostile_graph(1);
    char *before = written(g, EKG_FORMAT_NQUADS);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *path = file_with("bad.nq", cases[i].text);
        ekg_error err;
        memset(&err, 0, sizeof err);
        ck_assert_msg(ekg_graph_read_nquads(g, path, &err) == -1, "case %zu read", i);
        ck_assert_msg(err.set && strcmp(err.source, path) == 0, "case %zu: source '%s'", i,
                      err.source);
        ck_assert_msg(err.line == cases[i].line, "case %zu: line %d, not %d (%s)", i, err.line,
                      cases[i].line, err.text);
        ck_assert_msg(strstr(err.text, cases[i].says) != NULL, "case %zu: '%s'", i, err.text);
        char *after = written(g, EKG_FORMAT_NQUADS);
        ck_assert_msg(strcmp(before, after) == 0, "case %zu changed the graph", i);
        free(after);
    }
    /* a document the graph has already: named with the line of its ekg:sourceFile */
    const char *path = file_with("again.nq", before);
    ekg_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ekg_graph_read_nquads(g, path, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.text, "was in an earlier input already"));
    ck_assert_int_gt(err.line, 0);
    /* a missing file */
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ekg_graph_read_nquads(g, "/nonexistent/x.nq", &err), -1);
    ck_assert_str_eq(err.source, "/nonexistent/x.nq");
    char *after = written(g, EKG_FORMAT_NQUADS);
    ck_assert_str_eq(before, after);
    free(after);
    free(before);
    ekg_graph_free(g);
}
END_TEST

/*
 * Which things merge when the graph is finished: into the one maximal superset of their
 * anchors in their class and head word, never across classes, never when two supersets
 * are not nested; a chain ends at its top.
 */
static ekg_entity *thing(ekg_graph *g, const char *id, const char *cls, const char *head,
                         const char *anchors)
{
    ekg_entity *e = ekg_graph_entity_get(g, id, id, cls);
    ekg_graph_entity_set_thing(g, e, head, anchors);
    return e;
}

START_TEST(things_merge_rules)
{
    ekg_graph *g = new_graph(0);
    thing(g, "t1", "Facility", "office", "country-jpn");
    thing(g, "t2", "Facility", "office", "country-jpn org-nato");
    thing(g, "t3", "Proposal", "plan", "");
    thing(g, "t4", "Proposal", "plan", "country-fra");
    thing(g, "t5", "Proposal", "plan", "country-deu");
    thing(g, "t6", "Agreement", "deal", "country-irn");
    thing(g, "t7", "Agreement", "deal", "country-irn country-usa");
    thing(g, "t8", "Agreement", "deal", "country-irn country-usa org-eu");
    thing(g, "t9", "Meeting", "office", "country-esp country-jpn org-nato");
    ekg_graph_finish(g);
    const char *want[] = {"t2", "t3", "t4", "t5", "t8", "t9"};
    ck_assert_uint_eq(ekg_graph_n_entities(g), 6);
    for (size_t i = 0; i < 6; i++)
        ck_assert_str_eq(ekg_graph_entity(g, i)->id, want[i]);
    const ekg_entity *t2 = ekg_graph_entity(g, 0), *t8 = ekg_graph_entity(g, 4);
    /* the merged names become surface forms; the label is chosen among them all */
    ck_assert_str_eq(t2->label, "t1");
    ck_assert_uint_eq(t2->nalt, 1);
    ck_assert_str_eq(t2->alt[0], "t2");
    ck_assert_str_eq(t8->label, "t6");
    ck_assert_uint_eq(t8->nalt, 2);
    ck_assert_str_eq(t8->alt[0], "t7");
    ck_assert_str_eq(t8->alt[1], "t8");
    ekg_graph_free(g);
}
END_TEST

static Suite *read_suite(void)
{
    Suite *s = suite_create("read");
    struct {
        const char *name;
        const TTest *test;
    } cases[] = {
        {"round-trip", round_trip},     {"things", things_merge_after_reading},
        {"shards", shards_as_one_run},  {"line-order", any_line_order},
        {"bad-input", bad_input},       {"merge-rules", things_merge_rules},
        {"absorb", absorb_as_merge},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        TCase *tc = tcase_create(cases[i].name);
        tcase_add_checked_fixture(tc, setup, teardown);
        tcase_add_test(tc, cases[i].test);
        tcase_set_timeout(tc, 60);
        suite_add_tcase(s, tc);
    }
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(read_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
