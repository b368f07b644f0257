/*
 * events.c - events: triggers read from the ontology, their actor and target
 * (active and passive voice, by-agents, relative clauses, coordination,
 * reported speech, infinitival complements, nominalisations, predicatives),
 * polarity, modality, time and place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "words.h"

#define MAX_ARGS 6

static const char *low(const ekg_docx *d, size_t t)
{
    return d->seg.toks[t].low;
}

static unsigned tflags(const ekg_docx *d, size_t t)
{
    return d->seg.toks[t].flags;
}

static int is(const ekg_docx *d, size_t t, const char *w)
{
    return strcmp(low(d, t), w) == 0;
}

static int is_adverb(const ekg_docx *d, size_t t)
{
    if (d->tok_mention[t] >= 0)
        return 0;   /* a name that ends in -ly: Italy, Kelly, Sicily */
    const char *w = low(d, t);
    size_t n = strlen(w);
    if (n > 4 && w[n - 2] == 'l' && w[n - 1] == 'y' && (tflags(d, t) & EKG_TOK_WORD))
        return 1;
    return (ekg_tok_class(d, t) & EKG_W_ADVERB) != 0;
}

static int is_aux(const ekg_docx *d, size_t t)
{
    return (ekg_tok_class(d, t) & (EKG_W_AUX | EKG_W_COPULA)) != 0;
}

static int clause_boundary(const ekg_docx *d, size_t t)
{
    return (ekg_tok_class(d, t) & EKG_W_BOUNDARY) != 0 ||
           (tflags(d, t) & EKG_TOK_QUOTE) != 0;
}

/* The resolved dent of mention m, or -1. */
static int ment(const ekg_docx *d, int m)
{
    if (m < 0)
        return -1;
    int e = ekg_dent_find(d->ents, d->ms[m].ent);
    if (e < 0 || !d->ents[e].alive)
        return -1;
    return e;
}

static int is_generic(const ekg_docx *d, size_t t)
{
    const char *w = low(d, t);
    return ekg_ontology_lex(d->onto, EKG_LEX_GENERIC, w, strlen(w));
}

/* A name that pre-modifies a person ("NATO" in "NATO chief Jens Stoltenberg") stands for the person. */
static int head_of(const ekg_docx *d, int m)
{
    if (m < 0 || (size_t)m + 1 >= d->nms)
        return m;
    const ekg_dmention *x = &d->ms[m], *y = &d->ms[m + 1];
    if (y->sent == x->sent && y->kind == EKG_M_NAME && y->np0 <= x->t0 && y->t0 >= x->t1)
        return m + 1;
    return m;
}

/* Is the name followed by a common noun it modifies ("U.S. lawmakers")? */
static int modifies_noun(const ekg_docx *d, int m)
{
    const ekg_dmention *x = &d->ms[m];
    size_t n = x->t1, end = d->seg.sents[x->sent].t1;
    if (x->kind != EKG_M_NAME || n >= end)
        return 0;
    unsigned f = tflags(d, n);
    if (!(f & EKG_TOK_WORD) || (f & EKG_TOK_NUM) || d->tok_mention[n] >= 0 ||
        (ekg_tok_class(d, n) & EKG_W_TIME))
        return 0;   /* "Armitage Tuesday met ...": a time, not a noun */
    if (f & EKG_TOK_CAP)   /* "U.S. Senate", "U.S. District Judge ..." */
        return !d->seg.sents[x->sent].title;
    const char *w = low(d, n);
    size_t k;
    if ((ekg_tok_class(d, n) & EKG_W_STOPWORD) || is_adverb(d, n) ||
        ekg_ontology_triggers(d->onto, w, strlen(w), &k))
        return 0;
    static const char *const verbs[] = {"said", "says", "say", "told", "added", "announced",
                                        "wants", "want", "agreed", "asked", "stepped", NULL};
    for (int i = 0; verbs[i]; i++)
        if (strcmp(w, verbs[i]) == 0)
            return 0;
    size_t l = strlen(w);
    /* verb forms after a subject name end like this; nouns mostly do not */
    if ((l > 2 && strcmp(w + l - 2, "ed") == 0) || (l > 3 && strcmp(w + l - 3, "ing") == 0))
        return 0;
    return 1;
}

static int lex_at(const ekg_docx *d, ekg_lex_kind k, size_t t, size_t end, size_t *len);

/* Does a person title ("special counsel", "chief") end just before token p? */
static int title_ends_at(const ekg_docx *d, size_t s, size_t p)
{
    size_t t0 = d->seg.sents[s].t0, k;
    for (size_t g = p > t0 + 3 ? p - 3 : t0; g < p; g++)
        if ((lex_at(d, EKG_LEX_TITLE, g, p, &k) || lex_at(d, EKG_LEX_ORG_TITLE, g, p, &k)) &&
            g + k == p)
            return 1;
    return 0;
}

/* ---- subjects ---- */

static size_t clause_subject(const ekg_docx *d, size_t s, size_t v, int *out, int intro);

/* Mentions coordinated before mention m ("Kishida and Yoon"): appended to out. */
static size_t coordinated_before(const ekg_docx *d, int m, size_t t0, int *out, size_t n)
{
    for (;;) {
        size_t p = d->ms[m].np0;
        if (p <= t0 + 1 || n >= MAX_ARGS)
            return n;
        if (!is(d, p - 1, "and") && !is(d, p - 1, ","))
            return n;
        int prev = d->tok_mention[p - 2];
        if (prev < 0 || ment(d, prev) < 0)
            return n;
        size_t q = d->ms[prev].np0;
        if (q > t0 && (ekg_tok_class(d, q - 1) & EKG_W_PREP))
            return n;
        out[n++] = prev;
        m = prev;
    }
}

/* Is the word at t the relative pronoun "who", "whom" or "which"? */
static int wh_relative(const ekg_docx *d, size_t t)
{
    return is(d, t, "who") || is(d, t, "whom") || is(d, t, "which");
}

/*
 * May the word at t stand between a subject and its verb without heading a noun
 * phrase of its own: an auxiliary, an adverb, a function word, a time word ("on
 * Monday", "last week"), a number?
 */
static int verb_gap_word(const ekg_docx *d, size_t t)
{
    unsigned c = ekg_tok_class(d, t);
    return !(tflags(d, t) & EKG_TOK_WORD) || (tflags(d, t) & EKG_TOK_NUM) || is_adverb(d, t) ||
           (c & (EKG_W_AUX | EKG_W_COPULA | EKG_W_TIME | EKG_W_PERIOD | EKG_W_STOPWORD));
}

/*
 * The preposition opening the phrase whose last word is t ("in a statement", "of
 * the group"), within five words and before any name, comma or clause boundary;
 * or 0 (a sentence never opens with the phrase's preposition here: t0 < result).
 */
static size_t phrase_preposition(const ekg_docx *d, size_t s, size_t t)
{
    const ekg_sentence *st = &d->seg.sents[s];
    for (size_t k = t; k-- > st->t0 && t - k <= 5;) {
        int m = d->tok_mention[k];
        if ((m >= 0 && d->ms[m].kind != EKG_M_NAME &&
             !(d->ms[m].kind == EKG_M_PRONOUN && (ekg_tok_class(d, k) & EKG_W_DET))) ||
            is(d, k, ",") || clause_boundary(d, k) || is(d, k, "that"))
            return 0;   /* names and possessive pronouns may stand in it: "on his visit" */
        if ((ekg_tok_class(d, k) & EKG_W_PREP) && k > st->t0)
            return k;
    }
    return 0;
}

