/*
 * write_jsonld.c - JSON-LD from the quads of ekg_rdf_emit().
 *
 *     {"@context": <ontology/context.jsonld's @context, inlined>,
 *      "@graph": [ one node object per subject, ... ]}
 *
 * The context is read and written with jansson. The node objects are
 * streamed: each subject's values are rendered into a scratch buffer as they
 * come, grouped by key when the subject ends and written at once, in the
 * layout jansson's json_dumps() gives (", " and ": " separators, keys in
 * order of first use, "@type" always an array); strings are escaped by
 * ekg_escape_json(). Time is linear in the output, memory bounded by the
 * largest node object and the (few) distinct keys and types.
 *
 * Keys, "@id" and "@type" values are compacted only where the inlined context
 * makes that safe (see analyse()); otherwise full IRIs are written, so that
 * a JSON-LD 1.1 processor's toRDF gives exactly the quads emitted. Literals
 * are value objects: no native numbers (RECIPES: no JSON floats).
 */
#include "write.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

/* What the context says of one term. */
typedef struct term_info {
    char *iri;          /* expanded IRI, NULL if unknown (vocab-relative, null...) */
    int prefix_ok;      /* usable as the prefix of a compact IRI (JSON-LD 1.1 rules) */
    int key_ok;         /* usable as a property key meaning exactly `iri` */
    int coerces;        /* @type / @language / @direction: bare strings would change */
} term_info;

typedef struct jwriter {
    const ekg_graph *g;
    ekg_out out;
    ekg_error *err;
    json_t *ctx;                   /* the @context value we inline (owned) */
    ekg_map *terms;                /* term name -> term_info* */
    term_info **infos;
    size_t ninfos;
    int ctx_lang;                  /* the context sets a default @language / @direction */
    const char *pfx[16];           /* per builtin namespace: usable prefix name or NULL */
    const char *ns[16];
    size_t nns;
    struct ncache *types, *keys;   /* per type / predicate node: its rendered compact form */
    const char *dt_iri[4];
    char *dt_compact[4];
    /* the node object being built */
    long cur_node;                 /* its subject's node number, -1 before the first */
    struct scratch {
        char *data;
        size_t len, cap;
    } vals;                        /* its "@id" value, then every value, rendered */
    size_t id_len;
    struct jentry {
        const char *key;           /* rendered key ("\"name\": "), owned by a cache */
        size_t off, len;           /* the value in vals */
    } *ents;
    size_t nents, cap_ents;
    unsigned char *done;
    size_t nnodes;
    int failed;
} jwriter;

/* ---- a small node -> rendered string cache (types and predicates are few) ---- */

typedef struct ncache {
    long *nodes;                   /* -1: empty */
    char **strs;                   /* rendered JSON, owned */
    term_info **infos;             /* keys: what the context says of the key, or NULL */
    size_t cap, n;
} ncache;

static ncache *nc_new(void)
{
    ncache *c = ekg_xcalloc(1, sizeof *c);
    c->cap = 64;
    c->nodes = ekg_xmalloc(c->cap * sizeof *c->nodes);
    c->strs = ekg_xcalloc(c->cap, sizeof *c->strs);
    c->infos = ekg_xcalloc(c->cap, sizeof *c->infos);
    for (size_t i = 0; i < c->cap; i++)
        c->nodes[i] = -1;
    return c;
}

static void nc_free(ncache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->cap; i++)
        free(c->strs[i]);
    free(c->nodes);
    free(c->strs);
    free(c->infos);
    free(c);
}

/* The slot of node (found, or empty where it goes). */
static size_t nc_slot(const ncache *c, long node)
{
    size_t i = ((size_t)node * 0x9E3779B97F4A7C15u) & (c->cap - 1);
    while (c->nodes[i] != -1 && c->nodes[i] != node)
        i = (i + 1) & (c->cap - 1);
    return i;
}

static void nc_grow(ncache *c)
{
    ncache old = *c;
    c->cap *= 2;
    c->nodes = ekg_xmalloc(c->cap * sizeof *c->nodes);
    c->strs = ekg_xcalloc(c->cap, sizeof *c->strs);
    c->infos = ekg_xcalloc(c->cap, sizeof *c->infos);
    for (size_t i = 0; i < c->cap; i++)
        c->nodes[i] = -1;
    for (size_t i = 0; i < old.cap; i++) {
        if (old.nodes[i] == -1)
            continue;
        size_t k = nc_slot(c, old.nodes[i]);
        c->nodes[k] = old.nodes[i];
        c->strs[k] = old.strs[i];
        c->infos[k] = old.infos[i];
    }
    free(old.nodes);
    free(old.strs);
    free(old.infos);
}

