/*
 * write_csv.c - the event table (RFC 4180: CRLF line ends, fields quoted when
 * needed, '"' doubled). One row per event, with its first mention's document
 * and sentence; rows by date (undated last), then by event id.
 */
#include "write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

static const char header[] = "date,actor,relation,cameo,plover,quad_class,target,document,"
                             "sentence,confidence,polarity,modality\r\n";

static int cmp_row(const void *a, const void *b)
{
    const ekg_event *x = *(const ekg_event *const *)a, *y = *(const ekg_event *const *)b;
    int dx = x->date && ekg_date_valid(x->date), dy = y->date && ekg_date_valid(y->date);
    if (dx != dy)
        return dx ? -1 : 1;
    int c = dx ? strcmp(x->date, y->date) : 0;
    return c ? c : strcmp(x->id, y->id);
}

static void field(ekg_buf *b, const char *s, int last)
{
    ekg_escape_csv(b, s);
    ekg_buf_puts(b, last ? "\r\n" : ",");
}

int ekg_write_csv(const ekg_graph *g, ekg_sink sink, void *data, ekg_error *err)
{
    size_t n = ekg_graph_n_events(g);
    const ekg_event **rows = ekg_xmalloc((n + 1) * sizeof *rows);
    for (size_t i = 0; i < n; i++)
        rows[i] = ekg_graph_event(g, i);
    qsort(rows, n, sizeof *rows, cmp_row);

    ekg_out out;
    ekg_out_init(&out, sink, data);
    ekg_out_puts(&out, header);
    ekg_buf b;
    ekg_buf_init(&b);
    for (size_t i = 0; i < n && !out.failed; i++) {
        const ekg_event *ev = rows[i];
        const ekg_relation *rel = ev->rel;
        const ekg_mention *m = ev->nmentions ? &ev->mentions[0] : NULL;
        char quad[16] = "", conf[16];
        if (rel && rel->quad > 0)
            snprintf(quad, sizeof quad, "%d", rel->quad);
        double c = ev->confidence >= 0 ? (ev->confidence <= 1 ? ev->confidence : 1) : 0;
        snprintf(conf, sizeof conf, "%.2f", c);
        ekg_buf_clear(&b);
        field(&b, ev->date && ekg_date_valid(ev->date) ? ev->date : NULL, 0);
        field(&b, ev->actor ? ev->actor->label : NULL, 0);
        field(&b, rel ? rel->name : NULL, 0);
        field(&b, rel ? rel->cameo : NULL, 0);
        field(&b, rel ? rel->plover : NULL, 0);
        field(&b, quad, 0);
        field(&b, ev->target ? ev->target->label : NULL, 0);
        field(&b, m && m->doc ? m->doc->id : NULL, 0);
        field(&b, m ? m->sentence : NULL, 0);
        field(&b, conf, 0);
        field(&b, ekg_polarity_name(ev->polarity), 0);
        field(&b, ekg_modality_name(ev->modality), 1);
        ekg_out_write(&out, b.data, b.len);
    }
    ekg_buf_free(&b);
    free(rows);
    if (ekg_out_finish(&out)) {
        ekg_error_set(err, NULL, 0, 0, "cannot write the CSV output");
        return -1;
    }
    return 0;
}
