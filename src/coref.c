/*
 * coref.c - coreference: pronouns, anaphors ("the idea", "the plan") and
 * descriptors ("the alliance", "the French leader") to the last compatible
 * antecedent in the document.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"

static int is_person(const ekg_docx *d, int e)
{
    return e >= 0 && strcmp(d->ents[e].cls, "Person") == 0;
}

static int is_actorish(const ekg_docx *d, int e)
{
    return e >= 0 && !d->ents[e].thing && !is_person(d, e);
}

/* Is mention i the subject-like first name of its sentence (not after a preposition)? */
static int subject_like(const ekg_docx *d, size_t i)
{
    const ekg_dmention *x = &d->ms[i];
    size_t t0 = d->seg.sents[x->sent].t0;
    if (x->np0 > t0 && (ekg_tok_class(d, x->np0 - 1) & EKG_W_PREP))
        return 0;
    for (size_t k = i; k-- > 0 && d->ms[k].sent == x->sent;)
        if (d->ms[k].kind == EKG_M_NAME && d->ms[k].t1 <= x->np0)
            return 0;
    return 1;
}

/*
 * The antecedent of mention m: the last compatible mention, except that the
 * subject of the previous sentence wins over its other mentions ("Germany
 * praised Japan. It also ..." -> Germany).
 */
static int last_before(const ekg_docx *d, size_t m, int (*ok)(const ekg_docx *, int),
                       size_t max_sentences)
{
    size_t sent = d->ms[m].sent;
    int recent = -1;
    size_t recent_sent = 0;
    for (size_t i = m; i-- > 0;) {
        const ekg_dmention *x = &d->ms[i];
        if (sent - x->sent > max_sentences)
            break;
        int e = ekg_dent_find(d->ents, x->ent);
        if (e < 0 || !ok(d, e))
            continue;
        if (recent < 0) {
            recent = e;
            recent_sent = x->sent;
        }
        if (x->sent != recent_sent)
            break;
        if (subject_like(d, i))
            return e;
    }
    return recent;
}

static int is_live_thing(const ekg_docx *d, int e)
{
    return e >= 0 && d->ents[e].thing && d->ents[e].alive;
}

/*
 * What the mentions before the one being resolved say, kept up to date mention by
 * mention, so that resolving costs the same however long the document is (a search
 * back through every earlier mention made long documents quadratic).
 */
typedef struct seen {
    size_t *things;      /* dent -> its thing mentions so far */
    int *affiliated;     /* country or organisation dent -> the person of the latest
                            mention affiliated with it, or -1 */
    size_t *last;        /* dent -> 1 + the index of its latest mention, or 0 */
} seen;

/* Mention m is resolved: what it adds to what is seen. */
static void see(const ekg_docx *d, size_t m, seen *sn)
{
    const ekg_dmention *x = &d->ms[m];
    int e = ekg_dent_find(d->ents, x->ent);
    if (e < 0)
        return;
    sn->last[e] = m + 1;
    if (x->kind == EKG_M_THING)
        sn->things[e]++;
    if (is_person(d, e))
        for (size_t a = 0; a < d->ents[e].naffil; a++)
            sn->affiliated[d->ents[e].affil[a]] = e;
}

/*
 * "the idea", "the proposal": the most salient live thing of the last few
 * sentences (most mentions so far, then the most recent). A noun that heads a
 * class ("the summit") only refers to things of that class.
 */
static int salient_thing(const ekg_docx *d, size_t m, const seen *sn)
{
    const char *noun = d->seg.toks[d->ms[m].t1 - 1].low;
    const char *cls = NULL;
    size_t n = ekg_ontology_n_classes(d->onto);
    for (size_t i = 0; i < n && !cls; i++) {
        const ekg_class *c = ekg_ontology_class(d->onto, i);
        for (size_t j = 0; j < c->nheads; j++)
            if (strcmp(c->heads[j], noun) == 0)
                cls = c->name;
    }
    int best = -1;
    size_t best_count = 0;
    size_t sent = d->ms[m].sent;
    /* the mentions of the last eight sentences (sentences only go back) */
    for (size_t i = m; i-- > 0 && sent - d->ms[i].sent <= 8;) {
        int e = ekg_dent_find(d->ents, d->ms[i].ent);
        if (!is_live_thing(d, e) || (cls && strcmp(d->ents[e].cls, cls) != 0))
            continue;
        if (sn->things[e] > best_count) {
            best = e;
            best_count = sn->things[e];
        }
    }
    return best;
}

