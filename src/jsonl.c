/*
 * jsonl.c - one JSON Lines record: {"id", "text"} and optional "title",
 * "date", "url", "source". Shared by the CLI and the fuzz target.
 *
 * jansson is the parser of record. Because building a jansson tree costs more
 * than all of ekg's extraction on a typical record, the usual shape of record
 * (one object whose "text" and "id" are strings; its other values, arrays and
 * objects included, only checked and skipped) is first read by a strict
 * scanner of its own; anything else it is not sure of (a number id, a number
 * of more than 15 digits, a surrogate escape, nesting deeper than 32, invalid
 * UTF-8, a repeated key, any syntax error) goes to jansson, which
 * decides and words the error. The scanner accepts only what jansson accepts
 * and yields the same record (tests/check_jsonl.c and the fuzz_jsonl target
 * compare the two on every input).
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "jsonl.h"
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

/* doc->text: the title (if any), a blank line, the text; the info fields. */
static void set_text(ekg_jsonl_doc *doc, const char *t, size_t tl)
{
    size_t hl = doc->title ? strlen(doc->title) : 0;
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
}

/* ---- the fast path ---- */

typedef struct scan {
    const char *p, *end;
} scan;

static void skip_ws(scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
        s->p++;
}

/*
 * The end of the run of plain ASCII characters at p (none of '"', '\\', a
 * control character or a byte of UTF-8), eight bytes at a time while it lasts.
 */
static const char *plain_run(const char *p, const char *end)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    while (end - p >= 8) {
        uint64_t v;
        memcpy(&v, p, 8);
        uint64_t quote = v ^ (ones * '"'), bslash = v ^ (ones * '\\');
        /* a high bit of special marks a byte below 0x20, a quote, a backslash or >= 0x80 */
        uint64_t special = ((v - ones * 0x20) | (quote - ones) | (bslash - ones) | v) & highs;
        /* exact for the bytes tested: a borrow only runs past a byte that is already special */
        if (special)
            break;
        p += 8;
    }
    while (p < end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20 && (unsigned char)*p < 0x80)
        p++;
    return p;
}

/*
 * A string at s->p (the opening quote), decoded into b. Returns 0, or -1 if
 * the fast path must give up (syntax, a control character, invalid UTF-8, a
 * \u escape of a surrogate).
 */
static int scan_string(scan *s, ekg_buf *b)
{
    ekg_buf_clear(b);
    s->p++;
    for (;;) {
        const char *q = plain_run(s->p, s->end);
        ekg_buf_put(b, s->p, (size_t)(q - s->p));
        s->p = q;
        if (q >= s->end)
            return -1;
        unsigned char c = (unsigned char)*q;
        if (c == '"') {
            s->p++;
            return 0;
        }
        if (c < 0x20)
            return -1;
        if (c >= 0x80) {
            size_t k = ekg_utf8_seq((const unsigned char *)q, (size_t)(s->end - q), NULL);
            if (!k)
                return -1;
            ekg_buf_put(b, q, k);
            s->p += k;
            continue;
        }
        /* an escape */
        if (s->end - q < 2)
            return -1;
        char e = q[1];
        const char *simple = strchr("\"\\/bfnrt", e);
        if (e && simple) {
            ekg_buf_putc(b, "\"\\/\b\f\n\r\t"[simple - "\"\\/bfnrt"]);
            s->p += 2;
            continue;
        }
        if (e != 'u' || s->end - q < 6)
            return -1;
        int v = 0;
        for (int i = 2; i < 6; i++) {
            int h = ekg_hex_value(q[i]);
            if (h < 0)
                return -1;
            v = v * 16 + h;
        }
        if (v >= 0xD800 && v <= 0xDFFF)
            return -1;   /* pairs and lone halves: jansson's business */
        char u[3];
        if (v < 0x80) {
            ekg_buf_putc(b, (char)v);
        } else if (v < 0x800) {
            u[0] = (char)(0xC0 | (v >> 6));
            u[1] = (char)(0x80 | (v & 0x3F));
            ekg_buf_put(b, u, 2);
        } else {
            u[0] = (char)(0xE0 | (v >> 12));
            u[1] = (char)(0x80 | ((v >> 6) & 0x3F));
            u[2] = (char)(0x80 | (v & 0x3F));
            ekg_buf_put(b, u, 3);
        }
        s->p += 6;
    }
}

static int scan_literal(scan *s, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(s->end - s->p) < n || memcmp(s->p, w, n) != 0)
        return -1;
    s->p += n;
    return 0;
}

/*
 * A number of at most 15 significant digits and an exponent of at most two
 * digits: one that jansson reads without overflow. Anything longer is left to
 * jansson, which words an overflow.
 */
