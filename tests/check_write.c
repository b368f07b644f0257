/*
 * check_write.c - the writers, round-tripped through the real parsers: raptor2
 * for Turtle / N-Triples / N-Quads, jansson for JSON-LD, cgraph for DOT, and
 * an RFC 4180 reader for CSV. The graph is built with graph.h's builders and
 * full of hostile strings.
 *
 * Set EKG_TEST_DUMP=DIR to keep every output in DIR (graph.ttl, ...) for the
 * external checks (jsonld.js toRDF, dot -Tsvg, riot).
 */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <graphviz/cgraph.h>
#include <jansson.h>
#include <raptor2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ekg.h"
#include "escape.h"
#include "graph.h"
#include "write.h"

/* ---- fixtures ---- */

static const ekg_relation rel_opposes = {"opposes", "opposes", "Opposition", "12", "REJECT",
                                         3, 0, 0};
static const ekg_relation rel_supports = {"supports", "supports", "Support", "05", "SUPPORT",
                                          1, 0, 0};
static const ekg_relation rel_states = {"states", "states", "Statement", "01", NULL, 1, 0, 1};

/* A minimal ontology directory, with a context that tries to trip the compaction. */
static const char mini_ttl[] =
    "@prefix ekg: <https://w3id.org/ekg/ontology#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "ekg:opposes a ekg:Relation ; rdfs:label \"opposes\"@en ; ekg:eventClass ekg:Opposition ;\n"
    "  ekg:cameoRoot \"12\" ; ekg:ploverType \"REJECT\" ; ekg:quadClass 3 .\n";

static const char mini_context[] =
    "{\"@context\": {\n"
    " \"@version\": 1.1, \"@language\": \"en\",\n"
    " \"ekg\": \"https://w3id.org/ekg/ontology#\",\n"
    " \"ekgr\": \"https://w3id.org/ekg/id/\",\n"
    " \"ekgd\": {\"@id\": \"https://w3id.org/ekg/doc/\", \"@prefix\": true},\n"
    " \"rdf\": \"http://www.w3.org/1999/02/22-rdf-syntax-ns#\",\n"
    " \"rdfs\": \"http://www.w3.org/2000/01/rdf-schema#\",\n"
    " \"owl\": \"http://www.w3.org/2002/07/owl#\",\n"
    " \"xsd\": \"http://www.w3.org/2001/XMLSchema#\",\n"
    " \"skos\": \"http://www.w3.org/2004/02/skos/core#\",\n"
    " \"sem\": \"http://semanticweb.cs.vu.nl/2009/11/sem/\",\n"
    " \"gaf\": \"http://groundedannotationframework.org/gaf#\",\n"
    " \"provo\": {\"@id\": \"http://www.w3.org/ns/prov#\"},\n"
    " \"schema\": \"https://schema.org/\",\n"
    " \"label\": {\"@id\": \"rdfs:label\", \"@container\": \"@language\"},\n"
    " \"sentence\": \"ekg:sentence\",\n"
    " \"charStart\": {\"@id\": \"ekg:charStart\", \"@type\": \"xsd:integer\"},\n"
    " \"actor\": {\"@id\": \"sem:hasActor\", \"@type\": \"@id\"},\n"
    " \"ekg:trigger\": {\"@id\": \"ekg:trigger\", \"@container\": \"@list\"}\n"
    "}}\n";

static char ontodir[256];
static const char *dump_name = "graph";   /* file name stem for EKG_TEST_DUMP */
static ekg_ontology *onto;

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static void onto_setup(void)
{
    snprintf(ontodir, sizeof ontodir, "/tmp/ekg-check-write-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(ontodir));
    write_file(ontodir, "ekg.ttl", mini_ttl);
    write_file(ontodir, "context.jsonld", mini_context);
    ekg_error err;
    memset(&err, 0, sizeof err);
    onto = ekg_ontology_load(ontodir, &err);
    ck_assert_msg(onto != NULL, "mini ontology: %s", err.text);
}

static void onto_teardown(void)
{
    char path[512];
    ekg_ontology_free(onto);
    onto = NULL;
    snprintf(path, sizeof path, "%s/ekg.ttl", ontodir);
    unlink(path);
    snprintf(path, sizeof path, "%s/context.jsonld", ontodir);
    unlink(path);
    rmdir(ontodir);
}

static const char *const hostile_label =
    "He said \"hi\" \\ back\\slash \\N \\n\nnew line\r\t<>{}|^` @id <b>&amp;</b>";

static void add_mention(ekg_graph *g, const ekg_relation *rel, ekg_entity *actor,
                        ekg_entity *target, ekg_polarity pol, const ekg_doc *doc,
                        uint32_t start, const char *sentence, const char *date,
                        double conf, int shortcut)
{
    ekg_mention m;
    memset(&m, 0, sizeof m);
    m.doc = doc;
    m.start = start;
    m.end = start + 11;
    m.sentence = sentence;
    m.trigger = "has \"opposed\"";
    m.rule = "test";
    m.date = date;
    m.modality = EKG_ASSERTED;
    ekg_graph_event_add(g, rel, actor, target, pol, &m, conf, shortcut);
}

/* The hostile graph; `reverse` inserts everything in the opposite order. */
static ekg_graph *make_graph(int reverse)
{
    ekg_graph *g = ekg_graph_new(onto);
    ck_assert_ptr_nonnull(g);
    ekg_entity *p = NULL, *o = NULL, *fra = NULL, *x = NULL;
    for (int k = 0; k < 4; k++) {
        switch (reverse ? 3 - k : k) {
        case 0:
            p = ekg_graph_entity_get(g, "person-a", hostile_label, "Person");
            ekg_graph_entity_add_alt(g, p, "\"@id\"");
            ekg_graph_entity_add_alt(g, p, "<script>alert('x')</script>");
            ekg_graph_entity_add_alt(g, p, "Zo\xC3\xAB \xF0\x9F\x98\x80");
            break;
        case 1:
            o = ekg_graph_entity_get(g, "org-b", "Z\xC3\xBCrich \xE2\x80\x93 \xE6\x9D\xB1\xE4\xBA\xAC "
                                                 "\xF0\x9F\x98\x80 bad\xFF byte", "Organization");
            break;
        case 2:
            fra = ekg_graph_entity_get(g, "country-fra", "France", "Country");
            ekg_graph_entity_set_qid(g, fra, "Q142");
            break;
        default:
            x = ekg_graph_entity_get(g, "thing-x", "\x01" "ctl\x7f" "del\\", "Proposal");
            break;
        }
    }
    ekg_graph_entity_add_affil(g, p, o, "Secretary \"General\"\n");
    ekg_graph_entity_add_affil(g, p, fra, NULL);

    ekg_doc *d1 = ekg_graph_doc_add(g, "001_a b.txt");
    ekg_doc *d2 = ekg_graph_doc_add(g, "doc.2.");
    ck_assert_ptr_nonnull(d1);
    ck_assert_ptr_nonnull(d2);
    ekg_graph_doc_set(g, &d1->headline, "A \"headline\"\nwith \\ newline");
    ekg_graph_doc_set(g, &d1->date, "2023-07-10");
    ekg_graph_doc_set(g, &d1->url, "https://example.org/a?b=1&c=2");
    ekg_graph_doc_set(g, &d1->publisher, "Le Monde");
    ekg_graph_doc_set(g, &d2->date, "2023-13-45");   /* invalid: not written */
    ekg_graph_doc_set(g, &d2->url, "not a url {}");
    {
        /* longer than the writers' 8 KiB escaping chunk, which cuts inside a two-byte
           character unless it takes care */
        char *big = ekg_xmalloc(20010);
        size_t n = 0;
        memcpy(big, "PARIS ", 6);
        n = 6;
        for (int i = 0; i < 10000; i++) {
            big[n++] = '\xC3';
            big[n++] = '\xA9';
        }
        memcpy(big + n, "\"\n\x02", 4);
        ekg_graph_doc_set(g, &d2->dateline, big);
        free(big);
    }

    const char *s1 = "However, France \"has opposed\" the idea, \\ {json}\n\r\t\x01 end.";
    for (int k = 0; k < 2; k++) {
        if ((reverse ? 1 - k : k) == 0) {
            add_mention(g, &rel_opposes, fra, x, EKG_POSITIVE, d1, 812, s1, "2023-07-09", 0.9, 1);
            add_mention(g, &rel_opposes, fra, x, EKG_POSITIVE, d2, 5, "France, again.", NULL,
                        0.754, 0);
            /* the same span as another event: one mention node */
            add_mention(g, &rel_supports, o, fra, EKG_POSITIVE, d1, 812, s1, NULL, 0.5, 1);
        } else {
            add_mention(g, &rel_supports, p, o, EKG_NEGATIVE, d2, 40, "A does not support B.",
                        "2023-07-01", 0.8, 0);
            ekg_event *st =
                ekg_graph_event_add(g, &rel_states, p, NULL, EKG_POSITIVE,
                                    &(ekg_mention){.doc = d2, .start = 60, .end = 64,
                                                   .sentence = "A says \"no\".",
                                                   .trigger = "says", .rule = "t"},
                                    1.0, 0);
            st->quote = ekg_graph_str(g, "no, \"never\"\n");
        }
    }
    ekg_graph_finish(g);
    return g;
}

/* ---- helpers ---- */

static int buf_sink(void *data, const char *bytes, size_t len)
{
    ekg_buf_put(data, bytes, len);
    return 0;
}

static int failing_sink(void *data, const char *bytes, size_t len)
{
    return -1;
}

static char *write_fmt(const ekg_graph *g, ekg_format f)
{
    ekg_buf b;
    ekg_buf_init(&b);
    ekg_error err;
    memset(&err, 0, sizeof err);
    ck_assert_msg(ekg_write(g, f, buf_sink, &b, &err) == 0, "%s: %s",
                  ekg_format_extension(f), err.text);
    ck_assert_uint_gt(b.len, 0);
    ck_assert_msg(ekg_utf8_valid(b.data, b.len), "%s is not UTF-8", ekg_format_extension(f));
    ck_assert_msg((unsigned char)b.data[0] != 0xEF, "BOM");
    const char *dump = getenv("EKG_TEST_DUMP");
    if (dump) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s.%s", dump, dump_name, ekg_format_extension(f));
        FILE *fp = fopen(path, "wb");
        if (fp) {
            fwrite(b.data, 1, b.len, fp);
            fclose(fp);
        }
    }
    return ekg_buf_detach(&b);
}

