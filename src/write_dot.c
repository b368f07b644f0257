/*
 * write_dot.c - the entity graph as Graphviz DOT, built with cgraph and
 * written by agwrite() through an I/O discipline into the sink; and the same
 * graph laid out and rendered to SVG in-process with gvc.
 *
 * Nodes are the entities that take part in a shortcut relation or an
 * affiliation, named n<entity index>; edges are the shortcut relations
 * (labelled, coloured by CAMEO quad class) and dashed grey affiliations.
 * With EKG_DOT_EVENTS every event is a node e<event index> of its own,
 * between its actor and its target, labelled with its relation and date.
 * Labels are escaped by ekg_escape_dot_label() (cgraph quotes the strings
 * and escapes '"' itself but passes backslashes through).
 *
 * Big graphs: with more than max_nodes entities to draw (EKG_DOT_MAX_NODES,
 * 200, by default; 0: no limit) only the max_nodes most connected are kept:
 * by the number of relation edges the view draws at them (shortcut
 * relations; with EKG_DOT_EVENTS, events), ties by entity id. Edges and
 * events need both their ends kept, and EKG_DOT_EVENTS draws at most
 * max_nodes events (in event order). A comment before the graph says what
 * was left out. Above EKG_DOT_SFDP_NODES drawn nodes the graph asks for
 * layout=sfdp with overlap=prism, which lays thousands of nodes out in
 * seconds where dot takes minutes.
 */
#include "write.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

#define LABEL_MAX 1000   /* bytes of a name shown in a label; dot's limit is 16 KB */

typedef struct style {
    const char *cls, *shape, *fill;
} style;

static const style styles[] = {
    {"Person", "ellipse", "#fff2cc"},      {"Organization", "box", "#dae8fc"},
    {"Country", "hexagon", "#d5e8d4"},     {"City", "octagon", "#e1f5fe"},
    {"Place", "octagon", "#eeeeee"},       {"Proposal", "note", "#fce4ec"},
    {"Agreement", "note", "#fce4ec"},      {"Bill", "note", "#fce4ec"},
    {"Programme", "note", "#fce4ec"},      {"Investigation", "note", "#fce4ec"},
    {"Facility", "component", "#ede7f6"},  {"Meeting", "component", "#ede7f6"},
    {"Election", "component", "#ede7f6"},
};

static const style *style_of(const char *cls)
{
    static const style other = {"", "box", "#ffffff"};
    for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++)
        if (cls && strcmp(cls, styles[i].cls) == 0)
            return &styles[i];
    return &other;
}

static const char *quad_colour(int quad)
{
    static const char *const colours[] = {"gray50", "darkgreen", "blue", "darkorange", "red"};
    return quad >= 1 && quad <= 4 ? colours[quad] : colours[0];
}

/* ---- building the cgraph graph ---- */

/* What pruning left out, for the comment. */
typedef struct dot_pruned {
    size_t entities, kept, edges, affils, events, limit;
} dot_pruned;

typedef struct dot_builder {
    const ekg_graph *g;
    Agraph_t *ag;
    Agnode_t **nodes;          /* per entity index, NULL if not drawn */
    Agsym_t *n_label, *n_shape, *n_fill, *n_tooltip;
    Agsym_t *e_label, *e_colour, *e_style, *e_fontcolour;
    ekg_buf b;
} dot_builder;