/*
 * The first token of the unnamed noun phrase whose last word is t ("the
 * Liberal Democrat's shadow home secretary", "other prominent lawmakers"):
 * determiners, possessives, plain words and quantifiers.
 */
static size_t np_begin(const ekg_docx *d, size_t s, size_t t)
{
    const ekg_sentence *st = &d->seg.sents[s];
    size_t b = t;
    while (b > st->t0) {
        size_t k = b - 1;
        int m = d->tok_mention[k];
        unsigned c = ekg_tok_class(d, k);
        if (m >= 0) {
            /* a possessor inside the phrase ("the king's son") */
            if (d->ms[m].t1 < st->t1 && (tflags(d, d->ms[m].t1) & EKG_TOK_POSS) &&
                d->ms[m].kind == EKG_M_NAME) {
                b = d->ms[m].t0;
                continue;
            }
            if (d->ms[m].kind == EKG_M_PRONOUN && (c & EKG_W_DET)) {
                b = k;
                continue;
            }
            break;
        }
        if ((tflags(d, k) & EKG_TOK_POSS) || (c & EKG_W_DET)) {
            b = k;
            continue;
        }
        if (!(tflags(d, k) & EKG_TOK_WORD) ||
            (c & (EKG_W_PREP | EKG_W_COPULA | EKG_W_AUX | EKG_W_BOUNDARY)) ||
            ((c & EKG_W_STOP) && !is(d, k, "other") && !is(d, k, "all") && !is(d, k, "both") &&
             !is(d, k, "many") && !is(d, k, "more") && !is(d, k, "most") && !is(d, k, "few")))
            break;   /* "and", "as", "whose" ... end it; quantifiers do not */
        b = k;
    }
    return b;
}

/*
 * Where the parenthetical closed by the comma at c opens: the relative pronoun of
 * ", who ..." or ", which ..." (preferred: its clause may hold commas), else the
 * nearest comma before c; 0 if none in the clause.
 */
static size_t parenthetical_open(const ekg_docx *d, size_t s, size_t c)
{
    const ekg_sentence *st = &d->seg.sents[s];
    size_t comma = 0;
    for (size_t k = c; k-- > st->t0 + 1 && c - k < 30;) {
        if (wh_relative(d, k) && is(d, k - 1, ","))
            return k;
        if (is(d, k, ";") || is(d, k, ":") || (tflags(d, k) & EKG_TOK_QUOTE) ||
            (clause_boundary(d, k) && !wh_relative(d, k)))
            break;
        if (is(d, k, ",") && !comma)
            comma = k;
    }
    return comma;
}

/*
 * Do tokens [a, b) hold nothing but named mentions (an optional determiner before
 * each), joined by commas, "and" or "or": an appositive name ("the UN chief, Kofi
 * Annan,") or a list?
 */
static int names_only(const ekg_docx *d, size_t a, size_t b)
{
    if (a >= b || d->tok_mention[b - 1] < 0)
        return 0;
    for (size_t k = b; k > a;) {
        int m = d->tok_mention[k - 1];
        if (m >= 0 && d->ms[m].kind == EKG_M_NAME) {
            k = d->ms[m].np0 < d->ms[m].t0 ? d->ms[m].np0 : d->ms[m].t0;   /* with its title */
            continue;
        }
        if (!is(d, k - 1, ",") && !is(d, k - 1, "and") && !is(d, k - 1, "or") &&
            !(ekg_tok_class(d, k - 1) & EKG_W_DET))
            return 0;
        k--;
    }
    return 1;
}

/*
 * Is the noun phrase starting at np0 inside a relative clause ("councillors who
 * back Mr Flight", "the man that backs X")? Returns the relative pronoun, or 0. A
 * name right after the pronoun is the clause's own subject ("the man who Blair met"),
 * not inside it.
 */
static size_t relative_clause_of(const ekg_docx *d, size_t s, size_t np0)
{
    const ekg_sentence *st = &d->seg.sents[s];
    int content = 0;
    for (size_t k = np0; k-- > st->t0 && np0 - k <= 12;) {
        if (wh_relative(d, k) || (is(d, k, "that") && k > st->t0 && d->tok_mention[k - 1] >= 0))
            return content && !(k > st->t0 && (ekg_tok_class(d, k - 1) & EKG_W_PREP)) ? k : 0;
        if (is(d, k, ",") || is(d, k, ";") || is(d, k, ":") || clause_boundary(d, k) ||
            is(d, k, "as") || is(d, k, "than") || is(d, k, "since") || is(d, k, "after") ||
            is(d, k, "before") || is(d, k, "until") || is(d, k, "whether"))
            return 0;   /* "in which X met": X is the clause's subject */
        if (d->tok_mention[k] < 0 && (tflags(d, k) & EKG_TOK_WORD) &&
            !(tflags(d, k) & EKG_TOK_CAP) &&
            !(ekg_tok_class(d, k) & (EKG_W_STOPWORD | EKG_W_TIME | EKG_W_PERIOD)))
            content = 1;
    }
    return 0;
}

/*
 * The subject of the verb at token v: the nearest mention to its left that
 * is not the object of a preposition nor a possessor; a relative pronoun
 * takes its antecedent. Coordinated subjects are returned too. For an actor
 * (possessor_generic NULL) the subject is the head of the noun phrase before
 * the verb: the walk passes auxiliaries, adverbs, time words, prepositional
 * phrases and parentheticals (", who ...,", ", a former ...,"), and a plain noun
 * there ("the informant met", "the actor, who played X, will join") or a name
 * inside a relative clause ("councillors who back X met") leaves the event
 * without a named actor, unless loose (a title's bearer further back).
 */