/* Parsed statements, each as one N-Quads-like line; sorted. */
typedef struct stmts {
    char **lines;
    size_t n;
    int errors;
} stmts;

static void on_stmt(void *data, raptor_statement *st)
{
    stmts *s = data;
    ekg_buf b;
    ekg_buf_init(&b);
    raptor_term *terms[4] = {st->subject, st->predicate, st->object, st->graph};
    for (int i = 0; i < 4; i++) {
        if (!terms[i])
            continue;
        unsigned char *t = raptor_term_to_string(terms[i]);
        if (i)
            ekg_buf_putc(&b, ' ');
        ekg_buf_puts(&b, (char *)t);
        raptor_free_memory(t);
    }
    s->lines = realloc(s->lines, (s->n + 1) * sizeof *s->lines);
    s->lines[s->n++] = ekg_buf_detach(&b);
}

static void on_parse_log(void *data, raptor_log_message *m)
{
    stmts *s = data;
    if (m->level >= RAPTOR_LOG_LEVEL_WARN) {
        s->errors++;
        fprintf(stderr, "raptor: %s\n", m->text);
    }
}

static int cmp_line(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static stmts parse(const char *syntax, const char *text)
{
    stmts s = {NULL, 0, 0};
    raptor_world *w = raptor_new_world();
    raptor_world_set_log_handler(w, &s, on_parse_log);
    raptor_world_open(w);
    raptor_parser *p = raptor_new_parser(w, syntax);
    raptor_parser_set_statement_handler(p, &s, on_stmt);
    raptor_uri *base = raptor_new_uri(w, (const unsigned char *)"urn:x-base:");
    raptor_parser_parse_start(p, base);
    if (raptor_parser_parse_chunk(p, (const unsigned char *)text, strlen(text), 1))
        s.errors++;
    raptor_free_uri(base);
    raptor_free_parser(p);
    raptor_free_world(w);
    qsort(s.lines, s.n, sizeof *s.lines, cmp_line);
    return s;
}

static void stmts_free(stmts *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->lines[i]);
    free(s->lines);
}

static size_t count(const stmts *s, const char *needle)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n; i++)
        n += strstr(s->lines[i], needle) != NULL;
    return n;
}

/* ---- Turtle, N-Triples, N-Quads ---- */

START_TEST(turtle_same_graph_as_ntriples)
{
    ekg_graph *g = make_graph(0);
    char *ttl = write_fmt(g, EKG_FORMAT_TURTLE);
    char *nt = write_fmt(g, EKG_FORMAT_NTRIPLES);
    stmts a = parse("turtle", ttl), b = parse("ntriples", nt);
    ck_assert_int_eq(a.errors, 0);
    ck_assert_int_eq(b.errors, 0);
    ck_assert_uint_gt(a.n, 60);
    ck_assert_uint_eq(a.n, b.n);
    for (size_t i = 0; i < a.n; i++)
        ck_assert_str_eq(a.lines[i], b.lines[i]);
    /* no duplicate triples (Turtle writers may fold them) */
    for (size_t i = 1; i < b.n; i++)
        ck_assert_str_ne(b.lines[i - 1], b.lines[i]);
    stmts_free(&a);
    stmts_free(&b);
    free(ttl);
    free(nt);
    ekg_graph_free(g);
}
END_TEST

