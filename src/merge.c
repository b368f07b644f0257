/*
 * merge.c - what can only be decided once every document is in:
 *  - a thing named with fewer anchors ("the Tokyo office": Japan) is the same
 *    as the one thing of its class and head whose anchors include them all
 *    ("the NATO office in Japan": NATO, Japan), when that thing is unique;
 *  - the label of an entity not in the gazetteer is chosen from all its
 *    surface forms by a fixed rule (the longest, then the first in byte
 *    order), so that it does not depend on the order of the documents.
 * Events whose actor or target was merged are merged in turn.
 *
 * A partial graph (ekg_graph_set_partial) gets the labels but not the merging of
 * things, which needs every document: what decides it (class, head word, anchors,
 * every surface form) is written out, so that ekg merge can do it over all shards.
 */
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"

/* Is every word of a (space-separated) in b? */
static int subset(const char *a, const char *b)
{
    if (!*a)
        return 1;
    size_t nb = strlen(b);
    for (const char *p = a; *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        int found = 0;
        for (const char *q = b; q < b + nb;) {
            const char *f = strchr(q, ' ');
            size_t m = f ? (size_t)(f - q) : strlen(q);
            if (m == n && memcmp(p, q, n) == 0) {
                found = 1;
                break;
            }
            q += m + (f ? 1 : 0);
        }
        if (!found)
            return 0;
        p += n + (e ? 1 : 0);
    }
    return 1;
}

static void rebuild_events(ekg_graph *g, ekg_map *redirect)
{
    ekg_map *old = g->events;
    g->events = ekg_map_new();
    ekg_map_free(g->mention_keys);   /* the events are made anew */
    g->mention_keys = ekg_map_new();
    /* visit in a stable order so that merged mention lists do not depend on hashing */
    size_t n = 0;
    ekg_event **v = ekg_xmalloc((ekg_map_size(old) + 1) * sizeof *v);
    for (size_t i = 0; i < ekg_map_capacity(old); i++) {
        void *e;
        if (ekg_map_slot(old, i, NULL, &e))
            v[n++] = e;
    }
    for (size_t i = 0; i < n; i++) {
        ekg_event *ev = v[i];
        const ekg_entity *a = ekg_map_get(redirect, ev->actor->id, strlen(ev->actor->id));
        const ekg_entity *t = ev->target ? ekg_map_get(redirect, ev->target->id,
                                                       strlen(ev->target->id))
                                         : NULL;
        a = a ? a : ev->actor;
        t = t ? t : ev->target;
        if (a == t) {
            free(ev->mentions);
            free(ev);
            continue;
        }
        for (size_t k = 0; k < ev->nmentions; k++)
            ekg_graph_event_add(g, ev->rel, a, t, ev->polarity, &ev->mentions[k],
                                ev->confidence, ev->shortcut);
        free(ev->mentions);
        free(ev);
    }
    free(v);
    ekg_map_free(old);
}

/* How good a surface form is as a thing's label: no possessive, led by a name, not title case. */
static int label_rank(const char *s)
{
    int rank = 0, words = 0, caps = 0;
    if (!strstr(s, "'s"))
        rank += 4;
    if (*s >= 'A' && *s <= 'Z')
        rank += 2;
    for (const char *p = s; *p; p++)
        if (p == s || p[-1] == ' ') {
            words++;
            caps += *p >= 'A' && *p <= 'Z';
        }
    if (caps < words)
        rank += 1;
    return rank;
}

/* Is a a better label than b? A fixed order, so that it does not depend on input order. */
static int better_label(const char *a, const char *b, int thing)
{
    if (thing) {
        int ra = label_rank(a), rb = label_rank(b);
        if (ra != rb)
            return ra > rb;
    }
    size_t la = strlen(a), lb = strlen(b);
    return la > lb || (la == lb && strcmp(a, b) < 0);
}

/* The key of a thing's class and head word, and of one of its anchor words. */
static void thing_key(ekg_buf *key, const ekg_entity *e, const char *word, size_t n)
{
    ekg_buf_clear(key);
    ekg_buf_puts(key, e->cls);
    ekg_buf_putc(key, '\n');
    ekg_buf_puts(key, e->head);
    if (word) {
        ekg_buf_putc(key, '\n');
        ekg_buf_put(key, word, n);
    }
}

