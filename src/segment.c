/*
 * segment.c - tokens and sentences.
 */
#include "segment.h"

#include "words.h"

#include <stdlib.h>
#include <string.h>

/* Letters (every byte of a multi-byte UTF-8 character counts as one) and digits, and
   which letters are ASCII of either case: a table, as the tokenizer asks about every
   byte. */
enum { C_ALPHA = 1, C_DIGIT = 2, C_UPPER = 4, C_LOWER = 8 };

static const unsigned char cclass[256] = {
    ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT, ['4'] = C_DIGIT,
    ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT, ['8'] = C_DIGIT, ['9'] = C_DIGIT,
#define LETTERS8(a, c) [a] = c, [a + 1] = c, [a + 2] = c, [a + 3] = c, [a + 4] = c, \
                       [a + 5] = c, [a + 6] = c, [a + 7] = c
#define UPPER (C_ALPHA | C_UPPER)
#define LOWER (C_ALPHA | C_LOWER)
    LETTERS8('A', UPPER), LETTERS8('A' + 8, UPPER), LETTERS8('A' + 16, UPPER), ['Y'] = UPPER,
    ['Z'] = UPPER,
    LETTERS8('a', LOWER), LETTERS8('a' + 8, LOWER), LETTERS8('a' + 16, LOWER), ['y'] = LOWER,
    ['z'] = LOWER,
    LETTERS8(0x80, C_ALPHA), LETTERS8(0x88, C_ALPHA), LETTERS8(0x90, C_ALPHA),
    LETTERS8(0x98, C_ALPHA), LETTERS8(0xA0, C_ALPHA), LETTERS8(0xA8, C_ALPHA),
    LETTERS8(0xB0, C_ALPHA), LETTERS8(0xB8, C_ALPHA), LETTERS8(0xC0, C_ALPHA),
    LETTERS8(0xC8, C_ALPHA), LETTERS8(0xD0, C_ALPHA), LETTERS8(0xD8, C_ALPHA),
    LETTERS8(0xE0, C_ALPHA), LETTERS8(0xE8, C_ALPHA), LETTERS8(0xF0, C_ALPHA),
    LETTERS8(0xF8, C_ALPHA)
#undef LETTERS8
#undef UPPER
#undef LOWER
};

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int is_alnum(unsigned char c)
{
    return cclass[c] != 0;
}

static int is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

/* Abbreviations that do not end a sentence (lower case, without the final dot). */
static int is_abbrev(const char *low, size_t n)
{
    static const char *const ab[] = {
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "maj",
        "capt", "sgt", "st", "jr", "sr", "inc", "corp", "ltd", "co", "no", "vs", "etc",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "adm", "brig", "cmdr", "rev", "hon", "pres", "amb", "dept", "univ", "approx", "fig",
        "e.g", "i.e", "a.m", "p.m", NULL};
    if (n < 2 || n > 6)
        return 0;   /* the lengths of the list: most words before a full stop are longer */
    for (int i = 0; ab[i]; i++)
        if (ab[i][0] == low[0] && strncmp(ab[i], low, n) == 0 && ab[i][n] == '\0')
            return 1;
    return 0;
}

/* A lower-case copy of s[0..n) in the segmentation's arena. */
static const char *lower_copy(ekg_segmentation *s, const char *src, size_t n)
{
    if (!s->nchunks || s->used + n + 1 > s->chunk_size) {
        size_t size = n + 1 > 65536 ? n + 1 : 65536;
        s->chunks = ekg_xrealloc(s->chunks, (s->nchunks + 1) * sizeof *s->chunks);
        s->chunks[s->nchunks++] = ekg_xmalloc(size);
        s->chunk_size = size;
        s->used = 0;
    }
    char *p = s->chunks[s->nchunks - 1] + s->used;
    ekg_ascii_lower(p, src, n);
    s->used += n + 1;
    return p;
}

typedef struct builder {
    ekg_segmentation *s;
    size_t tcap, scap;
} builder;

static void push_tok(builder *b, const char *fold, uint32_t start, uint32_t end, unsigned flags)
{
    ekg_segmentation *s = b->s;
    if (s->ntoks == b->tcap) {
        b->tcap = b->tcap ? b->tcap * 2 : 256;
        s->toks = ekg_xrealloc(s->toks, b->tcap * sizeof *s->toks);
    }
    size_t n = end - start;
    ekg_token *t = &s->toks[s->ntoks++];
    t->start = start;
    t->end = end;
    t->low = lower_copy(s, fold + start, n);
    t->flags = flags;
    t->wclass = ekg_word_class_n(t->low, n);
}