/* Outside string literals, the Turtle has no backslash (RECIPES: no escaped local names). */
START_TEST(turtle_no_escaped_names)
{
    ekg_graph *g = make_graph(0);
    char *ttl = write_fmt(g, EKG_FORMAT_TURTLE);
    ck_assert_ptr_null(strstr(ttl, "PREFIX"));
    for (const char *p = ttl; *p; p++) {
        if (*p == '"') {
            int longq = p[1] == '"' && p[2] == '"';
            p += longq ? 3 : 1;
            while (*p && !(longq ? (p[0] == '"' && p[1] == '"' && p[2] == '"') : *p == '"')) {
                if (*p == '\\')
                    p++;
                p++;
            }
            ck_assert_int_ne(*p, '\0');
            if (longq)
                p += 2;
            continue;
        }
        if (*p == '<') {   /* IRIs: nothing escaped, nothing illegal */
            const char *e = strchr(p, '>');
            ck_assert_ptr_nonnull(e);
            for (const char *q = p + 1; q < e; q++)
                ck_assert_msg(!strchr(" \\\"{}|^`", *q), "bad IRI character near %.40s", p);
            p = e;
            continue;
        }
        ck_assert_msg(*p != '\\', "escape outside a string near: %.40s", p);
    }
    /* a local name never ends with '.' before whitespace */
    ck_assert_ptr_null(strstr(ttl, ". ;"));
    free(ttl);
    ekg_graph_free(g);
}
END_TEST

START_TEST(nquads_named_graphs)
{
    ekg_graph *g = make_graph(0);
    char *nq = write_fmt(g, EKG_FORMAT_NQUADS);
    char *nt = write_fmt(g, EKG_FORMAT_NTRIPLES);
    stmts q = parse("nquads", nq), t = parse("ntriples", nt);
    ck_assert_int_eq(q.errors, 0);
    ck_assert_uint_eq(q.n, t.n);
    const char *d1 = "<https://w3id.org/ekg/doc/001_a%20b.txt>";
    const char *d2 = "<https://w3id.org/ekg/doc/doc.2.>";
    size_t mentions = 0, sentence = 0, denoted = 0, in_graph = 0;
    for (size_t i = 0; i < q.n; i++) {
        const char *l = q.lines[i];
        size_t n = strlen(l);
        int named = (n > strlen(d1) && !strcmp(l + n - strlen(d1), d1)) ||
                    (n > strlen(d2) && !strcmp(l + n - strlen(d2), d2));
        in_graph += named;
        if (strstr(l, "#Mention>")) {
            mentions++;
            ck_assert_msg(named, "mention type not in a named graph: %s", l);
        }
        if (strstr(l, "ontology#sentence>")) {
            sentence++;
            ck_assert_msg(named, "%s", l);
            /* the graph is the mention's own document */
            ck_assert_msg(strncmp(l, "<https://w3id.org/ekg/doc/001_a%20b.txt#", 40) != 0 ||
                              strstr(l, d1),
                          "%s", l);
        }
        if (strstr(l, "gaf#denotedBy>")) {
            denoted++;
            ck_assert_msg(named, "%s", l);
        }
        if (strstr(l, "ontology#opposes>") && strstr(l, "<https://w3id.org/ekg/id/country-fra>"))
            ck_assert_msg(!named, "shortcut in a named graph: %s", l);
    }
    ck_assert_uint_eq(mentions, 4);   /* 5 mentions, two share a span */
    ck_assert_uint_eq(sentence, 4);
    ck_assert_uint_eq(denoted, 5);
    ck_assert_uint_lt(in_graph, q.n);
    stmts_free(&q);
    stmts_free(&t);
    free(nq);
    free(nt);
    ekg_graph_free(g);
}
END_TEST

/* What the mapping holds, checked on the N-Triples. */
START_TEST(mapping_contract)
{
    ekg_graph *g = make_graph(0);
    char *nt = write_fmt(g, EKG_FORMAT_NTRIPLES);
    stmts t = parse("ntriples", nt);
    ck_assert_int_eq(t.errors, 0);
    /* shortcuts: France opposes thing-x, org-b supports France; not the negative one */
    ck_assert_uint_eq(count(&t, "<https://w3id.org/ekg/ontology#opposes> <https://w3id.org/"
                                "ekg/id/thing-x>"), 1);
    ck_assert_uint_eq(count(&t, "<https://w3id.org/ekg/id/org-b> <https://w3id.org/ekg/"
                                "ontology#supports>"), 1);
    ck_assert_uint_eq(count(&t, "<https://w3id.org/ekg/id/person-a> <https://w3id.org/ekg/"
                                "ontology#supports>"), 0);
    /* entity -> entity triples: 2 shortcuts + 2 affiliatedWith, nothing else */
    static const char id[] = "<https://w3id.org/ekg/id/";
    size_t ee = 0;
    for (size_t i = 0; i < t.n; i++) {
        const char *l = t.lines[i];
        const char *o = strrchr(l, ' ');   /* the object: IRIs hold no space */
        if (!strncmp(l, id, strlen(id)) && strncmp(l + strlen(id), "event-", 6) &&
            strncmp(l + strlen(id), "affil-", 6) && !strncmp(o + 1, id, strlen(id)))
            ee++;
    }
    ck_assert_uint_eq(ee, 4);
    ck_assert_uint_eq(count(&t, "\"0.9\"^^<http://www.w3.org/2001/XMLSchema#decimal>"), 1);
    ck_assert_uint_eq(count(&t, "\"0.8\"^^<http://www.w3.org/2001/XMLSchema#decimal>"), 1);
    ck_assert_uint_eq(count(&t, "\"1.0\"^^<http://www.w3.org/2001/XMLSchema#decimal>"), 1);
    ck_assert_uint_eq(count(&t, "<http://www.wikidata.org/entity/Q142>"), 1);
    ck_assert_uint_eq(count(&t, "#Affiliation>"), 2);
    ck_assert_uint_eq(count(&t, "2023-13-45"), 0);   /* invalid date dropped */
    ck_assert_uint_eq(count(&t, "schema.org/url> <https://example.org/a?b=1&c=2>"), 1);
    ck_assert_uint_eq(count(&t, "schema.org/url> \"not a url {}\""), 1);
    ck_assert_uint_eq(count(&t, "#charStart> \"812\"^^<http://www.w3.org/2001/XMLSchema#integer>"),
                      1);
    ck_assert_uint_eq(count(&t, "#cameoRoot> \"12\""), 1);
    ck_assert_uint_eq(count(&t, "#quadClass> \"3\"^^"), 1);
    ck_assert_uint_eq(count(&t, "ontology#Negative>"), 1);
    ck_assert_uint_eq(count(&t, "ontology#Statement>"), 1);
    ck_assert_uint_eq(count(&t, "\\uFFFD"), 1);   /* the invalid byte, replaced */
    ck_assert_uint_eq(count(&t, "rdf-schema#label>"), 4);
    stmts_free(&t);
    free(nt);
    ekg_graph_free(g);
}
END_TEST


/* ---- the hand-written writers against raptor2's serializers ---- */

