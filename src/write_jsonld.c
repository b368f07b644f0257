/*
 * write_jsonld.c - JSON-LD through jansson, from the quads of ekg_rdf_emit().
 *
 *     {"@context": <ontology/context.jsonld's @context, inlined>,
 *      "@graph": [ one node object per subject, ... ]}
 *
 * Streaming: each node object is built, dumped and freed on its own. Keys,
 * "@id" and "@type" values are compacted only where the inlined context
 * makes that safe (see analyse()); otherwise full IRIs are written, so that
 * a JSON-LD 1.1 processor's toRDF gives exactly the quads emitted. Literals
 * are value objects: no native numbers (RECIPES: no JSON floats).
 */
#include "write.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

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
    char **cache[3];               /* per node: compact form as "@id", type, key */
    size_t ncache;
    const char *dt_iri[4];
    char *dt_compact[4];
    json_t *cur;                   /* node object being built */
    long cur_node;
    size_t nnodes;
    int failed;
} jwriter;

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

/* use: 0 "@id" value, 1 "@type" value, 2 property key */
static const char *cached(jwriter *w, const ekg_rdf_term *t, int use)
{
    size_t n = (size_t)t->node;
    if (n >= w->ncache) {
        size_t cap = w->ncache ? w->ncache : 1024;
        while (cap <= n)
            cap *= 2;
        for (int k = 0; k < 3; k++) {
            w->cache[k] = ekg_xrealloc(w->cache[k], cap * sizeof *w->cache[k]);
            memset(w->cache[k] + w->ncache, 0, (cap - w->ncache) * sizeof *w->cache[k]);
        }
        w->ncache = cap;
    }
    char **slot = &w->cache[use][n];
    if (!*slot)
        *slot = compact(w, t->value, use != 0, use == 2);
    return *slot;
}

static const char *datatype(jwriter *w, const char *dt)
{
    for (int i = 0; i < 4; i++) {
        if (w->dt_iri[i] && !strcmp(w->dt_iri[i], dt))
            return w->dt_compact[i];
        if (!w->dt_iri[i]) {
            w->dt_iri[i] = dt;
            w->dt_compact[i] = compact(w, dt, 1, 0);
            return w->dt_compact[i];
        }
    }
    return dt;
}

/* ---- writing ---- */

static int flush_node(jwriter *w)
{
    if (!w->cur)
        return 0;
    char *s = json_dumps(w->cur, JSON_PRESERVE_ORDER);
    json_decref(w->cur);
    w->cur = NULL;
    if (!s) {
        ekg_error_set(w->err, NULL, 0, 0, "jansson could not encode a node");
        return -1;
    }
    if (w->nnodes++)
        ekg_out_puts(&w->out, ",\n");
    ekg_out_puts(&w->out, s);
    free(s);
    return w->out.failed ? -1 : 0;
}

static void add_value(json_t *node, const char *key, json_t *v, int always_array)
{
    json_t *old = json_object_get(node, key);
    if (!old) {
        if (always_array) {
            json_t *a = json_array();
            json_array_append_new(a, v);
            v = a;
        }
        json_object_set_new(node, key, v);
    } else if (json_is_array(old)) {
        json_array_append_new(old, v);
    } else {
        json_t *a = json_array();
        json_array_append(a, old);
        json_array_append_new(a, v);
        json_object_set_new(node, key, a);
    }
}

static int j_quad(void *data, const ekg_quad *q)
{
    jwriter *w = data;
    if (q->s->node != w->cur_node || !w->cur) {
        if (flush_node(w))
            return -1;
        w->cur = json_object();
        w->cur_node = q->s->node;
        json_object_set_new(w->cur, "@id", json_string(cached(w, q->s, 0)));
    }
    const ekg_rdf_term *o = q->o;
    if (o->kind == EKG_RDF_IRI && !strcmp(q->p->value, EKG_NS_RDF "type")) {
        add_value(w->cur, "@type", json_string(cached(w, o, 1)), 1);
        return 0;
    }
    const char *key = cached(w, q->p, 2);
    term_info *kt = term_get(w, key);
    json_t *v;
    if (o->kind == EKG_RDF_IRI) {
        v = json_pack("{s:s}", "@id", cached(w, o, 0));
    } else {
        json_t *str = json_stringn_nocheck(o->value, o->len);   /* valid UTF-8: see emitter */
        if (o->lang) {
            v = json_pack("{s:o,s:s}", "@value", str, "@language", o->lang);
        } else if (o->datatype) {
            v = json_pack("{s:o,s:s}", "@value", str, "@type", datatype(w, o->datatype));
        } else if (w->ctx_lang || (kt && kt->coerces)) {
            v = json_pack("{s:o}", "@value", str);
        } else {
            v = str;
        }
    }
    if (!v)
        return -1;
    add_value(w->cur, key, v, 0);
    return 0;
}

int ekg_write_jsonld(const ekg_graph *g, ekg_sink sink, void *data, ekg_error *err)
{
    jwriter w;
    memset(&w, 0, sizeof w);
    w.g = g;
    w.err = err;
    w.cur_node = -1;
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
    json_decref(w.cur);
    json_decref(w.ctx);
    for (int k = 0; k < 3; k++) {
        for (size_t i = 0; i < w.ncache; i++)
            free(w.cache[k][i]);
        free(w.cache[k]);
    }
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