static const char gen_delims[] = ":/?#[]@";

/* ---- context analysis ---- */

static term_info *term_get(jwriter *w, const char *name)
{
    return ekg_map_get(w->terms, name, strlen(name));
}

/* Expands a term definition's IRI (absolute, or compact with a known prefix). */
static char *expand(jwriter *w, const char *v)
{
    const char *colon = strchr(v, ':');
    if (!colon)
        return NULL;   /* a term or a vocab-relative IRI: we do not guess */
    if (colon[1] == '/' && colon[2] == '/')
        return ekg_xstrdup(v);
    char *prefix = ekg_xstrndup(v, (size_t)(colon - v));
    term_info *t = term_get(w, prefix);
    free(prefix);
    if (t && t->iri) {
        ekg_buf b;
        ekg_buf_init(&b);
        ekg_buf_puts(&b, t->iri);
        ekg_buf_puts(&b, colon + 1);
        return ekg_buf_detach(&b);
    }
    return ekg_xstrdup(v);   /* absolute IRI such as urn:x */
}

static void add_term(jwriter *w, const char *name, json_t *def)
{
    term_info *t = ekg_xcalloc(1, sizeof *t);
    w->infos = ekg_xrealloc(w->infos, (w->ninfos + 1) * sizeof *w->infos);
    w->infos[w->ninfos++] = t;
    int simple_name = !strchr(name, ':') && !strchr(name, '/');
    if (json_is_string(def)) {
        t->iri = expand(w, json_string_value(def));
        size_t n = t->iri ? strlen(t->iri) : 0;
        t->prefix_ok = simple_name && n && strchr(gen_delims, t->iri[n - 1]);
        t->key_ok = t->iri != NULL;
    } else if (json_is_object(def)) {
        json_t *id = json_object_get(def, "@id");
        if (json_is_string(id)) {
            t->iri = expand(w, json_string_value(id));
        }
        t->prefix_ok = simple_name && t->iri && json_is_true(json_object_get(def, "@prefix"));
        t->key_ok = t->iri != NULL;
        const char *k;
        json_t *v;
        json_object_foreach(def, k, v) {
            if (!strcmp(k, "@type") || !strcmp(k, "@language") || !strcmp(k, "@direction")) {
                t->coerces = 1;
            } else if (!strcmp(k, "@container")) {
                if (!(json_is_string(v) && !strcmp(json_string_value(v), "@set")))
                    t->key_ok = 0;
            } else if (strcmp(k, "@id") && strcmp(k, "@prefix") && strcmp(k, "@protected")) {
                t->key_ok = 0;   /* @reverse, @context, @nest, @index... */
            }
        }
    }
    ekg_map_put(w->terms, name, strlen(name), t);
}

static void analyse_object(jwriter *w, json_t *ctx)
{
    const char *k;
    json_t *v;
    /* prefixes first, so that definitions using them expand whatever the key order */
    for (int pass = 0; pass < 2; pass++) {
        json_object_foreach(ctx, k, v) {
            if (k[0] == '@') {
                if (pass == 0 && (!strcmp(k, "@language") || !strcmp(k, "@direction")) &&
                    !json_is_null(v))
                    w->ctx_lang = 1;
                continue;
            }
            int is_abs = json_is_string(v) && strstr(json_string_value(v), "://");
            if ((pass == 0) == (is_abs != 0))
                add_term(w, k, v);
        }
    }
}

