/*
 * entities.c - mentions of entities in each sentence: gazetteer names,
 * unknown proper names typed from context (titles, organisation heads),
 * things (a NATO liaison office in Tokyo), pronouns, anaphors ("the idea")
 * and descriptors ("the alliance"); roles and affiliations from
 * pre-modifiers ("French President Emmanuel Macron").
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "words.h"

/* ---- closed-class words (words.c) ---- */

int ekg_is_determiner(const char *w)
{
    return (ekg_word_class(w) & EKG_W_DET) != 0;
}

int ekg_is_preposition(const char *w)
{
    return (ekg_word_class(w) & EKG_W_PREP) != 0;
}

int ekg_is_time_word(const char *w)
{
    return (ekg_word_class(w) & EKG_W_TIME) != 0;
}

int ekg_is_copula(const char *w)
{
    return (ekg_word_class(w) & EKG_W_COPULA) != 0;
}

int ekg_is_stopword(const char *w)
{
    return (ekg_word_class(w) & (EKG_W_STOP | EKG_W_DET | EKG_W_PREP | EKG_W_COPULA)) != 0;
}

/* ---- token helpers ---- */

const char *ekg_tok_text(const ekg_docx *d, size_t t)
{
    return d->text->fold + d->seg.toks[t].start;
}

size_t ekg_tok_len(const ekg_docx *d, size_t t)
{
    return d->seg.toks[t].end - d->seg.toks[t].start;
}

int ekg_tok_is(const ekg_docx *d, size_t t, const char *low)
{
    return t < d->seg.ntoks && strcmp(d->seg.toks[t].low, low) == 0;
}

static unsigned tflags(const ekg_docx *d, size_t t)
{
    return d->seg.toks[t].flags;
}

static const char *low(const ekg_docx *d, size_t t)
{
    return d->seg.toks[t].low;
}

/* ---- document entities ---- */

int ekg_dent_find(const ekg_dent *e, int i)
{
    while (i >= 0 && e[i].redirect >= 0)
        i = e[i].redirect;
    return i;
}

/* The key of a dent in d->dent_index: its gazetteer entry, or its label and class. */
static void dent_key(ekg_buf *b, const char *label, const char *cls, const ekg_known *k)
{
    ekg_buf_clear(b);
    if (k) {
        ekg_buf_putc(b, 'k');
        ekg_buf_put(b, (const char *)&k, sizeof k);
    } else {
        ekg_buf_putc(b, 'n');
        ekg_buf_puts(b, cls);
        ekg_buf_put(b, "", 1);   /* a NUL between class and label */
        ekg_buf_puts(b, label);
    }
}

const ekg_idxlist *ekg_dents_of_known(const ekg_docx *d, const ekg_known *k)
{
    if (!d->dent_index || !k)
        return NULL;
    ekg_buf key;
    ekg_buf_init(&key);
    dent_key(&key, NULL, NULL, k);
    const ekg_idxlist *l = ekg_map_get(d->dent_index, key.data, key.len);
    ekg_buf_free(&key);
    return l;
}

/*
 * People are found again by full name, surname (the label's last word) or, for names
 * written family name first, the first word: three keys of d->dent_index per person.
 */
static void person_key(ekg_buf *b, char kind, const char *s, size_t n)
{
    ekg_buf_clear(b);
    ekg_buf_putc(b, 'p');
    ekg_buf_putc(b, kind);
    ekg_buf_put(b, s, n);
}

static void index_person(ekg_docx *d, const char *label, size_t i)
{
    ekg_buf key;
    ekg_buf_init(&key);
    person_key(&key, 'F', label, strlen(label));
    ekg_idxlist_push(ekg_idxlist_at(&d->dent_index, key.data, key.len, 1), i);
    const char *last = strrchr(label, ' '), *first = strchr(label, ' ');
    if (last) {
        person_key(&key, 'L', last + 1, strlen(last + 1));
        ekg_idxlist_push(ekg_idxlist_at(&d->dent_index, key.data, key.len, 1), i);
        person_key(&key, 'W', label, (size_t)(first - label));
        ekg_idxlist_push(ekg_idxlist_at(&d->dent_index, key.data, key.len, 1), i);
    }
    ekg_buf_free(&key);
}

int ekg_dent_add(ekg_docx *d, const char *label, const char *cls, const ekg_known *k)
{
    /* one dent per gazetteer entry / label+class: the first that was not merged away,
       found through the index (a document with many names stays linear) */
    ekg_buf key;
    ekg_buf_init(&key);
    dent_key(&key, label, cls, k);
    ekg_idxlist *l = ekg_idxlist_at(&d->dent_index, key.data, key.len, 1);
    ekg_buf_free(&key);
    for (size_t j = 0; j < l->n; j++)
        if (d->ents[l->v[j]].redirect < 0)
            return (int)l->v[j];
    ekg_idxlist_push(l, d->nents);
    if (strcmp(k ? k->cls : cls, "Person") == 0)
        index_person(d, k ? k->label : label, d->nents);
    if (d->nents == d->cents) {
        d->cents = d->cents ? d->cents * 2 : 32;
        d->ents = ekg_xrealloc(d->ents, d->cents * sizeof *d->ents);
    }
    ekg_dent *e = &d->ents[d->nents];
    memset(e, 0, sizeof *e);
    e->label = ekg_xstrdup(k ? k->label : label);
    e->cls = k ? k->cls : cls;
    e->known = k;
    e->id = k ? ekg_xstrdup(k->id) : NULL;
    e->alive = 1;
    e->redirect = -1;
    return (int)d->nents++;
}

void ekg_dent_surface(ekg_docx *d, int i, const char *raw, size_t rawn)
{
    ekg_dent *e = &d->ents[i];
    /* one space for any run of white space (hard-wrapped text) */
    char buf[512];
    size_t n = 0, r = 0;
    for (; r < rawn && n < sizeof buf - 1; r++) {
        char c = raw[r];
        if (c == '\n' || c == '\t' || c == '\r')
            c = ' ';
        if (c == ' ' && (n == 0 || buf[n - 1] == ' '))
            continue;
        buf[n++] = c;
    }
    if (r < rawn)   /* a surface longer than the buffer: never split a character */
        n = ekg_utf8_cut(buf, n);
    while (n && buf[n - 1] == ' ')
        n--;
    buf[n] = '\0';
    const char *s = buf;
    if (!n)
        return;
    for (size_t k = 0; k < e->nsurfaces; k++)
        if (strlen(e->surfaces[k]) == n && memcmp(e->surfaces[k], s, n) == 0)
            return;
    e->surfaces = ekg_xrealloc(e->surfaces, (e->nsurfaces + 1) * sizeof *e->surfaces);
    e->surfaces[e->nsurfaces++] = ekg_xstrndup(s, n);
}

static void add_affil(ekg_docx *d, int person, int org, const char *role, size_t rlen)
{
    ekg_dent *p = &d->ents[person];
    for (size_t i = 0; i < p->naffil; i++)
        if (p->affil[i] == org)
            return;
    p->affil = ekg_xrealloc(p->affil, (p->naffil + 1) * sizeof *p->affil);
    p->roles = ekg_xrealloc(p->roles, (p->naffil + 1) * sizeof *p->roles);
    p->affil[p->naffil] = org;
    p->roles[p->naffil] = role && rlen ? ekg_xstrndup(role, rlen) : NULL;
    p->naffil++;
}

static int add_mention(ekg_docx *d, size_t t0, size_t t1, size_t np0, size_t sent,
                       ekg_mkind kind, int ent)
{
    if (d->nms == d->cms) {
        d->cms = d->cms ? d->cms * 2 : 64;
        d->ms = ekg_xrealloc(d->ms, d->cms * sizeof *d->ms);
    }
    ekg_dmention *m = &d->ms[d->nms];
    memset(m, 0, sizeof *m);
    m->t0 = t0;
    m->t1 = t1;
    m->np0 = np0;
    m->sent = sent;
    m->kind = kind;
    m->ent = ent;
    m->pp = -1;
    for (size_t t = t0; t < t1; t++)
        d->tok_mention[t] = (int)d->nms;
    return (int)d->nms++;
}

/* The fold text of tokens [t0, t1) as written. */
static const char *span_text(const ekg_docx *d, size_t t0, size_t t1, size_t *n)
{
    *n = d->seg.toks[t1 - 1].end - d->seg.toks[t0].start;
    return d->text->fold + d->seg.toks[t0].start;
}

