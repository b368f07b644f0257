/*
 * graph.c - the store: entities, documents, events and their mentions; merge
 * by identity; stable order and deterministic ids.
 */
#include "graph.h"
#include "graph_internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

const char *ekg_polarity_name(ekg_polarity p)
{
    return p == EKG_NEGATIVE ? "Negative" : "Positive";
}

const char *ekg_modality_name(ekg_modality m)
{
    static const char *const names[] = {"Asserted", "Reported", "Planned", "Hedged"};
    return names[m];
}

ekg_graph *ekg_graph_new(const ekg_ontology *onto)
{
    if (!onto)
        return NULL;
    ekg_graph *g = ekg_xcalloc(1, sizeof *g);
    g->onto = onto;
    g->pool = ekg_pool_new();
    g->entities = ekg_map_new();
    g->docs = ekg_map_new();
    g->events = ekg_map_new();
    g->mention_keys = ekg_map_new();
    return g;
}

/* The entity itself is in the pool. */
static void free_entity(ekg_entity *e)
{
    free(e->alt);
    free(e->affil);
}

/*
 * The pooled IRI ns + escaped local; *local_out gets local as a pooled string, inside
 * the IRI when escaping left it as it was (it almost always does).
 */
static const char *make_iri(ekg_graph *g, const char *ns, const char *local,
                            const char **local_out)
{
    ekg_buf b;
    ekg_buf_init(&b);
    ekg_buf_puts(&b, ns);
    size_t nslen = b.len;
    ekg_escape_iri_part(&b, local);
    const char *iri = ekg_pool_intern(g->pool, b.data, b.len);
    *local_out = strcmp(iri + nslen, local) == 0 ? iri + nslen : ekg_pool_str(g->pool, local);
    ekg_buf_free(&b);
    return iri;
}

void ekg_graph_free(ekg_graph *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < ekg_map_capacity(g->entities); i++) {
        void *v;
        if (ekg_map_slot(g->entities, i, NULL, &v))
            free_entity(v);
    }
    for (size_t i = 0; i < ekg_map_capacity(g->events); i++) {
        void *v;
        if (ekg_map_slot(g->events, i, NULL, &v)) {
            ekg_event *ev = v;
            free(ev->mentions);
            free(ev);
        }
    }
    ekg_map_free(g->entities);
    ekg_map_free(g->docs);
    ekg_map_free(g->events);
    ekg_map_free(g->mention_keys);
    free(g->entity_order);
    free(g->doc_order);
    free(g->event_order);
    ekg_pool_free(g->pool);
    for (size_t i = 0; i < g->nadopted; i++)
        ekg_pool_free(g->adopted[i]);
    free(g->adopted);
    free(g);
}

void ekg_graph_set_partial(ekg_graph *g, int partial)
{
    g->partial = partial != 0;
    g->dirty = 1;
}

void ekg_graph_set_log(ekg_graph *g, ekg_log_fn fn, void *data)
{
    g->log.fn = fn;
    g->log.data = data;
}

const char *ekg_graph_str(ekg_graph *g, const char *s)
{
    return ekg_pool_str(g->pool, s);
}

const ekg_ontology *ekg_graph_ontology(const ekg_graph *g)
{
    return g->onto;
}

/* ---- entities ---- */

ekg_entity *ekg_graph_entity_get(ekg_graph *g, const char *id, const char *label,
                                 const char *cls)
{
    ekg_entity *e = ekg_map_get(g->entities, id, strlen(id));
    if (e) {
        if (label && strcmp(label, e->label) != 0)
            ekg_graph_entity_add_alt(g, e, label);
        e->nmentions++;
        return e;
    }
    e = ekg_pool_alloc(g->pool, sizeof *e);
    e->iri = make_iri(g, EKG_NS_ID, id, &e->id);
    e->label = ekg_pool_str(g->pool, label ? label : id);
    e->cls = ekg_pool_str(g->pool, cls ? cls : "Thing");
    e->nmentions = 1;
    ekg_map_put(g->entities, id, strlen(id), e);
    g->dirty = 1;
    return e;
}