/* Reads the ontology's context and decides how to compact each namespace. */
static void analyse(jwriter *w)
{
    w->terms = ekg_map_new();
    const ekg_ontology *onto = ekg_graph_ontology(w->g);
    const char *text = onto ? ekg_ontology_context(onto) : NULL;
    json_t *root = text ? json_loads(text, 0, NULL) : NULL;
    if (root) {
        json_t *c = json_is_object(root) ? json_object_get(root, "@context") : NULL;
        if (c && (json_is_object(c) || json_is_array(c)))
            w->ctx = json_incref(c);
        json_decref(root);
    }
    if (!w->ctx) {
        /* no usable context: one of our prefixes */
        w->ctx = json_object();
        for (size_t i = 0; i < ekg_rdf_n_prefixes(); i++) {
            const ekg_prefix *p = ekg_rdf_prefix(w->g, i);
            json_object_set_new(w->ctx, p->prefix, json_string(p->iri));
        }
    }
    if (json_is_object(w->ctx)) {
        analyse_object(w, w->ctx);
    } else {
        size_t i;
        json_t *c;
        json_array_foreach(w->ctx, i, c) {
            if (json_is_object(c))
                analyse_object(w, c);
            else if (json_is_null(c))
                w->ctx_lang = 0;   /* terms before a null are gone too; rare: kept simple */
        }
    }
    w->nns = ekg_rdf_n_prefixes();
    if (w->nns > 16)
        w->nns = 16;
    for (size_t i = 0; i < w->nns; i++) {
        const ekg_prefix *p = ekg_rdf_prefix(w->g, i);
        w->ns[i] = p->iri;
        term_info *t = term_get(w, p->prefix);
        if (t && t->prefix_ok && t->iri && !strcmp(t->iri, p->iri)) {
            w->pfx[i] = p->prefix;
            continue;
        }
        /* any other term naming that namespace as a prefix */
        for (size_t s = 0; s < ekg_map_capacity(w->terms); s++) {
            const char *name;
            void *v;
            if (!ekg_map_slot(w->terms, s, &name, &v))
                continue;
            t = v;
            if (t->prefix_ok && t->iri && !strcmp(t->iri, p->iri) &&
                (!w->pfx[i] || strlen(name) < strlen(w->pfx[i]) ||
                 (strlen(name) == strlen(w->pfx[i]) && strcmp(name, w->pfx[i]) < 0)))
                w->pfx[i] = name;
        }
    }
}

/*
 * The compact form of iri: for keys and types (vocab) a term naming exactly
 * iri (keys only) or a compact IRI that is not itself a term; for "@id" any
 * compact IRI with a usable prefix. Caller frees.
 */
static char *compact(jwriter *w, const char *iri, int vocab, int key)
{
    if (key) {
        const char *best = NULL;
        for (size_t s = 0; s < ekg_map_capacity(w->terms); s++) {
            const char *name;
            void *v;
            if (!ekg_map_slot(w->terms, s, &name, &v))
                continue;
            term_info *t = v;
            if (t->key_ok && t->iri && !strcmp(t->iri, iri) && !strchr(name, ':') &&
                (!best || strlen(name) < strlen(best) ||
                 (strlen(name) == strlen(best) && strcmp(name, best) < 0)))
                best = name;
        }
        if (best)
            return ekg_xstrdup(best);
    }
    for (size_t i = 0; i < w->nns; i++) {
        size_t n = strlen(w->ns[i]);
        if (!w->pfx[i] || strncmp(iri, w->ns[i], n) != 0)
            continue;
        const char *local = iri + n;
        if (local[0] == '/' && local[1] == '/')
            continue;
        ekg_buf b;
        ekg_buf_init(&b);
        ekg_buf_printf(&b, "%s:%s", w->pfx[i], local);
        if (vocab) {
            term_info *t = term_get(w, b.data);
            if (t && !(t->iri && !strcmp(t->iri, iri) && t->key_ok)) {
                ekg_buf_free(&b);
                continue;
            }
        }
        return ekg_buf_detach(&b);
    }
    return ekg_xstrdup(iri);
}

/* ---- rendering ---- */

static char *scratch_reserve(struct scratch *b, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n)
            cap *= 2;
        b->data = ekg_xrealloc(b->data, cap);
        b->cap = cap;
    }
    return b->data + b->len;
}

static void scratch_put(struct scratch *b, const char *s, size_t n)
{
    memcpy(scratch_reserve(b, n), s, n);
    b->len += n;
}

#define PUT_LIT(b, lit) scratch_put((b), (lit), sizeof(lit) - 1)

/* Appends s[0..n) as a JSON string, quotes included. */
static void scratch_str(struct scratch *b, const char *s, size_t n)
{
    char *p = scratch_reserve(b, EKG_JSON_MAX(n) + 2);
    char *start = p;
    *p++ = '"';
    p += ekg_escape_json(p, s, n);
    *p++ = '"';
    b->len += (size_t)(p - start);
}

/* Renders a string as JSON into a new string (caller frees); suffix appended. */
static char *render(const char *s, const char *suffix)
{
    struct scratch b = {NULL, 0, 0};
    scratch_str(&b, s, strlen(s));
    scratch_put(&b, suffix, strlen(suffix) + 1);
    return b.data;
}

