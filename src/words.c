/*
 * words.c - closed-class English words, in one table built into a hash map
 * once.
 */
#include "words.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "util.h"

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
                  "alarmed", "according", "previously", "later", "earlier", "aside", NULL}},
    {EKG_W_PRONOUN, {"he", "she", "him", "his", "her", "it", "its", "they", "their", "them",
                     NULL}},
    {EKG_W_CONNECTOR, {"of", "de", "al", "bin", "van", "von", "der", "du", "la", "le", "da",
                       "di", "el", "ibn", NULL}},
    {EKG_W_ADVERB, {"also", "initially", "originally", "still", "already", "later", "then",
                    "reportedly", "repeatedly", "fiercely", "strongly", "now", "again", "once",
                    "further", "jointly", "formally", "publicly", "openly", "recently", "since",
                    "previously", "first", "just", "even", "effectively", "rather", "actively",
                    "firmly", "officially", NULL}},
    {EKG_W_AUX, {"has", "have", "had", "will", "would", "could", "can", "may", "might", "must",
                 "should", "shall", "does", "do", "did", "n't", "not", "never", NULL}},
    {EKG_W_BOUNDARY, {";", ":", "which", "who", "whom", "because", "but", "while", "although",
                      "though", "whereas", "unless", "when", "where", "if", "(", ")", "--",
                      "however", NULL}},
    {EKG_W_BLOCKED, {"in", "at", "during", "until", "since", "after", "before", "from", "by",
                     "near", "within", "across", "over", "under", "through", "into", "than",
                     "like", "including", "despite", "amid", "without", "as", NULL}},
};

static ekg_map *classes;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void build(void)
{
    classes = ekg_map_new();
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
        for (const char *const *w = lists[i].words; *w; w++) {
            uintptr_t c = (uintptr_t)ekg_map_get(classes, *w, strlen(*w));
            ekg_map_put(classes, *w, strlen(*w), (void *)(c | lists[i].cls));
        }
}

unsigned ekg_word_class(const char *w)
{
    pthread_once(&once, build);
    return (unsigned)(uintptr_t)ekg_map_get(classes, w, strlen(w));
}