void ekg_graph_entity_add_alt(ekg_graph *g, ekg_entity *e, const char *alt)
{
    if (!alt || !*alt || strcmp(alt, e->label) == 0)
        return;
    const char *s = ekg_pool_str(g->pool, alt);
    size_t lo = 0, hi = e->nalt;
    while (lo < hi) {   /* keep sorted, unique */
        size_t mid = (lo + hi) / 2;
        int c = strcmp(e->alt[mid], s);
        if (c == 0)
            return;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    e->alt = ekg_xrealloc(e->alt, (e->nalt + 1) * sizeof *e->alt);
    memmove(e->alt + lo + 1, e->alt + lo, (e->nalt - lo) * sizeof *e->alt);
    e->alt[lo] = s;
    e->nalt++;
}

void ekg_graph_entity_set_thing(ekg_graph *g, ekg_entity *e, const char *head,
                                const char *anchors)
{
    anchors = anchors ? anchors : "";
    if (e->head) {
        int c = strcmp(head, e->head);
        if (c > 0 || (c == 0 && strcmp(anchors, e->anchors) >= 0))
            return;
    }
    e->head = ekg_pool_str(g->pool, head);
    e->anchors = ekg_pool_str(g->pool, anchors);
}

void ekg_graph_entity_set_qid(ekg_graph *g, ekg_entity *e, const char *qid)
{
    e->qid = qid ? ekg_pool_str(g->pool, qid) : NULL;
}

void ekg_graph_entity_add_affil(ekg_graph *g, ekg_entity *person, const ekg_entity *org,
                                const char *role)
{
    if (person == org)
        return;
    const char *r = role ? ekg_pool_str(g->pool, role) : NULL;
    size_t i = 0;
    for (; i < person->naffil; i++) {
        int c = strcmp(person->affil[i].org->id, org->id);
        if (c == 0) {
            /* keep the alphabetically first role: independent of order */
            if (r && (!person->affil[i].role || strcmp(r, person->affil[i].role) < 0))
                person->affil[i].role = r;
            return;
        }
        if (c > 0)
            break;
    }
    person->affil = ekg_xrealloc(person->affil, (person->naffil + 1) * sizeof *person->affil);
    memmove(person->affil + i + 1, person->affil + i,
            (person->naffil - i) * sizeof *person->affil);
    person->affil[i].org = org;
    person->affil[i].role = r;
    person->naffil++;
}

/* ---- documents ---- */

/* Appends s percent-encoded (RFC 3986 unreserved characters kept). */
static void percent_encode(ekg_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~') {
            ekg_buf_putc(b, (char)c);
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            ekg_buf_put(b, e, 3);
        }
    }
}

ekg_doc *ekg_graph_doc_add(ekg_graph *g, const char *id)
{
    if (ekg_map_get(g->docs, id, strlen(id)))
        return NULL;
    ekg_doc *d = ekg_pool_alloc(g->pool, sizeof *d);
    d->id = ekg_pool_str(g->pool, id);
    ekg_buf slug;
    ekg_buf_init(&slug);
    percent_encode(&slug, id);
    d->iri = make_iri(g, EKG_NS_DOC, slug.data ? slug.data : "", &d->slug);
    ekg_buf_free(&slug);
    ekg_map_put(g->docs, id, strlen(id), d);
    g->dirty = 1;
    return d;
}

void ekg_graph_doc_set(ekg_graph *g, const char **field, const char *value)
{
    *field = (value && *value) ? ekg_pool_str(g->pool, value) : NULL;
}

/* ---- events ---- */

static int mention_cmp(const ekg_mention *a, const ekg_mention *b)
{
    int c = strcmp(a->doc->id, b->doc->id);
    if (c)
        return c;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return 0;
}

/* A short readable slug of a label: lower-case ASCII letters and digits, '-' between words. */
void ekg_slugify(ekg_buf *b, const char *s, size_t max)
{
    size_t start = b->len;
    int dash = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && b->len - start < max; p++) {
        unsigned char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && b->len > start)
                ekg_buf_putc(b, '-');
            dash = 0;
            ekg_buf_putc(b, (char)c);
        } else if (c < 0x80 && c != '\'') {
            dash = 1;
        } else if (c >= 0x80) {
            /* keep non-ASCII names apart: hex of the byte */
            static const char hex[] = "0123456789abcdef";
            if (dash && b->len > start)
                ekg_buf_putc(b, '-');
            dash = 0;
            ekg_buf_putc(b, hex[c >> 4]);
            ekg_buf_putc(b, hex[c & 15]);
        }
    }
    while (b->len > start && b->data[b->len - 1] == '-')
        b->data[--b->len] = '\0';
}