/* Tokenizes fold[start, end). */
static void tokenize(builder *b, const char *f, uint32_t start, uint32_t end)
{
    uint32_t i = start;
    while (i < end) {
        unsigned char c = (unsigned char)f[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            i++;
            continue;
        }
        if (c == '\'' && i + 1 < end && (f[i + 1] == 's' || f[i + 1] == 'S') &&
            (i + 2 >= end || !is_alnum((unsigned char)f[i + 2])) && i > start &&
            is_alnum((unsigned char)f[i - 1])) {
            push_tok(b, f, i, i + 2, EKG_TOK_POSS);
            i += 2;
            continue;
        }
        if (is_alnum(c)) {
            uint32_t j = i;
            int letters = 0, lower = 0;   /* ASCII letters, of which lower case */
            while (j < end) {
                unsigned char d = (unsigned char)f[j];
                if (is_alnum(d)) {
                    letters += (cclass[d] & (C_UPPER | C_LOWER)) != 0;
                    lower += (cclass[d] & C_LOWER) != 0;
                    j++;
                } else if ((d == '-' || d == '&' || d == '.' || d == '\'' || d == ',') &&
                           j + 1 < end && is_alnum((unsigned char)f[j + 1]) &&
                           !(d == '\'' && (f[j + 1] == 's' || f[j + 1] == 'S') &&
                             (j + 2 >= end || !is_alnum((unsigned char)f[j + 2])))) {
                    /* internal punctuation: U.S, well-known, 1,000, O'Brien, AT&T */
                    if ((d == ',' || d == '.') && !(is_digit((unsigned char)f[j - 1]) &&
                                                    is_digit((unsigned char)f[j + 1])) &&
                        !(d == '.' && j + 2 <= end && is_upper((unsigned char)f[j + 1]) &&
                          (j + 2 == end || f[j + 2] == '.') && is_upper((unsigned char)f[j - 1]) &&
                          (j - 1 == i || f[j - 2] == '.')))
                        break;
                    j++;
                } else {
                    break;
                }
            }
            /* acronyms with dots keep their final dot: U.S. / U.N. */
            if (j < end && f[j] == '.' && j - i >= 3 && f[j - 2] == '.')
                j++;
            /* "n't" is its own token: "doesn't" -> "does" "n't" */
            if (j - i > 3 && f[j - 3] == 'n' && f[j - 2] == '\'' && f[j - 1] == 't') {
                push_tok(b, f, i, j - 3, EKG_TOK_WORD);
                push_tok(b, f, j - 3, j, EKG_TOK_WORD);
                i = j;
                continue;
            }
            unsigned flags = EKG_TOK_WORD;
            if (is_upper(c))
                flags |= EKG_TOK_CAP;
            if (is_digit(c))
                flags |= EKG_TOK_NUM;
            if (letters >= 2 && lower == 0)
                flags |= EKG_TOK_ALLCAP;
            if (c >= 0x80)   /* non-ASCII letter start: treat as capitalised word */
                flags |= EKG_TOK_CAP;
            push_tok(b, f, i, j, flags);
            i = j;
            continue;
        }
        unsigned flags = EKG_TOK_PUNCT;
        if (c == '"' || c == '\'' || c == '`')
            flags |= EKG_TOK_QUOTE;
        uint32_t j = i + 1;
        while (j < end && ((unsigned char)f[j] & 0xC0) == 0x80)   /* whole UTF-8 char */
            j++;
        if (c == '-' && j < end && f[j] == '-')   /* "--" */
            j++;
        push_tok(b, f, i, j, flags);
        i = j;
    }
}

