/*
 * merge.c - cross-document merging of thing entities (proposals, offices,
 * summits) that name the same thing under different phrasings.
 */
#include "graph_internal.h"

void ekg_graph_merge_things(ekg_graph *g)
{
    (void)g;
}
