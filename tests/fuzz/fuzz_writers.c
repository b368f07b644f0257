/*
 * fuzz_writers.c - a graph built from fuzzed names and literals through the
 * internal builder API (graph.h), then every writer and every output check
 * (fuzz_common.h). The input is a little program: each operation is one byte
 * followed by its operands. Builders are called within their documented
 * contracts (ids [a-z][a-z0-9-]* not ending in '-', classes and relations from
 * the ontology, dates shaped YYYY-MM-DD, qids Q + digits); every string that
 * reaches a literal or an IRI (labels, alternative names, roles, document ids,
 * headlines, URLs, sentences, triggers, quotes) is arbitrary bytes except NUL.
 */
#include "fuzz_common.h"
#include "graph.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_init();
    return 0;
}

typedef struct in {
    const uint8_t *p, *e;
} in;

static unsigned byte(in *s)
{
    return s->p < s->e ? *s->p++ : 0;
}

/* A string of up to 255 bytes (length byte first); NUL bytes end it. */
static const char *str(in *s, char *buf)
{
    size_t n = byte(s);
    size_t k = 0;
    while (k < n && s->p < s->e) {
        char c = (char)*s->p++;
        if (c == '\0')
            break;
        buf[k++] = c;
    }
    buf[k] = '\0';
    return buf;
}

/* An entity id within the contract: [a-z][a-z0-9-]*, no trailing '-', no "--". */
static const char *ident(in *s, char *buf)
{
    static const char alpha[] = "abcdefghijklmnopqrstuvwxyz0123456789-";
    size_t n = 1 + byte(s) % 24, k = 0;
    buf[k++] = alpha[byte(s) % 26];
    for (size_t i = 1; i < n; i++) {
        char c = alpha[byte(s) % 37];
        if (c == '-' && buf[k - 1] == '-')
            continue;
        buf[k++] = c;
    }
    while (k > 1 && buf[k - 1] == '-')
        k--;
    buf[k] = '\0';
    return buf;
}

static const char *date(in *s, char *buf)
{
    unsigned y = 1900 + byte(s) % 200, m = byte(s) % 14, d = byte(s) % 33;
    snprintf(buf, 16, "%04u-%02u-%02u", y, m, d);
    return buf;
}