/* The "@id" value of an IRI: as compact(w, iri, 0, 0), rendered without allocating. */
static void scratch_id(jwriter *w, struct scratch *b, const char *iri, size_t len)
{
    for (size_t i = 0; i < w->nns; i++) {
        size_t n = strlen(w->ns[i]);
        if (!w->pfx[i] || n > len || strncmp(iri, w->ns[i], n) != 0)
            continue;
        const char *local = iri + n;
        if (local[0] == '/' && local[1] == '/')
            continue;
        size_t pl = strlen(w->pfx[i]), ll = len - n;
        char *p = scratch_reserve(b, EKG_JSON_MAX(pl + 1 + ll) + 2);
        char *start = p;
        *p++ = '"';
        p += ekg_escape_json(p, w->pfx[i], pl);
        *p++ = ':';
        p += ekg_escape_json(p, local, ll);
        *p++ = '"';
        b->len += (size_t)(p - start);
        return;
    }
    scratch_str(b, iri, len);
}

/* The rendered compact form of a type (use 1) or key (use 2) node, made once. */
static const char *cached(jwriter *w, const ekg_rdf_term *t, int use, term_info **kt)
{
    ncache *c = use == 1 ? w->types : w->keys;
    size_t i = nc_slot(c, t->node);
    if (c->nodes[i] == -1) {
        if ((c->n + 1) * 2 > c->cap) {
            nc_grow(c);
            i = nc_slot(c, t->node);
        }
        char *name = compact(w, t->value, 1, use == 2);
        c->nodes[i] = t->node;
        c->infos[i] = use == 2 ? term_get(w, name) : NULL;
        c->strs[i] = render(name, use == 2 ? ": " : "");
        c->n++;
        free(name);
    }
    if (kt)
        *kt = c->infos[i];
    return c->strs[i];
}

static const char *datatype(jwriter *w, const char *dt)
{
    for (int i = 0; i < 4; i++) {
        if (w->dt_iri[i] && !strcmp(w->dt_iri[i], dt))
            return w->dt_compact[i];
        if (!w->dt_iri[i]) {
            w->dt_iri[i] = dt;
            char *name = compact(w, dt, 1, 0);
            w->dt_compact[i] = render(name, "");
            free(name);
            return w->dt_compact[i];
        }
    }
    return NULL;   /* not reached: the mapping uses three datatypes */
}

/* ---- writing ---- */

static const char type_key[] = "\"@type\": ";

static void out_scratch(ekg_out *o, const struct jwriter *w, size_t off, size_t len)
{
    ekg_out_write(o, w->vals.data + off, len);
}

/* Writes the node object being built, its values grouped by key in order of first use. */
static int flush_node(jwriter *w)
{
    if (w->cur_node < 0)
        return 0;
    ekg_out *o = &w->out;
    if (w->nnodes++)
        ekg_out_write(o, ",\n", 2);
    ekg_out_write(o, "{\"@id\": ", 8);
    out_scratch(o, w, 0, w->id_len);
    memset(w->done, 0, w->nents);
    for (size_t i = 0; i < w->nents; i++) {
        if (w->done[i])
            continue;
        const char *key = w->ents[i].key;
        size_t m = 0;
        for (size_t j = i; j < w->nents; j++)
            if (!w->done[j] && (w->ents[j].key == key || !strcmp(w->ents[j].key, key)))
                m++;
        ekg_out_write(o, ", ", 2);
        ekg_out_puts(o, key);
        int array = m > 1 || key == type_key;
        if (array)
            ekg_out_putc(o, '[');
        size_t k = 0;
        for (size_t j = i; j < w->nents && k < m; j++) {
            if (w->done[j] || !(w->ents[j].key == key || !strcmp(w->ents[j].key, key)))
                continue;
            if (k++)
                ekg_out_write(o, ", ", 2);
            out_scratch(o, w, w->ents[j].off, w->ents[j].len);
            w->done[j] = 1;
        }
        if (array)
            ekg_out_putc(o, ']');
    }
    ekg_out_putc(o, '}');
    w->cur_node = -1;
    return o->failed ? -1 : 0;
}

