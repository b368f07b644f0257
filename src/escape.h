/*
 * escape.h - one escaper per syntax that ekg writes by hand (after cmark's
 * houdini): N-Triples/N-Quads/Turtle terms, DOT labels, CSV fields; plus
 * the UTF-8, IRI, name and lexical-form checks the writers rely on; JSON
 * strings for the streamed JSON-LD node objects.
 * Internal to libekg.
 */
#ifndef EKG_ESCAPE_H
#define EKG_ESCAPE_H

#include <stddef.h>

#include "util.h"

/*
 * Length of the valid UTF-8 sequence at s[0..n) (1..4), or 0 if s starts
 * with an invalid one (overlong, surrogate, > U+10FFFF, truncated). n > 0.
 * If cp is not NULL it receives the code point.
 */
size_t ekg_utf8_seq(const unsigned char *s, size_t n, uint32_t *cp);

/* Is s[0..n) valid UTF-8? (ASCII runs are checked eight bytes at a time.) */
int ekg_utf8_valid(const char *s, size_t n);

/* Appends s with every invalid UTF-8 sequence replaced by U+FFFD. */
void ekg_escape_utf8(ekg_buf *b, const char *s);

/*
 * Appends s as an IRI component: RFC 3986 unreserved characters, the
 * sub-delimiters, ':' '@' '/' and well-formed %XX escapes are kept (and
 * non-ASCII code points of RFC 3987 ucschar); everything else, a '%' not
 * followed by two hex digits included, is percent-encoded.
 * Use it for ids and local names that go into an IRI.
 */
void ekg_escape_iri_part(ekg_buf *b, const char *s);

/*
 * Is s an absolute IRI that every RDF syntax accepts as it is: a scheme
 * [A-Za-z][A-Za-z0-9+.-]* ":" followed by at least one character, valid
 * UTF-8, with no space, control, '<' '>' '"' '{' '}' '|' '^' '`' '\' and
 * well-formed %XX escapes?
 */
int ekg_iri_is_absolute(const char *s);

/*
 * N-Triples / N-Quads / Turtle, written by hand (write_nt.c, write_turtle.c).
 * The two escapers write into dst, which must have room for the worst case
 * (EKG_NT_STRING_MAX(n), EKG_NT_IRI_MAX(n) bytes), and return the number of
 * bytes written. Neither adds the delimiters.
 *
 * ekg_escape_nt_string: the body of a STRING_LITERAL_QUOTE ("..."): '"' -> \",
 * '\' -> \\, LF -> \n, CR -> \r, TAB -> \t, every other C0 control and DEL
 * -> \u00XX; valid UTF-8 is kept as it is, each byte of an invalid sequence
 * becomes U+FFFD.
 *
 * ekg_escape_nt_iri: the body of an IRIREF (<...>): bytes 0x00-0x20, DEL,
 * '<' '>' '"' '{' '}' '|' '^' '`' '\' and the bytes of invalid UTF-8 -> %XX;
 * everything else (valid UTF-8 included) is kept.
 */
#define EKG_NT_STRING_MAX(n) (6 * (n))
#define EKG_NT_IRI_MAX(n) (3 * (n))
size_t ekg_escape_nt_string(char *dst, const char *s, size_t n);
size_t ekg_escape_nt_iri(char *dst, const char *s, size_t n);

/* Appending forms of the two above (for tests and small strings). */
void ekg_escape_nt_string_buf(ekg_buf *b, const char *s);
void ekg_escape_nt_iri_buf(ekg_buf *b, const char *s);

/*
 * The body of a JSON string, as jansson writes it (so that hand-written and
 * jansson-written JSON agree byte for byte): '"' -> \", '\\' -> \\\\, \b \f \n
 * \r \t, other C0 controls -> \u00XX (upper-case hex); everything else, valid
 * UTF-8 included, as it is; invalid UTF-8 -> U+FFFD. At most EKG_JSON_MAX(n)
 * bytes are written into dst; returns the count.
 */
#define EKG_JSON_MAX(n) (6 * (n))
size_t ekg_escape_json(char *dst, const char *s, size_t n);

/*
 * Conservative Turtle name checks (RECIPES: Virtuoso mis-stores escaped
 * local names, rdflib rejects some): a prefix [A-Za-z][A-Za-z0-9_-]*, a
 * local part [A-Za-z0-9_][A-Za-z0-9_-]* (never empty, no '.', no escape).
 */
int ekg_turtle_prefix_ok(const char *s, size_t n);
int ekg_turtle_local_ok(const char *s, size_t n);

/* A BCP 47-shaped language tag: [A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*. */
int ekg_lang_tag_ok(const char *s);

/*
 * Canonical XSD lexical forms that a Turtle numeral can stand for unchanged:
 * integer -?(0|[1-9][0-9]*) within 18 digits (inside int64: RECIPES), no
 * "-0"; decimal -?(0|[1-9][0-9]*)\.(0|[0-9]*[1-9]), no "-0.0".
 */
int ekg_xsd_integer_canonical(const char *s, size_t n);
int ekg_xsd_decimal_canonical(const char *s, size_t n);

/* Is s a valid "YYYY-MM-DD" xsd:date (Gregorian, 0001-9999)? */
int ekg_date_valid(const char *s);

/*
 * Appends a DOT escString label body (without the surrounding quotes; cgraph
 * adds them and escapes '"' itself): '\' -> "\\", newline -> "\n", CR
 * dropped, TAB, other C0 controls and DEL -> space, invalid UTF-8 -> U+FFFD.
 * At most max bytes of s are used (cut at a character boundary, "…"
 * appended), so that the label stays below dot's 16 KB string limit.
 */
void ekg_escape_dot_label(ekg_buf *b, const char *s, size_t max);

/*
 * Appends a CSV field (RFC 4180): quoted when it contains ',' '"' CR or LF or
 * starts or ends with a space, '"' doubled inside quotes; control characters
 * other than TAB, CR, LF (and DEL) -> space; invalid UTF-8 -> U+FFFD. NULL is
 * the empty field.
 */
void ekg_escape_csv(ekg_buf *b, const char *s);

#endif
