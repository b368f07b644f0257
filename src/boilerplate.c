/*
 * boilerplate.c - finds the article in a scraped page.
 *
 * The page is cut into blocks (lines; hard-wrapped lines are joined into
 * paragraphs). Each block is classified by general features: word count,
 * final sentence punctuation, capitalisation, and cue words of page furniture
 * (menus, share and follow widgets, bylines and date lines, photo credits,
 * copyright, cookie and newsletter notices, "N minutes ago" teasers). Short
 * headings that introduce a list ("Related Topics", "More Stories") are
 * barriers, comment forms end the article. The body is the densest run of
 * prose between barriers (a maximum-sum segment: prose scores its length,
 * everything else a penalty); the headline is the title-like line just
 * before it.
 */
#include "text.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum kind {
    K_PROSE,   /* a paragraph of running text */
    K_TITLE,   /* a short title-like line: headline, subheading, teaser */
    K_OTHER,   /* anything else that is not known furniture */
    K_JUNK,    /* page furniture: always dropped */
    K_STOP,    /* a heading that introduces a list: a barrier */
    K_COMMENT  /* a comment form: the article is over */
};

typedef struct block {
    size_t start, end;   /* trimmed span in fold */
    int words, caps, lower;
    int terminal;        /* ends with . ! ? (before closing quotes) */
    int inner_stops;     /* sentence ends inside the block */
    enum kind kind;
    long score;
} block;

#define TITLE_MAX_WORDS 25
#define PENALTY_TITLE 30
#define PENALTY_JUNK 20

/* Letters, digits and every byte of a multi-byte UTF-8 character. */
static const unsigned char alnum[256] = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static int is_alnum(unsigned char c)
{
    return alnum[c];
}

/* Bit c set for the white space characters c: one test per byte of a page. */
#define SPACE_BITS ((1ull << ' ') | (1ull << '\t') | (1ull << '\f') | (1ull << '\v'))
#define SEP_BITS (SPACE_BITS | (1ull << '\n') | (1ull << '\r'))

static int is_space(unsigned char c)
{
    return c <= ' ' && ((SPACE_BITS >> c) & 1);
}

static int is_sep(char c)
{
    unsigned char u = (unsigned char)c;
    return u <= ' ' && ((SEP_BITS >> u) & 1);
}

static int starts(const char *s, const char *w)
{
    return strncmp(s, w, strlen(w)) == 0;
}

static int ends(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return n >= k && memcmp(s + n - k, w, k) == 0;
}

/* Headings that introduce a list of other stories, tags or comments. */
static const char *const stop_cues[] = {
    "related", "recent", "trending", "popular", "topics", "tags", "recommended",
    "more stories", "more from", "more news", "more on", "more in", "read more", "also read",
    "read also", "most read", "most viewed", "you may also like", "you might also like",
    "latest news", "latest stories", "top stories", "see also", "further reading",
    "editor's picks", "editors' picks", "stories", "sponsored", "promoted", "around the web",
    "comments", "what to read next", "don't miss", "must read", NULL};

/* Comment forms and comment sections. */
static const char *const comment_cues[] = {
    "leave a reply", "leave a comment", "post a comment", "add a comment",
    "join the conversation", "join the discussion", "your email address will not be published",
    "required fields are marked", "comments are closed", "you must be logged in to post",
    "have your say", "write a comment", NULL};

/* Share and follow widgets, app stores, copyright, notices. */
static const char *const widget_cues[] = {
    "follow us", "share this", "share on", "share it", "share-line", "share article",
    "share story", "share via", "copy link", "link copied", "social media!", "email this",
    "print this", "print article", "app store", "apple store", "play market", "google play",
    "download the app", "download our app", "get the app", "all rights reserved",
    "copyright", "\xc2\xa9", "(c) 20", "privacy policy", "terms of use", "terms of service",
    "click here", "javascript", "advertisement", "sponsored content", "skip to",
    "open menu", "close menu", "main menu", "toggle navigation", NULL};

/* Longer notices dropped whole. */
static const char *const notice_cues[] = {
    "cookie", "cookies", "newsletter", "subscribe", "sign up for", "inbox",
    "log in to", "sign in to", "ad blocker", "adblock", NULL};

