/*
 * text.c - decoding: validates UTF-8 and builds the matching form (fold)
 * with its byte and code-point maps, in one pass over the input.
 *
 * Invalid input is replaced the way the WHATWG encoding standard (and
 * Python's "replace") does: each maximal subpart of an ill-formed sequence
 * becomes one U+FFFD, so "E2 82 41" is U+FFFD "A" and "C0 80" is two.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* At most this many invalid sequences are logged one by one per document. */
#define MAX_WARNINGS 100

typedef struct out {
    ekg_buf utf8;
    char *fold;
    uint32_t *src, *cp;
    size_t len, cap;
} out;

static void reserve(out *o, size_t extra)
{
    if (o->len + extra + 1 <= o->cap)
        return;
    size_t cap = o->cap ? o->cap : 256;
    while (cap < o->len + extra + 1)
        cap *= 2;
    o->fold = ekg_xrealloc(o->fold, cap);
    o->src = ekg_xrealloc(o->src, cap * sizeof *o->src);
    o->cp = ekg_xrealloc(o->cp, cap * sizeof *o->cp);
    o->cap = cap;
}

/* Appends n fold bytes that all stand for the code point at (src, cp). */
static void emit(out *o, const char *s, size_t n, size_t src, size_t cp)
{
    reserve(o, n);
    for (size_t i = 0; i < n; i++) {
        o->fold[o->len] = s[i];
        o->src[o->len] = (uint32_t)src;
        o->cp[o->len] = (uint32_t)cp;
        o->len++;
    }
}

/* Appends bytes copied unchanged from utf8 offset src (one code point). */
static void copy(out *o, const char *s, size_t n, size_t src, size_t cp)
{
    reserve(o, n);
    for (size_t i = 0; i < n; i++) {
        o->fold[o->len] = s[i];
        o->src[o->len] = (uint32_t)(src + i);
        o->cp[o->len] = (uint32_t)cp;
        o->len++;
    }
}

static size_t encode(uint32_t v, char b[4])
{
    if (v < 0x80) {
        b[0] = (char)v;
        return 1;
    }
    if (v < 0x800) {
        b[0] = (char)(0xC0 | (v >> 6));
        b[1] = (char)(0x80 | (v & 0x3F));
        return 2;
    }
    if (v < 0x10000) {
        b[0] = (char)(0xE0 | (v >> 12));
        b[1] = (char)(0x80 | ((v >> 6) & 0x3F));
        b[2] = (char)(0x80 | (v & 0x3F));
        return 3;
    }
    b[0] = (char)(0xF0 | (v >> 18));
    b[1] = (char)(0x80 | ((v >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((v >> 6) & 0x3F));
    b[3] = (char)(0x80 | (v & 0x3F));
    return 4;
}

/*
 * The fold of one code point: the replacement text, NULL to copy the code
 * point unchanged, or "" to drop it.
 */
static const char *fold_of(uint32_t v)
{
    if (v < 0x80)
        return v == '\r' ? "\n" : NULL;
    switch (v) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212:
        return "-";
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
        return " ";
    case 0x0085: case 0x2028: case 0x2029:
        return "\n";
    case 0x2026:
        return "...";
    case 0x00AD: case 0x180E: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
    case 0xFEFF:
        return "";
    default:
        break;
    }
    if (v >= 0x2000 && v <= 0x200A)
        return " ";
    return NULL;
}

/* Windows-1252 meanings of 0x80..0x9F, as HTML numeric references use them. */
static const uint16_t cp1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
    0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

static const struct {
    const char *name;
    uint32_t v;
} named[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},     {"nbsp", 0xA0},     {"ndash", 0x2013},  {"mdash", 0x2014},
    {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"hellip", 0x2026}, {"minus", 0x2212},
    {"thinsp", 0x2009}, {"ensp", 0x2002},   {"emsp", 0x2003},   {"shy", 0xAD},
    {"zwj", 0x200D},    {"zwnj", 0x200C},
};