static size_t find_subject(const ekg_docx *d, size_t s, size_t v, int *out, int *relative,
                           int *possessor_generic, int loose)
{
    /* passive subjects are targets (possessor_generic is asked for only then) */
    int for_target = possessor_generic != NULL;
    int strict = !for_target && !loose;
    const ekg_sentence *st = &d->seg.sents[s];
    *relative = 0;
    if (!for_target && v > st->t0 && (is(d, v - 1, ",") || is(d, v - 1, "and")) &&
        !(!strict && v >= st->t0 + 2 && d->tok_mention[v - 2] >= 0 && is(d, v - 1, "and")) &&
        !(strict && is(d, v - 1, ",") && parenthetical_open(d, s, v - 1)))
        return clause_subject(d, s, v - 1, out, strict);
    int gap_only = 1;   /* only auxiliaries and adverbs so far */
    int jumped = 0;     /* a parenthetical was passed */
    for (size_t t = v; t-- > st->t0 && v - t < 30;) {
        const char *w = low(d, t);
        if (strcmp(w, "which") == 0 || strcmp(w, "who") == 0 ||
            (strcmp(w, "that") == 0 && t > st->t0 && d->tok_mention[t - 1] >= 0)) {
            /* relative clause: the antecedent before the pronoun */
            size_t a = t;
            if (a > st->t0 && is(d, a - 1, ","))
                a--;
            if (a > st->t0 && d->tok_mention[a - 1] >= 0 && ment(d, d->tok_mention[a - 1]) >= 0) {
                int m = d->tok_mention[a - 1];
                /* "a conference in Vilnius, which ...": the nearest noun */
                out[0] = !for_target && d->ms[m].pp >= 0 && ment(d, d->ms[m].pp) >= 0
                             ? d->ms[m].pp
                             : m;
                *relative = 1;
                return 1;
            }
            return 0;
        }
        if (strcmp(w, ";") == 0 || strcmp(w, ":") == 0)
            return 0;
        int m = d->tok_mention[t];
        if (m < 0 && strict) {
            if (is(d, t, ",")) {   /* a parenthetical closes: go to where it opens */
                size_t o = parenthetical_open(d, s, t);
                if (!o)
                    return clause_subject(d, s, t, out, 1);
                if (!wh_relative(d, o) && d->tok_mention[o - 1] < 0 && names_only(d, o + 1, t)) {
                    /* the name in apposition: "The UN chief, Kofi Annan, has appealed" */
                    int nm = head_of(d, d->tok_mention[t - 1]);
                    if (ment(d, nm) < 0 || d->ents[ment(d, nm)].thing)
                        return 0;
                    out[0] = nm;
                    return coordinated_before(d, nm, o, out, 1);
                }
                t = wh_relative(d, o) ? o + 1 : o;
                jumped = 1;
                continue;
            }
            if (is(d, t, ")")) {   /* "The European Community (EC) warned" */
                size_t o = t;
                while (o > st->t0 && t - o < 12 && !is(d, o, "("))
                    o--;
                if (is(d, o, "(")) {
                    t = o;
                    continue;
                }
            }
            if (gap_only && lex_at(d, EKG_LEX_REPORTING, t, t + 1, &(size_t){0}))
                continue;   /* "Cyprus says could support Turkey": the speaker */
            if (gap_only && (is(d, t, "and") || is(d, t, "but") || is(d, t, "or")))
                return clause_subject(d, s, t, out, 1);   /* "X drew Y but could meet Z" */
            if (verb_gap_word(d, t)) {
                if (!(ekg_tok_class(d, t) & (EKG_W_AUX | EKG_W_COPULA)) && !is_adverb(d, t))
                    gap_only = 0;
                continue;
            }
            gap_only = 0;
            if (t + 1 < st->t1 && is(d, t + 1, "to") && t > st->t0 &&
                !(ekg_tok_class(d, t - 1) & EKG_W_DET) && !(tflags(d, t - 1) & EKG_TOK_POSS))
                continue;   /* a verb governing an infinitive: "X has decided to meet Y" */
            size_t pp = phrase_preposition(d, s, t);
            if (pp) {
                t = pp;   /* an adjunct: "X in a statement criticised" */
                continue;
            }
            /* an unnamed head ("the informant met X"): the subject has no name unless
               the phrase is coordinated with a name ("X and other lawmakers"), a
               "whose" clause's noun ("Russia, whose air force ...") or a further
               apposition after a parenthetical ("Rubio, a Republican from Florida,
               the state ..., urged") */
            size_t b = np_begin(d, s, t);
            while (b > st->t0 + 1 && is(d, b - 1, "and") && d->tok_mention[b - 2] < 0 &&
                   (tflags(d, b - 2) & EKG_TOK_WORD) &&
                   !(ekg_tok_class(d, b - 2) & (EKG_W_STOPWORD | EKG_W_AUX)))
                b = np_begin(d, s, b - 2);   /* "air force and special forces" */
            int am = -1;
            if (b > st->t0 + 1 && is(d, b - 1, "and"))
                am = d->tok_mention[b - 2];
            else if (b > st->t0 + 3 && is(d, b - 1, "as") && is(d, b - 2, "well") &&
                     is(d, b - 3, "as"))
                am = d->tok_mention[b - 4];
            else if (b > st->t0 + 2 && is(d, b - 1, "whose") && is(d, b - 2, ","))
                am = d->tok_mention[b - 3];
            else if (b > st->t0 + 1 && is(d, b - 1, ",") && jumped) {
                t = b - 1;
                continue;
            }
            if (am >= 0 && ment(d, am) >= 0 && d->ms[am].kind == EKG_M_NAME &&
                !d->ents[ment(d, am)].thing && !modifies_noun(d, am)) {
                out[0] = am;
                return coordinated_before(d, am, st->t0, out, 1);
            }
            return 0;
        }
        if (m < 0)
            continue;
        t = d->ms[m].t0;   /* continue from the mention's start */
        if (head_of(d, m) != m)
            continue;      /* a modifier of a person NP already passed */
        size_t np0 = d->ms[m].np0;
        if (np0 > st->t0 && (ekg_tok_class(d, np0 - 1) & EKG_W_PREP) &&
            !(is(d, np0 - 1, "for") && np0 >= 1) &&
            !(strict && gap_only &&
              (is(d, np0 - 1, "after") || is(d, np0 - 1, "before") ||
               is(d, np0 - 1, "since") || is(d, np0 - 1, "until"))))
            continue;   /* but "after Trump attacked X" opens a clause */
        if (d->ms[m].t1 < st->t1 && (tflags(d, d->ms[m].t1) & EKG_TOK_POSS)) {
            /* "NATO's plan ..." : remember it as a possible agent */
            if (possessor_generic && d->ms[m].t1 + 1 < st->t1 &&
                (is_generic(d, d->ms[m].t1 + 1) || d->ms[m].t1 + 2 < st->t1))
                *possessor_generic = m;
            continue;
        }
        if (d->ms[m].kind == EKG_M_PRONOUN && (is(d, d->ms[m].t0, "its") ||
                                               is(d, d->ms[m].t0, "his") ||
                                               is(d, d->ms[m].t0, "their") ||
                                               is(d, d->ms[m].t0, "her")))
            continue;
        if (ment(d, m) < 0)
            return 0;
        if (modifies_noun(d, m))
            return 0;   /* "Three Republican U.S. lawmakers called ...": unnamed subject */
        size_t rp = strict ? relative_clause_of(d, s, d->ms[m].np0) : 0;
        if (rp) {
            /* "Two councillors who back Mr Flight met ...": the pronoun's antecedent */
            size_t a = rp > st->t0 && is(d, rp - 1, ",") ? rp - 1 : rp;
            int am = a > st->t0 ? d->tok_mention[a - 1] : -1;
            if (am < 0 || ment(d, am) < 0 || d->ents[ment(d, am)].thing || modifies_noun(d, am))
                return 0;
            *relative = 1;
            m = am;
        }
        out[0] = m;
        return coordinated_before(d, m, st->t0, out, 1);
    }
    return 0;
}

/*
 * The subject at the start of the clause ending at v: used when the verb
 * follows a parenthetical ("Laaksonen, a former Miss Finland, accused ...") or
 * a coordination ("... touted his work and called on ..."). With intro, an
 * opening phrase closed by a comma is passed ("On Saturday, X ...").
 */