static const char *const social[] = {
    "facebook", "twitter", "whatsapp", "telegram", "youtube", "instagram", "linkedin",
    "pinterest", "reddit", "tweet", "share", "print", "email", NULL};

/* Whole lines of navigation. */
static const char *const nav_lines[] = {
    "menu", "search", "home", "login", "log in", "sign in", "sign up", "register",
    "subscribe", "navigation", "close", "accept", "accept all", "reject all", "ok",
    "back to top", "next", "previous", "print", "more", "contact", "contact us", NULL};

static int is_nav(const char *low)
{
    for (const char *const *p = nav_lines; *p; p++)
        if (!strcmp(low, *p))
            return 1;
    return 0;
}

/* Photo credits and captions. */
static const char *const credit_cues[] = {
    "photo:", "photo by", "photo credit", "photos:", "image:", "image credit", "image source",
    "image caption", "picture:", "credit:", "file photo", "getty images", "ap photo",
    "reuters/", "afp/", "afp via", "via reuters", "(photo", "(file", "caption", NULL};

static const char *const time_units[] = {
    "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hr", "hrs",
    "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", NULL};

/* Cues looked up as one-word lists of their own. */
static const char *const menu_cues[] = {"menu", NULL};
static const char *const counter_cues[] = {
    "views", "comments", "shares", "likes", "min read", "minute read", "reads", NULL};
static const char *const posted_cues[] = {
    "published", "updated", "posted", "last modified", NULL};

/* The cue lists, as bits of a block's cue mask. */
enum {
    CUE_STOP = 1 << 0, CUE_COMMENT = 1 << 1, CUE_WIDGET = 1 << 2, CUE_NOTICE = 1 << 3,
    CUE_SOCIAL = 1 << 4, CUE_CREDIT = 1 << 5, CUE_MENU = 1 << 6, CUE_COUNTER = 1 << 7,
    CUE_POSTED = 1 << 8
};

static const struct {
    const char *const *words;
    unsigned bit;
} cue_lists[] = {
    {stop_cues, CUE_STOP},     {comment_cues, CUE_COMMENT}, {widget_cues, CUE_WIDGET},
    {notice_cues, CUE_NOTICE}, {social, CUE_SOCIAL},        {credit_cues, CUE_CREDIT},
    {menu_cues, CUE_MENU},     {counter_cues, CUE_COUNTER}, {posted_cues, CUE_POSTED},
};

/* Every cue, bucketed by its first byte, so that a block is scanned once. */
typedef struct cue {
    const char *w;
    size_t n;
    unsigned bit;
    int word_end;   /* the last byte is alphanumeric: a word boundary must follow */
} cue;

static cue *cue_tab;
static size_t cue_first[257];   /* cues starting with byte c: cue_tab[cue_first[c] .. [c+1]) */
static uint64_t cue_second[256][4];   /* bit b of [c]: some cue starts with c, b (or is c) */
/* bit tri3(x) set for the first three bytes x of every cue of three bytes or more, and
   every bit for a byte c that begins a shorter cue (cue_short[c]): most word starts
   that pass cue_second ("th", "co") are ruled out here before the bucket is read */
static uint64_t cue_third[64];
static unsigned char cue_short[256];

static unsigned tri3(const unsigned char *s)
{
    return ((unsigned)s[0] * 31u * 31u + (unsigned)s[1] * 31u + s[2]) & 4095u;
}
static pthread_once_t cue_once = PTHREAD_ONCE_INIT;

static void build_cues(void)
{
    size_t total = 0;
    for (size_t l = 0; l < sizeof cue_lists / sizeof *cue_lists; l++)
        for (const char *const *w = cue_lists[l].words; *w; w++)
            total++;
    cue_tab = ekg_xmalloc(total * sizeof *cue_tab);
    size_t k = 0;
    for (unsigned c = 0; c < 256; c++) {
        cue_first[c] = k;
        for (size_t l = 0; l < sizeof cue_lists / sizeof *cue_lists; l++)
            for (const char *const *w = cue_lists[l].words; *w; w++) {
                if ((unsigned char)(*w)[0] != c)
                    continue;
                size_t n = strlen(*w);
                cue_tab[k].w = *w;
                cue_tab[k].n = n;
                cue_tab[k].bit = cue_lists[l].bit;
                cue_tab[k].word_end = is_alnum((unsigned char)(*w)[n - 1]);
                unsigned char b = n > 1 ? (unsigned char)(*w)[1] : 0;
                if (n == 1)
                    memset(cue_second[c], 0xFF, sizeof cue_second[c]);
                cue_second[c][b >> 6] |= (uint64_t)1 << (b & 63);
                if (n < 3) {
                    cue_short[c] = 1;
                } else {
                    unsigned h = tri3((const unsigned char *)*w);
                    cue_third[h >> 6] |= (uint64_t)1 << (h & 63);
                }
                k++;
            }
    }
    cue_first[256] = k;
}