/* The key of an event in g->events: relation, actor, target, polarity. */
static void event_key(ekg_buf *key, const ekg_relation *rel, const ekg_entity *actor,
                      const ekg_entity *target, ekg_polarity polarity)
{
    ekg_buf_clear(key);
    ekg_buf_printf(key, "%s|%s|%s|%d", rel->name, actor->id, target ? target->id : "-",
                   (int)polarity);
}

/* The key of a mention in g->mention_keys: event, document, offsets. */
static size_t mention_key(char key[96], const ekg_event *ev, const ekg_mention *m)
{
    int n = snprintf(key, 96, "%p|%p|%u|%u", (const void *)ev, (const void *)m->doc,
                     (unsigned)m->start, (unsigned)m->end);
    return (size_t)n;
}

ekg_event *ekg_graph_event_add(ekg_graph *g, const ekg_relation *rel, const ekg_entity *actor,
                               const ekg_entity *target, ekg_polarity polarity,
                               const ekg_mention *m, double confidence, int shortcut)
{
    ekg_buf key;
    ekg_buf_init(&key);
    event_key(&key, rel, actor, target, polarity);
    ekg_event *ev = ekg_map_get(g->events, key.data, key.len);
    if (!ev) {
        ev = ekg_xcalloc(1, sizeof *ev);
        ev->rel = rel;
        ev->actor = actor;
        ev->target = target;
        ev->polarity = polarity;
        ev->modality = m->modality;
        ev->confidence = confidence;
        /* id: readable, plus a hash of the identity so that it is unique */
        ekg_buf id;
        ekg_buf_init(&id);
        ekg_buf_puts(&id, "event-");
        ekg_slugify(&id, actor->id, 40);
        ekg_buf_putc(&id, '-');
        ekg_slugify(&id, rel->name, 40);
        if (target) {
            ekg_buf_putc(&id, '-');
            ekg_slugify(&id, target->id, 40);
        }
        ekg_buf_printf(&id, "-%08llx", (unsigned long long)(ekg_hash(key.data, key.len) &
                                                            0xffffffffULL));
        ev->id = ekg_pool_str(g->pool, id.data);
        ekg_buf_free(&id);
        ekg_map_put(g->events, key.data, key.len, ev);
    }
    ekg_buf_free(&key);

    ekg_mention mm = *m;
    mm.sentence = ekg_pool_str(g->pool, m->sentence);
    mm.trigger = ekg_pool_str(g->pool, m->trigger);
    mm.rule = ekg_pool_str(g->pool, m->rule);
    mm.date = ekg_pool_str(g->pool, m->date);
    /* the same mention found twice (two rules, two merged events): kept once; a hash
       set keeps this linear however many mentions an event has */
    char mk[96];
    size_t mkl = mention_key(mk, ev, &mm);
    if (ekg_map_get(g->mention_keys, mk, mkl))
        return ev;
    ekg_map_put(g->mention_keys, mk, mkl, (void *)1);
    /* doubling: an event found 10^5 times must not be copied 10^5 times (realloc copies
       every time under ASan and valgrind, and may with any allocator) */
    if (ev->nmentions == ev->cmentions) {
        ev->cmentions = ev->cmentions ? 2 * ev->cmentions : 4;
        ev->mentions = ekg_xrealloc(ev->mentions, ev->cmentions * sizeof *ev->mentions);
    }
    ev->mentions[ev->nmentions++] = mm;
    if (confidence > ev->confidence)
        ev->confidence = confidence;
    if (m->modality < ev->modality)
        ev->modality = m->modality;
    if (shortcut)
        ev->shortcut = 1;
    g->dirty = 1;
    return ev;
}

/* ---- finishing: sorting ---- */

static int cmp_entity(const void *a, const void *b)
{
    return strcmp((*(ekg_entity *const *)a)->id, (*(ekg_entity *const *)b)->id);
}

static int cmp_doc(const void *a, const void *b)
{
    return strcmp((*(ekg_doc *const *)a)->id, (*(ekg_doc *const *)b)->id);
}

static int cmp_event(const void *a, const void *b)
{
    return strcmp((*(ekg_event *const *)a)->id, (*(ekg_event *const *)b)->id);
}

static int cmp_mention(const void *a, const void *b)
{
    return mention_cmp(a, b);
}