/* Writes with the hand-written writer and with raptor2's, parses both with raptor2. */
static void same_as_raptor(ekg_format mine, int theirs, const char *syntax)
{
    ekg_graph *g = make_graph(0);
    char *a = write_fmt(g, mine);
    ekg_buf b;
    ekg_buf_init(&b);
    ekg_error err;
    memset(&err, 0, sizeof err);
    ck_assert_msg(ekg_write(g, (ekg_format)theirs, buf_sink, &b, &err) == 0, "%s", err.text);
    stmts x = parse(syntax, a), y = parse(syntax, b.data);
    ck_assert_int_eq(x.errors, 0);
    ck_assert_int_eq(y.errors, 0);
    ck_assert_uint_gt(x.n, 60);
    ck_assert_uint_eq(x.n, y.n);
    for (size_t i = 0; i < x.n; i++)
        ck_assert_str_eq(x.lines[i], y.lines[i]);
    stmts_free(&x);
    stmts_free(&y);
    ekg_buf_free(&b);
    free(a);
    ekg_graph_free(g);
}

START_TEST(turtle_same_as_raptor)
{
    same_as_raptor(EKG_FORMAT_TURTLE, EKG_FORMAT_TURTLE_RAPTOR, "turtle");
}
END_TEST

START_TEST(ntriples_same_as_raptor)
{
    same_as_raptor(EKG_FORMAT_NTRIPLES, EKG_FORMAT_NTRIPLES_RAPTOR, "ntriples");
}
END_TEST

START_TEST(nquads_same_as_raptor)
{
    same_as_raptor(EKG_FORMAT_NQUADS, EKG_FORMAT_NQUADS_RAPTOR, "nquads");
    /* and the N-Quads parse as N-Quads into the same triples as the N-Triples */
    ekg_graph *g = make_graph(0);
    char *nq = write_fmt(g, EKG_FORMAT_NQUADS), *nt = write_fmt(g, EKG_FORMAT_NTRIPLES);
    stmts q = parse("nquads", nq), t = parse("nquads", nt);
    ck_assert_uint_eq(q.n, t.n);
    stmts_free(&q);
    stmts_free(&t);
    free(nq);
    free(nt);
    ekg_graph_free(g);
}
END_TEST

/* The hand-written output's shape: one statement per line, numerals, "a", no BOM. */
START_TEST(handwritten_shape)
{
    ekg_graph *g = make_graph(0);
    char *nt = write_fmt(g, EKG_FORMAT_NTRIPLES);
    char *nq = write_fmt(g, EKG_FORMAT_NQUADS);
    char *ttl = write_fmt(g, EKG_FORMAT_TURTLE);
    /* N-Triples: every line "<...> <...> ... ." with raw UTF-8 and \u00XX controls */
    size_t lines = 0;
    for (const char *p = nt; *p; p = strchr(p, '\n') + 1) {
        const char *e = strchr(p, '\n');
        ck_assert_ptr_nonnull(e);
        ck_assert_int_eq(*p, '<');
        ck_assert_msg(e - p > 2 && !strncmp(e - 2, " .", 2), "%.60s", p);
        lines++;
    }
    ck_assert_uint_gt(lines, 60);
    ck_assert_ptr_nonnull(strstr(nt, "\"\\u0001ctl\\u007Fdel\\\\\"@en"));
    ck_assert_ptr_nonnull(strstr(nt, "Z\xC3\xBCrich"));
    ck_assert_ptr_nonnull(strstr(nt, "bad\xEF\xBF\xBD byte"));
    ck_assert_ptr_null(strstr(nt, "\\U"));
    ck_assert_ptr_nonnull(strstr(nq, "> <https://w3id.org/ekg/doc/001_a%20b.txt> .\n"));
    /* Turtle: prefixes first, rdf:type as "a", canonical numerals bare */
    static const char first[] = "@prefix ekg: <https://w3id.org/ekg/ontology#> .\n";
    ck_assert_msg(!strncmp(ttl, first, sizeof first - 1), "%.80s", ttl);
    ck_assert_ptr_nonnull(strstr(ttl, "ekgr:country-fra a ekg:Country ;"));
    ck_assert_ptr_nonnull(strstr(ttl, "ekg:confidence 0.9 ;"));
    ck_assert_ptr_nonnull(strstr(ttl, "ekg:confidence 1.0 ;"));
    ck_assert_ptr_nonnull(strstr(ttl, "ekg:charStart 812 ;"));
    ck_assert_ptr_nonnull(strstr(ttl, "\"2023-07-10\"^^xsd:date"));
    /* IRIs that would need a backslash in a prefixed name are written in full */
    ck_assert_ptr_nonnull(strstr(ttl, "<https://w3id.org/ekg/doc/doc.2.>"));
    ck_assert_ptr_null(strstr(ttl, "ekgd:doc.2."));
    free(nt);
    free(nq);
    free(ttl);
    ekg_graph_free(g);
}
END_TEST

/* ---- JSON-LD ---- */

START_TEST(jsonld_valid)
{
    ekg_graph *g = make_graph(0);
    char *js = write_fmt(g, EKG_FORMAT_JSONLD);
    char *nt = write_fmt(g, EKG_FORMAT_NTRIPLES);
    json_error_t jerr;
    json_t *root = json_loads(js, JSON_REJECT_DUPLICATES, &jerr);
    ck_assert_msg(root != NULL, "JSON-LD: %s at line %d", jerr.text, jerr.line);
    ck_assert(json_is_object(json_object_get(root, "@context")));
    json_t *graph = json_object_get(root, "@graph");
    ck_assert(json_is_array(graph));
    /* one node object per subject */
    stmts t = parse("ntriples", nt);
    size_t subjects = 0;
    for (size_t i = 0; i < t.n; i++) {
        size_t len = strcspn(t.lines[i], " ");
        if (i == 0 || strncmp(t.lines[i], t.lines[i - 1], len) != 0 ||
            t.lines[i - 1][len] != ' ')
            subjects++;
    }
    ck_assert_uint_eq(json_array_size(graph), subjects);
    /* no native numbers anywhere; keys the context would misread are not used */
    const char *body = strstr(js, "\"@graph\"");
    ck_assert_ptr_nonnull(body);
    ck_assert_ptr_null(strstr(body, "\"label\""));
    ck_assert_ptr_null(strstr(body, "\"ekg:trigger\""));
    ck_assert_ptr_nonnull(strstr(js, "\"https://w3id.org/ekg/ontology#trigger\""));
    ck_assert_ptr_nonnull(strstr(js, "\"sentence\""));
    ck_assert_ptr_nonnull(strstr(js, "\"@id\": \"ekgr:country-fra\""));
    ck_assert_ptr_nonnull(strstr(js, "\"http://www.w3.org/ns/prov#wasDerivedFrom\""));
    size_t i;
    json_t *node;
    json_array_foreach(graph, i, node) {
        ck_assert(json_is_string(json_object_get(node, "@id")));
        const char *k;
        json_t *v;
        json_object_foreach(node, k, v) {
            json_t *vals = json_is_array(v) ? v : NULL;
            size_t n = vals ? json_array_size(vals) : 1;
            for (size_t j = 0; j < n; j++) {
                json_t *x = vals ? json_array_get(vals, j) : v;
                ck_assert(!json_is_number(x));
                /* @language in the context: plain strings must be value objects */
                if (strcmp(k, "@id") && strcmp(k, "@type"))
                    ck_assert_msg(json_is_object(x), "bare value under %s", k);
            }
        }
    }
    json_decref(root);
    stmts_free(&t);
    free(js);
    free(nt);
    ekg_graph_free(g);
}
END_TEST