/* Resolves mention m, given what the mentions before it say. */
static void resolve_one(ekg_docx *d, size_t m, const seen *sn)
{
    ekg_dmention *x = &d->ms[m];
    const char *w = d->seg.toks[x->t0].low;
    if (x->kind == EKG_M_PRONOUN) {
        if (!strcmp(w, "he") || !strcmp(w, "she") || !strcmp(w, "him") || !strcmp(w, "his") ||
            !strcmp(w, "her"))
            x->ent = last_before(d, m, is_person, 2);
        else if (!strcmp(w, "it") || !strcmp(w, "its"))
            x->ent = last_before(d, m, is_actorish, 1);
        else
            x->ent = -1;   /* they/their: too often vague */
    } else if (x->kind == EKG_M_ANAPHOR) {
        x->ent = salient_thing(d, m, sn);
    } else if (x->kind == EKG_M_DESCRIPTOR) {
        if (x->generic_after > 0) {   /* "the French leader": a person of that country */
            int country = x->generic_after - 1;
            /* the person of the latest mention affiliated with it; if none was named,
               the country acts */
            x->ent = sn->affiliated[country] >= 0 ? sn->affiliated[country] : country;
            x->generic_after = 0;
            return;
        }
        /* "the alliance", "the world body": the last mentioned entity having the
           descriptor that ends the mention (its names are found by its first word, dw) */
        size_t n = 0, dw = x->t1;
        const ekg_name *const *c = NULL;
        while (dw > x->t0 + 1 && !n) {
            dw--;
            c = ekg_ontology_names(d->onto, d->seg.toks[dw].low, strlen(d->seg.toks[dw].low), &n);
            int ends = 0;
            for (size_t j = 0; j < n && !ends; j++)
                ends = c[j]->kind == EKG_NAME_DESCRIPTOR &&
                       ekg_match_lower(d, c[j]->text, dw, x->t1) == x->t1;
            if (!ends)
                n = 0;
        }
        size_t latest = 0;
        x->ent = -1;
        for (size_t j = 0; j < n; j++) {
            if (c[j]->kind != EKG_NAME_DESCRIPTOR ||
                ekg_match_lower(d, c[j]->text, dw, x->t1) != x->t1)
                continue;
            const ekg_idxlist *l = ekg_dents_of_known(d, c[j]->known);
            for (size_t k = 0; l && k < l->n; k++) {
                int e = ekg_dent_find(d->ents, (int)l->v[k]);
                if (e >= 0 && d->ents[e].known == c[j]->known && sn->last[e] > latest) {
                    latest = sn->last[e];
                    x->ent = e;
                }
            }
        }
        if (x->ent >= 0) {
            size_t len = d->seg.toks[x->t1 - 1].end - d->seg.toks[x->t0].start;
            ekg_dent_surface(d, x->ent, d->text->fold + d->seg.toks[x->t0].start, len);
        }
    }
}

void ekg_resolve(ekg_docx *d)
{
    seen sn;
    sn.things = ekg_xcalloc(d->nents + 1, sizeof *sn.things);
    sn.last = ekg_xcalloc(d->nents + 1, sizeof *sn.last);
    sn.affiliated = ekg_xmalloc((d->nents + 1) * sizeof *sn.affiliated);
    for (size_t i = 0; i < d->nents; i++)
        sn.affiliated[i] = -1;
    for (size_t m = 0; m < d->nms; m++) {
        resolve_one(d, m, &sn);
        see(d, m, &sn);
    }
    free(sn.things);
    free(sn.last);
    free(sn.affiliated);
}
