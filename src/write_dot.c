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
 */
#include "write.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
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

static Agraph_t *build(const ekg_graph *g, int flags, Agdisc_t *disc)
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
            continue;
        }
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
        }
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

int ekg_write_dot(const ekg_graph *g, int flags, ekg_sink sink, void *data, ekg_error *err)
{
    ekg_graph_finish((ekg_graph *)g);
    Agiodisc_t io = {io_read, io_putstr, io_flush};
    Agdisc_t disc = {&AgMemDisc, &AgIdDisc, &io};
    ekg_out out;
    ekg_out_init(&out, sink, data);
    Agraph_t *ag = build(g, flags, &disc);
    int rc = ag ? agwrite(ag, &out) : -1;
    if (ag)
        agclose(ag);
    if (ekg_out_finish(&out) || rc == EOF || rc < 0) {
        ekg_error_set(err, NULL, 0, 0, "cannot write the DOT output");
        return -1;
    }
    return 0;
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

int ekg_render_svg_flags(const ekg_graph *g, int flags, const char *path, ekg_error *err)
{
    ekg_graph_finish((ekg_graph *)g);
    ekg_buf_init(&gv_messages);
    agusererrf old = agseterrf(gv_collect);
    agerrlevel_t old_level = agseterr(AGWARN);
    agreseterrors();
    GVC_t *gvc = gvContext();
    Agraph_t *ag = gvc ? build(g, flags, NULL) : NULL;
    int rc = -1;
    if (ag) {
        rc = gvLayout(gvc, ag, "dot");
        if (rc == 0)
            rc = gvRenderFilename(gvc, ag, "svg", path);
        gvFreeLayout(gvc, ag);
        agclose(ag);
    }
    if (gvc)
        gvFreeContext(gvc);
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

int ekg_render_svg(const ekg_graph *g, const char *path, ekg_error *err)
{
    return ekg_render_svg_flags(g, 0, path, err);
}