static size_t clause_subject(const ekg_docx *d, size_t s, size_t v, int *out, int intro)
{
    const ekg_sentence *st = &d->seg.sents[s];
    size_t cs = v;
    while (cs > st->t0) {
        const char *w = low(d, cs - 1);
        if (!strcmp(w, ";") || !strcmp(w, ":") || !strcmp(w, "that") || !strcmp(w, "but") ||
            !strcmp(w, "because") || !strcmp(w, "while") || !strcmp(w, "although") ||
            !strcmp(w, "when") || !strcmp(w, "if") || !strcmp(w, "as") ||
            (tflags(d, cs - 1) & EKG_TOK_QUOTE))
            break;
        cs--;
    }
    for (size_t t = cs; t < v; t++) {
        int m = d->tok_mention[t];
        const char *ow = low(d, t);
        size_t ol = strlen(ow);
        int opener = t == cs && m < 0 && ol > 4 && strcmp(ow + ol - 3, "ing") == 0;
        if (m < 0) {
            if (intro && ((ekg_tok_class(d, t) & EKG_W_PREP) || opener)) {
                /* the clause opens with a phrase, not its subject; its subject may follow
                   the phrase's comma ("On Saturday, Trump is to fly ... and visit X",
                   "Visiting Seoul, Trump warned X ... but urged Y") */
                size_t c = t;
                while (c < v && !is(d, c, ",") && c < t + 6)
                    c++;
                if (c >= v || !is(d, c, ","))
                    return 0;
                t = c;
            } else if ((ekg_tok_class(d, t) & EKG_W_PREP)) {
                return 0;
            }
            continue;
        }
        m = head_of(d, m);
        const ekg_dmention *x = &d->ms[m];
        if (x->t1 < st->t1 && (tflags(d, x->t1) & EKG_TOK_POSS))
            return 0;
        if (ment(d, m) < 0 || modifies_noun(d, m) || d->ents[ment(d, m)].thing)
            return 0;
        out[0] = m;
        return 1;
    }
    return 0;
}

/* ---- objects ---- */

static int blocked_preposition(const ekg_docx *d, size_t t)
{
    return (ekg_tok_class(d, t) & EKG_W_BLOCKED) != 0;
}

/*
 * The object after token j: the first mention in the clause that is not in
 * a locative or temporal phrase; through a generic noun ("a decision on",
 * "the idea of", "plans to establish") a thing is preferred.
 */
/*
 * Does an unnamed noun phrase start at t, right after the verb ending at j
 * ("the groundswell", "evidence against")? Adverbs, particles and generic
 * nouns do not count; a phrase whose words are all plain is unnamed.
 */
static int unnamed_np(const ekg_docx *d, size_t s, size_t t, size_t j)
{
    const ekg_sentence *st = &d->seg.sents[s];
    for (size_t k = j; k < t; k++)   /* only the first phrase after the verb (or "to V") */
        if (!is_adverb(d, k) && !is(d, k, "to") && !(ekg_tok_class(d, k) & EKG_W_PREP) &&
            !(ekg_tok_class(d, k) & EKG_W_DET) && !(k > j && is(d, k - 1, "to")))
            return 0;
    if (t > st->t0 && is(d, t - 1, "to"))
        return 0;   /* "to open ...": a verb */
    size_t k = t;
    if ((ekg_tok_class(d, k) & EKG_W_DET))
        k++;
    size_t words = 0;
    for (; k < st->t1 && words < 4; k++, words++) {
        const char *w = low(d, k);
        size_t n = strlen(w);
        if (d->tok_mention[k] >= 0 || is_generic(d, k))
            return 0;
        if (!(tflags(d, k) & EKG_TOK_WORD) || (ekg_tok_class(d, k) & (EKG_W_PREP | EKG_W_STOPWORD)))
            break;
        if (is_adverb(d, k) || (n > 3 && strcmp(w + n - 3, "ing") == 0))
            return 0;
    }
    return words > 0 && (tflags(d, t) & EKG_TOK_WORD) && !(ekg_tok_class(d, t) & EKG_W_PREP) &&
           !is_adverb(d, t) && !is(d, t, "to") && !(ekg_tok_class(d, t) & EKG_W_COPULA) && !(ekg_tok_class(d, t) & (EKG_W_AUX | EKG_W_COPULA));
}

static size_t find_object_until(const ekg_docx *d, size_t s, size_t j, size_t limit, int *out)
{
    const ekg_sentence *st = &d->seg.sents[s];
    int first = -1, thing = -1, generic = 0;
    size_t t;
    for (t = j; t < limit && t < j + 18; t++) {
        if (t > j && (clause_boundary(d, t) || is(d, t, ",") || is(d, t, ".")))
            break;
        if (is(d, t, "that") && t == j)
            break;
        if (is(d, t, "whether") || is(d, t, "how") || is(d, t, "what") || is(d, t, "why"))
            break;
        if (is(d, t, "that") && !(t + 1 < st->t1 && d->tok_mention[t + 1] >= 0 &&
                                  d->ms[d->tok_mention[t + 1]].kind == EKG_M_ANAPHOR))
            break;
        int m = d->tok_mention[t];
        if (m < 0) {
            if (is_generic(d, t)) {
                generic = 1;
                continue;
            }
            if (first < 0 && !generic && unnamed_np(d, s, t, j))
                return 0;   /* "joined the groundswell against X": the object has no name */
            continue;
        }
        m = head_of(d, m);
        size_t np0 = d->ms[m].np0;
        t = d->ms[m].t1 - 1;
        if (np0 > st->t0 && np0 > j && blocked_preposition(d, np0 - 1))
            continue;
        if (modifies_noun(d, m)) {
            if (first < 0 && !generic)
                return 0;   /* "urges Alabama voters to ...": the object has no name */
            continue;
        }
        if (d->ms[m].t1 < st->t1 && (tflags(d, d->ms[m].t1) & EKG_TOK_POSS)) {
            /* a possessor: "Japan's decision to ..." is about Japan unless a thing follows;
               "Hawaii's lawyers" are not Hawaii */
            size_t after = d->ms[m].t1 + 1;
            while (after < st->t1 && (tflags(d, after) & EKG_TOK_WORD) &&
                   !is_generic(d, after) && d->tok_mention[after] < 0 &&
                   !(ekg_tok_class(d, after) & EKG_W_STOPWORD) && after < d->ms[m].t1 + 3)
                after++;
            if (!(after < st->t1 && is_generic(d, after)) && d->tok_mention[after] < 0) {
                if (first < 0 && !generic)
                    return 0;
                break;
            }
            if (first < 0 && !generic && ment(d, m) >= 0)
                first = m;
            generic = 1;
            continue;
        }
        int e = ment(d, m);
        if (e < 0) {
            if (d->ms[m].kind == EKG_M_THING)
                generic = 1;   /* an unnamed thing ("a plan") stands for its content */
            continue;
        }
        if (d->ms[m].kind == EKG_M_PRONOUN && (is(d, d->ms[m].t0, "its") ||
                                               is(d, d->ms[m].t0, "his") ||
                                               is(d, d->ms[m].t0, "their")))
            continue;
        if (d->ents[e].thing) {
            if (thing < 0)
                thing = m;
            if (first < 0)
                first = m;
            break;
        }
        if (!generic && first < 0)
            first = m;
        if (!generic)
            break;
    }
    int pick = (generic && thing >= 0) ? thing : first;
    if (pick < 0)
        return 0;
    out[0] = pick;
    size_t n = 1;
    /* coordinated objects: "South Korea and Australia" */
    int m = pick;
    while (n < MAX_ARGS) {
        size_t e = d->ms[m].t1;
        if (e + 1 >= st->t1 || !(is(d, e, "and") || is(d, e, ",") || is(d, e, "or")))
            break;
        size_t k = e + 1;
        if ((ekg_tok_class(d, k) & EKG_W_DET))
            k++;
        if (k >= st->t1 || d->tok_mention[k] < 0 || ment(d, d->tok_mention[k]) < 0)
            break;
        int next = d->tok_mention[k];
        if (d->ents[ment(d, next)].thing != d->ents[ment(d, pick)].thing)
            break;
        out[n++] = next;
        m = next;
    }
    return n;
}