/* The remnants a scraper leaves when it strips '&': " quot;", " #39;". */
static const struct {
    const char *name;
    uint32_t v;
} remnant[] = {
    {"quot", '"'}, {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"apos", '\''}, {"nbsp", 0xA0},
};

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int is_xdigit(unsigned char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static uint32_t numeric_value(uint32_t v)
{
    if (v >= 0x80 && v <= 0x9F)
        v = cp1252[v - 0x80];
    if (v == 0 || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
        return 0;
    return v;
}

/*
 * "#39;" or "#x27;" at s (s[0] == '#'): the code point, with *n set to the
 * bytes used; 0 if none.
 */
static uint32_t match_numeric(const unsigned char *s, size_t avail, size_t *n)
{
    size_t i = 1;
    int hex = 0;
    uint32_t v = 0;
    if (i < avail && (s[i] == 'x' || s[i] == 'X')) {
        hex = 1;
        i++;
    }
    size_t start = i;
    while (i < avail && i - start < 7 && (hex ? is_xdigit(s[i]) : is_digit(s[i]))) {
        unsigned char c = s[i];
        uint32_t d = is_digit(c) ? (uint32_t)(c - '0')
                                 : (uint32_t)((c | 0x20) - 'a' + 10);
        v = v * (hex ? 16u : 10u) + d;
        i++;
    }
    if (i == start || i >= avail || s[i] != ';')
        return 0;
    *n = i + 1;
    return numeric_value(v);
}

static uint32_t match_name(const unsigned char *s, size_t avail, size_t *n, int remnants)
{
    size_t count = remnants ? sizeof remnant / sizeof remnant[0] : sizeof named / sizeof named[0];
    for (size_t k = 0; k < count; k++) {
        const char *name = remnants ? remnant[k].name : named[k].name;
        size_t len = strlen(name);
        if (len + 1 <= avail && memcmp(s, name, len) == 0 && s[len] == ';') {
            *n = len + 1;
            return remnants ? remnant[k].v : named[k].v;
        }
    }
    return 0;
}

/*
 * An entity or a scraped remnant of one at s[0..avail): the code point it
 * stands for and *n, the bytes it spans; 0 if none. `line_start` allows a
 * remnant without its leading space at the start of a line.
 */
static uint32_t match_entity(const unsigned char *s, size_t avail, int line_start, size_t *n)
{
    size_t k = 0;
    uint32_t v = 0;
    if (s[0] == '&' && avail > 2) {
        v = s[1] == '#' ? match_numeric(s + 1, avail - 1, &k) : match_name(s + 1, avail - 1, &k, 0);
        if (v)
            *n = k + 1;
        return v;
    }
    size_t skip = s[0] == ' ' ? 1 : 0;
    if (!skip && !line_start)
        return 0;
    if (skip >= avail)
        return 0;
    if (s[skip] == '#')
        v = match_numeric(s + skip, avail - skip, &k);
    else if (s[skip] >= 'a' && s[skip] <= 'z')
        v = match_name(s + skip, avail - skip, &k, 1);
    if (v)
        *n = k + skip;
    return v;
}

/* Length and validity of the UTF-8 sequence at s (WHATWG rules). */
static size_t decode_one(const unsigned char *s, size_t avail, uint32_t *v, int *valid)
{
    unsigned char c = s[0];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        *valid = 0;
        return 1;
    }
    size_t i = 1;
    for (; i <= need; i++) {
        if (i >= avail || s[i] < lo || s[i] > hi) {
            *valid = 0;
            return i;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
        lo = 0x80;
        hi = 0xBF;
    }
    *v = cp;
    *valid = 1;
    return i;
}

/* Folds one code point v, whose utf8 bytes are u[0..n), at (src, cp). */
static void fold_cp(out *o, uint32_t v, const char *u, size_t n, size_t src, size_t cp)
{
    const char *r = fold_of(v);
    if (r)
        emit(o, r, strlen(r), src, cp);
    else
        copy(o, u, n, src, cp);
}

/* The ASCII below 64 that may start an entity or a line (or is NUL): bit c. */
#define NOT_PLAIN ((1ull << 0) | (1ull << '&') | (1ull << ' ') | (1ull << '\r') | (1ull << '\n'))

/* ASCII that starts no entity and no line: copied as it is. */
static int plain_ascii(unsigned char c)
{
    return c >= 64 ? c < 0x80 : !((NOT_PLAIN >> c) & 1);
}

/* Plain ASCII, or a space that no remnant (" quot;", " #39;": a '#' or a name of at most
   four letters and ';') follows: copied as it is. */
static int plain_at(const unsigned char *s, size_t avail)
{
    if (s[0] != ' ')
        return plain_ascii(s[0]);
    if (avail < 3)
        return 0;
    if (s[1] == '#')
        return 0;
    if (s[1] < 'a' || s[1] > 'z')
        return 1;
    for (size_t i = 3; i <= 5 && i < avail; i++)
        if (s[i] == ';')
            return 0;
    return 1;
}

int ekg_text_decode(ekg_text *t, const char *bytes, size_t len, const char *source,
                    const ekg_log *log, ekg_error *err)
{
    memset(t, 0, sizeof *t);
    if (len > EKG_MAX_DOCUMENT) {
        ekg_error_set(err, source, 0, 0, "document too large: %zu bytes (limit %u)", len,
                      EKG_MAX_DOCUMENT);
        return -1;
    }
    const unsigned char *in = (const unsigned char *)bytes;
    out o;
    memset(&o, 0, sizeof o);
    ekg_buf_init(&o.utf8);
    ekg_buf_put(&o.utf8, "", 0);
    reserve(&o, len);

    size_t pos = 0, cpn = 0;
    int line = 1, col = 1;
    if (len >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF)
        pos = 3;
    while (pos < len) {
        unsigned char c = in[pos];
        size_t at = o.utf8.len;
        if (plain_at(in + pos, len - pos) && !(col == 1 && (c == '#' || (c >= 'a' && c <= 'z')))) {
            /* a run of ASCII with nothing to decode or fold: copied at once */
            size_t k = pos + 1;
            while (k < len && (plain_ascii(in[k]) || (in[k] == ' ' && plain_at(in + k, len - k))))
                k++;
            size_t n = k - pos;
            ekg_buf_put(&o.utf8, (const char *)in + pos, n);
            reserve(&o, n);
            memcpy(o.fold + o.len, in + pos, n);
            uint32_t *src = o.src + o.len, *cp = o.cp + o.len;
            for (size_t i = 0; i < n; i++)
                src[i] = (uint32_t)(at + i);
            for (size_t i = 0; i < n; i++)
                cp[i] = (uint32_t)(cpn + i);
            o.len += n;
            pos += n;
            cpn += n;
            col += (int)n;
            continue;
        }
        if (c != 0 && c < 0x80) {
            size_t n = 0;
            uint32_t v = 0;
            if (c == '&' || c == ' ' || (c == '#' && col == 1) || (col == 1 && c >= 'a' && c <= 'z'))
                v = match_entity(in + pos, len - pos, col == 1, &n);
            if (v) {
                /* Every fold byte of an entity points at the entity's start. */
                char b[4];
                const char *r = fold_of(v);
                ekg_buf_put(&o.utf8, (const char *)in + pos, n);
                if (r)
                    emit(&o, r, strlen(r), at, cpn);
                else
                    emit(&o, b, encode(v, b), at, cpn);
                pos += n;
                cpn += n;
                col += (int)n;
                continue;
            }
            ekg_buf_putc(&o.utf8, (char)c);
            if (c == '\r' && pos + 1 < len && in[pos + 1] == '\n') {
                ekg_buf_putc(&o.utf8, '\n');
                emit(&o, "\n", 1, at, cpn);
                pos += 2;
                cpn += 2;
            } else {
                char ch = c == '\r' ? '\n' : (char)c;
                emit(&o, &ch, 1, at, cpn);
                pos++;
                cpn++;
            }
            if (c == '\r' || c == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            continue;
        }
        uint32_t v = 0;
        int valid = 0;
        size_t n = c ? decode_one(in + pos, len - pos, &v, &valid) : 1;
        if (valid) {
            ekg_buf_put(&o.utf8, (const char *)in + pos, n);
            fold_cp(&o, v, o.utf8.data + at, n, at, cpn);
        } else {
            ekg_buf_put(&o.utf8, "\xEF\xBF\xBD", 3);
            copy(&o, "\xEF\xBF\xBD", 3, at, cpn);
            t->invalid++;
            if (t->invalid <= MAX_WARNINGS)
                ekg_logf(log, EKG_LOG_WARNING, source, line, col,
                         "invalid UTF-8 (%zu byte%s from 0x%02X) replaced by U+FFFD", n,
                         n == 1 ? "" : "s", c);
        }
        pos += n;
        cpn++;
        col++;
    }
    if (t->invalid > MAX_WARNINGS)
        ekg_logf(log, EKG_LOG_WARNING, source, 0, 0,
                 "%zu further invalid UTF-8 sequences replaced by U+FFFD",
                 t->invalid - MAX_WARNINGS);
    reserve(&o, 0);
    o.fold[o.len] = '\0';
    o.src[o.len] = (uint32_t)o.utf8.len;
    o.cp[o.len] = (uint32_t)cpn;
    t->utf8_len = o.utf8.len;
    t->utf8 = ekg_buf_detach(&o.utf8);
    t->fold = o.fold;
    t->fold_len = o.len;
    t->src = o.src;
    t->cp = o.cp;
    return 0;
}

void ekg_text_free(ekg_text *t)
{
    if (!t)
        return;
    free(t->utf8);
    free(t->fold);
    free(t->src);
    free(t->cp);
    memset(t, 0, sizeof *t);
}