/* Starts a value under key: returns the scratch buffer to render it into. */
static struct scratch *begin_value(jwriter *w, const char *key)
{
    if (w->nents == w->cap_ents) {
        w->cap_ents = w->cap_ents ? 2 * w->cap_ents : 64;
        w->ents = ekg_xrealloc(w->ents, w->cap_ents * sizeof *w->ents);
        w->done = ekg_xrealloc(w->done, w->cap_ents);
    }
    w->ents[w->nents].key = key;
    w->ents[w->nents].off = w->vals.len;
    return &w->vals;
}

static void end_value(jwriter *w)
{
    w->ents[w->nents].len = w->vals.len - w->ents[w->nents].off;
    w->nents++;
}

static int j_quad(void *data, const ekg_quad *q)
{
    jwriter *w = data;
    if (q->s->node != w->cur_node) {
        if (flush_node(w))
            return -1;
        w->cur_node = q->s->node;
        w->vals.len = 0;
        w->nents = 0;
        scratch_id(w, &w->vals, q->s->value, q->s->len);
        w->id_len = w->vals.len;
    }
    const ekg_rdf_term *o = q->o;
    static const char rdf_type[] = EKG_NS_RDF "type";
    if (o->kind == EKG_RDF_IRI && q->p->len == sizeof rdf_type - 1 &&
        !memcmp(q->p->value, rdf_type, sizeof rdf_type - 1)) {
        const char *t = cached(w, o, 1, NULL);
        scratch_put(begin_value(w, type_key), t, strlen(t));
        end_value(w);
        return 0;
    }
    term_info *kt;
    const char *key = cached(w, q->p, 2, &kt);
    struct scratch *b = begin_value(w, key);
    if (o->kind == EKG_RDF_IRI) {
        PUT_LIT(b, "{\"@id\": ");
        scratch_id(w, b, o->value, o->len);
        PUT_LIT(b, "}");
    } else if (o->lang) {
        PUT_LIT(b, "{\"@value\": ");
        scratch_str(b, o->value, o->len);
        PUT_LIT(b, ", \"@language\": ");
        scratch_str(b, o->lang, strlen(o->lang));
        PUT_LIT(b, "}");
    } else if (o->datatype) {
        PUT_LIT(b, "{\"@value\": ");
        scratch_str(b, o->value, o->len);
        PUT_LIT(b, ", \"@type\": ");
        const char *dt = datatype(w, o->datatype);
        scratch_put(b, dt, strlen(dt));
        PUT_LIT(b, "}");
    } else if (w->ctx_lang || (kt && kt->coerces)) {
        PUT_LIT(b, "{\"@value\": ");
        scratch_str(b, o->value, o->len);
        PUT_LIT(b, "}");
    } else {
        scratch_str(b, o->value, o->len);
    }
    end_value(w);
    return 0;
}

int ekg_write_jsonld(const ekg_graph *g, ekg_sink sink, void *data, ekg_error *err)
{
    jwriter w;
    memset(&w, 0, sizeof w);
    w.g = g;
    w.err = err;
    w.cur_node = -1;
    w.types = nc_new();
    w.keys = nc_new();
    analyse(&w);
    ekg_out_init(&w.out, sink, data);

    int rc = 0;
    char *ctx = json_dumps(w.ctx, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
    if (!ctx) {
        ekg_error_set(err, NULL, 0, 0, "cannot encode the JSON-LD context");
        rc = -1;
    } else {
        ekg_out_puts(&w.out, "{\n\"@context\": ");
        ekg_out_puts(&w.out, ctx);
        ekg_out_puts(&w.out, ",\n\"@graph\": [\n");
        free(ctx);
        rc = ekg_rdf_emit(g, j_quad, &w) ? -1 : 0;
        if (rc == 0)
            rc = flush_node(&w);
        ekg_out_puts(&w.out, "\n]\n}\n");
    }
    json_decref(w.ctx);
    nc_free(w.types);
    nc_free(w.keys);
    free(w.vals.data);
    free(w.ents);
    free(w.done);
    for (int i = 0; i < 4; i++)
        free(w.dt_compact[i]);
    for (size_t i = 0; i < w.ninfos; i++) {
        free(w.infos[i]->iri);
        free(w.infos[i]);
    }
    free(w.infos);
    ekg_map_free(w.terms);
    if (ekg_out_finish(&w.out)) {
        ekg_error_set(err, NULL, 0, 0, "cannot write the JSON-LD output");
        return -1;
    }
    if (rc)
        ekg_error_set(err, NULL, 0, 0, "cannot encode the graph as JSON-LD");
    return rc;
}
