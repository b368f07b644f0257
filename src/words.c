/*
 * words.c - closed-class English words, in one table built into a hash
 * table once.
 */
#include "words.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    unsigned cls;
    const char *const words[64];
} lists[] = {
    {EKG_W_DET, {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his",
                 "her", "our", "such", "any", "some", "no", "every", "each", "another", NULL}},
    {EKG_W_PREP, {"of", "in", "on", "at", "to", "for", "with", "by", "from", "about",
                  "against", "into", "over", "under", "between", "among", "after", "before",
                  "during", "since", "until", "towards", "toward", "through", "across",
                  "without", "within", "like", "near", "regarding", "amid", "despite", "than",
                  "via", "per", "upon", "beside", "behind", "including", "unlike", "alongside",
                  "onto", "beyond", "throughout", NULL}},
    {EKG_W_TIME, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                  "january", "february", "march", "april", "may", "june", "july", "august",
                  "september", "october", "november", "december", "jan.", "feb.", "aug.",
                  "sept.", "oct.", "nov.", "dec.", "today", "yesterday", "tomorrow", "tonight",
                  NULL}},
    {EKG_W_COPULA, {"is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", NULL}},
    {EKG_W_STOP, {"and", "or", "but", "nor", "so", "yet", "if", "as", "while", "when", "where",
                  "which", "who", "whom", "whose", "what", "why", "how", "that", "it", "he",
                  "she", "they", "we", "i", "you", "not", "however", "also", "then", "there",
                  "here", "all", "both", "more", "most", "other", "many", "much", "few", "only",
                  "even", "just", "still", "already", "now", "has", "have", "had", "do", "does",
                  "did", "will", "would", "can", "could", "may", "might", "must", "shall",
                  NULL}},
    {EKG_W_STOP, {"should", "after", "before", "although", "though", "because", "since",
                  "unless", "whether", "meanwhile", "nevertheless", "moreover", "asked",
                  "alarmed", "according", "previously", "later", "earlier", "aside", "either", "neither", NULL}},
    {EKG_W_PRONOUN, {"he", "she", "him", "his", "her", "it", "its", "they", "their", "them",
                     NULL}},
    {EKG_W_CONNECTOR, {"of", "de", "al", "bin", "van", "von", "der", "du", "la", "le", "da",
                       "di", "el", "ibn", NULL}},
    {EKG_W_ADVERB, {"also", "initially", "originally", "still", "already", "later", "then",
                    "reportedly", "repeatedly", "fiercely", "strongly", "now", "again", "once",
                    "further", "jointly", "formally", "publicly", "openly", "recently", "since",
                    "previously", "first", "just", "even", "effectively", "rather", "actively",
                    "firmly", "officially",
                    /* reflexives used as intensifiers: "X had himself met Y" */
                    "himself", "herself", "itself", "themselves", NULL}},
    {EKG_W_AUX, {"has", "have", "had", "will", "would", "could", "can", "may", "might", "must",
                 "should", "shall", "does", "do", "did", "n't", "not", "never", NULL}},
    {EKG_W_BOUNDARY, {";", ":", "which", "who", "whom", "because", "but", "while", "although",
                      "though", "whereas", "unless", "when", "where", "if", "(", ")", "--",
                      "however", NULL}},
    {EKG_W_BLOCKED, {"in", "at", "during", "until", "since", "after", "before", "from", "by",
                     "near", "within", "across", "over", "under", "through", "into", "than",
                     "like", "including", "despite", "amid", "without", "as", NULL}},
    {EKG_W_PERIOD, {"week", "weekend", "month", "year", "day", "morning", "afternoon",
                    "evening", "night", "weeks", "months", "years", "days", "last", "next", "ago",
                    NULL}},
};

/*
 * The table: open addressing with each word stored inline as its length and
 * two eight-byte loads of it (see word_key), so that a lookup (one per token) is
 * a hash of those and one compare, with no pointer to follow and no loop.
 */
#define WORD_MAX 16
#define TABLE_SIZE 1024   /* a power of two, over 3 x the words */

static struct entry {
    uint64_t a, b;   /* word_key() of the word */
    unsigned n;      /* its length, 0 for an empty entry */
    unsigned cls;
} table[TABLE_SIZE];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/*
 * A word of 1 to 16 bytes as two numbers: its first and last eight bytes (which
 * overlap below 16), four for words below 8, the first, middle and last byte below
 * 4. With the length they tell every word apart and read no byte outside it.
 */
static void word_key(const char *w, size_t n, uint64_t *a, uint64_t *b)
{
    if (n >= 8) {
        memcpy(a, w, 8);
        memcpy(b, w + n - 8, 8);
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, w, 4);
        memcpy(&y, w + n - 4, 4);
        *a = x;
        *b = y;
    } else {
        *a = (uint64_t)(unsigned char)w[0] | (uint64_t)(unsigned char)w[n / 2] << 8 |
             (uint64_t)(unsigned char)w[n - 1] << 16;
        *b = 0;
    }
}

static size_t slot_of(uint64_t a, uint64_t b, size_t n)
{
    const uint64_t k = 0x9E3779B97F4A7C15ULL;
    uint64_t h = (((uint64_t)n * k) ^ a) * k;
    h = ((h ^ (h >> 29)) ^ b) * k;
    return (size_t)(h >> 54) & (TABLE_SIZE - 1);
}

static void build(void)
{
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
        for (const char *const *w = lists[i].words; *w; w++) {
            size_t n = strlen(*w);
            if (n == 0 || n > WORD_MAX)
                abort();   /* a longer word needs a larger WORD_MAX */
            uint64_t a, b;
            word_key(*w, n, &a, &b);
            size_t k = slot_of(a, b, n);
            while (table[k].n && !(table[k].n == n && table[k].a == a && table[k].b == b))
                k = (k + 1) & (TABLE_SIZE - 1);
            table[k].a = a;
            table[k].b = b;
            table[k].n = (unsigned)n;
            table[k].cls |= lists[i].cls;
        }
}

unsigned ekg_word_class_n(const char *w, size_t n)
{
    if (n == 0 || n > WORD_MAX)
        return 0;   /* longer words are in no class */
    pthread_once(&once, build);
    uint64_t a, b;
    word_key(w, n, &a, &b);
    for (size_t k = slot_of(a, b, n);; k = (k + 1) & (TABLE_SIZE - 1)) {
        const struct entry *e = &table[k];
        if (!e->n)
            return 0;
        if (e->n == n && e->a == a && e->b == b)
            return e->cls;
    }
}

unsigned ekg_word_class(const char *w)
{
    return ekg_word_class_n(w, strlen(w));
}