/* ---- DOT ---- */

START_TEST(dot_parses_back)
{
    ekg_graph *g = make_graph(0);
    char *dot = write_fmt(g, EKG_FORMAT_DOT);
    Agraph_t *ag = agmemread(dot);
    ck_assert_msg(ag != NULL, "cgraph cannot read the DOT");
    ck_assert_int_eq(agnnodes(ag), 4);   /* all four take part in an edge */
    ck_assert_int_eq(agnedges(ag), 4);   /* 2 shortcuts + 2 affiliations */
    Agnode_t *n0 = agnode(ag, "n2", 0);  /* person-a is the 3rd entity by id */
    ck_assert_ptr_nonnull(n0);
    const char *label = agget(n0, "label");
    /* backslashes doubled, newline as \n, CR dropped, TAB as a space, quotes kept */
    ck_assert_str_eq(label, "He said \"hi\" \\\\ back\\\\slash \\\\N \\\\n\\nnew line <>{}|^` "
                            "@id <b>&amp;</b>");
    ck_assert_str_eq(agget(n0, "tooltip"), "https://w3id.org/ekg/id/person-a");
    ck_assert_str_eq(agget(n0, "shape"), "ellipse");
    agclose(ag);

    ekg_buf b;
    ekg_buf_init(&b);
    ekg_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ekg_write_dot(g, EKG_DOT_EVENTS, buf_sink, &b, &err), 0);
    if (getenv("EKG_TEST_DUMP")) {
        char path[512];
        snprintf(path, sizeof path, "%s/graph-events.dot", getenv("EKG_TEST_DUMP"));
        FILE *fp = fopen(path, "wb");
        if (fp) {
            fwrite(b.data, 1, b.len, fp);
            fclose(fp);
        }
    }
    ag = agmemread(b.data);
    ck_assert_ptr_nonnull(ag);
    ck_assert_int_eq(agnnodes(ag), 4 + 4);   /* entities + events */
    agclose(ag);
    ekg_buf_free(&b);

    char svg[] = "/tmp/ekg-check-svg-XXXXXX";
    int fd = mkstemp(svg);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_msg(ekg_render_svg(g, svg, &err) == 0, "render: %s", err.text);
    struct stat st;
    ck_assert_int_eq(stat(svg, &st), 0);
    ck_assert_int_gt(st.st_size, 500);
    unlink(svg);
    free(dot);
    ekg_graph_free(g);
}
END_TEST


/* ---- DOT for big graphs ---- */

#define BIG_ENTITIES 600

/* 600 entities; entity i takes part in about 600 / (i + 1) shortcut relations. */
static ekg_graph *make_big_graph(size_t *degree)
{
    ekg_graph *g = ekg_graph_new(onto);
    ekg_entity *ents[BIG_ENTITIES];
    char id[32], label[64];
    for (size_t i = 0; i < BIG_ENTITIES; i++) {
        snprintf(id, sizeof id, "org-%04zu", i);   /* id order == creation order */
        snprintf(label, sizeof label, "Organisation %zu", i);
        ents[i] = ekg_graph_entity_get(g, id, label, "Organization");
        degree[i] = 0;
    }
    ekg_doc *d = ekg_graph_doc_add(g, "big.txt");
    uint32_t start = 0;
    for (size_t i = 0; i < BIG_ENTITIES; i++) {
        size_t k = BIG_ENTITIES / (i + 1);
        for (size_t j = 1; j <= k; j++) {
            size_t t = (i + j * 7) % BIG_ENTITIES;
            if (t == i)
                continue;
            ekg_mention m;
            memset(&m, 0, sizeof m);
            m.doc = d;
            m.start = start;
            m.end = start + 5;
            start += 10;
            m.sentence = "A supports B.";
            m.trigger = "supports";
            m.rule = "big";
            m.modality = EKG_ASSERTED;
            ekg_event *ev = ekg_graph_event_add(g, j % 2 ? &rel_supports : &rel_opposes, ents[i],
                                                ents[t], EKG_POSITIVE, &m, 0.9, 1);
            if (ev->nmentions == 1) {   /* a new event: one edge more at each end */
                degree[i]++;
                degree[t]++;
            }
        }
    }
    ekg_graph_finish(g);
    return g;
}

static size_t big_degree[BIG_ENTITIES];

static int cmp_big(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    if (big_degree[x] != big_degree[y])
        return big_degree[x] > big_degree[y] ? -1 : 1;
    return x < y ? -1 : x > y;
}

static char *dot_max(const ekg_graph *g, int flags, size_t max)
{
    ekg_buf b;
    ekg_buf_init(&b);
    ekg_error err;
    memset(&err, 0, sizeof err);
    ck_assert_msg(ekg_write_dot_max(g, flags, max, buf_sink, &b, &err) == 0, "%s", err.text);
    return ekg_buf_detach(&b);
}

START_TEST(dot_big_graph)
{
    ekg_graph *g = make_big_graph(big_degree);
    ck_assert_uint_eq(ekg_graph_n_entities(g), BIG_ENTITIES);
    char *dot = write_fmt(g, EKG_FORMAT_DOT);   /* the default limit */
    if (getenv("EKG_TEST_DUMP")) {
        char path[512];
        snprintf(path, sizeof path, "%s/graph-big.dot", getenv("EKG_TEST_DUMP"));
        FILE *fp = fopen(path, "wb");
        if (fp) {
            fputs(dot, fp);
            fclose(fp);
        }
    }
    static const char head[] = "/* ekg: 200 of 600 entities drawn: the 200 most connected";
    ck_assert_msg(!strncmp(dot, head, sizeof head - 1), "%.200s", dot);
    Agraph_t *ag = agmemread(dot);
    ck_assert_ptr_nonnull(ag);
    ck_assert_int_eq(agnnodes(ag), EKG_DOT_MAX_NODES);
    ck_assert_str_eq(agget(ag, "layout"), "sfdp");
    ck_assert_str_eq(agget(ag, "overlap"), "prism");
    /* exactly the most connected, ties by id */
    size_t order[BIG_ENTITIES];
    for (size_t i = 0; i < BIG_ENTITIES; i++)
        order[i] = i;
    qsort(order, BIG_ENTITIES, sizeof order[0], cmp_big);
    for (size_t i = 0; i < BIG_ENTITIES; i++) {
        char name[32];
        snprintf(name, sizeof name, "n%zu", order[i]);
        if (i < EKG_DOT_MAX_NODES)
            ck_assert_msg(agnode(ag, name, 0) != NULL, "%s (degree %zu) left out", name,
                          big_degree[order[i]]);
        else
            ck_assert_msg(agnode(ag, name, 0) == NULL, "%s (degree %zu) drawn", name,
                          big_degree[order[i]]);
    }
    /* the comment counts what the graph lacks */
    size_t all_edges = 0;
    for (size_t i = 0; i < BIG_ENTITIES; i++)
        all_edges += big_degree[i];
    all_edges /= 2;
    char expect[128];
    snprintf(expect, sizeof expect, "Left out: 400 entities, %zu relation edges",
             all_edges - (size_t)agnedges(ag));
    ck_assert_msg(strstr(dot, expect) != NULL, "%s not in %.300s", expect, dot);
    agclose(ag);

    /* no limit: every entity, no comment, sfdp all the same */
    char *all = dot_max(g, 0, 0);
    ck_assert_int_eq(all[0], 'd');
    ag = agmemread(all);
    ck_assert_int_eq(agnnodes(ag), BIG_ENTITIES);
    ck_assert_int_eq((size_t)agnedges(ag), all_edges);
    agclose(ag);
    /* a small limit: dot's own layout */
    char *small = dot_max(g, 0, 50);
    ag = agmemread(small);
    ck_assert_int_eq(agnnodes(ag), 50);
    ck_assert_ptr_null(agget(ag, "layout"));
    agclose(ag);
    /* events as nodes: at most the limit of each */
    char *ev = dot_max(g, EKG_DOT_EVENTS, 100);
    ag = agmemread(ev);
    ck_assert_int_le(agnnodes(ag), 200);
    ck_assert_ptr_nonnull(strstr(ev, " events. */"));
    agclose(ag);
    /* deterministic */
    char *again = write_fmt(g, EKG_FORMAT_DOT);
    ck_assert_str_eq(dot, again);

    /* in-process rendering: any Graphviz warning is an error */
    char svg[] = "/tmp/ekg-check-svg-XXXXXX";
    int fd = mkstemp(svg);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ekg_error err;
    memset(&err, 0, sizeof err);
    ck_assert_msg(ekg_render_svg(g, svg, &err) == 0, "render: %s", err.text);
    unlink(svg);
    free(dot);
    free(all);
    free(small);
    free(ev);
    free(again);
    ekg_graph_free(g);
}
END_TEST

