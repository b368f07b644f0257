/*
 * coref.c - coreference: pronouns, anaphors ("the idea", "the plan") and
 * descriptors ("the alliance", "the French leader") to the last compatible
 * antecedent in the document.
 */
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
 * "the idea", "the proposal": the most salient live thing of the last few
 * sentences (most mentions so far, then the most recent). A noun that heads a
 * class ("the summit") only refers to things of that class.
 */
static int salient_thing(const ekg_docx *d, size_t m)
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
    int best = -1, best_count = 0;
    size_t sent = d->ms[m].sent;
    for (size_t i = m; i-- > 0;) {
        int e = ekg_dent_find(d->ents, d->ms[i].ent);
        if (!is_live_thing(d, e) || (cls && strcmp(d->ents[e].cls, cls) != 0))
            continue;
        if (sent - d->ms[i].sent > 8)
            break;
        int count = 0;
        for (size_t k = 0; k < m; k++)
            if (ekg_dent_find(d->ents, d->ms[k].ent) == e && d->ms[k].kind == EKG_M_THING)
                count++;
        if (count > best_count) {
            best = e;
            best_count = count;
        }
    }
    return best;
}

void ekg_resolve(ekg_docx *d)
{
    for (size_t m = 0; m < d->nms; m++) {
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
            x->ent = salient_thing(d, m);
        } else if (x->kind == EKG_M_DESCRIPTOR) {
            if (x->generic_after > 0) {   /* "the French leader": a person of that country */
                int country = x->generic_after - 1;
                x->ent = -1;
                for (size_t i = m; i-- > 0;) {
                    int e = ekg_dent_find(d->ents, d->ms[i].ent);
                    if (!is_person(d, e))
                        continue;
                    for (size_t a = 0; a < d->ents[e].naffil; a++)
                        if (d->ents[e].affil[a] == country) {
                            x->ent = e;
                            break;
                        }
                    if (x->ent >= 0)
                        break;
                }
                if (x->ent < 0)
                    x->ent = country;   /* no such person named: the country acts */
                x->generic_after = 0;
                continue;
            }
            /* "the alliance": the last mentioned entity having that descriptor */
            const char *noun = d->seg.toks[x->t1 - 1].low;
            size_t n;
            const ekg_name *const *c = ekg_ontology_names(d->onto, noun, strlen(noun), &n);
            x->ent = -1;
            for (size_t i = m; i-- > 0 && x->ent < 0;) {
                int e = ekg_dent_find(d->ents, d->ms[i].ent);
                if (e < 0 || !d->ents[e].known)
                    continue;
                for (size_t j = 0; j < n; j++)
                    if (c[j]->kind == EKG_NAME_DESCRIPTOR && c[j]->known == d->ents[e].known) {
                        x->ent = e;
                        break;
                    }
            }
            if (x->ent >= 0) {
                size_t len = d->seg.toks[x->t1 - 1].end - d->seg.toks[x->t0].start;
                ekg_dent_surface(d, x->ent, d->text->fold + d->seg.toks[x->t0].start, len);
            }
        }
    }
}
