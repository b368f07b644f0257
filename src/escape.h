/*
 * escape.h - one escaper per syntax that ekg writes by hand (after cmark's
 * houdini). The RDF syntaxes are escaped by raptor2 and jansson; what they
 * need from us is valid UTF-8 and valid IRIs, which live here too.
 * Internal to libekg. Every function appends to an ekg_buf.
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

/* Is s[0..n) valid UTF-8? */
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