/* ---- CSV ---- */

/* Reads one RFC 4180 record from *p; returns the number of fields, fields in out. */
static size_t csv_record(const char **p, char out[16][512])
{
    size_t n = 0, k = 0;
    int quoted = 0;
    const char *s = *p;
    for (;;) {
        char c = *s;
        if (quoted) {
            ck_assert_int_ne(c, '\0');
            if (c == '"' && s[1] == '"') {
                out[n][k++] = '"';
                s += 2;
            } else if (c == '"') {
                quoted = 0;
                s++;
            } else {
                out[n][k++] = c;
                s++;
            }
            continue;
        }
        if (c == '"' && k == 0) {
            quoted = 1;
            s++;
        } else if (c == ',' || c == '\r' || c == '\0') {
            out[n][k] = '\0';
            n++;
            k = 0;
            if (c == '\r') {
                ck_assert_int_eq(s[1], '\n');
                *p = s + 2;
                return n;
            }
            if (c == '\0') {
                *p = s;
                return n;
            }
            s++;
        } else {
            ck_assert_int_ne(c, '\n');   /* a bare LF outside quotes */
            out[n][k++] = c;
            s++;
        }
    }
}

START_TEST(csv_rows)
{
    ekg_graph *g = make_graph(0);
    char *csv = write_fmt(g, EKG_FORMAT_CSV);
    const char *p = csv;
    char f[16][512];
    ck_assert_uint_eq(csv_record(&p, f), 12);
    ck_assert_str_eq(f[0], "date");
    ck_assert_str_eq(f[11], "modality");
    size_t rows = 0;
    int seen_opposes = 0;
    while (*p) {
        ck_assert_uint_eq(csv_record(&p, f), 12);
        rows++;
        if (!strcmp(f[2], "opposes")) {
            seen_opposes = 1;
            ck_assert_str_eq(f[0], "2023-07-09");
            ck_assert_str_eq(f[1], "France");
            ck_assert_str_eq(f[3], "12");
            ck_assert_str_eq(f[4], "REJECT");
            ck_assert_str_eq(f[5], "3");
            ck_assert_str_eq(f[7], "001_a b.txt");
            ck_assert_str_eq(f[8], "However, France \"has opposed\" the idea, \\ {json}\n\r\t  end.");
            ck_assert_str_eq(f[9], "0.90");
            ck_assert_str_eq(f[10], "Positive");
        }
    }
    ck_assert_uint_eq(rows, ekg_graph_n_events(g));
    ck_assert(seen_opposes);
    /* dated rows first, in date order */
    ck_assert_ptr_nonnull(strstr(csv, "\r\n2023-07-01,"));
    ck_assert(strstr(csv, "\r\n2023-07-01,") < strstr(csv, "\r\n2023-07-09,"));
    free(csv);
    ekg_graph_free(g);
}
END_TEST

/* ---- determinism and errors ---- */

START_TEST(byte_identical)
{
    ekg_graph *g = make_graph(0);
    ekg_graph *r = make_graph(1);
    ekg_format fmts[] = {EKG_FORMAT_TURTLE, EKG_FORMAT_NTRIPLES, EKG_FORMAT_NQUADS,
                         EKG_FORMAT_JSONLD, EKG_FORMAT_DOT, EKG_FORMAT_CSV};
    for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
        char *a = write_fmt(g, fmts[i]);
        char *b = write_fmt(g, fmts[i]);
        char *c = write_fmt(r, fmts[i]);
        ck_assert_msg(!strcmp(a, b), "%s differs on a second write", ekg_format_extension(fmts[i]));
        ck_assert_msg(!strcmp(a, c), "%s depends on insertion order", ekg_format_extension(fmts[i]));
        free(a);
        free(b);
        free(c);
    }
    ekg_graph_free(g);
    ekg_graph_free(r);
}
END_TEST

START_TEST(sink_failure)
{
    ekg_graph *g = make_graph(0);
    for (int f = EKG_FORMAT_TURTLE; f <= EKG_FORMAT_CSV; f++) {
        ekg_error err;
        memset(&err, 0, sizeof err);
        ck_assert_int_eq(ekg_write(g, (ekg_format)f, failing_sink, NULL, &err), -1);
        ck_assert(err.set);
    }
    ekg_graph_free(g);
}
END_TEST

START_TEST(format_names)
{
    ck_assert_int_eq(ekg_format_from_name("ttl"), EKG_FORMAT_TURTLE);
    ck_assert_int_eq(ekg_format_from_name("Turtle"), EKG_FORMAT_TURTLE);
    ck_assert_int_eq(ekg_format_from_name("nt"), EKG_FORMAT_NTRIPLES);
    ck_assert_int_eq(ekg_format_from_name("nq"), EKG_FORMAT_NQUADS);
    ck_assert_int_eq(ekg_format_from_name("jsonld"), EKG_FORMAT_JSONLD);
    ck_assert_int_eq(ekg_format_from_name("dot"), EKG_FORMAT_DOT);
    ck_assert_int_eq(ekg_format_from_name("csv"), EKG_FORMAT_CSV);
    ck_assert_int_eq(ekg_format_from_name("xml"), -1);
    ck_assert_int_eq(ekg_format_from_name("ttl-raptor"), EKG_FORMAT_TURTLE_RAPTOR);
    ck_assert_int_eq(ekg_format_from_name("NT-raptor"), EKG_FORMAT_NTRIPLES_RAPTOR);
    ck_assert_int_eq(ekg_format_from_name("nq-raptor"), EKG_FORMAT_NQUADS_RAPTOR);
    ck_assert_str_eq(ekg_format_extension((ekg_format)EKG_FORMAT_TURTLE_RAPTOR), "ttl");
    ck_assert_str_eq(ekg_format_extension((ekg_format)EKG_FORMAT_NQUADS_RAPTOR), "nq");
    ck_assert_int_eq(ekg_format_from_name(NULL), -1);
    ck_assert_str_eq(ekg_format_extension(EKG_FORMAT_JSONLD), "jsonld");
    ck_assert_str_eq(ekg_format_extension(EKG_FORMAT_NQUADS), "nq");
}
END_TEST