#define MAXE 32
#define MAXD 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    in s = {data, data + size};
    ekg_graph *g = ekg_graph_new(fz_onto);
    if (!g)
        abort();
    size_t nrel = ekg_ontology_n_relations(fz_onto), ncls = ekg_ontology_n_classes(fz_onto);
    ekg_entity *ents[MAXE];
    ekg_doc *docs[MAXD];
    ekg_event *last = NULL;
    size_t ne = 0, nd = 0;
    /* EKG_FUZZ_IGNORE_KNOWN: steer clear of the known merge use-after-free
       (README.md): no thing that is an affiliation's org gets a head, and
       no thing with a head becomes one */
    int avoid_known = getenv("EKG_FUZZ_IGNORE_KNOWN") != NULL;
    char is_org[MAXE] = {0}, has_head[MAXE] = {0};
    char a[256], b[256], c[256], d[256], e[16];
    static const char *const fixed_cls[] = {"Person", "Organization", "Country", "City", "Thing"};

    while (s.p < s.e) {
        unsigned op = byte(&s) % 10;
        switch (op) {
        case 0:
        case 1: {   /* entity */
            const char *id = ident(&s, a);
            const char *label = byte(&s) & 1 ? str(&s, b) : NULL;
            unsigned k = byte(&s);
            const char *cls = (ncls && k % 2) ? ekg_ontology_class(fz_onto, (k / 2) % ncls)->name
                                              : fixed_cls[k % 5];
            ekg_entity *x = ekg_graph_entity_get(g, id, label, cls);
            if (ne < MAXE)
                ents[ne++] = x;
            break;
        }
        case 2:     /* alternative name */
            if (ne)
                ekg_graph_entity_add_alt(g, ents[byte(&s) % ne], str(&s, a));
            break;
        case 3:     /* Wikidata id */
            if (ne) {
                ekg_entity *x = ents[byte(&s) % ne];
                if (byte(&s) & 1) {
                    snprintf(a, sizeof a, "Q%u", byte(&s) * 251 + byte(&s));
                    ekg_graph_entity_set_qid(g, x, a);
                } else {
                    ekg_graph_entity_set_qid(g, x, NULL);
                }
            }
            break;
        case 4:     /* affiliation */
            if (ne) {
                ekg_entity *p = ents[byte(&s) % ne];
                size_t k = byte(&s) % ne;
                ekg_entity *o = ents[k];
                const char *role = byte(&s) & 1 ? str(&s, a) : NULL;
                if (avoid_known && (has_head[k] || o->head))
                    break;
                for (size_t j = 0; j < ne; j++)
                    is_org[j] |= ents[j] == o;
                ekg_graph_entity_add_affil(g, p, o, role);
            }
            break;
        case 5: {   /* document */
            ekg_doc *x = ekg_graph_doc_add(g, str(&s, a));
            if (x && nd < MAXD)
                docs[nd++] = x;
            break;
        }
        case 6:     /* document field */
            if (nd) {
                ekg_doc *x = docs[byte(&s) % nd];
                unsigned f = byte(&s) % 7;
                const char **field = f == 0 ? &x->headline : f == 1 ? &x->publisher
                                   : f == 2 ? &x->author : f == 3 ? &x->dateline
                                   : f == 4 ? &x->url : &x->date;
                ekg_graph_doc_set(g, field, f >= 5 ? (f == 5 ? date(&s, e) : NULL) : str(&s, a));
            }
            break;
        case 7:
        case 8:     /* event mention */
            if (ne && nd && nrel) {
                const ekg_relation *rel = ekg_ontology_relation_at(fz_onto, byte(&s) % nrel);
                ekg_entity *actor = ents[byte(&s) % ne];
                ekg_entity *target = rel->statement ? NULL : ents[byte(&s) % ne];
                ekg_mention m;
                memset(&m, 0, sizeof m);
                m.doc = docs[byte(&s) % nd];
                m.start = byte(&s) * 257u + byte(&s);
                m.end = m.start + 1 + byte(&s) % 40;
                m.sentence = str(&s, b);
                m.trigger = str(&s, c);
                m.rule = byte(&s) & 1 ? "fuzz" : "fuzz \"rule\"\t\\";
                m.date = byte(&s) & 1 ? date(&s, e) : NULL;
                m.modality = (ekg_modality)(byte(&s) % 4);
                ekg_polarity pol = byte(&s) & 1 ? EKG_NEGATIVE : EKG_POSITIVE;
                double conf = byte(&s) / 255.0;
                last = ekg_graph_event_add(g, rel, actor, target, pol, &m, conf, byte(&s) & 1);
            }
            break;
        default:    /* a quote on the last statement event, or a thing's head and anchors */
            if (last && byte(&s) & 1) {
                last->quote = ekg_graph_str(g, str(&s, d));
            } else if (ne) {
                size_t k = byte(&s) % ne;
                ekg_entity *x = ents[k];
                int skip = 0;
                for (size_t j = 0; j < ne; j++)
                    skip |= avoid_known && is_org[j] && ents[j] == x;
                if (skip)
                    break;
                for (size_t j = 0; j < ne; j++)
                    has_head[j] |= ents[j] == x;
                x->head = ekg_graph_str(g, ident(&s, a));
                /* anchors: sorted ids of entities, space-separated */
                const char *p1 = ents[byte(&s) % ne]->id, *p2 = ents[byte(&s) % ne]->id;
                if (strcmp(p1, p2) > 0) {
                    const char *t = p1;
                    p1 = p2;
                    p2 = t;
                }
                if (strcmp(p1, p2) == 0)
                    snprintf(b, sizeof b, "%s", p1);
                else
                    snprintf(b, sizeof b, "%s %s", p1, p2);
                x->anchors = ekg_graph_str(g, b);
            }
            break;
        }
    }
    fz_check_all_writers(g);
    ekg_graph_free(g);
    return 0;
}