static int scan_number(scan *s)
{
    const char *p = s->p;
    int digits = 0;
    if (p < s->end && *p == '-')
        p++;
    if (p < s->end && *p == '0') {
        p++;
        digits++;
    } else {
        if (p >= s->end || *p < '1' || *p > '9')
            return -1;
        while (p < s->end && *p >= '0' && *p <= '9')
            p++, digits++;
    }
    if (p < s->end && *p == '.') {
        p++;
        if (p >= s->end || *p < '0' || *p > '9')
            return -1;
        while (p < s->end && *p >= '0' && *p <= '9')
            p++, digits++;
    }
    if (p < s->end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < s->end && (*p == '+' || *p == '-'))
            p++;
        int e = 0;
        while (p < s->end && *p >= '0' && *p <= '9')
            p++, e++;
        if (e == 0 || e > 2)
            return -1;
    }
    if (digits > 15)
        return -1;
    s->p = p;
    return 0;
}

#define FAST_MAX_KEYS 32
#define FAST_MAX_DEPTH 32

static int skip_value(scan *s, ekg_buf *tmp, int depth);

/* An object's members after its '{', skipped; its keys must differ, as jansson requires. */
static int skip_object(scan *s, ekg_buf *tmp, int depth)
{
    char *keys[FAST_MAX_KEYS];
    size_t nkeys = 0;
    int rc = -1;
    skip_ws(s);
    if (s->p < s->end && *s->p == '}') {
        s->p++;
        return 0;
    }
    for (;;) {
        skip_ws(s);
        if (s->p >= s->end || *s->p != '"' || scan_string(s, tmp) != 0 || nkeys == FAST_MAX_KEYS)
            break;
        const char *k = tmp->data ? tmp->data : "";
        if (memchr(k, '\0', tmp->len))
            break;
        size_t i = 0;
        while (i < nkeys && !(strlen(keys[i]) == tmp->len && memcmp(keys[i], k, tmp->len) == 0))
            i++;
        if (i < nkeys)
            break;
        keys[nkeys++] = ekg_xstrndup(k, tmp->len);
        skip_ws(s);
        if (s->p >= s->end || *s->p != ':')
            break;
        s->p++;
        if (skip_value(s, tmp, depth) != 0)
            break;
        skip_ws(s);
        if (s->p < s->end && *s->p == ',') {
            s->p++;
            continue;
        }
        if (s->p < s->end && *s->p == '}') {
            s->p++;
            rc = 0;
        }
        break;
    }
    for (size_t i = 0; i < nkeys; i++)
        free(keys[i]);
    return rc;
}

/* Any JSON value at s->p, skipped (strings decoded into tmp to check them); -1 as for scan_string. */
static int skip_value(scan *s, ekg_buf *tmp, int depth)
{
    skip_ws(s);
    if (s->p >= s->end || depth >= FAST_MAX_DEPTH)
        return -1;
    switch (*s->p) {
    case '"':
        return scan_string(s, tmp);
    case 't':
        return scan_literal(s, "true");
    case 'f':
        return scan_literal(s, "false");
    case 'n':
        return scan_literal(s, "null");
    case '{':
        s->p++;
        return skip_object(s, tmp, depth + 1);
    case '[':
        s->p++;
        skip_ws(s);
        if (s->p < s->end && *s->p == ']') {
            s->p++;
            return 0;
        }
        for (;;) {
            if (skip_value(s, tmp, depth + 1) != 0)
                return -1;
            skip_ws(s);
            if (s->p < s->end && *s->p == ',') {
                s->p++;
                continue;
            }
            if (s->p < s->end && *s->p == ']') {
                s->p++;
                return 0;
            }
            return -1;
        }
    default:
        return scan_number(s);
    }
}

enum { F_ID, F_TEXT, F_TITLE, F_DATE, F_URL, F_SOURCE, F_N };
static const char *const field_names[F_N] = {"id", "text", "title", "date", "url", "source"};

/*
 * The record if the line is an object with a string "text" and, if any, a
 * string "id" without NUL: 0 and doc filled; -1 when jansson must decide.
 */