static void **collect(const ekg_map *m, size_t *n)
{
    void **arr = ekg_xmalloc((ekg_map_size(m) + 1) * sizeof *arr);
    size_t k = 0;
    for (size_t i = 0; i < ekg_map_capacity(m); i++) {
        void *v;
        if (ekg_map_slot(m, i, NULL, &v))
            arr[k++] = v;
    }
    *n = k;
    return arr;
}

/* The documents in id order, each told its place. Reads nothing that merging things
   changes, so it can run beside it. */
static void *finish_docs(void *arg)
{
    ekg_graph *g = arg;
    free(g->doc_order);
    g->doc_order = (ekg_doc **)collect(g->docs, &g->n_doc_order);
    qsort(g->doc_order, g->n_doc_order, sizeof *g->doc_order, cmp_doc);
    for (size_t i = 0; i < g->n_doc_order; i++) {
        if (i + 16 < g->n_doc_order)
            EKG_PREFETCH(g->doc_order[i + 16]);
        g->doc_order[i]->order = i;   /* so that writers find it without a lookup */
    }
    return NULL;
}

void ekg_graph_finish(ekg_graph *g)
{
    if (!g->dirty && g->entity_order)
        return;
    pthread_t docs;
    int apart = g->jobs > 1 && pthread_create(&docs, NULL, finish_docs, g) == 0;
    if (!apart)
        finish_docs(g);
    /* the entities sorted once: merging things drops some, the order stays */
    size_t n;
    free(g->entity_order);
    ekg_entity **v = (ekg_entity **)collect(g->entities, &n);
    qsort(v, n, sizeof *v, cmp_entity);
    if (!g->partial)
        ekg_graph_merge_things(g, v, n);
    ekg_graph_choose_labels(g, v, n);
    g->n_entity_order = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i])
            v[g->n_entity_order++] = v[i];
    g->entity_order = v;
    free(g->event_order);
    for (size_t i = 0; i < g->n_entity_order; i++) {
        if (i + 16 < g->n_entity_order)
            EKG_PREFETCH(g->entity_order[i + 16]);
        g->entity_order[i]->order = i;
    }
    g->event_order = (ekg_event **)collect(g->events, &g->n_event_order);
    qsort(g->event_order, g->n_event_order, sizeof *g->event_order, cmp_event);
    for (size_t i = 0; i < g->n_event_order; i++) {
        ekg_event *ev = g->event_order[i];
        qsort(ev->mentions, ev->nmentions, sizeof *ev->mentions, cmp_mention);
        ev->date = NULL;
        for (size_t j = 0; j < ev->nmentions; j++)
            if (ev->mentions[j].date && (!ev->date || strcmp(ev->mentions[j].date, ev->date) < 0))
                ev->date = ev->mentions[j].date;
    }
    if (apart)
        pthread_join(docs, NULL);
    g->dirty = 0;
}

void ekg_graph_set_jobs(ekg_graph *g, int jobs)
{
    g->jobs = jobs > 1 ? jobs : 1;
}

size_t ekg_graph_n_entities(const ekg_graph *g)
{
    return g->n_entity_order;
}

const ekg_entity *ekg_graph_entity(const ekg_graph *g, size_t i)
{
    return i < g->n_entity_order ? g->entity_order[i] : NULL;
}

size_t ekg_graph_n_events(const ekg_graph *g)
{
    return g->n_event_order;
}

const ekg_event *ekg_graph_event(const ekg_graph *g, size_t i)
{
    return i < g->n_event_order ? g->event_order[i] : NULL;
}

size_t ekg_graph_n_docs(const ekg_graph *g)
{
    return g->n_doc_order;
}

const ekg_doc *ekg_graph_doc(const ekg_graph *g, size_t i)
{
    return i < g->n_doc_order ? g->doc_order[i] : NULL;
}

void ekg_graph_stats(const ekg_graph *g, ekg_stats *st)
{
    memset(st, 0, sizeof *st);
    st->documents = ekg_map_size(g->docs);
    st->entities = ekg_map_size(g->entities);
    st->events = ekg_map_size(g->events);
    st->sentences = g->sentences;
    for (size_t i = 0; i < ekg_map_capacity(g->events); i++) {
        void *v;
        if (ekg_map_slot(g->events, i, NULL, &v))
            st->mentions += ((ekg_event *)v)->nmentions;
    }
}