static void push_sent(builder *b, size_t t0, size_t t1, int headline)
{
    ekg_segmentation *s = b->s;
    while (t0 < t1 && t1 - t0 > EKG_MAX_SENTENCE_TOKENS) {
        push_sent(b, t0, t0 + EKG_MAX_SENTENCE_TOKENS, headline);
        t0 += EKG_MAX_SENTENCE_TOKENS;
    }
    if (t0 >= t1)
        return;
    if (s->nsents == b->scap) {
        b->scap = b->scap ? b->scap * 2 : 64;
        s->sents = ekg_xrealloc(s->sents, b->scap * sizeof *s->sents);
    }
    ekg_sentence *st = &s->sents[s->nsents++];
    st->t0 = t0;
    st->t1 = t1;
    st->start = s->toks[t0].start;
    st->end = s->toks[t1 - 1].end;
    st->headline = headline;
    /* title case: most words of 4+ letters capitalised */
    int words = 0, caps = 0;
    for (size_t i = t0; i < t1; i++) {
        const ekg_token *t = &s->toks[i];
        if ((t->flags & EKG_TOK_WORD) && !(t->flags & EKG_TOK_NUM) && t->end - t->start >= 4) {
            words++;
            caps += (t->flags & EKG_TOK_CAP) != 0;
        }
    }
    /* a body sentence full of names ends with a full stop; a headline does not */
    const char *last = s->toks[t1 - 1].low;
    int stop = !strcmp(last, ".") || !strcmp(last, "!") || !strcmp(last, "?");
    st->title = words >= 3 && caps * 10 >= words * 8 && (headline || !stop);
}

/* Skips a dateline at the start of a block: "VILNIUS, July 12 (Reuters) - ", "LONDON - ". */
static size_t skip_dateline(const ekg_segmentation *s, size_t t0, size_t t1)
{
    size_t i = t0;
    if (i >= t1 || !(s->toks[i].flags & EKG_TOK_ALLCAP))
        return t0;
    while (i < t1 && (s->toks[i].flags & EKG_TOK_ALLCAP))
        i++;
    for (size_t k = i; k < t1 && k < i + 30; k++) {
        const char *w = s->toks[k].low;
        if (strcmp(w, "(") == 0) {
            while (k < t1 && strcmp(s->toks[k].low, ")") != 0)
                k++;
            if (k >= t1)
                return t0;
            if (k + 1 < t1 && (strcmp(s->toks[k + 1].low, "-") == 0 ||
                               strcmp(s->toks[k + 1].low, "--") == 0))
                k++;
            return k + 1;
        }
        if (strcmp(w, "-") == 0 || strcmp(w, "--") == 0)
            return k + 1;
        if (strcmp(w, ".") == 0)
            return t0;
    }
    return t0;
}

void ekg_segment(const ekg_text *t, const ekg_span *blocks, size_t nblocks, ekg_span headline,
                 ekg_segmentation *s)
{
    memset(s, 0, sizeof *s);

    builder b = {s, 0, 0};
    const char *f = t->fold;
    for (size_t k = 0; k < nblocks; k++) {
        size_t first = s->ntoks;
        tokenize(&b, f, (uint32_t)blocks[k].start, (uint32_t)blocks[k].end);
        size_t last = s->ntoks;
        int is_head = headline.end > headline.start && blocks[k].start <= headline.start &&
                      blocks[k].end >= headline.end;
        size_t i = is_head ? first : skip_dateline(s, first, last);
        size_t start = i;
        for (; i < last; i++) {
            const ekg_token *tk = &s->toks[i];
            const char *w = tk->low;
            int end = 0;
            if (strcmp(w, ".") == 0 || strcmp(w, "!") == 0 || strcmp(w, "?") == 0) {
                end = 1;
                if (strcmp(w, ".") == 0 && i > start) {
                    const ekg_token *p = &s->toks[i - 1];
                    size_t n = p->end - p->start;
                    if (p->end == tk->start &&
                        (is_abbrev(p->low, n) || (n == 1 && (p->flags & EKG_TOK_CAP))))
                        end = 0;
                }
                /* the next token must look like a sentence start */
                if (end && i + 1 < last) {
                    size_t j = i + 1;
                    while (j < last && (s->toks[j].flags & EKG_TOK_QUOTE) &&
                           s->toks[j].start == s->toks[j - 1].end)
                        j++;   /* closing quote belongs to this sentence */
                    if (j < last && (s->toks[j].flags & EKG_TOK_WORD) &&
                        !(s->toks[j].flags & (EKG_TOK_CAP | EKG_TOK_NUM)))
                        end = 0;
                    else
                        i = j - 1;
                }
            }
            if (end) {
                push_sent(&b, start, i + 1, is_head);
                start = i + 1;
            }
        }
        push_sent(&b, start, last, is_head);
    }
}

void ekg_segmentation_free(ekg_segmentation *s)
{
    free(s->toks);
    free(s->sents);
    for (size_t i = 0; i < s->nchunks; i++)
        free(s->chunks[i]);
    free(s->chunks);
    memset(s, 0, sizeof *s);
}
