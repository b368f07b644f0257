/*
 * segment.h - sentences and tokens over the fold text of the kept blocks.
 */
#ifndef EKG_SEGMENT_H
#define EKG_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

enum {
    EKG_TOK_WORD = 1 << 0,    /* letters/digits (may contain . - ' &) */
    EKG_TOK_CAP = 1 << 1,     /* starts with an upper-case letter */
    EKG_TOK_ALLCAP = 1 << 2,  /* two or more letters, all upper case */
    EKG_TOK_NUM = 1 << 3,     /* starts with a digit */
    EKG_TOK_POSS = 1 << 4,    /* the possessive 's or ' */
    EKG_TOK_PUNCT = 1 << 5,   /* any other single character */
    EKG_TOK_QUOTE = 1 << 6    /* a quotation mark */
};

typedef struct ekg_token {
    uint32_t start, end;      /* byte offsets into fold */
    const char *low;          /* lower-case text (owned by the segmentation) */
    unsigned flags;
    unsigned wclass;          /* its closed-class word classes (words.h), 0 for none */
} ekg_token;

typedef struct ekg_sentence {
    size_t t0, t1;            /* token range [t0, t1) */
    uint32_t start, end;      /* byte offsets into fold */
    int title;                /* a headline in title case */
    int headline;             /* the document headline */
} ekg_sentence;

typedef struct ekg_segmentation {
    ekg_token *toks;
    size_t ntoks;
    ekg_sentence *sents;
    size_t nsents;
    char **chunks;            /* lower-case strings, bump-allocated */
    size_t nchunks, used, chunk_size;
} ekg_segmentation;

/* Longest sentence analysed, in tokens; longer ones are cut (with a warning). */
#define EKG_MAX_SENTENCE_TOKENS 400

/*
 * Splits the kept blocks of t into sentences and tokens. `headline` is the
 * headline span from the metadata stage (may be {0,0}). Each block is split on
 * sentence punctuation, respecting abbreviations (Mr., U.S., Jan.), initials
 * and quotes; a dateline prefix ("VILNIUS, July 12 (Reuters) - ") is skipped.
 */
void ekg_segment(const ekg_text *t, const ekg_span *blocks, size_t nblocks, ekg_span headline,
                 ekg_segmentation *s);
void ekg_segmentation_free(ekg_segmentation *s);

#endif