static size_t find_object(const ekg_docx *d, size_t s, size_t j, int *out)
{
    return find_object_until(d, s, j, d->seg.sents[s].t1, out);
}

/*
 * The subject of a passive verb at v (its target): a relative pronoun's
 * antecedent, else the noun phrase at the start of the clause, read like an
 * object ("NATO's plan to open an office in Tokyo ... has been postponed":
 * the office). *poss receives a possessor at the clause start ("NATO's").
 */
static size_t passive_subject(const ekg_docx *d, size_t s, size_t v, int *out, int *relative,
                              int *poss)
{
    const ekg_sentence *st = &d->seg.sents[s];
    size_t cs = v;
    while (cs > st->t0) {
        const char *w = low(d, cs - 1);
        if (!strcmp(w, "which") || !strcmp(w, "who"))
            return find_subject(d, s, v, out, relative, poss, 0);
        if (!strcmp(w, ";") || !strcmp(w, ":") || !strcmp(w, "that") || !strcmp(w, "but") ||
            !strcmp(w, "because") || !strcmp(w, "while") || !strcmp(w, "if") ||
            !strcmp(w, "and") || (tflags(d, cs - 1) & EKG_TOK_QUOTE))
            break;
        cs--;
    }
    *relative = 0;
    while (cs < v && (is(d, cs, ",") || is_adverb(d, cs) || is(d, cs, "however")))
        cs++;
    int m = cs < v ? d->tok_mention[cs] : -1;
    if (m >= 0 && d->ms[m].t1 < v && (tflags(d, d->ms[m].t1) & EKG_TOK_POSS) && ment(d, m) >= 0)
        *poss = m;
    size_t n = find_object_until(d, s, cs, v, out);
    if (n == 1 && *poss == out[0])
        n = 0;
    return n;
}

/* The mention after "by" following token j (passive agent), or -1. */
static int by_agent(const ekg_docx *d, size_t s, size_t j)
{
    const ekg_sentence *st = &d->seg.sents[s];
    size_t t = j;
    while (t < st->t1 && is_adverb(d, t))
        t++;
    if (t < st->t1 && (is(d, t, "during") || is(d, t, "in")) && d->tok_mention[t + 1] < 0) {
        /* "killed during an air raid by X": the agent after a short unnamed phrase */
        size_t k = t + 1;
        while (k < st->t1 && k < t + 6 && !is(d, k, "by") && d->tok_mention[k] < 0 &&
               (tflags(d, k) & EKG_TOK_WORD) && !clause_boundary(d, k))
            k++;
        if (k < st->t1 && is(d, k, "by"))
            t = k;
    }
    if (t + 1 >= st->t1 || !is(d, t, "by"))
        return -1;
    t++;
    if ((ekg_tok_class(d, t) & EKG_W_DET) && t + 1 < st->t1)
        t++;
    /* the mention whose noun phrase starts here ("by President Donald Trump") */
    for (size_t k = t; k < st->t1 && k < t + 5; k++) {
        int m = d->tok_mention[k];
        if (m < 0)
            continue;
        m = head_of(d, m);
        if (d->ms[m].np0 > t)
            return -1;
        return ment(d, m) >= 0 ? m : -1;
    }
    return -1;
}

/* ---- polarity, modality, time ---- */

static int lex_at(const ekg_docx *d, ekg_lex_kind k, size_t t, size_t end, size_t *len)
{
    char buf[128];
    for (size_t n = 3; n >= 1; n--) {
        if (t + n > end)
            continue;
        size_t pos = 0;
        int ok = 1;
        for (size_t i = 0; i < n && ok; i++) {
            const char *w = low(d, t + i);
            size_t l = strlen(w);
            if (pos + l + 2 > sizeof buf) {
                ok = 0;
                break;
            }
            if (i)
                buf[pos++] = ' ';
            memcpy(buf + pos, w, l);
            pos += l;
        }
        buf[pos] = '\0';
        if (ok && ekg_ontology_lex(d->onto, k, buf, pos)) {
            *len = n;
            return 1;
        }
    }
    return 0;
}

static int window_has(const ekg_docx *d, ekg_lex_kind k, size_t from, size_t to)
{
    for (size_t t = from; t < to; t++) {
        size_t n;
        if (lex_at(d, k, t, to, &n))
            return 1;
    }
    return 0;
}

static long days_from_civil(int y, int m, int dd)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, char out[11])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long dd = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    char buf[48];
    snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", (y % 10000 + 10000) % 10000, m % 100,
             dd % 100);
    memcpy(out, buf, 10);
    out[10] = '\0';
}

/* An explicit time in the sentence, normalised against the publication date. */
static int sentence_date(const ekg_docx *d, size_t s, char out[11])
{
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};
    const ekg_sentence *st = &d->seg.sents[s];
    const char *pub = d->pubdate;
    for (size_t t = st->t0; t < st->t1; t++) {
        if (!is(d, t, "on") || t + 1 >= st->t1)
            continue;
        const char *w = low(d, t + 1);
        for (int k = 0; k < 7 && pub; k++)
            if (strcmp(w, days[k]) == 0) {
                int y, m, dd;
                if (sscanf(pub, "%d-%d-%d", &y, &m, &dd) != 3)
                    return 0;
                long z = days_from_civil(y, m, dd);
                long wd = (z + 3) % 7;   /* 1970-01-01 was a Thursday: Monday = 0 */
                if (wd < 0)
                    wd += 7;
                long back = (wd - k + 7) % 7;
                civil_from_days(z - back, out);
                return 1;
            }
        /* "on July 11" */
        const char *p = d->text->fold + d->seg.toks[t + 1].start;
        size_t n = d->seg.sents[s].end - d->seg.toks[t + 1].start;
        char buf[11];
        if (ekg_parse_date(p, n, buf)) {
            if (strncmp(buf, "0000", 4) == 0) {
                if (!pub)
                    continue;
                memcpy(buf, pub, 4);
            }
            memcpy(out, buf, 11);
            return 1;
        }
    }
    return 0;
}

/* ---- adding an event ---- */

typedef struct found {
    const ekg_relation *rel;
    size_t s, t0, t1;          /* trigger tokens */
    const char *rule;
    double confidence;
    int relative;
} found;

static int actor_dent(ekg_docx *d, int m)
{
    int e = ment(d, m);
    if (e < 0 || d->ents[e].thing)
        return -1;
    /* a capital acting stands for its country ("Beijing said") */
    const ekg_known *k = d->ents[e].known;
    size_t np0 = d->ms[m].np0;
    if (np0 > d->seg.sents[d->ms[m].sent].t0 && (ekg_tok_class(d, np0 - 1) & EKG_W_PREP))
        k = NULL;   /* "a conference in Vilnius, which hosted ...": the place itself */
    if (k && k->country && strcmp(d->ents[e].cls, "City") == 0) {
        const ekg_known *c = ekg_ontology_known(d->onto, k->country);
        if (c && c->capital && strcmp(c->capital, k->id) == 0)
            return ekg_dent_add(d, NULL, NULL, c);
    }
    return e;
}

