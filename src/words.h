/*
 * words.h - closed-class English words (grammar, not domain knowledge): one
 * hash lookup gives every class a word belongs to.
 */
#ifndef EKG_WORDS_H
#define EKG_WORDS_H

#include <stddef.h>

enum {
    EKG_W_DET = 1 << 0,        /* the, a, this, its ... */
    EKG_W_PREP = 1 << 1,       /* of, in, on ... */
    EKG_W_TIME = 1 << 2,       /* weekdays, months, today */
    EKG_W_COPULA = 1 << 3,     /* is, are, was ... */
    EKG_W_STOP = 1 << 4,       /* other function words */
    EKG_W_PRONOUN = 1 << 5,    /* he, she, it ... */
    EKG_W_CONNECTOR = 1 << 6,  /* inside names: of, de, al, bin ... */
    EKG_W_ADVERB = 1 << 7,     /* adverbs not ending in -ly: also, still ... */
    EKG_W_AUX = 1 << 8,        /* has, will, would, not ... */
    EKG_W_BOUNDARY = 1 << 9,   /* which, because, but, ; ... */
    EKG_W_BLOCKED = 1 << 10,   /* prepositions of place and time: in, at, during ... */
    EKG_W_PERIOD = 1 << 11     /* nouns of time periods: week, month, morning ... */
};

/* Stop words: function words of every kind that never head a name or a phrase. */
#define EKG_W_STOPWORD (EKG_W_STOP | EKG_W_DET | EKG_W_PREP | EKG_W_COPULA)

/* The classes of a lower-case word (0 for none). Thread-safe. */
unsigned ekg_word_class(const char *w);
/* The same for the n bytes at w (no NUL needed). */
unsigned ekg_word_class_n(const char *w, size_t n);

#endif
