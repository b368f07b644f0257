/*
 * graph_internal.h - the graph's own fields, for graph.c and the stages that
 * fill it (extract.c, merge.c). Writers use graph.h only.
 */
#ifndef EKG_GRAPH_INTERNAL_H
#define EKG_GRAPH_INTERNAL_H

#include "graph.h"

struct ekg_graph {
    const ekg_ontology *onto;
    ekg_pool *pool;
    ekg_pool **adopted;      /* the pools of absorbed graphs, whose strings it uses */
    size_t nadopted;
    ekg_map *entities;       /* id -> ekg_entity */
    ekg_map *docs;           /* id -> ekg_doc */
    ekg_map *events;         /* relation|actor|target|polarity -> ekg_event */
    ekg_map *mention_keys;   /* event|doc|start|end of every mention: no duplicates */
    ekg_entity **entity_order;
    size_t n_entity_order;
    ekg_doc **doc_order;
    size_t n_doc_order;
    ekg_event **event_order;
    size_t n_event_order;
    int dirty;
    size_t sentences;
    ekg_log log;
    char ref_date[11];       /* "YYYY-MM-DD" */
    int partial;             /* finishing leaves the merging of things to ekg merge */
    int jobs;                /* threads that finishing may use (ekg_graph_set_jobs) */
};

/*
 * merge.c: merges thing entities that name the same thing across documents, then
 * chooses labels by a fixed rule. Whatever these read (an entity's class, head word,
 * anchors and surface forms) must be written by write_rdf.c and read back by
 * read_nq.c, so that ekg merge over shards finishes as one run would.
 *
 * Both take the graph's entities sorted by id (v[0..n)); merging sets the entries of
 * the things merged away to NULL, and choosing labels skips those.
 */
void ekg_graph_merge_things(ekg_graph *g, ekg_entity **v, size_t n);
void ekg_graph_choose_labels(ekg_graph *g, ekg_entity **v, size_t n);

/* graph.c: appends a slug of s (at most max bytes) to b. */
void ekg_slugify(ekg_buf *b, const char *s, size_t max);

#endif