static void emit(ekg_docx *d, const found *f, int actor_m, int target_m)
{
    int a = actor_dent(d, actor_m);
    int t = target_m >= 0 ? ment(d, target_m) : -1;
    if (t >= 0 && d->ms[target_m].kind == EKG_M_PRONOUN && !d->ents[t].thing)
        return;   /* "sign it into law": "it" is a bill, not the last organisation */
    if (a < 0 || (target_m >= 0 && t < 0) || a == t)
        return;
    if (t >= 0 && !d->ents[t].thing && strcmp(d->ents[t].cls, "Person") != 0 &&
        actor_dent(d, target_m) == a)
        return;
    const ekg_sentence *st = &d->seg.sents[f->s];
    size_t from = f->t0 > st->t0 + 5 ? f->t0 - 5 : st->t0;
    if (actor_m >= 0 && d->ms[actor_m].t1 <= f->t0 && d->ms[actor_m].t1 > from)
        from = d->ms[actor_m].t1;
    /* polarity */
    ekg_polarity pol = window_has(d, EKG_LEX_NEGATION, from, f->t0) ? EKG_NEGATIVE : EKG_POSITIVE;
    /* modality */
    ekg_modality mod = EKG_ASSERTED;
    int hedged = window_has(d, EKG_LEX_HEDGE, from, f->t0);
    for (size_t k = st->t0; k < st->t1; k++)
        if (is(d, k, "if") || is(d, k, "unless") || is(d, k, "?") ||
            (k < f->t0 && is(d, k, "whether")))
            hedged = 1;
    if (hedged)
        mod = EKG_HEDGED;
    else if (window_has(d, EKG_LEX_PLAN, from, f->t0 + 1) ||
             (f->t0 > st->t0 && is(d, f->t0 - 1, "to")))
        mod = EKG_PLANNED;
    else {
        for (size_t k = st->t0; k < st->t1; k++) {
            size_t n;
            if ((k < f->t0 || k >= f->t1) && lex_at(d, EKG_LEX_REPORTING, k, k + 1, &n)) {
                mod = EKG_REPORTED;
                break;
            }
            if (is(d, k, "according") && k + 1 < st->t1 && is(d, k + 1, "to")) {
                mod = EKG_REPORTED;
                break;
            }
        }
    }
    /* the mention */
    const ekg_text *tx = d->text;
    uint32_t ts = d->seg.toks[f->t0].start, te = d->seg.toks[f->t1 - 1].end;
    ekg_mention m;
    memset(&m, 0, sizeof m);
    m.doc = d->doc;
    m.start = tx->cp[ts];
    m.end = tx->cp[te];
    char *sentence = ekg_xstrndup(tx->utf8 + tx->src[st->start],
                                  tx->src[st->end] - tx->src[st->start]);
    char *trigger = ekg_xstrndup(tx->utf8 + tx->src[ts], tx->src[te] - tx->src[ts]);
    m.sentence = sentence;
    m.trigger = trigger;
    m.rule = f->rule;
    char date[11];
    m.date = sentence_date(d, f->s, date) ? date : NULL;
    m.modality = mod;
    double conf = f->confidence;
    if (d->ms[actor_m].kind != EKG_M_NAME)
        conf -= 0.1;
    if (target_m >= 0 && d->ms[target_m].kind != EKG_M_NAME &&
        d->ms[target_m].kind != EKG_M_THING)
        conf -= 0.1;
    if (mod == EKG_HEDGED)
        conf -= 0.1;
    ekg_entity *ae = ekg_docx_entity(d, a);
    ekg_entity *tg = t >= 0 ? ekg_docx_entity(d, t) : NULL;
    if (ae && (tg || t < 0))
        ekg_graph_event_add(d->g, f->rel, ae, tg, pol, &m, conf,
                            pol == EKG_POSITIVE && mod != EKG_HEDGED && tg != NULL);
    free(sentence);
    free(trigger);
}

static void emit_all(ekg_docx *d, const found *f, const int *actors, size_t na,
                     const int *targets, size_t nt)
{
    if (f->rel->symmetric && nt == 0 && na >= 2) {
        /* "Stoltenberg and Kishida sealed ...": between the coordinated subjects */
        for (size_t i = 1; i < na; i++)
            emit(d, f, actors[na - 1], actors[na - 1 - i]);
        return;
    }
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nt; j++)
            emit(d, f, actors[i], targets[j]);
}

/*
 * Checks what surrounds a verb trigger:
 *  - an infinitive ("to V") must depend on a verb or a name ("planned to open",
 *    "for Sweden to join"), not on a noun ("his work to quit", "an honour to sign");
 *  - "V to NAME" without a listed particle is another sense ("deferred to X");
 *  - "V to V'" (a clausal complement: "threatened to withdraw X") leads to a
 *    target only for intentions (CAMEO 03) and relations without a CAMEO root
 *    ("plans to open an office", "vowed to prevent X").
 */
static int verb_complement_ok(const ekg_docx *d, size_t s, size_t t, size_t end,
                              const ekg_relation *rel, const ekg_trigger *tr)
{
    const ekg_sentence *st = &d->seg.sents[s];
    if (t >= st->t0 + 2 && is(d, t - 1, "to")) {
        size_t g = t - 2;
        const char *w = low(d, g);
        size_t n = strlen(w);
        size_t k;
        int verbish = is_aux(d, g) || is_adverb(d, g) || d->tok_mention[g] >= 0 ||
                      (n > 2 && strcmp(w + n - 2, "ed") == 0) || (n > 1 && w[n - 1] == 's') ||
                      (n > 3 && strcmp(w + n - 3, "ing") == 0) ||
                      lex_at(d, EKG_LEX_PLAN, g, t, &k) ||
                      (ekg_ontology_triggers(d->onto, w, n, &k) && k);
        if (!verbish && g > st->t0)
            verbish = lex_at(d, EKG_LEX_PLAN, g - 1, t, &k);
        if (!verbish)
            return 0;
    }
    int intent_rel = !rel->cameo || strcmp(rel->cameo, "03") == 0;
    if (tr->nwords == 1 && end + 1 < st->t1 && is(d, end, "to")) {
        if (d->tok_mention[end + 1] >= 0 || (tflags(d, end + 1) & EKG_TOK_CAP) ||
            (end + 2 < st->t1 && (ekg_tok_class(d, end + 1) & EKG_W_DET) &&
             (d->tok_mention[end + 2] >= 0 || (tflags(d, end + 2) & EKG_TOK_CAP))))
            return 0;   /* "deferred to X", "objected to the Y": another sense */
        if (!intent_rel)
            return 0;
    }
    /* "opposes repealing X's law": a gerund clause, not an object, except for intentions
       and relations without a CAMEO root ("delay making a decision on ...") */
    size_t k = end;
    while (k < st->t1 && is_adverb(d, k))
        k++;
    if (!intent_rel && k < st->t1 && d->tok_mention[k] < 0) {
        const char *w = low(d, k);
        size_t n = strlen(w);
        if (n > 4 && !strcmp(w + n - 3, "ing") && (tflags(d, k) & EKG_TOK_WORD) &&
            !is_generic(d, k) && !ekg_tok_class(d, k))
            return 0;
    }
    return 1;
}

/*
 * Is the trigger at t used as a noun here ("the plan", "opposed plans",
 * "long-term support for")? A present-tense verb follows its subject, an
 * auxiliary, "to", an adverb or a conjunction.
 */