/* The installed ontology's own context, once ontology/ has one: the JSON-LD still parses. */
START_TEST(real_ontology_context)
{
    char path[512];
    snprintf(path, sizeof path, "%s/context.jsonld", EKG_TEST_ONTOLOGY);
    struct stat st;
    if (stat(path, &st) != 0)
        return;   /* not there yet */
    ekg_error err;
    memset(&err, 0, sizeof err);
    ekg_ontology *real = ekg_ontology_load(EKG_TEST_ONTOLOGY, &err);
    ck_assert_msg(real != NULL, "%s", err.text);
    ekg_ontology *saved = onto;
    onto = real;
    ekg_graph *g = make_graph(0);
    dump_name = "graph-real";
    char *js = write_fmt(g, EKG_FORMAT_JSONLD);
    free(write_fmt(g, EKG_FORMAT_NTRIPLES));
    dump_name = "graph";
    json_t *root = json_loads(js, 0, NULL);
    ck_assert_ptr_nonnull(root);
    json_decref(root);
    free(js);
    ekg_graph_free(g);
    onto = saved;
    ekg_ontology_free(real);
}
END_TEST

static Suite *write_suite(void)
{
    Suite *s = suite_create("write");
    struct {
        const char *name;
        const TTest *test;
    } cases[] = {
        {"turtle", turtle_same_graph_as_ntriples}, {"turtle-names", turtle_no_escaped_names},
        {"nquads", nquads_named_graphs},           {"mapping", mapping_contract},
        {"jsonld", jsonld_valid},                  {"dot", dot_parses_back},
        {"csv", csv_rows},                         {"deterministic", byte_identical},
        {"sink-failure", sink_failure},            {"format-names", format_names},
        {"real-context", real_ontology_context},
        {"turtle-raptor", turtle_same_as_raptor},  {"ntriples-raptor", ntriples_same_as_raptor},
        {"nquads-raptor", nquads_same_as_raptor},  {"handwritten-shape", handwritten_shape},
        {"dot-big", dot_big_graph},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        TCase *tc = tcase_create(cases[i].name);
        tcase_add_checked_fixture(tc, onto_setup, onto_teardown);
        tcase_add_test(tc, cases[i].test);
        tcase_set_timeout(tc, 60);
        suite_add_tcase(s, tc);
    }
    return s;
}

/* ---- benchmark (EKG_WRITE_BENCH) ---- */

/*
 * EKG_WRITE_BENCH=SIZES (comma-separated triple counts; "1" means
 * 100000,1000000,5000000) runs no test: for each size it builds a synthetic
 * graph of about that many triples (entities, events with one mention each,
 * documents; real ontology) and runs every writer in a child process,
 * printing CPU time (user + system of the child), triples/s, CPU seconds per
 * million triples and the child's peak RSS above the graph's. The raptor2
 * writers are included with EKG_WRITE_BENCH_RAPTOR=1 (slow: minutes at 5 M).
 */
#include <sys/resource.h>
#include <sys/wait.h>

struct bench_result {
    double cpu, user;
    long maxrss_kb;   /* peak RSS above the RSS at the start */
    size_t bytes;
};

static ekg_graph *bench_graph(ekg_ontology *o, size_t nevents)
{
    ekg_graph *g = ekg_graph_new(o);
    static const char *const classes[] = {"Person", "Organization", "Country", "City", "Proposal"};
    size_t ne = nevents / 4 + 10, nd = nevents / 3 + 1;
    ekg_entity **ents = ekg_xmalloc(ne * sizeof *ents);
    ekg_doc **docs = ekg_xmalloc(nd * sizeof *docs);
    char id[64], label[160], text[400];
    for (size_t i = 0; i < ne; i++) {
        const char *cls = classes[i % 5];
        snprintf(id, sizeof id, "%c%s-%zu", cls[0] + 32, cls + 1, i);
        snprintf(label, sizeof label, "%s %zu Zo\xC3\xAB", cls, i);
        ents[i] = ekg_graph_entity_get(g, id, label, cls);
        if (i % 3 == 0) {
            snprintf(label, sizeof label, "the \"%s\" %zu", cls, i);
            ekg_graph_entity_add_alt(g, ents[i], label);
        }
        if (i % 5 == 2) {
            snprintf(id, sizeof id, "Q%zu", 1000 + i);
            ekg_graph_entity_set_qid(g, ents[i], id);
        }
        if (i % 35 == 0 && i > 0)
            ekg_graph_entity_add_affil(g, ents[i], ents[i - 4], i % 2 ? "President" : NULL);
    }
    for (size_t i = 0; i < nd; i++) {
        snprintf(id, sizeof id, "doc-%07zu.txt", i);
        docs[i] = ekg_graph_doc_add(g, id);
        snprintf(text, sizeof text, "Headline %zu: \"talks\" \xE2\x80\x93 leaders meet", i);
        ekg_graph_doc_set(g, &docs[i]->headline, text);
        snprintf(text, sizeof text, "2023-%02zu-%02zu", 1 + i % 12, 1 + i % 28);
        ekg_graph_doc_set(g, &docs[i]->date, text);
        ekg_graph_doc_set(g, &docs[i]->publisher, i % 2 ? "Le Monde" : "Reuters");
    }
    size_t nrel = 0;
    const ekg_relation *rels[64];
    for (size_t i = 0; i < ekg_ontology_n_relations(o) && nrel < 64; i++) {
        const ekg_relation *r = ekg_ontology_relation_at(o, i);
        if (r && r->name)
            rels[nrel++] = r;
    }
    if (!nrel) {
        fprintf(stderr, "bench: the ontology has no relations\n");
        exit(EXIT_FAILURE);
    }
    for (size_t i = 0; i < nevents; i++) {
        const ekg_entity *a = ents[(i * 7) % ne];
        const ekg_entity *t = ents[(i * 13 + 1 + i / ne) % ne];
        if (a == t)
            t = ents[((i * 13 + 2 + i / ne) % ne)];
        ekg_mention m;
        memset(&m, 0, sizeof m);
        m.doc = docs[i % nd];
        m.start = (uint32_t)(10 + (i / nd) * 200);
        m.end = m.start + 11;
        snprintf(text, sizeof text,
                 "Sentence %zu: %s has opposed the plan of %s, officials said on Monday "
                 "in Z\xC3\xBCrich, calling it \"premature\".", i, a->label, t->label);
        m.sentence = text;
        m.trigger = "has opposed";
        m.rule = "bench";
        m.date = i % 4 ? "2023-07-09" : NULL;
        m.modality = EKG_ASSERTED;
        ekg_graph_event_add(g, rels[i % nrel], a, t, i % 10 ? EKG_POSITIVE : EKG_NEGATIVE, &m,
                            0.5 + (double)(i % 50) / 100.0, i % 3 != 0);
    }
    free(ents);
    free(docs);
    ekg_graph_finish(g);
    return g;
}

