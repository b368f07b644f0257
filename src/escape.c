/*
 * escape.c - escapers for the syntaxes ekg writes by hand (DOT labels, CSV
 * fields), and the UTF-8 / IRI / date checks every writer relies on.
 */
#include "escape.h"

#include <stdlib.h>
#include <string.h>

static const char hexdig[] = "0123456789ABCDEF";
static const char replacement[] = "\xEF\xBF\xBD";   /* U+FFFD */

size_t ekg_utf8_seq(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t len;
    uint32_t v, min;
    if (c < 0x80) {
        if (cp)
            *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    if (cp)
        *cp = v;
    return len;
}

int ekg_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        /* ASCII fast path: eight bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (w & UINT64_C(0x8080808080808080))
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = ekg_utf8_seq(p + i, n - i, NULL);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

void ekg_escape_utf8(ekg_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0, run = 0;
    while (i < n) {
        size_t k = ekg_utf8_seq(p + i, n - i, NULL);
        if (k) {
            i += k;
            continue;
        }
        ekg_buf_put(b, s + run, i - run);
        ekg_buf_puts(b, replacement);
        i++;
        run = i;
    }
    ekg_buf_put(b, s + run, n - run);
}

/* RFC 3987 ucschar (iprivate is not allowed outside the query). */
static int is_ucschar(uint32_t c)
{
    return (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
           (c >= 0xFDF0 && c <= 0xFFEF) ||
           (c >= 0x10000 && c <= 0xEFFFD && (c & 0xFFFF) <= 0xFFFD);
}

static int is_hex(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* ASCII bytes an IRI component keeps: unreserved, sub-delims, ':' '@' '/' ('%' apart). */
static const unsigned char part_plain[128] = {
    ['!'] = 1, ['$'] = 1, ['&'] = 1, ['\''] = 1, ['('] = 1, [')'] = 1, ['*'] = 1, ['+'] = 1,
    [','] = 1, [';'] = 1, ['='] = 1, [':'] = 1, ['@'] = 1, ['/'] = 1, ['-'] = 1, ['.'] = 1,
    ['_'] = 1, ['~'] = 1,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

void ekg_escape_iri_part(ekg_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0;
    while (i < n) {
        size_t run = i;
        while (i < n && p[i] < 0x80 && part_plain[p[i]])
            i++;
        if (i > run)
            ekg_buf_put(b, s + run, i - run);
        if (i >= n)
            break;
        unsigned char c = p[i];
        if (c < 0x80) {
            if (c == '%' && is_hex(p[i + 1]) && is_hex(p[i + 2])) {
                ekg_buf_put(b, s + i, 3);
                i += 3;
            } else {
                char e[3] = {'%', hexdig[c >> 4], hexdig[c & 15]};
                ekg_buf_put(b, e, 3);
                i++;
            }
            continue;
        }
        uint32_t cp;
        size_t k = ekg_utf8_seq(p + i, n - i, &cp);
        if (k && is_ucschar(cp)) {
            ekg_buf_put(b, s + i, k);
        } else {
            if (!k)
                k = 1;
            for (size_t j = 0; j < k; j++) {
                char e[3] = {'%', hexdig[p[i + j] >> 4], hexdig[p[i + j] & 15]};
                ekg_buf_put(b, e, 3);
            }
        }
        i += k;
    }
}

int ekg_iri_is_absolute(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    if (!s || !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return 0;
    size_t i = 1;
    while ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
           (p[i] >= '0' && p[i] <= '9') || p[i] == '+' || p[i] == '-' || p[i] == '.')
        i++;
    if (p[i] != ':' || p[i + 1] == '\0')
        return 0;
    size_t n = strlen(s);
    for (i++; i < n;) {
        unsigned char c = p[i];
        if (c < 0x80) {
            if (c <= 0x20 || c == 0x7F || strchr("<>\"{}|^`\\", c))
                return 0;
            if (c == '%' && !(is_hex(p[i + 1]) && is_hex(p[i + 2])))
                return 0;
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = ekg_utf8_seq(p + i, n - i, &cp);
        if (!k || !(is_ucschar(cp) || (cp >= 0xE000 && cp <= 0xF8FF)))
            return 0;
        i += k;
    }
    return 1;
}

/* ---- N-Triples, N-Quads, Turtle ---- */

/* Bytes a string literal body keeps as they are: printable ASCII but '"' and '\\'. */
static const unsigned char nt_plain[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* Bytes an IRIREF keeps as they are (ASCII). */
static const unsigned char iri_plain[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

size_t ekg_escape_nt_string(char *dst, const char *src, size_t n)
{
    const unsigned char *s = (const unsigned char *)src;
    char *d = dst;
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        while (i < n && nt_plain[s[i]])
            i++;
        if (i > run) {
            memcpy(d, s + run, i - run);
            d += i - run;
        }
        if (i >= n)
            break;
        unsigned char c = s[i];
        if (c >= 0x80) {
            size_t k = ekg_utf8_seq(s + i, n - i, NULL);
            if (k) {
                memcpy(d, s + i, k);
                d += k;
                i += k;
            } else {
                memcpy(d, replacement, 3);
                d += 3;
                i++;
            }
            continue;
        }
        *d++ = '\\';
        switch (c) {
        case '"': *d++ = '"'; break;
        case '\\': *d++ = '\\'; break;
        case '\n': *d++ = 'n'; break;
        case '\r': *d++ = 'r'; break;
        case '\t': *d++ = 't'; break;
        default:
            memcpy(d, "u00", 3);
            d[3] = hexdig[c >> 4];
            d[4] = hexdig[c & 15];
            d += 5;
        }
        i++;
    }
    return (size_t)(d - dst);
}

size_t ekg_escape_nt_iri(char *dst, const char *src, size_t n)
{
    const unsigned char *s = (const unsigned char *)src;
    char *d = dst;
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        while (i < n && iri_plain[s[i]])
            i++;
        if (i > run) {
            memcpy(d, s + run, i - run);
            d += i - run;
        }
        if (i >= n)
            break;
        unsigned char c = s[i];
        size_t k = c >= 0x80 ? ekg_utf8_seq(s + i, n - i, NULL) : 0;
        if (k) {
            memcpy(d, s + i, k);
            d += k;
            i += k;
            continue;
        }
        d[0] = '%';
        d[1] = hexdig[c >> 4];
        d[2] = hexdig[c & 15];
        d += 3;
        i++;
    }
    return (size_t)(d - dst);
}

/* Bytes a JSON string keeps as they are: ASCII from 0x20 but '"' and '\\'. */
static const unsigned char json_plain[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

size_t ekg_escape_json(char *dst, const char *src, size_t n)
{
    const unsigned char *s = (const unsigned char *)src;
    char *d = dst;
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        while (i < n && json_plain[s[i]])
            i++;
        if (i > run) {
            memcpy(d, s + run, i - run);
            d += i - run;
        }
        if (i >= n)
            break;
        unsigned char c = s[i];
        if (c >= 0x80) {
            size_t k = ekg_utf8_seq(s + i, n - i, NULL);
            if (k) {
                memcpy(d, s + i, k);
                d += k;
                i += k;
            } else {
                memcpy(d, replacement, 3);
                d += 3;
                i++;
            }
            continue;
        }
        *d++ = '\\';
        switch (c) {
        case '"': *d++ = '"'; break;
        case '\\': *d++ = '\\'; break;
        case '\b': *d++ = 'b'; break;
        case '\f': *d++ = 'f'; break;
        case '\n': *d++ = 'n'; break;
        case '\r': *d++ = 'r'; break;
        case '\t': *d++ = 't'; break;
        default:
            memcpy(d, "u00", 3);
            d[3] = hexdig[c >> 4];
            d[4] = hexdig[c & 15];
            d += 5;
        }
        i++;
    }
    return (size_t)(d - dst);
}

static void escape_buf(ekg_buf *b, const char *s, size_t (*f)(char *, const char *, size_t),
                       size_t factor)
{
    size_t n = strlen(s);
    size_t old = b->len;
    /* grow by appending placeholder bytes, then write over them */
    for (size_t k = 0; k < factor * n + 1; k++)
        ekg_buf_putc(b, ' ');
    b->len = old + f(b->data + old, s, n);
    b->data[b->len] = '\0';
}

void ekg_escape_nt_string_buf(ekg_buf *b, const char *s)
{
    escape_buf(b, s, ekg_escape_nt_string, 6);
}

void ekg_escape_nt_iri_buf(ekg_buf *b, const char *s)
{
    escape_buf(b, s, ekg_escape_nt_iri, 3);
}

static int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int is_name(unsigned char c)
{
    return is_alpha(c) || is_digit(c) || c == '_' || c == '-';
}

int ekg_turtle_prefix_ok(const char *s, size_t n)
{
    if (!n || !is_alpha((unsigned char)s[0]))
        return 0;
    for (size_t i = 1; i < n; i++)
        if (!is_name((unsigned char)s[i]))
            return 0;
    return 1;
}

int ekg_turtle_local_ok(const char *s, size_t n)
{
    if (!n || s[0] == '-')
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_name((unsigned char)s[i]))
            return 0;
    return 1;
}

int ekg_lang_tag_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, k = 0;
    if (!s)
        return 0;
    while (is_alpha(p[i]))
        i++, k++;
    if (k < 1 || k > 8)
        return 0;
    while (p[i] == '-') {
        i++;
        k = 0;
        while (is_alpha(p[i]) || is_digit(p[i]))
            i++, k++;
        if (k < 1 || k > 8)
            return 0;
    }
    return p[i] == '\0';
}

/* Length of -?(0|[1-9][0-9]*) at s[0..n), 0 if none. */
static size_t canonical_int_part(const char *s, size_t n)
{
    size_t i = n && s[0] == '-';
    if (i >= n || !is_digit((unsigned char)s[i]))
        return 0;
    if (s[i] == '0')
        return i + 1;
    while (i < n && is_digit((unsigned char)s[i]))
        i++;
    return i;
}

int ekg_xsd_integer_canonical(const char *s, size_t n)
{
    size_t k = canonical_int_part(s, n);
    size_t digits = k - (n && s[0] == '-');
    return k && k == n && digits <= 18 && !(n == 2 && s[0] == '-' && s[1] == '0');
}

int ekg_xsd_decimal_canonical(const char *s, size_t n)
{
    size_t k = canonical_int_part(s, n);
    if (!k || k + 1 >= n || s[k] != '.')
        return 0;
    for (size_t i = k + 1; i < n; i++)
        if (!is_digit((unsigned char)s[i]))
            return 0;
    if (n - k - 1 > 1 && s[n - 1] == '0')
        return 0;   /* trailing zeros: only "x.0" */
    if (s[0] == '-' && n == 4 && !memcmp(s, "-0.0", 4))
        return 0;
    return 1;
}

int ekg_date_valid(const char *s)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !(s[i] >= '0' && s[i] <= '9'))
            return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    return 1;
}

void ekg_escape_dot_label(ekg_buf *b, const char *s, size_t max)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0;
    while (i < n) {
        unsigned char c = p[i];
        uint32_t cp = c;
        size_t k = ekg_utf8_seq(p + i, n - i, &cp);
        if (i + (k ? k : 1) > max) {
            ekg_buf_puts(b, "\xE2\x80\xA6");   /* … */
            return;
        }
        if (!k) {
            ekg_buf_puts(b, replacement);
            i++;
            continue;
        }
        if (c == '\\')
            ekg_buf_puts(b, "\\\\");
        else if (c == '\n')
            ekg_buf_puts(b, "\\n");
        else if (c == '\r')
            ;
        else if (c < 0x20 || c == 0x7F || (cp >= 0x80 && cp < 0xA0))
            ekg_buf_putc(b, ' ');   /* C0, DEL and C1 controls break the SVG's XML */
        else
            ekg_buf_put(b, s + i, k);
        i += k;
    }
}

void ekg_escape_csv(ekg_buf *b, const char *s)
{
    if (!s || !*s)
        return;
    size_t n = strlen(s);
    int quote = s[0] == ' ' || s[n - 1] == ' ' || strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        ekg_buf_putc(b, '"');
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        size_t k = ekg_utf8_seq(p + i, n - i, NULL);
        if (!k) {
            ekg_buf_puts(b, replacement);
            i++;
            continue;
        }
        if (c == '"')
            ekg_buf_puts(b, "\"\"");
        else if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F)
            ekg_buf_putc(b, ' ');   /* RFC 4180 has no control characters; nor do terminals */
        else
            ekg_buf_put(b, s + i, k);
        i += k;
    }
    if (quote)
        ekg_buf_putc(b, '"');
}