static int noun_context(const ekg_docx *d, size_t s, size_t t, int form)
{
    const ekg_sentence *st = &d->seg.sents[s];
    if (t <= st->t0)
        return 0;
    const char *p = low(d, t - 1);
    if ((ekg_tok_class(d, t - 1) & EKG_W_DET) || (tflags(d, t - 1) & EKG_TOK_POSS))
        return 1;
    size_t n;
    if (ekg_ontology_triggers(d->onto, p, strlen(p), &n) && n)
        return 1;
    if (form <= 1) {
        if (d->tok_mention[t - 1] >= 0 || is_aux(d, t - 1) || strcmp(p, "to") == 0 ||
            is_adverb(d, t - 1) || strcmp(p, "and") == 0 || strcmp(p, "or") == 0 ||
            strcmp(p, ",") == 0 || strcmp(p, "who") == 0 || strcmp(p, "which") == 0 ||
            strcmp(p, "that") == 0 || (tflags(d, t - 1) & EKG_TOK_QUOTE))
            return 0;
        return 1;
    }
    return 0;
}

/*
 * The length of a time adjunct at t that news style puts between a verb and its
 * particle ("called on Friday for", "met Tuesday with"): "on" + a day or month
 * (and its number), or a bare day name, "today" or "yesterday"; else 0.
 */
static size_t time_adjunct(const ekg_docx *d, size_t t, size_t end)
{
    size_t k = t;
    if (k + 1 < end && is(d, k, "on") && (ekg_tok_class(d, k + 1) & EKG_W_TIME))
        k++;
    if (k >= end || !(ekg_tok_class(d, k) & EKG_W_TIME) || is(d, k, "may"))
        return 0;
    k++;
    if (k < end && (tflags(d, k) & EKG_TOK_NUM))
        k++;   /* "on March 3" */
    return k - t;
}

static size_t match_trigger(const ekg_docx *d, const ekg_trigger *tr, size_t t, size_t end)
{
    const char *w = tr->words;
    size_t k = t;
    while (*w) {
        if (k == t + 1)
            k += time_adjunct(d, k, end);   /* between the verb and its particle */
        const char *sp = strchr(w, ' ');
        size_t n = sp ? (size_t)(sp - w) : strlen(w);
        if (k >= end || strlen(low(d, k)) != n || memcmp(low(d, k), w, n) != 0)
            return 0;
        k++;
        w += n;
        if (*w == ' ')
            w++;
    }
    return k;
}