/*
 * The cue lists that lower-case text s (n bytes) has a member of, each cue
 * found with word boundaries where it begins or ends with a letter or digit:
 * for all of them in one pass.
 */
static unsigned cue_mask(const char *s, size_t n)
{
    pthread_once(&cue_once, build_cues);
    unsigned mask = 0;
    for (size_t i = 0; i < n;) {
        /* a cue starts at a word's first byte or at a byte that is no letter or digit:
           the rest of a word is passed over */
        size_t at = i++;
        unsigned char c = (unsigned char)s[at];
        if (is_alnum(c))
            while (i < n && is_alnum((unsigned char)s[i]))
                i++;
        unsigned char c2 = (unsigned char)s[at + 1];   /* s[n] is the terminating NUL */
        if (!(cue_second[c][c2 >> 6] & ((uint64_t)1 << (c2 & 63))))
            continue;
        if (!cue_short[c] && c2) {
            unsigned h = tri3((const unsigned char *)s + at);   /* s[at + 2] exists: c2 is no NUL */
            if (!(cue_third[h >> 6] & ((uint64_t)1 << (h & 63))))
                continue;
        }
        for (size_t k = cue_first[c]; k < cue_first[c + 1]; k++) {
            const cue *q = &cue_tab[k];
            if ((mask & q->bit) || q->n > n - at || (q->n > 1 && c2 != (unsigned char)q->w[1]) ||
                memcmp(s + at, q->w, q->n) != 0)
                continue;
            if (q->word_end && at + q->n < n && is_alnum((unsigned char)s[at + q->n]))
                continue;
            mask |= q->bit;
        }
    }
    return mask;
}

/* "16 minutes ago", "an hour ago". */
static int time_ago(const char *s)
{
    for (const char *p = strstr(s, " ago"); p; p = strstr(p + 1, " ago")) {
        if (is_alnum((unsigned char)p[4]))
            continue;
        const char *e = p, *b = p;
        while (b > s && b[-1] != ' ')
            b--;
        for (const char *const *u = time_units; *u; u++) {
            size_t n = strlen(*u);
            if ((size_t)(e - b) == n && memcmp(b, *u, n) == 0) {
                const char *q = b > s ? b - 1 : s;
                while (q > s && q[-1] == ' ')
                    q--;
                if (q > s && ((q[-1] >= '0' && q[-1] <= '9') || ends(s, (size_t)(q - s), "an") ||
                              ends(s, (size_t)(q - s), "a")))
                    return 1;
            }
        }
    }
    return 0;
}

/*
 * Counts the words of a date or time expression in s ("July 13, 2023",
 * "12:00 AM", "2023-07-10"): the words a date line is made of.
 */
static int date_words(const char *s, size_t n, int *found)
{
    int count = 0;
    size_t i = 0;
    *found = 0;
    while (i < n) {
        while (i < n && !is_alnum((unsigned char)s[i]))
            i++;
        if (i >= n)
            break;
        char d[11];
        size_t k = ekg_parse_date(s + i, n - i, d);
        if (k) {
            *found = 1;
            for (size_t j = i; j < i + k; j++)
                if (j == i || (s[j - 1] == ' ' && s[j] != ' '))
                    count++;
            i += k;
            continue;
        }
        size_t j = i;
        while (j < n && !is_space((unsigned char)s[j]))
            j++;
        /* a time: 11:17, 10:00am, or AM / PM / GMT after one */
        int colon = 0, digits = 0, other = 0;
        for (size_t q = i; q < j; q++) {
            if (s[q] == ':')
                colon++;
            else if (s[q] >= '0' && s[q] <= '9')
                digits++;
            else
                other++;
        }
        if ((colon == 1 && digits >= 3 && other <= 2) ||
            (j - i <= 3 && count > 0 &&
             (starts(s + i, "AM") || starts(s + i, "PM") || starts(s + i, "am") ||
              starts(s + i, "pm") || starts(s + i, "GMT") || starts(s + i, "UTC") ||
              starts(s + i, "EST") || starts(s + i, "ET")))) {
            if (colon)
                *found = 1;
            count++;
        }
        i = j;
    }
    return count;
}