/* Tokens [t0, t1) joined by single spaces, lower case, into b. */
static void join_low(const ekg_docx *d, size_t t0, size_t t1, ekg_buf *b)
{
    ekg_buf_clear(b);
    for (size_t t = t0; t < t1; t++) {
        if (t > t0)
            ekg_buf_putc(b, ' ');
        ekg_buf_puts(b, low(d, t));
    }
}

/* The end of the longest phrase of lexicon list `kind` that begins at token t, of at most
   `words` words before end ("security forces", "party leaders"); 0 if none. */
static size_t lex_end(const ekg_docx *d, size_t t, size_t end, ekg_lex_kind kind, size_t words)
{
    ekg_buf b;
    ekg_buf_init(&b);
    size_t found = 0;
    for (size_t e = t + 1; e <= end && e <= t + words; e++) {
        if (!(tflags(d, e - 1) & EKG_TOK_WORD))
            break;
        join_low(d, t, e, &b);
        if (ekg_ontology_lex(d->onto, kind, b.data, b.len))
            found = e;
    }
    ekg_buf_free(&b);
    return found;
}

/* ---- gazetteer ---- */

/* Does name `s` match the tokens from t? Returns the end token or 0. */
static size_t match_name(const ekg_docx *d, const char *s, size_t t, size_t end)
{
    size_t pos = 0, n = strlen(s);
    for (; t < end; t++) {
        size_t len = ekg_tok_len(d, t);
        if (pos + len > n || memcmp(s + pos, ekg_tok_text(d, t), len) != 0)
            return 0;
        pos += len;
        if (pos == n)
            return t + 1;
        if (s[pos] == ' ') {
            pos++;
            if (t + 1 < end && d->seg.toks[t + 1].start == d->seg.toks[t].end)
                return 0;
        } else if (t + 1 < end && d->seg.toks[t + 1].start != d->seg.toks[t].end) {
            return 0;
        }
    }
    return 0;
}

size_t ekg_match_lower(const ekg_docx *d, const char *s, size_t t, size_t end)
{
    for (; t < end; t++) {
        const char *w = low(d, t);
        size_t len = strlen(w);
        if (strncmp(s, w, len) != 0 || (s[len] != ' ' && s[len] != '\0'))
            return 0;
        if (!s[len])
            return t + 1;
        s += len + 1;
    }
    return 0;
}

/* The Arabic article in lower case before a capital ("al-Qaeda", "al Qaeda"): names of
   the gazetteer begin so. */
static int arabic_article(const ekg_docx *d, size_t t, size_t end)
{
    const char *w = ekg_tok_text(d, t);
    size_t n = ekg_tok_len(d, t);
    if (n < 2 || w[0] != 'a' || w[1] != 'l')
        return 0;
    if (n > 3 && w[2] == '-')
        return w[3] >= 'A' && w[3] <= 'Z';
    return n == 2 && t + 1 < end && (tflags(d, t + 1) & EKG_TOK_CAP);
}

/* gazetteer_at() for a token that some names may start with. */
static const ekg_name *gazetteer_scan(const ekg_docx *d, size_t t, size_t end,
                                      ekg_name_kind kind, size_t *out)
{
    const ekg_name *const *c = d->names[t].c;
    size_t n = d->names[t].n;
    const ekg_name *best = NULL;
    size_t best_end = 0;
    for (size_t i = 0; i < n; i++) {
        if (c[i]->kind != kind)
            continue;
        size_t e = match_name(d, c[i]->text, t, end);
        if (e > best_end) {
            best = c[i];
            best_end = e;
        }
    }
    *out = best_end;
    return best;
}

/* The longest gazetteer name of `kind` at token t; *end receives the end token. Asked
   several times of every token: what rules most of them out comes first, in line. */
static inline const ekg_name *gazetteer_at(const ekg_docx *d, size_t t, size_t end,
                                           ekg_name_kind kind, size_t *out)
{
    if (!(tflags(d, t) & (EKG_TOK_CAP | EKG_TOK_NUM)) && (low(d, t)[0] != 'a' || !arabic_article(d, t, end)))
        return *out = 0, NULL;   /* names and demonyms are written with a capital */
    struct ekg_names_memo *memo = &d->names[t];
    if (!memo->done) {
        memo->c = ekg_ontology_names(d->onto, ekg_tok_text(d, t), ekg_tok_len(d, t), &memo->n);
        memo->done = 1;
    }
    if (!memo->n)
        return *out = 0, NULL;
    return gazetteer_scan(d, t, end, kind, out);
}

/* The longest title (person or organisation-head title) at t; returns its end or t. */
static size_t title_at(const ekg_docx *d, size_t t, size_t end, int *org_title)
{
    /* no title begins with this word (nor, as in "Representatives", its singular) */
    const char *w = low(d, t);
    size_t wl = strlen(w);
    if (!(ekg_ontology_lex_starts(d->onto, w, wl) &
          (1u << EKG_LEX_TITLE | 1u << EKG_LEX_ORG_TITLE)) &&
        !(wl > 3 && w[wl - 1] == 's' && ekg_ontology_lex(d->onto, EKG_LEX_TITLE, w, wl - 1)))
        return t;
    ekg_buf b;
    ekg_buf_init(&b);
    size_t best = t;
    for (size_t e = t + 1; e <= end && e <= t + 4; e++) {
        if (!(tflags(d, e - 1) & EKG_TOK_WORD))
            break;
        join_low(d, t, e, &b);
        if (b.len > 3 && b.data[b.len - 1] == 's' &&
            !ekg_ontology_lex(d->onto, EKG_LEX_TITLE, b.data, b.len) &&
            ekg_ontology_lex(d->onto, EKG_LEX_TITLE, b.data, b.len - 1)) {
            best = e;   /* "Representatives Matt Gaetz, Andy Biggs and ..." */
            *org_title = 0;
        } else if (ekg_ontology_lex(d->onto, EKG_LEX_TITLE, b.data, b.len)) {
            best = e;
            *org_title = 0;
        } else if (ekg_ontology_lex(d->onto, EKG_LEX_ORG_TITLE, b.data, b.len)) {
            best = e;
            *org_title = 1;
        }
    }
    if (best > t && best < end && ekg_tok_is(d, best, ".") &&
        d->seg.toks[best].start == d->seg.toks[best - 1].end) {
        /* "Rep. Jim Jordan", "Sen. X": the dot of a listed abbreviation */
        join_low(d, t, best, &b);
        ekg_buf_putc(&b, '.');
        if (ekg_ontology_lex(d->onto, EKG_LEX_TITLE, b.data, b.len))
            best++;
    }
    ekg_buf_free(&b);
    return best;
}

/* ---- things ---- */

static const ekg_class *thing_class(const ekg_docx *d, const char *w, int anaphor)
{
    return ekg_ontology_thing_class(d->onto, w, anaphor);
}

/* Anchor id of a named dent: cities count as their country. */
static const char *anchor_id(const ekg_docx *d, int e)
{
    const ekg_dent *x = &d->ents[e];
    if (x->known && x->known->country && strcmp(x->cls, "City") == 0)
        return x->known->country;
    return x->id ? x->id : x->label;
}

static const char *anchor_class(const ekg_docx *d, const char *id)
{
    const ekg_known *k = ekg_ontology_known(d->onto, id);
    return k ? k->cls : "Other";
}

