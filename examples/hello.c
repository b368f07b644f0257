/*
 * hello.c - libekg in a few lines: load the ontology, read one article given
 * as a string, and write the merged event graph as Turtle to stdout.
 *
 *     cc hello.c $(pkg-config --cflags --libs --static ekg) -o hello
 *     ./hello            # or: EKG_ONTOLOGY=ontology ./hello
 */
#include <stdio.h>
#include <string.h>

#include <ekg.h>

static const char article[] =
    "France opposes NATO office in Tokyo\n"
    "\n"
    "PARIS, July 12 (Reuters) - France has opposed plans by NATO to open a liaison "
    "office in Tokyo, French President Emmanuel Macron said on Wednesday.\n";

static void report(const ekg_error *err)
{
    fprintf(stderr, "hello: error: %s%s%s\n", err->source, err->source[0] ? ": " : "",
            err->text);
}

int main(void)
{
    ekg_error err = {0};
    ekg_ontology *onto = ekg_ontology_load(NULL, &err); /* $EKG_ONTOLOGY, else installed */
    if (!onto) {
        report(&err);
        return EKG_EXIT_ONTOLOGY;
    }
    ekg_graph *g = ekg_graph_new(onto);
    int rc = EKG_EXIT_OK;
    if (!g || ekg_graph_set_reference_date(g, "2023-07-12") != 0 ||
        ekg_graph_add_text(g, "hello.txt", article, strlen(article), NULL, &err) != 0)
        rc = EKG_EXIT_INPUT;
    else if (ekg_write(g, EKG_FORMAT_TURTLE, ekg_sink_file, stdout, &err) != 0)
        rc = EKG_EXIT_OUTPUT;
    if (rc != EKG_EXIT_OK)
        report(&err);
    ekg_graph_free(g);     /* the graph first: it borrows the ontology */
    ekg_ontology_free(onto);
    return rc;
}