/* "... injury." ...": a finished sentence before a trailing ellipsis. */
static int sentence_before_dots(const char *s, size_t n)
{
    while (n > 0 && s[n - 1] == '.')
        n--;
    while (n > 0 && s[n - 1] == ' ')
        n--;
    while (n > 0 && strchr("\"')", s[n - 1]))
        n--;
    return n > 0 && strchr(".!?", s[n - 1]) != NULL;
}

static int is_junk(const block *b, const char *low, const char *raw, unsigned cues)
{
    size_t n = strlen(low);
    int w = b->words;
    if (w == 0)
        return 1;
    if (w <= 8 && time_ago(low))
        return 1;
    /* a truncated teaser title: "Possible Life Found on Mars ..", "Title ..." */
    if (((ends(low, n, " ..") || ends(low, n, " ...")) && w <= 15 && !sentence_before_dots(low, n)) ||
        ((ends(low, n, "..") || ends(low, n, "...")) && w <= 12 && b->caps * 2 >= w))
        return 1;
    if (w <= 40 && (cues & CUE_WIDGET))
        return 1;
    if (w <= 60 && (cues & CUE_NOTICE))
        return 1;
    if (w <= 12 && !b->terminal && (cues & CUE_SOCIAL))
        return 1;
    if ((w <= 3 && is_nav(low)) || (w <= 4 && (cues & CUE_MENU)))   /* none is longer */
        return 1;
    if (w <= 60 && (cues & CUE_CREDIT))
        return 1;
    if (w <= 6 && (ends(low, n, " photo") || ends(low, n, " photos") || ends(low, n, " image") ||
                   ends(low, n, " images") || ends(low, n, " photograph") || !strcmp(low, "photo")))
        return 1;
    /* breadcrumbs and link bars (counted only in short blocks) */
    if (w <= 12 && !b->terminal) {
        int bars = 0;
        for (size_t i = 0; i < n; i++)
            if ((i > 0 && low[i - 1] == ' ' && (low[i] == '|' || low[i] == '>') &&
                 low[i + 1] == ' ') ||
                (low[i] == '\xc2' && low[i + 1] == '\xbb'))
                bars++;
        if (bars >= 2)
            return 1;
    }
    /* counters: "Views: 69", "12 comments", "5 min read" */
    if (w <= 4 && (cues & CUE_COUNTER))
        return 1;
    /* bylines */
    if (starts(low, "by ") && w <= 8 && !b->terminal && b->caps >= w - 1)
        return 1;
    if (w <= 30 && (starts(low, "reporting by") || starts(low, "editing by") ||
                    starts(low, "written by") || starts(low, "additional reporting") ||
                    starts(low, "compiled by") || starts(low, "author:")))
        return 1;
    /* date lines: "10 July 2023 11:17", "Published July 13, 2023 | 12:00 AM" */
    if (w <= 20) {
        int found = 0;
        int dw = date_words(raw, strlen(raw), &found);
        if (found && (w - dw <= 4 || (cues & CUE_POSTED)))
            return 1;
    }
    /* mostly non-Latin script: not part of an English article */
    size_t ascii = 0, high = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)low[i];
        if (c >= 'a' && c <= 'z')
            ascii++;
        else if (c >= 0x80)
            high++;
        if (high + (n - 1 - i) <= 2 * ascii + 4)
            return 0;   /* the rest cannot tip it */
    }
    if (high > 2 * ascii + 4)
        return 1;
    return 0;
}