static void sentence_events(ekg_docx *d, size_t s)
{
    const ekg_sentence *st = &d->seg.sents[s];
    int last_actors[MAX_ARGS];
    size_t last_na = 0;
    for (size_t t = st->t0; t < st->t1; t++) {
        if (!(tflags(d, t) & EKG_TOK_WORD))
            continue;
        if (d->tok_mention[t] >= 0) {
            /* a thing's head noun may still be a trigger: "(peace) talks between X and Y" */
            const ekg_dmention *tm = &d->ms[d->tok_mention[t]];
            if ((tm->kind != EKG_M_THING && tm->kind != EKG_M_ANAPHOR) || t + 1 != tm->t1 ||
                t + 1 >= st->t1 || !is(d, t + 1, "between"))
                continue;
        }
        size_t n;
        const char *w = low(d, t);
        const ekg_trigger *const *c = ekg_ontology_triggers(d->onto, w, strlen(w), &n);
        const ekg_trigger *best = NULL, *noun = NULL;
        size_t best_end = 0, noun_end = 0;
        for (size_t i = 0; i < n; i++) {
            size_t e = match_trigger(d, c[i], t, st->t1);
            if (e > best_end || (e == best_end && best && c[i]->kind < best->kind)) {
                best = c[i];
                best_end = e;
            }
            if (c[i]->kind == EKG_TRIG_NOUN && e > noun_end) {
                noun = c[i];
                noun_end = e;
            }
        }
        if (!best)
            continue;
        if (best->kind == EKG_TRIG_VERB && noun && noun_context(d, s, t, best->form)) {
            best = noun;   /* "next week's visit to China": the noun reading */
            best_end = noun_end;
        }
        found f = {best->rel, s, t, best_end, "", 0.9, 0};
        int actors[MAX_ARGS], targets[MAX_ARGS];
        size_t na = 0, nt = 0;
        int rel = 0, poss = -1;

        /* auxiliaries and adverbs before the trigger */
        size_t p = t;
        while (p > st->t0 && is_adverb(d, p - 1))
            p--;
        int after_be = p > st->t0 && (ekg_tok_class(d, p - 1) & EKG_W_COPULA);

        if (best->kind == EKG_TRIG_NOUN) {
            /* "X's opposition to Y", "its cooperation with Y" (up to two adjectives between) */
            int owner = -1;
            for (size_t q = t; q > st->t0 && q + 3 > t; q--) {
                size_t p0 = q - 1;
                if ((tflags(d, p0) & EKG_TOK_POSS) && p0 > st->t0) {
                    owner = d->tok_mention[p0 - 1];
                    break;
                }
                int pm = d->tok_mention[p0];
                if (pm >= 0 && d->ms[pm].kind == EKG_M_PRONOUN) {
                    const char *pw = low(d, p0);
                    if (!strcmp(pw, "its") || !strcmp(pw, "his") || !strcmp(pw, "her") ||
                        !strcmp(pw, "their"))
                        owner = pm;   /* possessive pronouns only */
                    break;
                }
                const char *adj = low(d, p0);
                size_t al = strlen(adj);
                if (!(tflags(d, p0) & EKG_TOK_WORD) || (ekg_tok_class(d, p0) & EKG_W_STOPWORD) || pm >= 0 ||
                    (al > 2 && !strcmp(adj + al - 2, "ed")) ||
                    (al > 3 && !strcmp(adj + al - 3, "ing")))
                    break;   /* only adjectives stand between owner and noun */
            }
            if (owner < 0 && best_end + 1 < st->t1 && (ekg_tok_class(d, best_end) & EKG_W_PREP)) {
                /* "next week's visit to China by President Donald Trump" */
                int obj[MAX_ARGS];
                size_t no = find_object(d, s, best_end, obj);
                size_t a0 = d->tok_mention[t] >= 0 ? d->ms[d->tok_mention[t]].np0 : t;
                int indefinite = a0 > st->t0 && (is(d, a0 - 1, "a") || is(d, a0 - 1, "an") ||
                                                 is(d, a0, "a") || is(d, a0, "an"));
                size_t o1 = no == 2 ? d->ms[obj[1]].t1 : 0;
                if (no == 2 && f.rel->symmetric && is(d, best_end, "between") && !indefinite &&
                    !(o1 < st->t1 && (tflags(d, o1) & EKG_TOK_POSS)) &&
                    d->ms[obj[0]].np0 <= best_end + 2 && !d->ents[ment(d, obj[0])].thing) {
                    /* "talks between Israel and Syria": between the two ("a meeting
                       between X and Y" is mostly one proposed; "Y's son" is not Y) */
                    actors[na++] = obj[0];
                    targets[nt++] = obj[1];
                    f.rule = "nominal: N between X and Y";
                    f.confidence = 0.7;
                } else if (no == 1) {
                    int ag = by_agent(d, s, d->ms[obj[0]].t1);
                    if (ag >= 0) {
                        actors[na++] = ag;
                        targets[nt++] = obj[0];
                        f.rule = "nominal: N prep Y by X";
                        f.confidence = 0.7;
                    }
                }
                if (!na)
                    continue;
            } else {
                if (owner < 0 || ment(d, owner) < 0)
                    continue;
                if (best_end < st->t1 && is(d, best_end, "that") && best_end + 1 < st->t1 &&
                    d->tok_mention[best_end + 1] >= 0) {
                    /* "its charges that Damascus was sheltering ...": what the claim is about */
                    actors[na++] = owner;
                    targets[nt++] = head_of(d, d->tok_mention[best_end + 1]);
                    f.rule = "nominal: X's N that Y ...";
                    f.confidence = 0.65;
                } else {
                    if (best_end >= st->t1 || !(ekg_tok_class(d, best_end) & EKG_W_PREP))
                        if (!(best_end < st->t1 && is(d, best_end, "to")))
                            continue;
                    actors[na++] = owner;
                    nt = find_object(d, s, best_end, targets);
                    if (nt && d->ms[targets[0]].np0 > best_end + 2)
                        nt = 0;   /* the object must be the noun's own phrase */
                    f.rule = "nominal: X's N prep Y";
                    f.confidence = 0.75;
                }
            }
        } else if (best->kind == EKG_TRIG_PREDICATIVE) {
            if (!after_be)
                continue;
            na = find_subject(d, s, p - 1, actors, &rel, NULL, 0);
            nt = find_object(d, s, best_end, targets);
            f.rule = "predicative: X is ADJ to Y";
            f.confidence = 0.85;
        } else {
            if (noun_context(d, s, t, best->form))
                continue;
            int participle = best->form == 2 || best->form == 3;
            int agent = participle ? by_agent(d, s, best_end) : -1;
            int coordinated_passive = participle && agent >= 0 && p > st->t0 &&
                                      (is(d, p - 1, "and") || is(d, p - 1, "or") ||
                                       is(d, p - 1, ","));
            if (coordinated_passive) {   /* only after an earlier passive's by-agent */
                size_t q = p - 1;
                while (q > st->t0 && !is(d, q, "by"))
                    q--;
                coordinated_passive = is(d, q, "by");
            }
            if (participle && (after_be || coordinated_passive ||
                               (agent >= 0 && p > st->t0 && !(ekg_tok_class(d, p - 1) & (EKG_W_AUX | EKG_W_COPULA)) &&
                                d->tok_mention[p - 1] >= 0))) {
                /* passive: the subject is the target, the by-agent the actor */
                size_t subj_from = after_be ? p - 1 : p;
                if (coordinated_passive) {
                    /* "... blocked by France and criticised by China": the earlier passive's subject */
                    size_t q = p - 1;
                    while (q > st->t0 && !is(d, q, "by"))
                        q--;
                    subj_from = q;
                    while (subj_from > st->t0 && !(ekg_tok_class(d, subj_from - 1) & EKG_W_COPULA))
                        subj_from--;
                    if (subj_from > st->t0)
                        subj_from--;
                }
                nt = coordinated_passive ? find_subject(d, s, subj_from, targets, &rel, &poss, 0)
                                         : passive_subject(d, s, subj_from, targets, &rel, &poss);
                if (nt == 0 && poss < 0)
                    continue;
                if (agent >= 0) {
                    actors[na++] = agent;
                    f.rule = rel ? "passive relative clause with by-agent" : "passive with by-agent";
                    f.confidence = rel ? 0.8 : 0.85;
                } else if (poss >= 0 && nt) {
                    /* agentless: "NATO's plan to ... has been postponed" */
                    actors[na++] = poss;
                    f.rule = "agentless passive, possessor as agent";
                    f.confidence = 0.6;
                } else {
                    continue;
                }
            } else if (participle && best_end < st->t1 && is(d, best_end, "by")) {
                /* a reduced relative clause, never active: "Cordray, appointed by X" is
                   about the name before the comma; "a publication backed by X" about no name */
                int prev = p >= st->t0 + 2 && is(d, p - 1, ",") ? d->tok_mention[p - 2] : -1;
                if (agent < 0 || prev < 0 || ment(d, prev) < 0 || d->ms[prev].kind != EKG_M_NAME)
                    continue;
                size_t np0 = d->ms[prev].np0;
                while (np0 > st->t0 && ((tflags(d, np0 - 1) & EKG_TOK_CAP) ||
                                        (ekg_tok_class(d, np0 - 1) & EKG_W_DET)))
                    np0--;   /* "of the New York Mercantile Exchange" */
                if (np0 > st->t0 && (ekg_tok_class(d, np0 - 1) & EKG_W_PREP))
                    continue;   /* "a former chairman of X, nominated by Y": not X */
                actors[na++] = agent;
                targets[nt++] = prev;
                f.rule = "reduced relative passive after a name";
                f.confidence = 0.75;
            } else if (best->form == 4 && !after_be && p > st->t0 && !is(d, p - 1, "to") &&
                       !(ekg_tok_class(d, p - 1) & (EKG_W_AUX | EKG_W_COPULA))) {
                /* a participle phrase: "the committee investigating X", "by destroying X" */
                int prev = d->tok_mention[p - 1];
                if (prev >= 0 && ment(d, head_of(d, prev)) >= 0 &&
                    !modifies_noun(d, head_of(d, prev))) {
                    actors[na++] = head_of(d, prev);
                } else if ((ekg_tok_class(d, p - 1) & EKG_W_PREP) || is(d, p - 1, ",")) {
                    na = clause_subject(d, s, p - 1, actors, 0);
                } else if (title_ends_at(d, s, p)) {
                    /* "Mueller ... as special counsel investigating X": the title's bearer */
                    na = find_subject(d, s, p, actors, &rel, NULL, 1);
                    if (na && strcmp(d->ents[ment(d, actors[0])].cls, "Person") != 0)
                        na = 0;
                } else {
                    continue;
                }
                nt = find_object(d, s, best_end, targets);
                f.rule = "participle phrase";
                f.confidence = 0.7;
            } else {
                na = find_subject(d, s, p, actors, &rel, NULL, 0);
                nt = find_object(d, s, best_end, targets);
                f.rule = rel ? "active, relative clause subject" : "active: subject verb object";
                if (p > st->t0 && is(d, p - 1, "to")) {
                    f.rule = "infinitival complement";
                    if (last_na) {   /* "X visited Y to meet Z": X meets Z */
                        memcpy(actors, last_actors, last_na * sizeof *actors);
                        na = last_na;
                        rel = 0;
                    }
                }
            }
        }
        f.relative = rel;
        if (!na)
            continue;
        if (!nt && !(f.rel->symmetric && na >= 2))
            continue;
        if (best->kind == EKG_TRIG_VERB && strcmp(f.rule, "infinitival complement") != 0 &&
            !verb_complement_ok(d, s, t, best_end, f.rel, best))
            continue;
        if (best->kind == EKG_TRIG_VERB && strcmp(f.rule, "infinitival complement") == 0 &&
            !last_na && !verb_complement_ok(d, s, t, best_end, f.rel, best))
            continue;   /* a purpose clause after an event keeps that event's actor */
        emit_all(d, &f, actors, na, targets, nt);
        if (best->kind == EKG_TRIG_VERB && strcmp(f.rule, "active: subject verb object") == 0) {
            memcpy(last_actors, actors, na * sizeof *actors);
            last_na = na;
        }
        t = best_end - 1;
    }
}

void ekg_find_events(ekg_docx *d)
{
    for (size_t s = 0; s < d->seg.nsents; s++)
        sentence_events(d, s);
}
