/*
 * extract.c - the pipeline for one document: decode, boilerplate, metadata,
 * segmentation, mentions, coreference, events; then its entities go into the
 * graph.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extract.h"

int ekg_graph_set_reference_date(ekg_graph *g, const char *date)
{
    int y, m, d;
    if (!date || strlen(date) != 10 || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 ||
        m > 12 || d < 1 || d > 31)
        return -1;
    memcpy(g->ref_date, date, 11);
    return 0;
}

static void default_reference_date(ekg_graph *g)
{
    if (g->ref_date[0])
        return;
    time_t now = time(NULL);
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde)
        now = (time_t)strtoll(sde, NULL, 10);
    struct tm tm;
    gmtime_r(&now, &tm);
    char buf[48];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", (tm.tm_year + 1900) % 10000, (tm.tm_mon + 1) % 100,
             tm.tm_mday % 100);
    memcpy(g->ref_date, buf, 10);
    g->ref_date[10] = '\0';
}

/* The graph id of a document entity that is not in the gazetteer. */
static char *mint_id(const ekg_dent *e)
{
    ekg_buf b;
    ekg_buf_init(&b);
    if (e->thing) {
        ekg_slugify(&b, e->cls, 20);
        ekg_buf_putc(&b, '-');
        ekg_slugify(&b, e->head, 30);
        for (size_t i = 0; i < e->nanchors; i++) {
            ekg_buf_putc(&b, '-');
            const char *a = e->anchors[i];
            const char *dash = strchr(a, '-');   /* "country-jpn" -> "jpn" */
            ekg_slugify(&b, dash ? dash + 1 : a, 40);
        }
    } else {
        ekg_buf_puts(&b, strcmp(e->cls, "Person") == 0 ? "person-" : "org-");
        ekg_slugify(&b, e->label, 60);
    }
    return ekg_buf_detach(&b);
}

/* The longest surface form (then the smallest), as the label of a thing. */
static const char *best_surface(const ekg_dent *e)
{
    const char *best = e->label;
    for (size_t i = 0; i < e->nsurfaces; i++) {
        const char *s = e->surfaces[i];
        if (best == e->label || strlen(s) > strlen(best) ||
            (strlen(s) == strlen(best) && strcmp(s, best) < 0))
            best = s;
    }
    return best;
}

ekg_entity *ekg_docx_entity(ekg_docx *d, int i)
{
    i = ekg_dent_find(d->ents, i);
    if (i < 0 || !d->ents[i].alive)
        return NULL;
    ekg_dent *e = &d->ents[i];
    if (!e->id)
        e->id = mint_id(e);
    const char *label = e->thing ? best_surface(e) : e->label;
    ekg_entity *g = ekg_graph_entity_get(d->g, e->id, label, e->cls);
    if (e->known && e->known->qid)
        ekg_graph_entity_set_qid(d->g, g, e->known->qid);
    if (e->thing) {
        ekg_buf b;
        ekg_buf_init(&b);
        for (size_t k = 0; k < e->nanchors; k++) {
            if (k)
                ekg_buf_putc(&b, ' ');
            ekg_buf_puts(&b, e->anchors[k]);
        }
        ekg_graph_entity_set_thing(d->g, g, e->head, b.data ? b.data : "");
        ekg_buf_free(&b);
    }
    for (size_t k = 0; k < e->nsurfaces; k++)
        ekg_graph_entity_add_alt(d->g, g, e->surfaces[k]);
    return g;
}

static void docx_free(ekg_docx *d)
{
    for (size_t i = 0; i < d->nents; i++) {
        ekg_dent *e = &d->ents[i];
        free(e->id);
        free(e->label);
        for (size_t k = 0; k < e->nsurfaces; k++)
            free(e->surfaces[k]);
        free(e->surfaces);
        for (size_t k = 0; k < e->nanchors; k++)
            free(e->anchors[k]);
        free(e->anchors);
        for (size_t k = 0; k < e->naffil; k++)
            free(e->roles[k]);
        free(e->roles);
        free(e->affil);
        free(e->abbr);
    }
    free(d->ents);
    ekg_idxlist_map_free(d->dent_index);
    ekg_idxlist_map_free(d->abbrs);
    ekg_map_free(d->titled);
    free(d->ms);
    free(d->tok_mention);
    free(d->names);
    ekg_segmentation_free(&d->seg);
}

