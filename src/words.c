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
 * The table: open addressing with the words stored inline, so that a lookup
 * (one per token, several times over) is a hash of a few bytes and one
 * compare, with no pointer to follow.
 */
#define WORD_MAX 15
#define TABLE_SIZE 1024   /* a power of two, over 3 x the words */

static struct entry {
    char w[WORD_MAX + 1];
    unsigned cls;
} table[TABLE_SIZE];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Must agree with ekg_word_class(): FNV over the bytes, then the length. */
static size_t slot_of(const char *w, size_t n)
{
    uint64_t h = 0;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 0x100000001B3ULL;
    h ^= (uint64_t)n * 0x9E3779B97F4A7C15ULL;
    return (size_t)((h * 0x9E3779B97F4A7C15ULL) >> 54) & (TABLE_SIZE - 1);
}

static void build(void)
{
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
        for (const char *const *w = lists[i].words; *w; w++) {
            size_t n = strlen(*w);
            if (n > WORD_MAX)
                abort();   /* a longer word needs a larger WORD_MAX */
            size_t k = slot_of(*w, n);
            while (table[k].w[0] && strcmp(table[k].w, *w) != 0)
                k = (k + 1) & (TABLE_SIZE - 1);
            memcpy(table[k].w, *w, n + 1);
            table[k].cls |= lists[i].cls;
        }
}

unsigned ekg_word_class(const char *w)
{
    pthread_once(&once, build);
    /* length and hash in one pass; longer words are in no class */
    uint64_t h = 0;
    size_t n = 0;
    for (; w[n]; n++) {
        if (n == WORD_MAX)
            return 0;
        h = (h ^ (unsigned char)w[n]) * 0x100000001B3ULL;
    }
    if (n == 0)
        return 0;
    h ^= (uint64_t)n * 0x9E3779B97F4A7C15ULL;
    for (size_t k = (size_t)((h * 0x9E3779B97F4A7C15ULL) >> 54) & (TABLE_SIZE - 1);;
         k = (k + 1) & (TABLE_SIZE - 1)) {
        const struct entry *e = &table[k];
        if (!e->w[0])
            return 0;
        if (e->w[0] == w[0] && memcmp(e->w, w, n + 1) == 0)
            return e->cls;
    }
}