static enum kind classify(block *b, const char *low, const char *raw)
{
    size_t n = strlen(low);
    int w = b->words;
    /* every cue check below is for blocks of at most 60 words */
    unsigned cues = w <= 60 ? cue_mask(low, n) : 0;
    if (w <= 14 && (cues & CUE_COMMENT))
        return K_COMMENT;
    if (w <= 6 && !b->terminal && (cues & CUE_STOP) && !time_ago(low) &&
        !(n && low[n - 1] == '.'))
        return K_STOP;
    if (is_junk(b, low, raw, cues))
        return K_JUNK;
    int titlecase = w < 15 && b->caps * 10 > w * 7;
    if (b->terminal && w >= 6 && !titlecase)
        return K_PROSE;
    if (w >= 20 && (b->inner_stops > 0 || b->lower * 2 > w))
        return K_PROSE;
    if (w <= TITLE_MAX_WORDS && !(n && low[n - 1] == '.'))
        return K_TITLE;
    return K_OTHER;
}

/* Fills the word features of a block. */
static void measure(block *b, const char *s)
{
    size_t i = b->start;
    b->words = b->caps = b->lower = b->inner_stops = 0;
    while (i < b->end) {
        while (i < b->end && is_sep(s[i]))
            i++;
        if (i >= b->end)
            break;
        size_t j = i;
        int letter = 0, upper = -1;
        while (j < b->end && !is_sep(s[j])) {
            unsigned char c = (unsigned char)s[j];
            if (upper < 0 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
                upper = c <= 'Z';
            if (is_alnum(c))
                letter = 1;
            j++;
        }
        if (letter) {
            b->words++;
            if (upper == 1)
                b->caps++;
            else if (upper == 0)
                b->lower++;
            if (j < b->end && (s[j - 1] == '.' || s[j - 1] == '!' || s[j - 1] == '?') &&
                j - i > 3)
                b->inner_stops++;
        }
        i = j;
    }
    size_t e = b->end;
    while (e > b->start && strchr("\"')]*", s[e - 1]))
        e--;
    b->terminal = e > b->start && strchr(".!?", s[e - 1]) != NULL;
}

/* Lower-case letters and digits only: the key for duplicate titles. */
static char *norm(const char *s)
{
    char *k = ekg_xmalloc(strlen(s) + 1), *o = k;
    for (; *s; s++)
        if (is_alnum((unsigned char)*s))
            *o++ = (*s >= 'A' && *s <= 'Z') ? (char)(*s + 32) : *s;
    *o = '\0';
    return k;
}

/* Cuts fold into blocks: trimmed lines, hard-wrapped lines joined. */
static block *split(const char *s, size_t len, size_t *count)
{
    size_t cap = 64, nb = 0;
    block *bl = ekg_xmalloc(cap * sizeof *bl);
    int joinable = 0;
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - s) : len;
        size_t a = i, z = e;
        while (a < z && is_sep(s[a]))
            a++;
        while (z > a && is_sep(s[z - 1]))
            z--;
        if (a == z) {
            joinable = 0;
        } else {
            unsigned char first = (unsigned char)s[a];
            block *prev = nb ? &bl[nb - 1] : NULL;
            if (joinable && prev && prev->end - prev->start >= 50 &&
                !strchr(".!?:\"'", s[prev->end - 1]) &&
                ((first >= 'a' && first <= 'z') || strchr(",;-", s[prev->end - 1]))) {
                prev->end = z;
            } else {
                if (nb == cap) {
                    cap *= 2;
                    bl = ekg_xrealloc(bl, cap * sizeof *bl);
                }
                memset(&bl[nb], 0, sizeof bl[nb]);
                bl[nb].start = a;
                bl[nb].end = z;
                nb++;
            }
            joinable = 1;
        }
        i = e + 1;
    }
    *count = nb;
    return bl;
}

/* The best-scoring run [*a, *b] of blocks in [from, to); its score. */
static long best_run(const block *bl, size_t from, size_t to, size_t *a, size_t *b)
{
    long best = 0, cur = 0;
    size_t start = from;
    for (size_t i = from; i < to; i++) {
        if (cur <= 0) {
            cur = 0;
            start = i;
        }
        cur += bl[i].score;
        if (cur > best) {
            best = cur;
            *a = start;
            *b = i;
        }
    }
    return best;
}

/* The duplicate-title key of block i, made when first asked for. */
static const char *key_of(const ekg_text *t, const block *bl, char **keys, size_t i)
{
    if (!keys[i]) {
        char *raw = ekg_xstrndup(t->fold + bl[i].start, bl[i].end - bl[i].start);
        keys[i] = norm(raw);
        free(raw);
    }
    return keys[i];
}