int ekg_graph_merge(ekg_graph *dst, const ekg_graph *src, ekg_error *err)
{
    /* documents first: mentions point at them */
    ekg_map *docmap = ekg_map_new();
    for (size_t i = 0; i < ekg_map_capacity(src->docs); i++) {
        void *v;
        if (!ekg_map_slot(src->docs, i, NULL, &v))
            continue;
        const ekg_doc *s = v;
        ekg_doc *d = ekg_graph_doc_add(dst, s->id);
        if (!d) {
            ekg_error_set(err, s->id, 0, 0, "duplicate document id");
            ekg_map_free(docmap);
            return -1;
        }
        ekg_graph_doc_set(dst, &d->headline, s->headline);
        ekg_graph_doc_set(dst, &d->date, s->date);
        ekg_graph_doc_set(dst, &d->publisher, s->publisher);
        ekg_graph_doc_set(dst, &d->author, s->author);
        ekg_graph_doc_set(dst, &d->dateline, s->dateline);
        ekg_graph_doc_set(dst, &d->url, s->url);
        d->sentences = s->sentences;
        ekg_map_put(docmap, s->id, strlen(s->id), d);
    }
    dst->sentences += src->sentences;
    /* entities, then their affiliations */
    for (size_t pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < ekg_map_capacity(src->entities); i++) {
            void *v;
            if (!ekg_map_slot(src->entities, i, NULL, &v) || !v)
                continue;
            const ekg_entity *s = v;
            ekg_entity *e = ekg_map_get(dst->entities, s->id, strlen(s->id));
            if (pass == 0) {
                size_t before = e ? e->nmentions : 0;
                e = ekg_graph_entity_get(dst, s->id, s->label, s->cls);
                e->nmentions = before + s->nmentions;
                for (size_t k = 0; k < s->nalt; k++)
                    ekg_graph_entity_add_alt(dst, e, s->alt[k]);
                if (s->qid && !e->qid)
                    ekg_graph_entity_set_qid(dst, e, s->qid);
                if (s->head)
                    ekg_graph_entity_set_thing(dst, e, s->head, s->anchors);
            } else {
                for (size_t k = 0; k < s->naffil; k++) {
                    ekg_entity *org = ekg_map_get(dst->entities, s->affil[k].org->id,
                                                  strlen(s->affil[k].org->id));
                    if (org)
                        ekg_graph_entity_add_affil(dst, e, org, s->affil[k].role);
                }
            }
        }
    /* events with every mention */
    for (size_t i = 0; i < ekg_map_capacity(src->events); i++) {
        void *v;
        if (!ekg_map_slot(src->events, i, NULL, &v))
            continue;
        const ekg_event *ev = v;
        ekg_entity *a = ekg_map_get(dst->entities, ev->actor->id, strlen(ev->actor->id));
        ekg_entity *t = ev->target ? ekg_map_get(dst->entities, ev->target->id,
                                                 strlen(ev->target->id))
                                   : NULL;
        for (size_t k = 0; k < ev->nmentions; k++) {
            ekg_mention m = ev->mentions[k];
            m.doc = ekg_map_get(docmap, m.doc->id, strlen(m.doc->id));
            ekg_graph_event_add(dst, ev->rel, a, t, ev->polarity, &m, ev->confidence,
                                ev->shortcut);
        }
    }
    ekg_map_free(docmap);
    return 0;
}

typedef struct doc_move {
    ekg_map *to, *from;
} doc_move;

static void *move_docs(void *arg)
{
    doc_move *mv = arg;
    ekg_map_move(mv->to, mv->from);
    return NULL;
}