static int parse_fast(const char *line, size_t len, size_t lineno, ekg_jsonl_doc *doc)
{
    scan s = {line, line + len};
    ekg_buf key, val, fields[F_N];
    int have[F_N] = {0};
    char *keys[FAST_MAX_KEYS];
    size_t klens[FAST_MAX_KEYS], nkeys = 0;
    int rc = -1;
    ekg_buf_init(&key);
    ekg_buf_init(&val);
    for (int f = 0; f < F_N; f++)
        ekg_buf_init(&fields[f]);
    skip_ws(&s);
    if (s.p >= s.end || *s.p != '{')
        goto out;
    s.p++;
    skip_ws(&s);
    if (s.p < s.end && *s.p == '}')
        goto out;   /* {}: no "text", jansson words the error */
    for (;;) {
        skip_ws(&s);
        if (s.p >= s.end || *s.p != '"' || scan_string(&s, &key) != 0)
            goto out;
        if (memchr(key.data ? key.data : "", '\0', key.len) || nkeys == FAST_MAX_KEYS)
            goto out;
        for (size_t k = 0; k < nkeys; k++)
            if (klens[k] == key.len && memcmp(keys[k], key.data, key.len) == 0)
                goto out;   /* a repeated key: jansson rejects it */
        klens[nkeys] = key.len;
        keys[nkeys++] = ekg_xstrndup(key.data ? key.data : "", key.len);
        skip_ws(&s);
        if (s.p >= s.end || *s.p != ':')
            goto out;
        s.p++;
        skip_ws(&s);
        if (s.p >= s.end)
            goto out;
        int f = F_N;
        for (int i = 0; i < F_N; i++)
            if (key.len == strlen(field_names[i]) && memcmp(key.data, field_names[i], key.len) == 0)
                f = i;
        if (*s.p == '"') {
            if (scan_string(&s, f < F_N ? &fields[f] : &val) != 0)
                goto out;
            if (f < F_N)
                have[f] = 1;
        } else if (f == F_ID || f == F_TEXT) {
            goto out;   /* not a string: a number id, or an error */
        } else if (skip_value(&s, &val, 1) != 0) {
            goto out;   /* another value is read only to be sure jansson would accept it */
        }
        skip_ws(&s);
        if (s.p >= s.end)
            goto out;
        if (*s.p == ',') {
            s.p++;
            continue;
        }
        if (*s.p != '}')
            goto out;
        s.p++;
        break;
    }
    skip_ws(&s);
    if (s.p != s.end || !have[F_TEXT] ||
        (have[F_ID] && memchr(fields[F_ID].data ? fields[F_ID].data : "", '\0', fields[F_ID].len)))
        goto out;
    if (have[F_ID]) {
        doc->id = ekg_xstrndup(fields[F_ID].data ? fields[F_ID].data : "", fields[F_ID].len);
    } else {
        char idbuf[64];
        snprintf(idbuf, sizeof idbuf, "line-%zu", lineno);
        doc->id = ekg_xstrdup(idbuf);
    }
    /* other fields end at a NUL, as C strings do */
    char **dst[F_N] = {NULL, NULL, &doc->title, &doc->date, &doc->url, &doc->source};
    for (int f = F_TITLE; f < F_N; f++)
        if (have[f])
            *dst[f] = ekg_xstrdup(fields[f].data ? fields[f].data : "");
    rc = 0;
    set_text(doc, fields[F_TEXT].data ? fields[F_TEXT].data : "", fields[F_TEXT].len);
out:
    for (size_t k = 0; k < nkeys; k++)
        free(keys[k]);
    ekg_buf_free(&key);
    ekg_buf_free(&val);
    for (int f = 0; f < F_N; f++)
        ekg_buf_free(&fields[f]);
    if (rc != 0)
        ekg_jsonl_doc_free(doc);
    return rc;
}

/* The line without its end of line and leading blanks: [*a, *end); 0 if nothing is left. */
static int trim_line(const char *line, size_t len, size_t *a, size_t *end)
{
    size_t x = 0, e = len;
    while (e > 0 && (line[e - 1] == '\n' || line[e - 1] == '\r'))
        e--;
    while (x < e && (line[x] == ' ' || line[x] == '\t' || line[x] == '\r'))
        x++;
    *a = x;
    *end = e;
    return x < e;
}

int ekg_jsonl_parse_jansson(const char *line, size_t len, size_t lineno, const char *source,
                            ekg_jsonl_doc *doc, ekg_error *err)
{
    memset(doc, 0, sizeof *doc);
    size_t a, end;
    if (!trim_line(line, len, &a, &end))
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
    set_text(doc, json_string_value(text), json_string_length(text));
    json_decref(o);
    return 0;
}

int ekg_jsonl_parse(const char *line, size_t len, size_t lineno, const char *source,
                    ekg_jsonl_doc *doc, ekg_error *err)
{
    memset(doc, 0, sizeof *doc);
    size_t a, end;
    if (!trim_line(line, len, &a, &end))
        return 1;   /* a blank line */
    if (parse_fast(line + a, end - a, lineno, doc) == 0)
        return 0;
    return ekg_jsonl_parse_jansson(line, len, lineno, source, doc, err);
}