void ekg_graph_merge_things(ekg_graph *g, ekg_entity **v, size_t n)
{
    /* the things of each class and head word, and of each anchor word in them: a thing
       is compared only with those that can hold all its anchors (linear in the graph,
       not quadratic in its things) */
    ekg_map *groups = ekg_map_new(), *by_anchor = ekg_map_new();
    ekg_buf key;
    ekg_buf_init(&key);
    for (size_t i = 0; i < n; i++) {
        const ekg_entity *b = v[i];
        if (!b->head)
            continue;
        thing_key(&key, b, NULL, 0);
        ekg_idxlist_push(ekg_idxlist_at(&groups, key.data, key.len, 1), i);
        for (const char *p = b->anchors; *p;) {
            const char *e = strchr(p, ' ');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            thing_key(&key, b, p, len);
            ekg_idxlist_push(ekg_idxlist_at(&by_anchor, key.data, key.len, 1), i);
            p += len + (e ? 1 : 0);
        }
    }
    ekg_map *redirect = ekg_map_new();
    for (size_t i = 0; i < n; i++) {
        ekg_entity *a = v[i];
        if (!a->head)
            continue;
        /* the candidates, in id order: the things of a's group with a's rarest anchor
           word (a superset of a's anchors has them all), or the whole group */
        thing_key(&key, a, NULL, 0);
        const ekg_idxlist *cand = ekg_map_get(groups, key.data, key.len);
        for (const char *p = a->anchors; *p;) {
            const char *e = strchr(p, ' ');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            thing_key(&key, a, p, len);
            const ekg_idxlist *l = ekg_map_get(by_anchor, key.data, key.len);
            if (l && l->n < cand->n)
                cand = l;
            p += len + (e ? 1 : 0);
        }
        ekg_entity *into = NULL;
        int unique = 1;
        for (size_t j = 0; j < cand->n && unique; j++) {
            ekg_entity *b = v[cand->v[j]];
            if (b == a || strcmp(a->anchors, b->anchors) == 0 || !subset(a->anchors, b->anchors))
                continue;
            /* keep only maximal supersets; two that are not nested: none is chosen */
            if (into && subset(into->anchors, b->anchors)) {
                into = b;
            } else if (into && !subset(b->anchors, into->anchors)) {
                unique = 0;
            } else if (!into) {
                into = b;
            }
        }
        if (into && unique)
            ekg_map_put(redirect, a->id, strlen(a->id), into);
    }
    ekg_buf_free(&key);
    ekg_idxlist_map_free(groups);
    ekg_idxlist_map_free(by_anchor);
    if (ekg_map_size(redirect)) {
        for (size_t i = 0; i < n; i++) {
            ekg_entity *a = v[i];
            ekg_entity *b = ekg_map_get(redirect, a->id, strlen(a->id));
            if (!b)
                continue;
            ekg_graph_entity_add_alt(g, b, a->label);
            for (size_t k = 0; k < a->nalt; k++)
                ekg_graph_entity_add_alt(g, b, a->alt[k]);
            b->nmentions += a->nmentions;
        }
        rebuild_events(g, redirect);
        /* affiliations with a merged thing point at the thing it was merged into */
        for (size_t i = 0; i < n; i++) {
            ekg_entity *p = v[i];
            if (ekg_map_get(redirect, p->id, strlen(p->id)))
                continue;
            size_t na = p->naffil;
            ekg_affil *old = p->affil;
            p->affil = NULL;
            p->naffil = 0;
            for (size_t k = 0; k < na; k++) {
                const ekg_entity *to = ekg_map_get(redirect, old[k].org->id,
                                                   strlen(old[k].org->id));
                ekg_graph_entity_add_affil(g, p, to ? to : old[k].org, old[k].role);
            }
            free(old);
        }
        /* and a merged thing's own affiliations move with it */
        for (size_t i = 0; i < n; i++) {
            ekg_entity *a = v[i];
            ekg_entity *b = ekg_map_get(redirect, a->id, strlen(a->id));
            for (size_t k = 0; b && k < a->naffil; k++) {
                const ekg_entity *to = ekg_map_get(redirect, a->affil[k].org->id,
                                                   strlen(a->affil[k].org->id));
                ekg_graph_entity_add_affil(g, b, to ? to : a->affil[k].org, a->affil[k].role);
            }
        }
        for (size_t i = 0; i < n; i++) {
            ekg_entity *a = v[i];
            if (ekg_map_get(redirect, a->id, strlen(a->id))) {
                ekg_map_put(g->entities, a->id, strlen(a->id), NULL);
                free(a->alt);
                free(a->affil);   /* the entity itself is in the graph's pool */
                v[i] = NULL;
            }
        }
        /* drop the emptied slots by rebuilding the map */
        ekg_map *m = ekg_map_new();
        for (size_t i = 0; i < n; i++)
            if (v[i])
                ekg_map_put(m, v[i]->id, strlen(v[i]->id), v[i]);
        ekg_map_free(g->entities);
        g->entities = m;
    }
    ekg_map_free(redirect);
}

void ekg_graph_choose_labels(ekg_graph *g, ekg_entity **v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ekg_entity *e = v[i];
        if (!e || ekg_ontology_known(g->onto, e->id))
            continue;
        const char *best = e->label;
        for (size_t k = 0; k < e->nalt; k++)
            if (better_label(e->alt[k], best, e->head != NULL))
                best = e->alt[k];
        if (best != e->label) {
            const char *old = e->label;
            /* remove best from alt, add the old label */
            size_t k = 0;
            for (size_t j = 0; j < e->nalt; j++)
                if (e->alt[j] != best)
                    e->alt[k++] = e->alt[j];
            e->nalt = k;
            e->label = best;
            ekg_graph_entity_add_alt(g, e, old);
        }
    }
}