int ekg_graph_absorb(ekg_graph *dst, ekg_graph *src, ekg_error *err)
{
    if (!src)
        return 0;
    for (size_t i = 0; i < ekg_map_capacity(src->docs); i++) {
        void *v;
        if (ekg_map_slot(src->docs, i, NULL, &v)) {
            const ekg_doc *d = v;
            if (ekg_map_get(dst->docs, d->id, strlen(d->id))) {
                ekg_error_set(err, d->id, 0, 0, "duplicate document id");
                ekg_graph_free(src);
                return -1;
            }
        }
    }
    /* src's strings stay where they are: its pool is dst's from now on */
    dst->adopted = ekg_xrealloc(dst->adopted, (dst->nadopted + src->nadopted + 1) *
                                                  sizeof *dst->adopted);
    dst->adopted[dst->nadopted++] = src->pool;
    for (size_t i = 0; i < src->nadopted; i++)
        dst->adopted[dst->nadopted++] = src->adopted[i];
    src->pool = NULL;
    src->nadopted = 0;
    /* documents move (mentions keep pointing at them), none is dst's already; beside
       the entities and events, which do not read the map of documents */
    doc_move mv = {dst->docs, src->docs};
    pthread_t docs;
    int apart = dst->jobs > 1 && pthread_create(&docs, NULL, move_docs, &mv) == 0;
    if (!apart)
        move_docs(&mv);
    dst->sentences += src->sentences;
    /* entities dst lacks move; the others merge as in ekg_graph_merge() */
    size_t n = ekg_map_size(src->entities), k = 0;
    ekg_entity **from = ekg_xmalloc((n + 1) * sizeof *from);
    for (size_t i = 0; i < ekg_map_capacity(src->entities); i++) {
        void *v;
        if (!ekg_map_slot(src->entities, i, NULL, &v) || !v)
            continue;
        from[k++] = v;
    }
    ekg_map_move(dst->entities, src->entities);   /* those that dst lacks */
    for (size_t i = 0; i < k; i++) {
        ekg_entity *s = from[i], *e = ekg_map_get(dst->entities, s->id, strlen(s->id));
        if (e == s)
            continue;
        ekg_graph_entity_add_alt(dst, e, s->label);
        e->nmentions += s->nmentions;
        for (size_t j = 0; j < s->nalt; j++)
            ekg_graph_entity_add_alt(dst, e, s->alt[j]);
        if (s->qid && !e->qid)
            ekg_graph_entity_set_qid(dst, e, s->qid);
        if (s->head)
            ekg_graph_entity_set_thing(dst, e, s->head, s->anchors);
    }
    /* affiliations: a moved entity's now name dst's organisations (same ids, same order) */
    for (size_t i = 0; i < k; i++) {
        ekg_entity *s = from[i], *e = ekg_map_get(dst->entities, s->id, strlen(s->id));
        for (size_t j = 0; j < s->naffil; j++) {
            const char *org = s->affil[j].org->id;
            const ekg_entity *o = ekg_map_get(dst->entities, org, strlen(org));
            if (e == s)
                s->affil[j].org = o;
            else
                ekg_graph_entity_add_affil(dst, e, o, s->affil[j].role);
        }
    }
    ekg_map_free(src->entities);
    src->entities = ekg_map_new();
    /* events dst lacks move with their mentions; the others take src's mentions */
    ekg_buf key;
    ekg_buf_init(&key);
    for (size_t i = 0; i < ekg_map_capacity(src->events); i++) {
        void *v;
        if (!ekg_map_slot(src->events, i, NULL, &v))
            continue;
        ekg_event *ev = v;
        ev->actor = ekg_map_get(dst->entities, ev->actor->id, strlen(ev->actor->id));
        if (ev->target)
            ev->target = ekg_map_get(dst->entities, ev->target->id, strlen(ev->target->id));
        event_key(&key, ev->rel, ev->actor, ev->target, ev->polarity);
        if (ekg_map_get(dst->events, key.data, key.len)) {
            for (size_t j = 0; j < ev->nmentions; j++)
                ekg_graph_event_add(dst, ev->rel, ev->actor, ev->target, ev->polarity,
                                    &ev->mentions[j], ev->confidence, ev->shortcut);
            free(ev->mentions);
            free(ev);
            continue;
        }
        ekg_map_put(dst->events, key.data, key.len, ev);
        for (size_t j = 0; j < ev->nmentions; j++) {
            char mk[96];
            ekg_map_put(dst->mention_keys, mk, mention_key(mk, ev, &ev->mentions[j]), (void *)1);
        }
    }
    ekg_buf_free(&key);
    ekg_map_free(src->events);
    src->events = ekg_map_new();
    /* src's entities merged into dst's are done with only now: affiliations and events
       named them */
    for (size_t i = 0; i < k; i++)
        if (ekg_map_get(dst->entities, from[i]->id, strlen(from[i]->id)) != from[i])
            free_entity(from[i]);
    free(from);
    if (apart)
        pthread_join(docs, NULL);
    dst->dirty = 1;
    ekg_graph_free(src);
    return 0;
}
