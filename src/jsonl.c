/*
 * jsonl.c - one JSON Lines record: {"id", "text"} and optional "title",
 * "date", "url", "source". Shared by the CLI and the fuzz target.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void ekg_jsonl_doc_free(ekg_jsonl_doc *doc)
{
    if (!doc)
        return;
    free(doc->id);
    free(doc->text);
    free(doc->title);
    free(doc->date);
    free(doc->url);
    free(doc->source);
    memset(doc, 0, sizeof *doc);
}

static char *string_field(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? ekg_xstrdup(json_string_value(v)) : NULL;
}

int ekg_jsonl_parse(const char *line, size_t len, size_t lineno, const char *source,
                    ekg_jsonl_doc *doc, ekg_error *err)
{
    memset(doc, 0, sizeof *doc);
    size_t a = 0, end = len;
    while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r'))
        end--;
    while (a < end && (line[a] == ' ' || line[a] == '\t' || line[a] == '\r'))
        a++;
    if (a == end)
        return 1;   /* a blank line */
    json_error_t je;
    json_t *o = json_loadb(line + a, end - a, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
    if (!o) {
        ekg_error_set(err, source, (int)lineno, (int)a + (je.column > 0 ? je.column : 1),
                      "invalid JSON: %s", je.text);
        return -1;
    }
    json_t *id = json_object_get(o, "id"), *text = json_object_get(o, "text");
    const char *why = NULL;
    if (!json_is_object(o))
        why = "a line must be a JSON object";
    else if (!json_is_string(text))
        why = "\"text\" is missing or not a string";
    else if (id && !json_is_string(id) && !json_is_integer(id))
        why = "\"id\" must be a string or an integer";
    else if (json_is_string(id) && strlen(json_string_value(id)) != json_string_length(id))
        why = "\"id\" contains a NUL character (\\u0000)";
    if (why) {
        ekg_error_set(err, source, (int)lineno, 1, "%s", why);
        json_decref(o);
        return -1;
    }
    char idbuf[64];
    if (json_is_string(id))
        doc->id = ekg_xstrdup(json_string_value(id));
    else {
        if (json_is_integer(id))
            snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(id));
        else
            snprintf(idbuf, sizeof idbuf, "line-%zu", lineno);
        doc->id = ekg_xstrdup(idbuf);
    }
    doc->title = string_field(o, "title");
    doc->date = string_field(o, "date");
    doc->url = string_field(o, "url");
    doc->source = string_field(o, "source");
    /* a title given apart from the text is analysed as the headline */
    const char *t = json_string_value(text);
    size_t tl = json_string_length(text), hl = doc->title ? strlen(doc->title) : 0;
    doc->text = ekg_xmalloc(hl + tl + 3);
    if (hl) {
        memcpy(doc->text, doc->title, hl);
        memcpy(doc->text + hl, "\n\n", 2);
        hl += 2;
    }
    memcpy(doc->text + hl, t, tl);
    doc->text[hl + tl] = '\0';
    doc->len = hl + tl;
    doc->info.title = doc->title;
    doc->info.date = doc->date;
    doc->info.url = doc->url;
    doc->info.source = doc->source;
    json_decref(o);
    return 0;
}