size_t ekg_boilerplate(const ekg_text *t, ekg_span **out)
{
    size_t nb = 0;
    block *bl = split(t->fold, t->fold_len, &nb);
    char **keys = ekg_xcalloc(nb ? nb : 1, sizeof *keys);
    /* each block as a string and in lower case, in one buffer for all blocks
     * (fold holds no NUL: the decoder replaced them) */
    size_t cap = 0;
    char *raw = NULL;
    for (size_t i = 0; i < nb; i++) {
        block *b = &bl[i];
        size_t n = b->end - b->start;
        if (2 * (n + 1) > cap) {
            cap = 2 * (n + 1);
            free(raw);
            raw = ekg_xmalloc(cap);
        }
        char *low = raw + n + 1;
        memcpy(raw, t->fold + b->start, n);
        raw[n] = '\0';
        ekg_ascii_lower(low, raw, n);
        measure(b, t->fold);
        b->kind = classify(b, low, raw);
        switch (b->kind) {
        case K_PROSE:
            b->score = (long)(b->end - b->start);
            break;
        case K_JUNK:
            b->score = -PENALTY_JUNK;
            break;
        default:
            b->score = -PENALTY_TITLE;
            break;
        }
    }
    free(raw);

    /* A comment form after some prose ends the article. */
    size_t cut = nb;
    int prose = 0;
    for (size_t i = 0; i < nb && cut == nb; i++) {
        if (bl[i].kind == K_PROSE)
            prose = 1;
        else if (bl[i].kind == K_COMMENT && prose)
            cut = i;
    }

    /* The densest run of prose in each section between barriers; the first
     * run that comes close to the best one is the article. */
    size_t ra = 0, rb = 0;
    long best = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t from = 0;
        for (size_t i = 0; i <= cut; i++) {
            if (i < cut && bl[i].kind != K_STOP && bl[i].kind != K_COMMENT)
                continue;
            size_t a = 0, b = 0;
            long s = best_run(bl, from, i, &a, &b);
            if (pass == 0 && s > best)
                best = s;
            if (pass == 1 && s > 0 && s * 10 >= best * 6) {
                ra = a;
                rb = b;
                i = cut;
                pass = 2;
            }
            from = i + 1;
        }
        if (best <= 0)
            break;
    }

    char *keep = ekg_xcalloc(nb ? nb : 1, 1);
    if (best > 0) {
        /* The headline: the nearest title-like line before the body, past
         * bylines and date lines; of duplicates, the first. */
        size_t head = nb;
        for (size_t i = ra; i-- > 0 && ra - i <= 8;) {
            enum kind k = bl[i].kind;
            if (k == K_JUNK || (k == K_TITLE && bl[i].words < 2))
                continue;
            if (k != K_TITLE)
                break;
            if (head == nb || !strcmp(key_of(t, bl, keys, i), key_of(t, bl, keys, head)))
                head = i;
            else
                break;
        }
        if (head < nb)
            keep[head] = 1;
        for (size_t i = ra; i <= rb; i++) {
            if (bl[i].kind == K_JUNK)
                continue;
            if (bl[i].kind == K_TITLE && head < nb &&
                !strcmp(key_of(t, bl, keys, i), key_of(t, bl, keys, head)))
                continue;
            /* a heading over furniture ("Get our briefing" over a sign-up
             * form) is furniture; a subheading is followed by text */
            if (bl[i].kind == K_TITLE && i < rb && bl[i + 1].kind == K_JUNK)
                continue;
            keep[i] = 1;
        }
    } else {
        /* No prose at all: keep what is not furniture, up to a barrier. */
        for (size_t i = 0; i < nb; i++) {
            if (bl[i].kind == K_STOP || bl[i].kind == K_COMMENT)
                break;
            keep[i] = bl[i].kind != K_JUNK;
        }
    }

    size_t n = 0;
    for (size_t i = 0; i < nb; i++)
        n += keep[i];
    ekg_span *spans = n ? ekg_xmalloc(n * sizeof *spans) : NULL;
    n = 0;
    for (size_t i = 0; i < nb; i++) {
        if (keep[i]) {
            spans[n].start = bl[i].start;
            spans[n].end = bl[i].end;
            n++;
        }
        free(keys[i]);
    }
    free(keys);
    free(keep);
    free(bl);
    *out = spans;
    return n;
}