static long entity_index(const ekg_graph *g, const ekg_entity *ent)
{
    long lo = 0, hi = (long)ekg_graph_n_entities(g);
    while (lo < hi) {
        long mid = lo + (hi - lo) / 2;
        int c = strcmp(ekg_graph_entity(g, (size_t)mid)->id, ent->id);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static char *esc(dot_builder *d, const char *s)
{
    ekg_buf_clear(&d->b);
    ekg_escape_dot_label(&d->b, s ? s : "", LABEL_MAX);
    return d->b.data ? d->b.data : "";
}

/* Marks entity `ent` as drawn. */
static void want(dot_builder *d, char *drawn, const ekg_entity *ent)
{
    long i = ent ? entity_index(d->g, ent) : -1;
    if (i >= 0)
        drawn[i] = 1;
}

static int draws_shortcut(const ekg_event *ev)
{
    return ev->shortcut && ev->target && ev->polarity == EKG_POSITIVE && ev->rel &&
           ev->rel->name;
}

static Agnode_t *node_of(dot_builder *d, const ekg_entity *ent)
{
    long i = ent ? entity_index(d->g, ent) : -1;
    return i >= 0 ? d->nodes[i] : NULL;
}

static Agedge_t *edge(dot_builder *d, Agnode_t *t, Agnode_t *h, const char *label,
                      const char *colour, const char *style_)
{
    Agedge_t *e = agedge(d->ag, t, h, NULL, 1);
    if (label)
        agxset(e, d->e_label, esc(d, label));
    agxset(e, d->e_colour, (char *)colour);
    agxset(e, d->e_fontcolour, (char *)colour);
    if (style_)
        agxset(e, d->e_style, (char *)style_);
    return e;
}

typedef struct ranked {
    size_t idx, degree;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->degree != y->degree)
        return x->degree > y->degree ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;   /* entity order is id order */
}

/* Keeps the max most connected of the entities marked in drawn; counts what goes. */
static void prune(dot_builder *d, char *drawn, int flags, size_t max, dot_pruned *pr)
{
    size_t ne = ekg_graph_n_entities(d->g), nev = ekg_graph_n_events(d->g), n = 0;
    for (size_t i = 0; i < ne; i++)
        n += drawn[i] != 0;
    pr->entities = pr->kept = n;
    pr->limit = max;
    if (!max || n <= max)
        return;
    size_t *degree = ekg_xcalloc(ne + 1, sizeof *degree);
    for (size_t i = 0; i < nev; i++) {
        const ekg_event *ev = ekg_graph_event(d->g, i);
        if (!(flags & EKG_DOT_EVENTS) && !draws_shortcut(ev))
            continue;
        long a = ev->actor ? entity_index(d->g, ev->actor) : -1;
        long t = ev->target ? entity_index(d->g, ev->target) : -1;
        if (a >= 0)
            degree[a]++;
        if (t >= 0 && t != a)
            degree[t]++;
    }
    ranked *r = ekg_xmalloc(n * sizeof *r);
    size_t k = 0;
    for (size_t i = 0; i < ne; i++)
        if (drawn[i]) {
            ranked x = {i, degree[i]};
            r[k++] = x;
        }
    qsort(r, k, sizeof *r, cmp_ranked);
    for (size_t i = max; i < k; i++)
        drawn[r[i].idx] = 0;
    pr->kept = max;
    free(r);
    free(degree);
}

/* The DOT comment saying what was left out ("" when nothing was). */
static void pruned_comment(ekg_buf *b, const dot_pruned *pr, int flags)
{
    if (pr->kept == pr->entities && !pr->events)
        return;
    ekg_buf_printf(b,
                   "/* ekg: %zu of %zu entities drawn: the %zu most connected (by %s, ties by "
                   "entity id; --dot-max-nodes %zu). Left out: %zu entities, %zu relation "
                   "edges, %zu affiliation edges",
                   pr->kept, pr->entities, pr->kept,
                   flags & EKG_DOT_EVENTS ? "events" : "shortcut relations", pr->limit,
                   pr->entities - pr->kept, pr->edges, pr->affils);
    if (flags & EKG_DOT_EVENTS)
        ekg_buf_printf(b, ", %zu events", pr->events);
    ekg_buf_puts(b, ". */\n");
}

static Agraph_t *build(const ekg_graph *g, int flags, size_t max_nodes, dot_pruned *pr,
                       Agdisc_t *disc)
{
    dot_builder d;
    memset(&d, 0, sizeof d);
    d.g = g;
    ekg_buf_init(&d.b);
    d.ag = agopen("ekg", Agdirected, disc);
    if (!d.ag)
        return NULL;
    agattr(d.ag, AGRAPH, "rankdir", "LR");
    agattr(d.ag, AGNODE, "style", "filled");
    d.n_label = agattr(d.ag, AGNODE, "label", "\\N");
    d.n_shape = agattr(d.ag, AGNODE, "shape", "ellipse");
    d.n_fill = agattr(d.ag, AGNODE, "fillcolor", "white");
    d.n_tooltip = agattr(d.ag, AGNODE, "tooltip", "");
    d.e_label = agattr(d.ag, AGEDGE, "label", "");
    d.e_colour = agattr(d.ag, AGEDGE, "color", "black");
    d.e_fontcolour = agattr(d.ag, AGEDGE, "fontcolor", "black");
    d.e_style = agattr(d.ag, AGEDGE, "style", "solid");

    size_t ne = ekg_graph_n_entities(g), nev = ekg_graph_n_events(g);
    char *drawn = ekg_xcalloc(ne + 1, 1);
    d.nodes = ekg_xcalloc(ne + 1, sizeof *d.nodes);
    for (size_t i = 0; i < nev; i++) {
        const ekg_event *ev = ekg_graph_event(g, i);
        if ((flags & EKG_DOT_EVENTS) || draws_shortcut(ev)) {
            want(&d, drawn, ev->actor);
            want(&d, drawn, ev->target);
        }
        if (flags & EKG_DOT_EVENTS)
            want(&d, drawn, ev->place);
    }
    for (size_t i = 0; i < ne; i++) {
        const ekg_entity *ent = ekg_graph_entity(g, i);
        for (size_t k = 0; k < ent->naffil; k++)
            if (entity_index(g, ent->affil[k].org) >= 0) {
                drawn[i] = 1;
                want(&d, drawn, ent->affil[k].org);
            }
    }
    memset(pr, 0, sizeof *pr);
    prune(&d, drawn, flags, max_nodes, pr);
    size_t nodes = pr->kept;

    /* nodes, in entity order */
    for (size_t i = 0; i < ne; i++) {
        if (!drawn[i])
            continue;
        const ekg_entity *ent = ekg_graph_entity(g, i);
        char name[32];
        snprintf(name, sizeof name, "n%zu", i);
        Agnode_t *n = agnode(d.ag, name, 1);
        d.nodes[i] = n;
        const style *st = style_of(ent->cls);
        agxset(n, d.n_label, esc(&d, ent->label));
        agxset(n, d.n_shape, (char *)st->shape);
        agxset(n, d.n_fill, (char *)st->fill);
        ekg_buf iri;
        ekg_buf_init(&iri);
        ekg_buf_puts(&iri, EKG_NS_ID);
        ekg_escape_iri_part(&iri, ent->id);
        agxset(n, d.n_tooltip, esc(&d, iri.data));
        ekg_buf_free(&iri);
    }

    /* relations */
    for (size_t i = 0; i < nev; i++) {
        const ekg_event *ev = ekg_graph_event(g, i);
        Agnode_t *a = node_of(&d, ev->actor), *t = node_of(&d, ev->target);
        const char *rel = ev->rel && ev->rel->name ? ev->rel->name : "event";
        const char *colour = quad_colour(ev->rel ? ev->rel->quad : 0);
        if (!(flags & EKG_DOT_EVENTS)) {
            if (draws_shortcut(ev) && a && t)
                edge(&d, a, t, rel, colour, NULL);
            else if (draws_shortcut(ev))
                pr->edges++;
            continue;
        }
        int end_cut = pr->kept < pr->entities && ((ev->actor && !a) || (ev->target && !t));
        if (end_cut || (max_nodes && nodes - pr->kept >= max_nodes)) {
            pr->events++;   /* an end left out, or enough events drawn */
            continue;
        }
        nodes++;
        char name[32];
        snprintf(name, sizeof name, "e%zu", i);
        Agnode_t *n = agnode(d.ag, name, 1);
        ekg_buf lab;
        ekg_buf_init(&lab);
        if (ev->polarity == EKG_NEGATIVE)
            ekg_buf_puts(&lab, "not ");
        ekg_buf_puts(&lab, rel);
        if (ev->date) {
            ekg_buf_putc(&lab, '\n');
            ekg_buf_puts(&lab, ev->date);
        }
        agxset(n, d.n_label, esc(&d, lab.data));
        ekg_buf_clear(&lab);
        ekg_buf_puts(&lab, EKG_NS_ID);
        ekg_escape_iri_part(&lab, ev->id);
        agxset(n, d.n_tooltip, esc(&d, lab.data));
        ekg_buf_free(&lab);
        agxset(n, d.n_shape, "box");
        agsafeset(n, "style", ev->polarity == EKG_NEGATIVE ? "rounded,dashed,filled" : "rounded,filled",
                  "filled");
        agxset(n, d.n_fill, "white");
        agsafeset(n, "color", (char *)colour, "black");
        const char *st = ev->polarity == EKG_NEGATIVE ? "dashed" : NULL;
        if (a)
            edge(&d, a, n, NULL, colour, st);
        if (t)
            edge(&d, n, t, NULL, colour, st);
        Agnode_t *p = node_of(&d, ev->place);
        if (p)
            edge(&d, n, p, "place", "gray50", "dotted");
    }

    /* affiliations */
    for (size_t i = 0; i < ne; i++) {
        const ekg_entity *ent = ekg_graph_entity(g, i);
        for (size_t k = 0; k < ent->naffil; k++) {
            Agnode_t *o = node_of(&d, ent->affil[k].org);
            if (d.nodes[i] && o)
                edge(&d, d.nodes[i], o, "affiliatedWith", "gray50", "dashed");
            else if (entity_index(g, ent->affil[k].org) >= 0)
                pr->affils++;
        }
    }
    if (nodes > EKG_DOT_SFDP_NODES) {
        /* dot stops being usable here; sfdp copes with thousands of nodes */
        agattr(d.ag, AGRAPH, "layout", "sfdp");
        agattr(d.ag, AGRAPH, "overlap", "prism");
    }
    free(drawn);
    free(d.nodes);
    ekg_buf_free(&d.b);
    return d.ag;
}

/* ---- writing through the sink ---- */

static int io_putstr(void *chan, const char *str)
{
    ekg_out *o = chan;
    ekg_out_puts(o, str);
    return o->failed ? EOF : 0;
}

static int io_flush(void *chan)
{
    ekg_out *o = chan;
    return o->failed ? EOF : 0;
}

static int io_read(void *chan, char *buf, int bufsize)
{
    return 0;
}

int ekg_write_dot_max(const ekg_graph *g, int flags, size_t max_nodes, ekg_sink sink,
                      void *data, ekg_error *err)
{
    ekg_graph_finish((ekg_graph *)g);
    Agiodisc_t io = {io_read, io_putstr, io_flush};
    Agdisc_t disc = {&AgMemDisc, &AgIdDisc, &io};
    ekg_out out;
    ekg_out_init(&out, sink, data);
    dot_pruned pr;
    Agraph_t *ag = build(g, flags, max_nodes, &pr, &disc);
    if (ag) {
        ekg_buf c;
        ekg_buf_init(&c);
        pruned_comment(&c, &pr, flags);
        if (c.len)
            ekg_out_write(&out, c.data, c.len);
        ekg_buf_free(&c);
    }
    int rc = ag ? agwrite(ag, &out) : -1;
    if (ag)
        agclose(ag);
    if (ekg_out_finish(&out) || rc == EOF || rc < 0) {
        ekg_error_set(err, NULL, 0, 0, "cannot write the DOT output");
        return -1;
    }
    return 0;
}

int ekg_write_dot(const ekg_graph *g, int flags, ekg_sink sink, void *data, ekg_error *err)
{
    return ekg_write_dot_max(g, flags, EKG_DOT_MAX_NODES, sink, data, err);
}

/* ---- rendering in-process ---- */

/* Graphviz reports through a global hook: collect its messages here (not thread-safe,
   as Graphviz itself is not). */
static ekg_buf gv_messages;

static int gv_collect(char *msg)
{
    ekg_buf_puts(&gv_messages, msg);
    return 0;
}

/*
 * One Graphviz context for the whole process, never freed: Graphviz 2.43 keeps a
 * text-size cache across contexts whose entries dangle after gvFreeContext(), so a
 * second context that lays out text reads freed memory (seen under ASan with sfdp).
 */
static GVC_t *gvc_shared;
static pthread_once_t gvc_once = PTHREAD_ONCE_INIT;

static void gvc_init(void)
{
    gvc_shared = gvContext();
}

int ekg_render_svg_max(const ekg_graph *g, int flags, size_t max_nodes, const char *path,
                       ekg_error *err)
{
    ekg_graph_finish((ekg_graph *)g);
    ekg_buf_init(&gv_messages);
    agusererrf old = agseterrf(gv_collect);
    agerrlevel_t old_level = agseterr(AGWARN);
    agreseterrors();
    pthread_once(&gvc_once, gvc_init);
    GVC_t *gvc = gvc_shared;
    dot_pruned pr;
    Agraph_t *ag = gvc ? build(g, flags, max_nodes, &pr, NULL) : NULL;
    int rc = -1;
    if (ag) {
        const char *layout = agget(ag, "layout");
        rc = gvLayout(gvc, ag, layout && *layout ? layout : "dot");
        if (rc == 0)
            rc = gvRenderFilename(gvc, ag, "svg", path);
        gvFreeLayout(gvc, ag);
        agclose(ag);
    }
    agseterrf(old);
    agseterr(old_level);
    if (rc != 0 || gv_messages.len) {
        const char *m = gv_messages.len ? gv_messages.data : "Graphviz could not render";
        size_t n = strlen(m);
        while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
            n--;
        ekg_error_set(err, path, 0, 0, "%.*s", (int)n, m);
        rc = -1;
    }
    ekg_buf_free(&gv_messages);
    return rc;
}

int ekg_render_svg_flags(const ekg_graph *g, int flags, const char *path, ekg_error *err)
{
    return ekg_render_svg_max(g, flags, EKG_DOT_MAX_NODES, path, err);
}

int ekg_render_svg(const ekg_graph *g, const char *path, ekg_error *err)
{
    return ekg_render_svg_flags(g, 0, path, err);
}