static int anchors_compatible(const ekg_docx *d, const ekg_dent *a, char **ids, size_t n,
                              int *shared)
{
    *shared = 0;
    for (size_t i = 0; i < a->nanchors; i++)
        for (size_t j = 0; j < n; j++) {
            if (strcmp(a->anchors[i], ids[j]) == 0) {
                (*shared)++;
                continue;
            }
            if (strcmp(anchor_class(d, a->anchors[i]), anchor_class(d, ids[j])) == 0)
                return 0;   /* two different countries, two different organisations */
        }
    return 1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_anchor(ekg_dent *e, const char *id)
{
    for (size_t i = 0; i < e->nanchors; i++)
        if (strcmp(e->anchors[i], id) == 0)
            return;
    e->anchors = ekg_xrealloc(e->anchors, (e->nanchors + 1) * sizeof *e->anchors);
    e->anchors[e->nanchors++] = ekg_xstrdup(id);
    qsort(e->anchors, e->nanchors, sizeof *e->anchors, cmp_str);
}

/* Joins or creates the document thing for (head, class, anchors). */
static int thing_dent(ekg_docx *d, const ekg_class *c, const char *head, char **ids, size_t n)
{
    int best = -1, best_shared = -1;
    ekg_buf key;
    ekg_buf_init(&key);
    ekg_buf_putc(&key, 'h');
    ekg_buf_puts(&key, head);
    ekg_idxlist *same = ekg_idxlist_at(&d->dent_index, key.data, key.len, 1);
    ekg_buf_free(&key);
    for (size_t j = same->n; j-- > 0;) {   /* the things of this head, latest first */
        size_t i = same->v[j];
        ekg_dent *e = &d->ents[i];
        if (!e->thing || e->redirect >= 0 || strcmp(e->head, head) != 0)
            continue;
        int shared;
        if (!anchors_compatible(d, e, ids, n, &shared))
            continue;
        if (shared > best_shared) {
            best = (int)i;
            best_shared = shared;
        }
    }
    if (best < 0) {
        if (d->nents == d->cents) {
            d->cents = d->cents ? d->cents * 2 : 32;
            d->ents = ekg_xrealloc(d->ents, d->cents * sizeof *d->ents);
        }
        ekg_dent *e = &d->ents[d->nents];
        memset(e, 0, sizeof *e);
        e->label = ekg_xstrdup(head);
        e->cls = c->name;
        e->head = head;
        e->thing = 1;
        e->redirect = -1;
        best = (int)d->nents++;
        ekg_idxlist_push(same, (size_t)best);
    }
    for (size_t i = 0; i < n; i++)
        add_anchor(&d->ents[best], ids[i]);
    d->ents[best].alive = d->ents[best].nanchors > 0;
    return best;
}

/* A word that may modify a thing's head on its left ("liaison", "new", "first"). */
static int plain_modifier(const ekg_docx *d, size_t t)
{
    const char *w = low(d, t);
    size_t n = strlen(w);
    if (!(tflags(d, t) & EKG_TOK_WORD) || (ekg_tok_class(d, t) & EKG_W_STOPWORD))
        return 0;
    if (n > 3 && strcmp(w + n - 3, "ing") == 0)
        return 0;
    if (n > 2 && strcmp(w + n - 2, "ed") == 0)
        return 0;
    if (ekg_ontology_lex(d->onto, EKG_LEX_GENERIC, w, n))
        return 0;
    size_t nt;
    if (ekg_ontology_triggers(d->onto, w, n, &nt) && nt)
        return 0;
    return 1;
}

/* Tries a thing NP headed at token h of sentence s; returns the mention end or 0. */
static size_t thing_at(ekg_docx *d, size_t s, size_t h, size_t end)
{
    const ekg_class *c = thing_class(d, low(d, h), 0);
    if (!c)
        return 0;
    const ekg_sentence *st = &d->seg.sents[s];
    /* "plan to open ...", "proposal for ...": a generic noun before its content */
    if (ekg_ontology_lex(d->onto, EKG_LEX_GENERIC, low(d, h), ekg_tok_len(d, h)) && h + 1 < end &&
        (ekg_tok_is(d, h + 1, "to") || ekg_tok_is(d, h + 1, "for") ||
         ekg_tok_is(d, h + 1, "of") || ekg_tok_is(d, h + 1, "on") ||
         ekg_tok_is(d, h + 1, "was") || ekg_tok_is(d, h + 1, "is")))
        return 0;
    int pp = -1;
    char *ids[16];
    size_t nids = 0;
    size_t t0 = h, plain = 0;
    /* left modifiers: names (with 's), plain words */
    while (t0 > st->t0) {
        size_t p = t0 - 1;
        int m = d->tok_mention[p];
        if (m >= 0 && d->ms[m].kind == EKG_M_NAME && d->ms[m].ent >= 0 &&
            !d->ents[d->ms[m].ent].thing && strcmp(d->ents[d->ms[m].ent].cls, "Person") != 0) {
            if (nids < 16)
                ids[nids++] = (char *)anchor_id(d, d->ms[m].ent);
            t0 = d->ms[m].t0;
            continue;
        }
        if ((tflags(d, p) & EKG_TOK_POSS) && p > st->t0 && d->tok_mention[p - 1] >= 0) {
            t0 = p;
            continue;
        }
        if (plain < 2 && plain_modifier(d, p) && d->tok_mention[p] < 0) {
            plain++;
            t0 = p;
            continue;
        }
        break;
    }
    /* right: "in/of/for/on (the) NAME" */
    size_t t1 = h + 1;
    if (t1 + 1 < end && (ekg_tok_is(d, t1, "in") || ekg_tok_is(d, t1, "for") ||
                         ekg_tok_is(d, t1, "of") || ekg_tok_is(d, t1, "on"))) {
        size_t k = t1 + 1;
        if (ekg_tok_is(d, k, "the"))
            k++;
        size_t e;
        const ekg_name *nm = k < end ? gazetteer_at(d, k, end, EKG_NAME_NAME, &e) : NULL;
        if (nm && strcmp(nm->known->cls, "Person") != 0) {
            int ent = ekg_dent_add(d, NULL, NULL, nm->known);
            ekg_dent_surface(d, ent, ekg_tok_text(d, k),
                             d->seg.toks[e - 1].end - d->seg.toks[k].start);
            if (nids < 16)
                ids[nids++] = (char *)anchor_id(d, ent);
            pp = add_mention(d, k, e, k, s, EKG_M_NAME, ent);
            t1 = e;
        }
    }
    /* absorb name mentions inside: they are not arguments on their own */
    for (size_t t = t0; t < t1; t++)
        d->tok_mention[t] = -1;
    int ent = thing_dent(d, c, low(d, h), ids, nids);
    size_t np0 = t0;
    if (np0 > st->t0 && (ekg_tok_class(d, np0 - 1) & EKG_W_DET))
        np0--;
    /* surface: without determiner */
    size_t n;
    const char *sp = span_text(d, t0, t1, &n);
    ekg_dent_surface(d, ent, sp, n);
    int m = add_mention(d, t0, t1, np0, s, EKG_M_THING, ent);
    d->ms[m].pp = pp;
    return t1;
}

/* ---- the mention finder ---- */

/*
 * The dent of a person already known in the document by full name or surname, or by the
 * first word of a name written family name first (Xi Jinping -> Xi): the first such dent
 * that was not merged away. Three lookups in the index, not a pass over the dents.
 */
static int known_person(const ekg_docx *d, const char *s, size_t n)
{
    if (!d->dent_index)
        return -1;
    /* the keys of person_key(), on the stack: this runs for most capitalised words */
    char small[128];
    char *key = n + 2 <= sizeof small ? small : ekg_xmalloc(n + 2);
    key[0] = 'p';
    memcpy(key + 2, s, n);
    int best = -1;
    for (const char *kind = "FLW"; *kind; kind++) {
        key[1] = *kind;
        const ekg_idxlist *l = ekg_map_get(d->dent_index, key, n + 2);
        for (size_t j = 0; l && j < l->n; j++) {
            const ekg_dent *e = &d->ents[l->v[j]];
            if (e->redirect >= 0 || (best >= 0 && (int)l->v[j] >= best))
                continue;
            if (*kind == 'W' && !(e->nsurfaces && n <= 4))
                continue;
            best = (int)l->v[j];
        }
    }
    if (key != small)
        free(key);
    return best;
}

/* An affiliation modifier just before token t: "French", "NATO", "Japan 's". */
static int modifier_before(ekg_docx *d, size_t sent, size_t t, size_t *np0)
{
    const ekg_sentence *st = &d->seg.sents[sent];
    *np0 = t;
    if (t <= st->t0)
        return -1;
    size_t p = t - 1;
    if ((tflags(d, p) & EKG_TOK_POSS) && p > st->t0)
        p--;
    int m = d->tok_mention[p];
    if (m >= 0 && d->ms[m].kind == EKG_M_NAME && d->ms[m].ent >= 0) {
        const ekg_dent *e = &d->ents[d->ms[m].ent];
        if (strcmp(e->cls, "Person") != 0) {
            *np0 = d->ms[m].np0;
            return d->ms[m].ent;
        }
    }
    /* a demonym ending just before */
    for (size_t s0 = p + 1; s0-- > st->t0 && s0 + 3 > p;) {
        size_t e;
        const ekg_name *nm = gazetteer_at(d, s0, p + 1, EKG_NAME_DEMONYM, &e);
        if (nm && e == p + 1) {
            *np0 = s0;
            int ent = ekg_dent_add(d, NULL, NULL, nm->known);
            return ent;
        }
    }
    return -1;
}

/*
 * A person's name without a title: two or three capitalised words inside a
 * sentence ("rival John Kerry", "for Robert Mueller to resign"), none of them
 * a title, an organisation head, a generic or a thing noun, not after "the",
 * and followed by a verb-like word, a comma or the end of the clause.
 */
static int name_words(const ekg_docx *d, size_t i, size_t r);

/*
 * At the start of a sentence every word is capitalised, so a name there needs more:
 * two words followed by a reporting verb ("Tony Blair said", "Jane Roe told"), and the
 * last word found elsewhere in the document after a person's title ("Mr Blair",
 * "Senator Roe"), as only people are named again so.
 */
static int sentence_initial_person(ekg_docx *d, size_t s, size_t i, size_t r)
{
    const ekg_sentence *st = &d->seg.sents[s];
    if (r - i != 2 || r >= st->t1 || !name_words(d, i, r))
        return 0;
    const char *v = low(d, r);
    if (!ekg_ontology_lex(d->onto, EKG_LEX_REPORTING, v, strlen(v)))
        return 0;
    if (!d->titled) {
        /* one pass over the document, made once: linear, however many candidates */
        d->titled = ekg_map_new();
        for (size_t t = 1; t < d->seg.ntoks; t++) {
            if (!(tflags(d, t - 1) & EKG_TOK_CAP) ||
                !ekg_ontology_lex(d->onto, EKG_LEX_TITLE, low(d, t - 1), ekg_tok_len(d, t - 1)))
                continue;   /* only "Mr Blair", "Minister Blair" count */
            if (t + 1 < d->seg.ntoks && (tflags(d, t + 1) & EKG_TOK_CAP) &&
                d->seg.toks[t].end + 1 >= d->seg.toks[t + 1].start)
                continue;   /* "Mr Blair Jones" */
            ekg_map_put(d->titled, ekg_tok_text(d, t), ekg_tok_len(d, t), (void *)1);
        }
    }
    return ekg_map_get(d->titled, ekg_tok_text(d, r - 1), ekg_tok_len(d, r - 1)) != NULL;
}

static int looks_like_person(ekg_docx *d, size_t s, size_t i, size_t r)
{
    const ekg_sentence *st = &d->seg.sents[s];
    if (st->title || r - i < 2 || r - i > 3)
        return 0;
    if (i == st->t0)
        return sentence_initial_person(d, s, i, r);
    if ((ekg_tok_class(d, i - 1) & EKG_W_DET) || (tflags(d, i - 1) & EKG_TOK_QUOTE))
        return 0;
    /* "the broader Arab World", "the heavily fortified Green Zone": a determiner and
       plain words before capitalised ones make a place or thing, not a person */
    for (size_t k = i; k-- > st->t0 && i - k <= 3;) {
        if (ekg_tok_is(d, k, "the") || ekg_tok_is(d, k, "a") || ekg_tok_is(d, k, "an")) {
            if (k + 1 < i)
                return 0;
            break;
        }
        size_t kl = strlen(low(d, k));
        if (!(tflags(d, k) & EKG_TOK_WORD) || (tflags(d, k) & (EKG_TOK_CAP | EKG_TOK_NUM)) ||
            (ekg_tok_class(d, k) & (EKG_W_STOPWORD | EKG_W_PERIOD)) || d->tok_mention[k] >= 0 ||
            (kl > 4 && strcmp(low(d, k) + kl - 3, "ing") == 0) ||   /* "replacing X": a verb */
            ekg_ontology_lex(d->onto, EKG_LEX_TITLE, low(d, k), ekg_tok_len(d, k)))
            break;
    }
    if (!name_words(d, i, r))
        return 0;
    if (r < st->t1) {
        unsigned f = tflags(d, r);
        if ((f & EKG_TOK_CAP) && !(ekg_tok_class(d, r) & EKG_W_TIME))
            return 0;
        const char *w = low(d, r);
        if (ekg_ontology_lex(d->onto, EKG_LEX_ORG_HEAD, w, strlen(w)))
            return 0;
    }
    return 1;
}

/* Are tokens [i, r) words of a personal name: capitalised, none a title, organisation
   head, generic or thing noun, trigger, abbreviation or number? */
static int name_words(const ekg_docx *d, size_t i, size_t r)
{
    for (size_t k = i; k < r; k++) {
        const char *w = low(d, k);
        size_t n = strlen(w);
        unsigned f = tflags(d, k);
        if (!(f & EKG_TOK_CAP) || (f & (EKG_TOK_ALLCAP | EKG_TOK_NUM)) || n < 2)
            return 0;
        if ((ekg_tok_class(d, k) & EKG_W_STOPWORD) || ekg_ontology_lex(d->onto, EKG_LEX_ORG_HEAD, w, n) ||
            ekg_ontology_lex(d->onto, EKG_LEX_TITLE, w, n) ||
            ekg_ontology_lex(d->onto, EKG_LEX_ORG_TITLE, w, n) ||
            ekg_ontology_lex(d->onto, EKG_LEX_GENERIC, w, n) || thing_class(d, w, 0) ||
            thing_class(d, w, 1))
            return 0;
        size_t nt;
        if (ekg_ontology_triggers(d->onto, w, n, &nt) && nt)
            return 0;
        for (const char *p = ekg_tok_text(d, k); p < ekg_tok_text(d, k) + ekg_tok_len(d, k); p++)
            if (*p == '.' || (*p >= '0' && *p <= '9'))
                return 0;
    }
    return 1;
}

/*
 * A title in apposition after the name ending at token c - 1: ", the British foreign
 * secretary," or ", the UN's envoy," (closed by a comma or the sentence end). Returns
 * the end of the title (0 if none); *org receives the dent of the country or
 * organisation before the title (or -1), *ts and *te the title's tokens.
 */
static size_t apposition_title(ekg_docx *d, size_t s, size_t c, int *org, size_t *ts, size_t *te)
{
    const ekg_sentence *st = &d->seg.sents[s];
    size_t end = st->t1, k = c + 1, e;
    int ot;
    *org = -1;
    if (c >= end || !ekg_tok_is(d, c, ",") || k >= end ||
        !(ekg_tok_is(d, k, "the") || ekg_tok_is(d, k, "a") || ekg_tok_is(d, k, "an")))
        return 0;
    k++;
    if (k < end && ekg_tok_is(d, k, "former"))
        k++;
    const ekg_name *nm = k < end ? gazetteer_at(d, k, end, EKG_NAME_DEMONYM, &e) : NULL;
    if (!nm && k < end) {
        nm = gazetteer_at(d, k, end, EKG_NAME_NAME, &e);
        if (nm && strcmp(nm->known->cls, "Person") == 0)
            nm = NULL;
        if (nm && e < end && (tflags(d, e) & EKG_TOK_POSS))
            e++;   /* "the UN's envoy" */
    }
    if (nm) {
        *org = ekg_dent_add(d, NULL, NULL, nm->known);
        k = e;
    }
    /* up to two plain words qualify the title ("the shadow education secretary") */
    size_t t = k < end ? title_at(d, k, end, &ot) : k;
    for (size_t q = 0; q < 2 && t == k && k + 1 < end; q++) {
        const char *w = low(d, k);
        size_t nt;
        if (!(tflags(d, k) & EKG_TOK_WORD) || (tflags(d, k) & EKG_TOK_CAP) ||
            (ekg_tok_class(d, k) & EKG_W_STOPWORD) ||
            (ekg_ontology_triggers(d->onto, w, strlen(w), &nt) && nt))
            return 0;
        k++;
        t = title_at(d, k, end, &ot);
    }
    if (t == k || (t < end && !ekg_tok_is(d, t, ",") && !ekg_tok_is(d, t, ".")))
        return 0;
    *ts = k;
    *te = t;
    return t;
}

/* The end of an organisation head noun within two lower-case words from t ("air force"), or 0. */
static size_t org_head_after(const ekg_docx *d, size_t t, size_t end)
{
    size_t found = 0;
    for (size_t k = t; k < end && k < t + 2 && !found; k++) {
        if (!(tflags(d, k) & EKG_TOK_WORD) || (tflags(d, k) & EKG_TOK_CAP) ||
            (ekg_tok_class(d, k) & EKG_W_STOPWORD))
            break;
        found = lex_end(d, k, end, EKG_LEX_ORG_HEAD, 2);
    }
    if (found && found < end && ekg_tok_is(d, found, "of"))
        return 0;   /* "head of government" is a person */
    return found;
}

/* Does the organisation head ending at he (found from t) name an organ of a state, an
   actor group noun ("government", "foreign ministry"), rather than a firm or party? */
static int state_body(const ekg_docx *d, size_t t, size_t he)
{
    for (size_t k = he > t + 2 ? he - 2 : t; k < he; k++)
        if (lex_end(d, k, he, EKG_LEX_GROUP, 2) == he)
            return 1;
    return 0;
}

/*
 * A country's name or demonym at [i, e) opening a capitalised name that ends in an
 * organisation head noun is part of that name ("UK Independence Party", "British
 * National Party"), unless the head is an organ of the state ("US Justice
 * Department" is the department of the US). Returns the name's end, or 0.
 */
static size_t country_led_org(const ekg_docx *d, size_t s, size_t i, size_t e, size_t end)
{
    const ekg_sentence *st = &d->seg.sents[s];
    if (st->title || e >= end || (i > st->t0 && (tflags(d, i - 1) & EKG_TOK_CAP) &&
                                  !(ekg_tok_class(d, i - 1) & EKG_W_DET)))
        return 0;
    size_t r = e, ge;
    while (r < end && r < e + 4 && (tflags(d, r) & EKG_TOK_CAP) &&
           !(tflags(d, r) & (EKG_TOK_NUM | EKG_TOK_ALLCAP)) &&
           !(ekg_tok_class(d, r) & EKG_W_STOPWORD) &&
           !gazetteer_at(d, r, end, EKG_NAME_NAME, &ge) &&
           !gazetteer_at(d, r, end, EKG_NAME_DEMONYM, &ge))
        r++;
    if (r == e || (r < end && (tflags(d, r) & EKG_TOK_CAP)) ||
        !ekg_ontology_lex(d->onto, EKG_LEX_ORG_HEAD, low(d, r - 1), ekg_tok_len(d, r - 1)) ||
        state_body(d, e, r))
        return 0;
    return r;
}

static size_t party_members_at(const ekg_docx *d, size_t s, size_t t, size_t end, ekg_buf *b);

/*
 * Is the gazetteer name at [g, ge) the surname of a person whose given name is
 * the one capitalised word before it, after a title ("Republican lawmaker Jim
 * Jordan", "Senator Jim Jordan")? The run being read started at i.
 */
static int surname_like(const ekg_docx *d, size_t s, size_t i, size_t g, size_t ge, size_t end)
{
    const ekg_sentence *st = &d->seg.sents[s];
    int ot;
    if (ge != g + 1 || (ge < end && (tflags(d, ge) & EKG_TOK_CAP)) || g == i)
        return 0;
    if (ekg_ontology_lex(d->onto, EKG_LEX_TITLE, low(d, g - 1), ekg_tok_len(d, g - 1)))
        return 0;   /* "President Jordan": no given name */
    size_t k = i;
    ekg_buf pb;
    ekg_buf_init(&pb);
    size_t pe = party_members_at(d, s, i, g - 1, &pb);
    ekg_buf_free(&pb);
    if (pe > i)
        k = pe;   /* "Republican Rep. Jim Jordan" */
    while (k < g - 1) {   /* titles at the front of the run */
        size_t te = title_at(d, k, g - 1, &ot);
        if (te == k)
            return 0;
        k = te;
    }
    if (k == g - 1 && k > i)
        return 1;
    for (size_t b = i > st->t0 + 3 ? i - 3 : st->t0; b < i; b++)   /* a title just before */
        if (title_at(d, b, i, &ot) == i)
            return 1;
    return 0;
}

/* The end of an actor group noun at t ("officials", "security forces"), or 0. */
static size_t group_after(const ekg_docx *d, size_t t, size_t end)
{
    return lex_end(d, t, end, EKG_LEX_GROUP, 2);
}

/* A political group named by a capitalised plural ("Republicans", "Islamists"). */
static int group_plural(const ekg_docx *d, size_t t)
{
    const char *w = low(d, t);
    size_t n = strlen(w);
    unsigned f = tflags(d, t);
    if (!(f & EKG_TOK_CAP) || (f & EKG_TOK_ALLCAP) || n < 6)
        return 0;
    return strcmp(w + n - 3, "ans") == 0 || strcmp(w + n - 3, "ats") == 0 ||
           strcmp(w + n - 4, "ists") == 0;
}

/* Is there an organisation of this label among the document's dents (an index lookup)? */
static int org_named(const ekg_docx *d, const char *label)
{
    if (!d->dent_index)
        return 0;
    ekg_buf key;
    ekg_buf_init(&key);
    dent_key(&key, label, "Organization", NULL);
    const ekg_idxlist *l = ekg_map_get(d->dent_index, key.data, key.len);
    ekg_buf_free(&key);
    return l && l->n > 0;
}

/*
 * A party's capitalised adjective at t inside a sentence ("Republican", "Democratic"): a
 * word whose plural names the group as group_plural() reads it ("Democrats",
 * "Socialists"). Writes the plural into b. Sentence-initial words are capitalised
 * anyway, so they do not count; a word in "-an" ("African", "Veteran") names a party
 * only when the document names the group by its plural too ("Republicans").
 */
static int party_adjective(const ekg_docx *d, size_t s, size_t t, ekg_buf *b)
{
    const char *w = ekg_tok_text(d, t), *lw = low(d, t);
    size_t n = ekg_tok_len(d, t);
    unsigned f = tflags(d, t);
    if (t <= d->seg.sents[s].t0 || d->seg.sents[s].title || !(f & EKG_TOK_CAP) ||
        (f & (EKG_TOK_ALLCAP | EKG_TOK_NUM)) || n < 6 || strlen(lw) != n)
        return 0;
    ekg_buf_clear(b);
    if (strcmp(lw + n - 4, "atic") == 0) {   /* Democratic -> Democrats */
        ekg_buf_put(b, w, n - 2);
    } else if (strcmp(lw + n - 2, "an") == 0 || strcmp(lw + n - 3, "ist") == 0) {
        ekg_buf_put(b, w, n);
    } else {
        return 0;
    }
    ekg_buf_putc(b, 's');
    return strcmp(lw + n - 2, "an") != 0 || org_named(d, b->data);
}

/* The end of a party member noun at t ("lawmakers", "Rep.", "party leaders"), or 0. */
static size_t party_member_after(const ekg_docx *d, size_t t, size_t end)
{
    size_t found = lex_end(d, t, end, EKG_LEX_PARTY_MEMBER, 3);
    if (found && found < end && ekg_tok_is(d, found, ".") &&
        d->seg.toks[found].start == d->seg.toks[found - 1].end)
        found++;   /* "Rep." */
    return found;
}

/*
 * A party adjective before a party member noun at t: "Republican lawmakers",
 * "Republican U.S. lawmakers" (a country's name may stand between). Returns the end
 * of the noun (0 if none) and writes the party's name into b.
 */
static size_t party_members_at(const ekg_docx *d, size_t s, size_t t, size_t end, ekg_buf *b)
{
    if (t + 1 >= end || !party_adjective(d, s, t, b))
        return 0;
    size_t k = t + 1, ge;
    const ekg_name *nm = gazetteer_at(d, k, end, EKG_NAME_NAME, &ge);
    if (nm && strcmp(nm->known->cls, "Country") == 0)
        k = ge;
    return k < end ? party_member_after(d, k, end) : 0;
}

/*
 * The party of a person whose title ends at tend: its adjective at the title's start
 * ("Republican Rep. Jim Jordan"), just before a lower-case title ("Republican lawmaker
 * Jim Jordan") or before the country modifying it (np0: "Republican U.S. Senator X").
 * Returns the party's dent or -1.
 */
static int party_before(ekg_docx *d, size_t s, size_t tstart, size_t tend, size_t np0)
{
    const ekg_sentence *st = &d->seg.sents[s];
    size_t cand[3] = {tstart, tstart > st->t0 ? tstart - 1 : tstart,
                      np0 > st->t0 && np0 < tstart ? np0 - 1 : tstart};
    ekg_buf b;
    ekg_buf_init(&b);
    int ent = -1;
    for (size_t k = 0; k < 3 && ent < 0; k++)
        if ((k == 0 || cand[k] != tstart) && party_members_at(d, s, cand[k], tend, &b) == tend)
            ent = ekg_dent_add(d, b.data, "Organization", NULL);
    ekg_buf_free(&b);
    return ent;
}

/*
 * An acronym introduced in parentheses after a name: "Asian Development Bank (ADB)". Tokens
 * [i, r) are the name of dent `ent`; if "( ABBR )" follows and ABBR (upper case, 2-8 letters)
 * is the initials of the name's capitalised words (each part of a hyphenated word may give
 * one: "Inter-American" I or IA), ABBR names the dent for the rest of the document. Returns
 * the token after ")" or r.
 */
static size_t acronym_after(ekg_docx *d, size_t s, size_t i, size_t r, int ent)
{
    const ekg_sentence *st = &d->seg.sents[s];
    if (ent < 0 || r + 2 >= st->t1 || !ekg_tok_is(d, r, "(") || !ekg_tok_is(d, r + 2, ")") ||
        !(tflags(d, r + 1) & EKG_TOK_ALLCAP) || d->ents[ent].thing ||
        strcmp(d->ents[ent].cls, "Person") == 0)
        return r;
    const char *a = ekg_tok_text(d, r + 1);
    size_t an = ekg_tok_len(d, r + 1);
    if (an < 2 || an > 8)
        return r;
    for (size_t k = 0; k < an; k++)
        if (a[k] < 'A' || a[k] > 'Z')
            return r;
    /* match the initials, left to right; a hyphen part may or may not give a letter */
    size_t pos = 0;
    for (size_t t = i; t < r; t++) {
        if (!(tflags(d, t) & EKG_TOK_CAP))
            continue;   /* "of", "and", "the" */
        const char *w = ekg_tok_text(d, t);
        size_t wn = ekg_tok_len(d, t);
        if (pos >= an || w[0] != a[pos])
            return r;
        pos++;
        for (size_t k = 1; k + 1 < wn; k++)
            if (w[k] == '-' && w[k + 1] >= 'A' && w[k + 1] <= 'Z' && pos < an && a[pos] == w[k + 1])
                pos++;
    }
    if (pos != an)
        return r;
    ekg_dent *e = &d->ents[ent];
    if (!e->abbr) {
        e->abbr = ekg_xstrndup(a, an);
        /* indexed, so that finding an acronym costs one lookup, not a pass over the dents */
        ekg_idxlist_push(ekg_idxlist_at(&d->abbrs, a, an, 1), (size_t)ent);
    }
    return r + 3;
}

/* The dent a document acronym at token t names, or -1. */
static int acronym_at(const ekg_docx *d, size_t t)
{
    if (!(tflags(d, t) & EKG_TOK_ALLCAP))
        return -1;
    const ekg_idxlist *l = d->abbrs ? ekg_map_get(d->abbrs, ekg_tok_text(d, t),
                                                  ekg_tok_len(d, t))
                                    : NULL;
    int best = -1;   /* the first dent given it that was not merged into another */
    for (size_t k = 0; l && k < l->n; k++)
        if (d->ents[l->v[k]].redirect < 0 && (best < 0 || (int)l->v[k] < best))
            best = (int)l->v[k];
    return best;
}

/*
 * The country or organisation whose possessive ends just before token t, the name of
 * person p ("Mexico's Fox", "NATO's Jens Stoltenberg"), found among the sentence's
 * mentions so far; or -1. Only for people the document names with a title somewhere
 * (they have a role), as capitalised words after a possessive are often no person
 * ("Britain's Abbey National").
 */
static int possessor_before(const ekg_docx *d, size_t s, size_t t, int p)
{
    const ekg_sentence *st = &d->seg.sents[s];
    if (t < st->t0 + 2 || !(tflags(d, t - 1) & EKG_TOK_POSS) || d->ents[p].naffil == 0)
        return -1;
    int m = d->tok_mention[t - 2];
    if (m < 0 || d->ms[m].kind != EKG_M_NAME || d->ms[m].ent < 0)
        return -1;
    const ekg_dent *e = &d->ents[d->ms[m].ent];
    if (e->thing || (strcmp(e->cls, "Country") != 0 && strcmp(e->cls, "Organization") != 0))
        return -1;
    return d->ms[m].ent;
}

static void sentence_mentions(ekg_docx *d, size_t s, int collect)
{
    const ekg_sentence *st = &d->seg.sents[s];
    size_t end = st->t1;
    ekg_buf b;
    ekg_buf_init(&b);
    for (size_t i = st->t0; i < end;) {
        unsigned f = tflags(d, i);
        const char *w = low(d, i);
        size_t e;
        if (!(f & EKG_TOK_WORD)) {
            i++;
            continue;
        }
        /* descriptors: "the (North Atlantic military) alliance", "the French leader" */
        if ((ekg_tok_class(d, i) & EKG_W_DET) && !collect) {
            size_t k = i + 1, found = 0;
            for (; k < end && k < i + 5; k++) {
                if (!(tflags(d, k) & EKG_TOK_WORD) || (ekg_tok_class(d, k) & EKG_W_STOPWORD))
                    break;
                size_t n;
                const ekg_name *const *c =
                    ekg_ontology_names(d->onto, low(d, k), ekg_tok_len(d, k), &n);
                for (size_t j = 0; j < n && !found; j++)
                    if (c[j]->kind == EKG_NAME_DESCRIPTOR)
                        found = ekg_match_lower(d, c[j]->text, k, end);   /* all its words */
                if (found)
                    break;
            }
            if (found && !(found < end && ekg_tok_is(d, found, "of"))) {
                add_mention(d, i, found, i, s, EKG_M_DESCRIPTOR, -1);
                i = found;
                continue;
            }
            /* the French leader */
            size_t de;
            const ekg_name *dm = i + 1 < end ? gazetteer_at(d, i + 1, end, EKG_NAME_DEMONYM, &de)
                                             : NULL;
            int ot;
            if (dm && de < end && (ekg_tok_is(d, de, "leader") || title_at(d, de, end, &ot) > de) &&
                !(de + 1 < end && (tflags(d, de + 1) & EKG_TOK_CAP))) {
                size_t te = ekg_tok_is(d, de, "leader") ? de + 1 : title_at(d, de, end, &ot);
                int m = add_mention(d, i, te, i, s, EKG_M_DESCRIPTOR, -1);
                d->ms[m].generic_after = ekg_dent_add(d, NULL, NULL, dm->known) + 1;
                i = te;
                continue;
            }
            /* anaphors: "the idea", "this plan" (not followed by content) */
            size_t k2 = i + 1;
            int definite = !strcmp(w, "the") || !strcmp(w, "this") || !strcmp(w, "that") ||
                           !strcmp(w, "these") || !strcmp(w, "those") || !strcmp(w, "such");
            if (definite && k2 < end && thing_class(d, low(d, k2), 1) &&
                !(k2 + 1 < end &&
                  (ekg_tok_is(d, k2 + 1, "of") || ekg_tok_is(d, k2 + 1, "to") ||
                   ekg_tok_is(d, k2 + 1, "for") ||
                   (ekg_tok_is(d, k2 + 1, "on") &&
                    !(k2 + 2 < end && (ekg_tok_class(d, k2 + 2) & EKG_W_TIME))) ||
                   ekg_tok_is(d, k2 + 1, "about") || ekg_tok_is(d, k2 + 1, "regarding") ||
                   (tflags(d, k2 + 1) & EKG_TOK_POSS) ||
                   ((ekg_tok_is(d, k2 + 1, "in") || ekg_tok_is(d, k2 + 1, "at")) &&
                    k2 + 2 < end && (tflags(d, k2 + 2) & EKG_TOK_CAP))))) {
                add_mention(d, i, k2 + 1, i, s, EKG_M_ANAPHOR, -1);
                i = k2 + 1;
                continue;
            }
        }
        /* pronouns */
        if ((ekg_tok_class(d, i) & EKG_W_PRONOUN) && !collect) {
            add_mention(d, i, i + 1, i, s, EKG_M_PRONOUN, -1);
            i++;
            continue;
        }
        /* gazetteer names */
        const ekg_name *nm = gazetteer_at(d, i, end, EKG_NAME_NAME, &e);
        if (nm && e == i + 1 && !collect) {
            /* a surname of someone named in full in this document ("Jim Jordan ... Jordan") */
            int kp = known_person(d, ekg_tok_text(d, i), ekg_tok_len(d, i));
            if (kp >= 0 && strchr(d->ents[kp].label, ' ')) {
                ekg_dent_surface(d, kp, ekg_tok_text(d, i), ekg_tok_len(d, i));
                size_t np0 = i;
                add_mention(d, i, e, np0, s, EKG_M_NAME, kp);
                i = e;
                continue;
            }
        }
        size_t oe = nm && strcmp(nm->known->cls, "Country") == 0
                        ? country_led_org(d, s, i, e, end)
                        : 0;
        if (!oe && !nm) {
            const ekg_name *dn = gazetteer_at(d, i, end, EKG_NAME_DEMONYM, &e);
            oe = dn ? country_led_org(d, s, i, e, end) : 0;
            if (!oe)
                e = 0;
        }
        if (oe) {   /* "UK Independence Party", "British National Party" */
            size_t n;
            const char *sp = span_text(d, i, oe, &n);
            ekg_buf_clear(&b);
            ekg_buf_put(&b, sp, n);
            int ent = ekg_dent_add(d, b.data, "Organization", NULL);
            if (!collect) {
                ekg_dent_surface(d, ent, sp, n);
                size_t np0 = i;
                if (np0 > st->t0 && (ekg_tok_class(d, np0 - 1) & EKG_W_DET))
                    np0--;
                add_mention(d, i, oe, np0, s, EKG_M_NAME, ent);
            }
            i = acronym_after(d, s, i, oe, ent);
            continue;
        }
        if (nm) {
            int ent = ekg_dent_add(d, NULL, NULL, nm->known);
            size_t n;
            const char *sp = span_text(d, i, e, &n);
            ekg_dent_surface(d, ent, sp, n);
            size_t ge = strcmp(nm->known->cls, "Country") == 0 && e < end ? group_after(d, e, end)
                                                                          : 0;
            if (ge)
                e = ge;   /* "US warplanes", "Sudan government": the country acts */
            size_t np0 = i;
            if (np0 > st->t0 && (ekg_tok_class(d, np0 - 1) & EKG_W_DET))
                np0--;
            if (!collect)
                add_mention(d, i, e, np0, s, EKG_M_NAME, ent);
            i = acronym_after(d, s, i, e, ent);
            continue;
        }
        /* an acronym the document introduced ("the ADB said") */
        int ac = acronym_at(d, i);
        if (ac >= 0) {
            if (!collect) {
                ekg_dent_surface(d, ac, ekg_tok_text(d, i), ekg_tok_len(d, i));
                size_t np0 = i;
                if (np0 > st->t0 && (ekg_tok_class(d, np0 - 1) & EKG_W_DET))
                    np0--;
                add_mention(d, i, i + 1, np0, s, EKG_M_NAME, ac);
            }
            i++;
            continue;
        }
        /* demonym + government: the country */
        const ekg_name *dm = gazetteer_at(d, i, end, EKG_NAME_DEMONYM, &e);
        size_t he = dm ? org_head_after(d, e, end) : 0;
        if (he && !state_body(d, e, he))
            he = 0;   /* "the Lebanese company" is not Lebanon; "the French government" is */
        if (dm && !he)
            he = group_after(d, e, end);
        int tt;
        if (dm && !he && e < end && !(tflags(d, e) & EKG_TOK_CAP)) {
            /* "the Syrian foreign minister said": a title without a name */
            size_t te = title_at(d, e, end, &tt);
            if (te > e && !(te < end && (tflags(d, te) & EKG_TOK_CAP)))
                he = te;
        }
        if (dm && he) {   /* "the French government", "the Ivorian air force" */
            int ent = ekg_dent_add(d, NULL, NULL, dm->known);
            size_t n;
            const char *sp = span_text(d, i, he, &n);
            if (org_head_after(d, e, end) == he)   /* "the French government" names it */
                ekg_dent_surface(d, ent, sp, n);
            size_t np0 = i;
            if (np0 > st->t0 && (ekg_tok_class(d, np0 - 1) & EKG_W_DET))
                np0--;
            if (!collect)
                add_mention(d, i, he, np0, s, EKG_M_NAME, ent);
            i = he;
            continue;
        }
        if (dm) {   /* "French President ...": the demonym modifies what follows */
            i = e;
            continue;
        }
        /* things */
        if (!collect && (e = thing_at(d, s, i, end)) != 0) {
            i = e;
            continue;
        }
        /* "Republican lawmakers", "Democratic leaders": the party acts */
        size_t pe;
        if (!collect && (pe = party_members_at(d, s, i, end, &b)) != 0 &&
            !(pe < end && (tflags(d, pe) & EKG_TOK_CAP)) &&
            (ekg_tok_is(d, pe - 1, "leadership") ||
             low(d, pe - 1)[strlen(low(d, pe - 1)) - 1] == 's')) {
            /* a plural: "Islamist leader, X" is a person, not the party */
            int ent = ekg_dent_add(d, b.data, "Organization", NULL);
            size_t np0 = i;
            if (np0 > st->t0 && (ekg_tok_class(d, np0 - 1) & EKG_W_DET))
                np0--;
            add_mention(d, i, pe, np0, s, EKG_M_NAME, ent);
            i = pe;
            continue;
        }
        /* unknown proper names; a capitalised determiner is not part of one
           ("The Northern Fisheries Council said": the council, not "The ...") */
        if ((f & EKG_TOK_CAP) && (ekg_tok_class(d, i) & EKG_W_DET) && i + 1 < end &&
            (tflags(d, i + 1) & EKG_TOK_CAP)) {
            i++;
            continue;
        }
        if ((f & EKG_TOK_CAP) && !(f & EKG_TOK_NUM)) {
            size_t r = i;
            while (r < end) {
                if (r >= i + 2 && (ekg_tok_class(d, r) & EKG_W_TIME) &&
                    !(ekg_tok_class(d, r) & EKG_W_AUX))
                    break;   /* "Ian Paisley Monday": a time after a name ("Theresa May" is one) */
                if ((tflags(d, r) & EKG_TOK_CAP) && !(tflags(d, r) & EKG_TOK_NUM)) {
                    size_t ge;
                    if (r > i && i == st->t0 && party_members_at(d, s, r, end, &b))
                        break;   /* "Three Republican lawmakers": the party's own mention */
                    if (r > i && (gazetteer_at(d, r, end, EKG_NAME_NAME, &ge) ||
                                  gazetteer_at(d, r, end, EKG_NAME_DEMONYM, &ge))) {
                        if (surname_like(d, s, i, r, ge, end)) {
                            r = ge;   /* "lawmaker Jim Jordan": a surname, not the country */
                            break;
                        }
                        break;
                    }
                    r++;
                } else if (r > i && r + 1 < end && (ekg_tok_class(d, r) & EKG_W_CONNECTOR) &&
                           (tflags(d, r + 1) & EKG_TOK_CAP)) {
                    r++;
                } else {
                    break;
                }
                if (r - i >= 8)
                    break;
            }
            while (r > i + 1 && (ekg_tok_class(d, r - 1) & EKG_W_CONNECTOR))
                r--;
            if (st->title) {   /* headlines: only people already known in the document */
                size_t best = 0;
                int kp = -1;
                for (size_t k = i + 1; k <= r && k <= i + 3; k++) {
                    size_t n;
                    const char *sp = span_text(d, i, k, &n);
                    int p = known_person(d, sp, n);
                    if (p >= 0) {
                        kp = p;
                        best = k;
                    }
                }
                if (kp >= 0 && !collect) {
                    size_t n;
                    const char *sp = span_text(d, i, best, &n);
                    ekg_dent_surface(d, kp, sp, n);
                    size_t np0;
                    modifier_before(d, s, i, &np0);
                    int org = possessor_before(d, s, i, kp);
                    if (org >= 0)
                        add_affil(d, kp, org, NULL, 0);   /* "Mexico's Fox Presents ..." */
                    add_mention(d, i, best, np0, s, EKG_M_NAME, kp);
                }
                i = kp >= 0 ? best : i + 1;
                continue;
            }
            /* titles: peel them off the front, or take a lower-case title before */
            int org_title = 0;
            size_t tstart = i, tend = i;
            for (size_t k = i; k < r;) {
                size_t te = title_at(d, k, r, &org_title);
                if (te == k)
                    break;
                tend = k = te;
            }
            if (tend == i && i > st->t0) {   /* "NATO chief Jens Stoltenberg" */
                for (size_t k = i > st->t0 + 3 ? i - 3 : st->t0; k < i; k++) {
                    if (title_at(d, k, i, &org_title) == i) {
                        tstart = k;
                        tend = i;
                        break;
                    }
                }
            }
            if (tend == i && r - i >= 3) {
                /* "Senate Majority Leader Mitch McConnell": a title inside the run, the
                   name after it; the words before it qualify the title */
                for (size_t k = i + 1; k + 1 < r && k < i + 4 && tend == i; k++) {
                    size_t te = title_at(d, k, r, &org_title);
                    if (te > k && r - te >= 1 && r - te <= 3) {
                        tstart = i;
                        tend = te;
                    }
                }
            }
            /* "Minister of Defence Ali Khan", "the Director of Public Prosecutions": the
               phrase with "of" belongs to the title (no name begins with "of"); a name
               after it is its last two words */
            if (tend > tstart && tend < r && ekg_tok_is(d, tend, "of"))
                tend = r - tend - 1 > 2 ? r - 2 : r;
            size_t n0 = tend > i ? tend : i;
            size_t nlen = r > n0 ? r - n0 : 0;
            int has_title = tend > tstart;
            ekg_buf_clear(&b);
            int orghead = 0;
            for (size_t k = i; k < r; k++)
                if (ekg_ontology_lex(d->onto, EKG_LEX_ORG_HEAD, low(d, k), ekg_tok_len(d, k)))
                    orghead = 1;
            int ent = -1;
            size_t mstart = n0, mend = r;
            size_t n = 0;
            const char *sp = nlen ? span_text(d, n0, r, &n) : NULL;
            if (orghead && !has_title && r - i >= 2 && !st->title && (i > st->t0 || r - i >= 3)) {
                sp = span_text(d, i, r, &n);
                mstart = i;
                ekg_buf_put(&b, sp, n);
                ent = ekg_dent_add(d, b.data, "Organization", NULL);
            } else if (has_title && nlen >= 1 && nlen <= 4 && !st->title &&
                       !(nlen == 1 && (tflags(d, n0) & EKG_TOK_ALLCAP)) &&
                       !(nlen == 1 && ekg_tok_is(d, tend - 1, "."))) {
                /* an abbreviated title and a surname alone ("Rep. Franks to resign", often
                   a headline before the full name) make no person of their own; a person
                   named in full elsewhere is still found below */
                int kp = known_person(d, sp, n);
                if (kp >= 0) {
                    ent = kp;
                } else {
                    ekg_buf_put(&b, sp, n);
                    ent = ekg_dent_add(d, b.data, "Person", NULL);
                }
                size_t np0;
                int org = modifier_before(d, s, tstart, &np0);
                size_t rl;
                const char *role = span_text(d, tstart, tend, &rl);
                if (org >= 0 && !org_title)
                    add_affil(d, ent, org, role, rl);
                else if (org >= 0)
                    add_affil(d, ent, org, role, rl);
                else
                    add_affil(d, ent, ent, role, rl);   /* role only: kept as self */
                int party = party_before(d, s, tstart, tend, np0);
                if (party >= 0)
                    add_affil(d, ent, party, role, rl);   /* "Republican Rep. Jim Jordan" */
                mstart = n0;
                if (!collect) {
                    ekg_dent_surface(d, ent, sp, n);
                    add_mention(d, n0, r, np0 < tstart ? np0 : tstart, s, EKG_M_NAME, ent);
                }
                i = r;
                continue;
            } else if (nlen >= 1 && nlen <= 4) {
                ent = known_person(d, sp, n);
            } else if (nlen == 0 && has_title && !st->title && !collect) {
                /* "Italy's Interior Minister visits Libya": the country acts */
                size_t np0;
                int org = modifier_before(d, s, tstart, &np0);
                if (org >= 0 && strcmp(d->ents[org].cls, "Country") == 0) {
                    size_t rl;
                    const char *tx = span_text(d, np0, r, &rl);
                    ekg_dent_surface(d, org, tx, rl);
                    add_mention(d, np0, r, np0, s, EKG_M_NAME, org);
                    i = r;
                    continue;
                }
            }
            if (ent < 0 && r <= i + 2 && group_plural(d, r - 1) && !st->title &&
                !(r < end && (tflags(d, r) & EKG_TOK_CAP))) {
                sp = span_text(d, r - 1, r, &n);
                ekg_buf_clear(&b);
                ekg_buf_put(&b, sp, n);
                ent = ekg_dent_add(d, b.data, "Organization", NULL);
                mstart = r - 1;
                int fm = !collect && mstart >= st->t0 + 3 && ekg_tok_is(d, mstart - 1, "fellow") &&
                                 (tflags(d, mstart - 2) & EKG_TOK_POSS)
                             ? d->tok_mention[mstart - 3]
                             : -1;
                if (fm >= 0 && d->ms[fm].kind == EKG_M_NAME && d->ms[fm].ent >= 0 &&
                    strcmp(d->ents[d->ms[fm].ent].cls, "Person") == 0)
                    add_affil(d, d->ms[fm].ent, ent, NULL, 0);   /* "Trump's fellow Republicans" */
            }
            size_t ae, ts = 0, te = 0;
            int aorg;
            if ((ent < 0 || strcmp(d->ents[ent].cls, "Person") == 0) && !st->title &&
                r - i >= 2 && r - i <= 3 && name_words(d, i, r) &&
                !(i > st->t0 && (ekg_tok_class(d, i - 1) & EKG_W_DET)) &&
                (ae = apposition_title(d, s, r, &aorg, &ts, &te)) != 0) {
                /* "Jack Straw, the British foreign secretary, ...": a person, affiliated;
                   the apposition is part of the mention, not an actor of its own */
                sp = span_text(d, i, r, &n);
                ekg_buf_clear(&b);
                ekg_buf_put(&b, sp, n);
                if (ent < 0)
                    ent = ekg_dent_add(d, b.data, "Person", NULL);
                size_t rl;
                const char *role = span_text(d, ts, te, &rl);
                add_affil(d, ent, aorg >= 0 ? aorg : ent, role, rl);
                if (!collect) {
                    ekg_dent_surface(d, ent, sp, n);
                    size_t np0 = i;
                    add_mention(d, i, ae, np0, s, EKG_M_NAME, ent);
                }
                i = ae;
                continue;
            }
            if (ent < 0 && looks_like_person(d, s, i, r)) {
                sp = span_text(d, i, r, &n);
                ekg_buf_clear(&b);
                ekg_buf_put(&b, sp, n);
                ent = ekg_dent_add(d, b.data, "Person", NULL);
                mstart = i;
            }
            if (ent >= 0 && !collect && strcmp(d->ents[ent].cls, "Person") == 0) {
                int org = possessor_before(d, s, mstart, ent);
                if (org >= 0)
                    add_affil(d, ent, org, NULL, 0);   /* "Mexico's Vicente Fox said" */
            }
            if (ent >= 0 && !collect) {
                sp = span_text(d, mstart, mend, &n);
                ekg_dent_surface(d, ent, sp, n);
                size_t np0 = mstart;
                if (np0 > st->t0 && (ekg_tok_class(d, np0 - 1) & EKG_W_DET))
                    np0--;
                add_mention(d, mstart, mend, np0, s, EKG_M_NAME, ent);
            }
            if (ent >= 0 && mend == r)
                r = acronym_after(d, s, mstart, r, ent);
            i = r > i ? r : i + 1;
            continue;
        }
        i++;
    }
    ekg_buf_free(&b);
}

void ekg_find_mentions(ekg_docx *d)
{
    d->tok_mention = ekg_xmalloc((d->seg.ntoks + 1) * sizeof *d->tok_mention);
    d->names = ekg_xcalloc(d->seg.ntoks + 1, sizeof *d->names);
    for (size_t t = 0; t < d->seg.ntoks; t++)
        d->tok_mention[t] = -1;
    /* pass 1: people typed by their titles, so that surnames and headlines find them */
    for (size_t s = 0; s < d->seg.nsents; s++)
        if (!d->seg.sents[s].title)
            sentence_mentions(d, s, 1);
    for (size_t t = 0; t < d->seg.ntoks; t++)
        d->tok_mention[t] = -1;
    d->nms = 0;
    for (size_t s = 0; s < d->seg.nsents; s++)
        sentence_mentions(d, s, 0);
    /* role-only affiliations (person -> itself) are dropped now */
    for (size_t i = 0; i < d->nents; i++) {
        ekg_dent *e = &d->ents[i];
        size_t k = 0;
        for (size_t j = 0; j < e->naffil; j++) {
            if (e->affil[j] == (int)i) {
                free(e->roles[j]);
                continue;
            }
            e->affil[k] = e->affil[j];
            e->roles[k++] = e->roles[j];
        }
        e->naffil = k;
    }
}