typedef struct bench_count {
    size_t triples, nodes;
    long last;
} bench_count;

static int bench_quad(void *data, const ekg_quad *q)
{
    bench_count *c = data;
    c->triples++;
    if (q->s->node != c->last)
        c->nodes++;
    c->last = q->s->node;
    return 0;
}

static int count_sink(void *data, const char *bytes, size_t len)
{
    *(size_t *)data += len;
    return 0;
}

/* A field of /proc/self/status in kB ("VmRSS:", "VmHWM:"), 0 if unknown. */
static long status_kb(const char *field)
{
    char line[256];
    long v = 0;
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return 0;
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, field, strlen(field)))
            v = strtol(line + strlen(field), NULL, 10);
    fclose(f);
    return v;
}

static long rss_kb(void)
{
    return status_kb("VmRSS:");
}

/* Resets the peak RSS (VmHWM) to the current RSS (Linux >= 4.0). */
static void reset_peak(void)
{
    FILE *f = fopen("/proc/self/clear_refs", "w");
    if (f) {
        fputs("5", f);
        fclose(f);
    }
}

/* Runs writer `fmt` (-1: the emitter alone) in a child; prints one line. */
static void bench_one(const ekg_graph *g, const char *name, int fmt, const bench_count *c)
{
    const char *only = getenv("EKG_WRITE_BENCH_ONLY");
    if (only && strcmp(only, name))
        return;
    fflush(stdout);
    int fds[2];
    if (pipe(fds) != 0)
        return;
    pid_t pid = fork();
    if (pid == 0) {
        size_t bytes = 0;
        reset_peak();
        long start = rss_kb();
        if (fmt < 0) {
            bench_count k = {0, 0, -1};
            ekg_rdf_emit(g, bench_quad, &k);
        } else if (ekg_write(g, (ekg_format)fmt, count_sink, &bytes, NULL) != 0) {
            _exit(1);
        }
        close(fds[0]);
        struct rusage self;
        getrusage(RUSAGE_SELF, &self);
        struct bench_result r = {
            (double)self.ru_utime.tv_sec + (double)self.ru_utime.tv_usec / 1e6 +
                (double)self.ru_stime.tv_sec + (double)self.ru_stime.tv_usec / 1e6,
            (double)self.ru_utime.tv_sec + (double)self.ru_utime.tv_usec / 1e6,
            status_kb("VmHWM:") - start, bytes};
        ssize_t wr = write(fds[1], &r, sizeof r);
        _exit(wr == (ssize_t)sizeof r ? 0 : 1);
    }
    close(fds[1]);
    struct bench_result r;
    memset(&r, 0, sizeof r);
    ssize_t rd = read(fds[0], &r, sizeof r);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (rd != (ssize_t)sizeof r)
        status = 1;
    double cpu = r.cpu, user = r.user;
    size_t bytes = r.bytes;
    int jsonld = fmt == EKG_FORMAT_JSONLD;
    double per_s = (jsonld ? (double)c->nodes : (double)c->triples) / (cpu > 0 ? cpu : 1e-9);
    printf("%-11s %9zu triples %8zu nodes  cpu %7.3f s (user %7.3f)  %7.3f M %s/s  "
           "%6.3f s per M triples  peak RSS +%6.1f MB  %7.1f MB out%s\n",
           name, c->triples, c->nodes, cpu, user, per_s / 1e6, jsonld ? "nodes" : "triples",
           cpu / ((double)c->triples / 1e6), (double)r.maxrss_kb / 1024.0,
           (double)bytes / 1048576.0, WIFEXITED(status) && !WEXITSTATUS(status) ? "" : "  FAILED");
}

static int run_bench(const char *spec)
{
    ekg_error err;
    memset(&err, 0, sizeof err);
    ekg_ontology *o = ekg_ontology_load(EKG_TEST_ONTOLOGY, &err);
    if (!o) {
        fprintf(stderr, "bench: ontology: %s\n", err.text);
        return EXIT_FAILURE;
    }
    if (!strcmp(spec, "1"))
        spec = "100000,1000000,5000000";
    int raptor = getenv("EKG_WRITE_BENCH_RAPTOR") && !strcmp(getenv("EKG_WRITE_BENCH_RAPTOR"), "1");
    /* triples per event, from a pilot graph */
    ekg_graph *pilot = bench_graph(o, 4000);
    bench_count pc = {0, 0, -1};
    ekg_rdf_emit(pilot, bench_quad, &pc);
    ekg_graph_free(pilot);
    double per_event = (double)pc.triples / 4000.0;
    for (const char *p = spec; *p;) {
        char *end;
        unsigned long long want = strtoull(p, &end, 10);
        if (end == p)
            break;
        p = *end == ',' ? end + 1 : end;
        size_t nevents = (size_t)((double)want / per_event);
        struct rusage r0, r1;
        getrusage(RUSAGE_SELF, &r0);
        ekg_graph *g = bench_graph(o, nevents ? nevents : 1);
        getrusage(RUSAGE_SELF, &r1);
        bench_count c = {0, 0, -1};
        ekg_rdf_emit(g, bench_quad, &c);
        printf("# %llu: %zu events, %zu triples, %zu nodes; graph built in %.2f s user, RSS %.1f MB\n",
               want, nevents, c.triples, c.nodes,
               (double)(r1.ru_utime.tv_sec - r0.ru_utime.tv_sec) +
                   (double)(r1.ru_utime.tv_usec - r0.ru_utime.tv_usec) / 1e6,
               (double)rss_kb() / 1024.0);
        bench_one(g, "emit-only", -1, &c);
        bench_one(g, "nt", EKG_FORMAT_NTRIPLES, &c);
        bench_one(g, "nq", EKG_FORMAT_NQUADS, &c);
        bench_one(g, "ttl", EKG_FORMAT_TURTLE, &c);
        bench_one(g, "jsonld", EKG_FORMAT_JSONLD, &c);
        if (raptor) {
            bench_one(g, "nt-raptor", EKG_FORMAT_NTRIPLES_RAPTOR, &c);
            bench_one(g, "nq-raptor", EKG_FORMAT_NQUADS_RAPTOR, &c);
            bench_one(g, "ttl-raptor", EKG_FORMAT_TURTLE_RAPTOR, &c);
        }
        bench_one(g, "dot", EKG_FORMAT_DOT, &c);
        ekg_graph_free(g);
    }
    ekg_ontology_free(o);
    return EXIT_SUCCESS;
}

int main(void)
{
    if (getenv("EKG_WRITE_BENCH"))
        return run_bench(getenv("EKG_WRITE_BENCH"));
    SRunner *sr = srunner_create(write_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