int ekg_graph_add_text(ekg_graph *g, const char *id, const char *bytes, size_t len,
                       const ekg_doc_info *info, ekg_error *err)
{
    default_reference_date(g);
    ekg_doc *doc = ekg_graph_doc_add(g, id);
    if (!doc) {
        ekg_error_set(err, id, 0, 0, "duplicate document id");
        return -1;
    }
    ekg_text text;
    if (ekg_text_decode(&text, bytes, len, id, &g->log, err) != 0)
        return -1;
    ekg_span *blocks = NULL;
    size_t nblocks = ekg_boilerplate(&text, &blocks);
    ekg_meta meta;
    ekg_meta_extract(&text, blocks, nblocks, g->ref_date, &meta);

    ekg_graph_doc_set(g, &doc->headline, info && info->title ? info->title : meta.headline);
    char date[11] = "";
    if (info && info->date && ekg_parse_date(info->date, strlen(info->date), date) &&
        strncmp(date, "0000", 4) != 0)
        ekg_graph_doc_set(g, &doc->date, date);
    else if (meta.date[0])
        ekg_graph_doc_set(g, &doc->date, meta.date);
    ekg_graph_doc_set(g, &doc->publisher, info && info->source ? info->source : meta.publisher);
    ekg_graph_doc_set(g, &doc->author, meta.author);
    ekg_graph_doc_set(g, &doc->dateline, meta.dateline);
    ekg_graph_doc_set(g, &doc->url, info ? info->url : NULL);

    ekg_docx d;
    memset(&d, 0, sizeof d);
    d.g = g;
    d.onto = g->onto;
    d.text = &text;
    d.doc = doc;
    d.pubdate = doc->date;
    d.log = &g->log;
    d.err = err;
    ekg_segment(&text, blocks, nblocks, meta.headline_span, &d.seg);
    doc->sentences = d.seg.nsents;
    g->sentences += d.seg.nsents;
    ekg_find_mentions(&d);
    ekg_resolve(&d);
    ekg_find_events(&d);

    /* every mentioned entity goes into the graph, with its affiliations */
    char *seen = ekg_xcalloc(d.nents + 1, 1);
    for (size_t m = 0; m < d.nms; m++) {
        int e = ekg_dent_find(d.ents, d.ms[m].ent);
        if (e >= 0)
            seen[e] = 1;
    }
    for (size_t i = 0; i < d.nents; i++) {
        if (d.ents[i].redirect >= 0 || !d.ents[i].alive || !seen[i])
            continue;
        ekg_entity *e = ekg_docx_entity(&d, (int)i);
        for (size_t k = 0; e && k < d.ents[i].naffil; k++) {
            ekg_entity *org = ekg_docx_entity(&d, d.ents[i].affil[k]);
            if (org)
                ekg_graph_entity_add_affil(g, e, org, d.ents[i].roles[k]);
        }
    }
    free(seen);
    docx_free(&d);
    free(blocks);
    ekg_meta_free(&meta);
    ekg_text_free(&text);
    return 0;
}

int ekg_clean_text(const char *id, const char *bytes, size_t len, ekg_sink sink, void *data,
                   ekg_error *err)
{
    ekg_text text;
    if (ekg_text_decode(&text, bytes, len, id, NULL, err) != 0)
        return -1;
    ekg_span *blocks = NULL;
    size_t n = ekg_boilerplate(&text, &blocks);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        /* print the original text (not the folded form) of each kept block */
        uint32_t s = text.src[blocks[i].start], e = text.src[blocks[i].end];
        rc = sink(data, text.utf8 + s, e - s);
        if (rc == 0)
            rc = sink(data, "\n\n", i + 1 < n ? 2 : 1);
    }
    if (rc)
        ekg_error_set(err, "-", 0, 0, "cannot write the cleaned text");
    free(blocks);
    ekg_text_free(&text);
    return rc ? -1 : 0;
}


int ekg_explain(const ekg_graph *cg, ekg_sink sink, void *data)
{
    ekg_graph *g = (ekg_graph *)cg;   /* finishing sorts; the graph's content is unchanged */
    ekg_graph_finish(g);
    ekg_buf b;
    ekg_buf_init(&b);
    int rc = 0;
    for (size_t i = 0; i < ekg_graph_n_events(g) && rc == 0; i++) {
        const ekg_event *ev = ekg_graph_event(g, i);
        for (size_t k = 0; k < ev->nmentions && rc == 0; k++) {
            const ekg_mention *m = &ev->mentions[k];
            ekg_buf_clear(&b);
            ekg_buf_printf(&b, "%s:%u-%u\t%s %s %s\t[%s, %s%s]\t%s\t%s\t", m->doc->id,
                           (unsigned)m->start, (unsigned)m->end, ev->actor->label,
                           ev->rel->name, ev->target ? ev->target->label : "-",
                           ekg_polarity_name(ev->polarity), ekg_modality_name(m->modality),
                           ev->shortcut ? ", shortcut" : "", m->rule ? m->rule : "",
                           m->trigger);
            for (const char *p = m->sentence; *p; p++)
                ekg_buf_putc(&b, (*p == '\n' || *p == '\t') ? ' ' : *p);
            ekg_buf_putc(&b, '\n');
            rc = sink(data, b.data, b.len);
        }
    }
    ekg_buf_free(&b);
    return rc;
}
