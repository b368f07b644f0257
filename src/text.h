/*
 * text.h - the first pipeline stages: decode (text.c), boilerplate
 * (boilerplate.c) and metadata (meta.c).
 *
 * Offsets: the contract measures offsets in code points into the decoded
 * text. Decoding produces two strings:
 *   utf8  the input as valid UTF-8 (each invalid byte replaced by U+FFFD, so
 *         code-point offsets in utf8 equal those of the input read as UTF-8
 *         with replacement); a leading BOM is dropped.
 *   fold  the form used for matching: CRLF and lone CR -> LF; curly quotes ->
 *         ' and "; en/em dashes and minus -> -; NBSP and other Unicode spaces
 *         -> ' '; HTML entities and their scraped remnants (&amp; &quot;
 *         &#39; and " #39;" " quot;") -> the character. Other text is copied.
 * For every byte i of fold (and for i == fold_len), src[i] is the byte offset
 * in utf8 and cp[i] the code-point offset in utf8 where that byte came from.
 */
#ifndef EKG_TEXT_H
#define EKG_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

typedef struct ekg_text {
    char *utf8;         /* valid UTF-8, NUL-terminated */
    size_t utf8_len;
    char *fold;         /* matching form, NUL-terminated */
    size_t fold_len;
    uint32_t *src;      /* fold_len + 1 entries: byte offset into utf8 */
    uint32_t *cp;       /* fold_len + 1 entries: code-point offset into utf8 */
    size_t invalid;     /* number of invalid byte sequences replaced */
} ekg_text;

/*
 * Decodes `len` bytes. Each invalid sequence is replaced and reported
 * through `log` as a warning naming source:line:column (line and column of
 * the input, column in code points, both 1-based). Returns 0, or -1 if the
 * input is larger than the documented limit (EKG_MAX_DOCUMENT bytes); then
 * err says why. Free with ekg_text_free().
 */
#define EKG_MAX_DOCUMENT (64u * 1024u * 1024u)
int ekg_text_decode(ekg_text *t, const char *bytes, size_t len, const char *source,
                    const ekg_log *log, ekg_error *err);
void ekg_text_free(ekg_text *t);

/* A half-open range [start, end) of byte offsets into fold. */
typedef struct ekg_span {
    size_t start, end;
} ekg_span;

/*
 * Boilerplate: finds the article in a scraped page. Returns the number of
 * kept blocks and sets *out to a malloc'd array of them (caller frees), in
 * text order. A block is a line or paragraph of fold with its trailing
 * newline excluded. Kept: the headline (see meta) and the body paragraphs.
 * Dropped: menus, teaser/sidebar headlines with "N minutes ago", "Related
 * Topics" keyword lists, share/follow widgets, app-store, copyright and
 * photo-credit lines, bylines and date lines, comment forms, everything
 * after a stop marker that ends the article.
 */
size_t ekg_boilerplate(const ekg_text *t, ekg_span **out);

/* Document metadata found in the text (any field may be NULL / ""). */
typedef struct ekg_meta {
    char *headline;       /* malloc'd */
    char date[11];        /* "YYYY-MM-DD" or "" */
    int date_has_year;    /* 0 if the year was completed from a reference */
    char *dateline;       /* dateline place, e.g. "VILNIUS", malloc'd */
    char *publisher;      /* e.g. "Reuters", "UrduPoint News", malloc'd */
    char *author;         /* malloc'd */
    ekg_span headline_span;  /* where the headline is in fold (0,0 if none) */
} ekg_meta;

/*
 * Finds headline, publication date, dateline place, publisher and author.
 * `ref_date` ("YYYY-MM-DD") completes a date that has no year: the year is
 * chosen so that a weekday stated next to it ("Wednesday (Jul 12)") matches,
 * else the latest year whose date is not after ref_date.
 * Free with ekg_meta_free().
 */
void ekg_meta_extract(const ekg_text *t, const ekg_span *kept, size_t nkept,
                      const char *ref_date, ekg_meta *m);
void ekg_meta_free(ekg_meta *m);

/*
 * Parses one date expression at the start of s (e.g. "July 13, 2023",
 * "13th July, 2023", "10 July 2023", "2023-07-10", "Jul 12"), writing
 * "YYYY-MM-DD" into out (year 0000 if absent). Returns the number of bytes
 * consumed, 0 if none.
 */
size_t ekg_parse_date(const char *s, size_t n, char out[11]);

#endif
