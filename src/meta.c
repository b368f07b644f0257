/*
 * meta.c - document metadata: headline, publication date, dateline place,
 * publisher and author.
 *
 * The publication date is the first date of the page header (everything
 * before the body: bylines, date lines) or, failing that, of the body's
 * dateline ("VILNIUS, July 12 (Reuters) -"); dates inside the story are
 * never used. A date without a year takes the year in which a weekday named
 * next to it matches, else the latest year not after the reference date.
 */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const months[12] = {"january", "february", "march",     "april",
                                       "may",     "june",     "july",      "august",
                                       "september", "october", "november", "december"};

static const char *const weekdays[7] = {"sunday",   "monday", "tuesday", "wednesday",
                                        "thursday", "friday", "saturday"};

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static char lower(char c)
{
    return is_upper(c) ? (char)(c + 32) : c;
}

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && (y == 0 || leap(y)) ? 29 : d[m - 1];
}

/* 0 = Sunday (Sakamoto's method). */
static int weekday(int y, int m, int d)
{
    static const int k[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3)
        y--;
    return (y + y / 4 - y / 100 + y / 400 + k[m - 1] + d) % 7;
}

/* Reads 1..max digits; returns how many, 0 if none or more than max. */
static size_t digits(const char *s, size_t n, size_t max, int *v)
{
    size_t i = 0;
    *v = 0;
    while (i < n && is_digit(s[i])) {
        if (i == max)
            return 0;
        *v = *v * 10 + (s[i] - '0');
        i++;
    }
    return i;
}

/* A month name or its abbreviation ("Sept.", "Jul"), capitalised. */
static size_t month_name(const char *s, size_t n, int *m)
{
    /* the capitals months begin with: most words are over at the first byte */
    if (n < 3 || !(s[0] == 'J' || s[0] == 'F' || s[0] == 'M' || s[0] == 'A' || s[0] == 'S' ||
                   s[0] == 'O' || s[0] == 'N' || s[0] == 'D'))
        return 0;
    size_t len = 0;
    while (len < n && is_letter(s[len]))
        len++;
    if (len < 3 || !is_upper(s[0]))
        return 0;
    for (int k = 0; k < 12; k++) {
        if (lower(s[0]) != months[k][0])
            continue;   /* before measuring the name: most months differ here */
        size_t full = strlen(months[k]);
        if (len > full)
            continue;
        size_t i = 1;
        while (i < len && lower(s[i]) == months[k][i])
            i++;
        if (i < len || lower(s[0]) != months[k][0])
            continue;
        if (len == full || len == 3 || (k == 8 && len == 4)) {
            *m = k + 1;
            if (len < full && len < n && s[len] == '.')
                len++;
            return len;
        }
    }
    return 0;
}

/* A day of the month with an optional ordinal suffix ("13th"). */
static size_t day_number(const char *s, size_t n, int *d)
{
    size_t i = digits(s, n, 2, d);
    if (!i || *d < 1 || *d > 31)
        return 0;
    if (i + 2 <= n) {
        char a = lower(s[i]), b = lower(s[i + 1]);
        if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
            (a == 't' && b == 'h'))
            i += 2;
    }
    if (i < n && (is_letter(s[i]) || is_digit(s[i])))
        return 0;
    return i;
}

/* ", 2023" or " 2023": a year after a day or month; 0 if none. */
static size_t year_after(const char *s, size_t n, int *y)
{
    size_t i = 0;
    if (i < n && s[i] == ',')
        i++;
    while (i < n && s[i] == ' ')
        i++;
    int v;
    size_t k = digits(s + i, n - i, 4, &v);
    if (k != 4 || v < 1800 || v > 2199)
        return 0;
    if (i + k < n && (is_letter(s[i + k]) || is_digit(s[i + k]) ||
                      (s[i + k] == ':' && i + k + 1 < n && is_digit(s[i + k + 1]))))
        return 0;
    *y = v;
    return i + k;
}

size_t ekg_parse_date(const char *s, size_t n, char out[11])
{
    int y = 0, m = 0, d = 0;
    size_t i = 0, k;
    if (n >= 10 && digits(s, n, 4, &y) == 4 && (s[4] == '-' || s[4] == '/') &&
        digits(s + 5, n - 5, 2, &m) == 2 && s[7] == s[4] && digits(s + 8, n - 8, 2, &d) == 2 &&
        (n == 10 || !is_digit(s[10]))) {
        i = 10;
    } else if ((k = month_name(s, n, &m)) != 0) {
        i = k;
        while (i < n && s[i] == ' ')
            i++;
        if (i == k || !(k = day_number(s + i, n - i, &d)))
            return 0;
        i += k;
        if ((k = year_after(s + i, n - i, &y)) != 0)
            i += k;
    } else if ((k = day_number(s, n, &d)) != 0) {
        i = k;
        while (i < n && s[i] == ' ')
            i++;
        if (i == k)
            return 0;
        size_t mk = month_name(s + i, n - i, &m);
        if (!mk)
            return 0;
        i += mk;
        if ((k = year_after(s + i, n - i, &y)) != 0)
            i += k;
    } else {
        return 0;
    }
    if (m < 1 || m > 12 || d < 1 || d > days_in(y, m))
        return 0;
    char buf[48];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y % 10000, m, d);
    memcpy(out, buf, 11);
    return i;
}

/* ---- helpers over fold ---- */

static int word_start(const char *s, size_t i)
{
    return i == 0 || !(is_letter(s[i - 1]) || is_digit(s[i - 1]));
}

/* The first date in s[from, to) starting at a word; its position or -1. */
static long first_date(const char *s, size_t from, size_t to, char out[11])
{
    for (size_t i = from; i < to; i++) {
        if (!word_start(s, i) || !(is_letter(s[i]) || is_digit(s[i])))
            continue;
        if (ekg_parse_date(s + i, to - i, out))
            return (long)i;
    }
    return -1;
}

static int parse_ymd(const char *s, int *y, int *m, int *d)
{
    return s && strlen(s) >= 10 && sscanf(s, "%4d-%2d-%2d", y, m, d) == 3 && *m >= 1 &&
           *m <= 12 && *d >= 1 && *d <= 31;
}

/*
 * A weekday named just before a date with this month and day
 * ("Wednesday (Jul 12)", "Wednesday, July 12"): 0-6, or -1.
 */
static int stated_weekday(const char *s, size_t n, int m, int d)
{
    for (size_t i = 0; i < n; i++) {
        if (!is_upper(s[i]) || !word_start(s, i))
            continue;
        for (int w = 0; w < 7; w++) {
            if (lower(s[i]) != weekdays[w][0])
                continue;   /* before measuring the name: most weekdays differ here */
            size_t len = strlen(weekdays[w]), j;
            if (i + len > n)
                continue;
            for (j = 1; j < len && lower(s[i + j]) == weekdays[w][j]; j++)
                ;
            if (j < len || lower(s[i]) != weekdays[w][0])
                continue;
            j = i + len;
            while (j < n && (s[j] == ' ' || s[j] == ',' || s[j] == '('))
                j++;
            char date[11];
            int y2, m2, d2;
            if (ekg_parse_date(s + j, n - j, date) && sscanf(date, "%4d-%2d-%2d", &y2, &m2, &d2) == 3 &&
                m2 == m && d2 == d)
                return w;
        }
    }
    return -1;
}

/* Gives a year to "0000-MM-DD" using the weekday rule and the reference. */
static void complete_year(char date[11], const char *fold, size_t n, const char *ref_date)
{
    int y, m, d, ry, rm, rd;
    if (sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return;
    if (!parse_ymd(ref_date, &ry, &rm, &rd)) {
        time_t now = time(NULL);
        struct tm *tm = gmtime(&now);
        ry = tm->tm_year + 1900;
        rm = tm->tm_mon + 1;
        rd = tm->tm_mday;
    }
    int wd = stated_weekday(fold, n, m, d);
    int year = 0;
    for (int c = ry; c > ry - 400; c--) {
        if (m == 2 && d == 29 && !leap(c))
            continue;
        if (c == ry && (m > rm || (m == rm && d > rd)))
            continue;
        if (wd >= 0 && weekday(c, m, d) != wd)
            continue;
        year = c;
        break;
    }
    if (year)
        snprintf(date, 11, "%04d-%02d-%02d", year, m, d);
    else
        date[0] = '\0';
}

/* "NEW YORK" -> "New York". */
static char *title_case(const char *s, size_t n)
{
    char *o = ekg_xstrndup(s, n);
    for (size_t i = 0; i < n; i++)
        if (i > 0 && is_letter(o[i - 1]))
            o[i] = lower(o[i]);
    return o;
}

static char *trimmed(const char *s, size_t a, size_t b)
{
    while (a < b && s[a] == ' ')
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == ','))
        b--;
    return a < b ? ekg_xstrndup(s + a, b - a) : NULL;
}

/* News agencies that open a lead the way a place does: "AP - ...". */
static int agency(const char *s, size_t n)
{
    static const char *const names[] = {"AP", "AFP", "UPI", "AGI", "REUTERS", "XINHUA", "TASS",
                                        "ANI", "IANS", "PTI", "DPA", "EFE", "ANSA", "KYODO",
                                        "YONHAP", "BLOOMBERG", "CNN", "BBC", NULL};
    for (const char *const *p = names; *p; p++)
        if (strlen(*p) == n && !strncmp(*p, s, n))
            return 1;
    return 0;
}

/*
 * The dateline at the start of the first body paragraph: "MOSCOW
 * (UrduPoint News / Sputnik - 13th July, 2023)", "VILNIUS, July 12
 * (Reuters) -", "LONDON - ". Fills place, publisher and date (if empty).
 */
static void dateline(const char *s, size_t n, ekg_meta *m, char date[11])
{
    size_t i = 0, letters = 0;
    while (i < n && (is_upper(s[i]) || strchr(" .'-/&", s[i]))) {
        if (s[i] == ' ' && i + 1 < n && (s[i + 1] == '-' || s[i + 1] == '('))
            break;
        letters += is_upper(s[i]);
        i++;
    }
    size_t place_end = i;
    while (place_end > 0 && strchr(" -/", s[place_end - 1]))
        place_end--;
    if (letters < 2 || place_end == 0 || i >= n)
        return;
    /* the place word must end at a word boundary */
    if (is_letter(s[i]) || is_digit(s[i]))
        return;
    char d[11] = "";
    char *publisher = NULL;
    int ok = 0;
    if (s[i] == ',') {
        i++;
        while (i < n && s[i] == ' ')
            i++;
        size_t k = ekg_parse_date(s + i, n - i, d);
        if (k) {
            i += k;
        } else {
            /* ", Lithuania (Reuters)": a country or state after the place */
            while (i < n && (is_letter(s[i]) || s[i] == ' ' || s[i] == '.'))
                i++;
        }
        while (i < n && s[i] == ' ')
            i++;
    } else {
        while (i < n && s[i] == ' ')
            i++;
    }
    if (i < n && s[i] == '(') {
        size_t close = i + 1;
        while (close < n && close < i + 120 && s[close] != ')')
            close++;
        if (close >= n || s[close] != ')')
            return;
        size_t a = i + 1, b = close;
        /* "UrduPoint News / Sputnik - 13th July, 2023": the date after " - " */
        for (size_t j = a; j + 2 < b; j++) {
            char d2[11];
            if (s[j] == ' ' && s[j + 1] == '-' && j + 2 < b) {
                size_t q = j + 2;
                while (q < b && s[q] == ' ')
                    q++;
                if (ekg_parse_date(s + q, b - q, d2)) {
                    if (!d[0])
                        memcpy(d, d2, 11);
                    b = j;
                    break;
                }
            }
        }
        char d3[11];
        if (ekg_parse_date(s + a, b - a, d3) == b - a) {
            if (!d[0])
                memcpy(d, d3, 11);
        } else {
            publisher = trimmed(s, a, b);
        }
        i = close + 1;
        ok = 1;
        while (i < n && s[i] == ' ')
            i++;
    }
    if (i < n && (s[i] == '-' || (s[i] == ':' && s[i - 1] != ' ' && i + 1 < n && s[i + 1] == ' ')))
        ok = 1;
    if (!ok) {
        free(publisher);
        return;
    }
    if (agency(s, place_end)) {
        /* "AP - ...": the agency, not a place */
        free(publisher);
        m->publisher = ekg_xstrndup(s, place_end);
        return;
    }
    m->dateline = title_case(s, place_end);
    m->publisher = publisher;
    if (!date[0] && d[0])
        memcpy(date, d, 11);
}

/* "By Jane Doe" or "Jane Doe (@handle) Published ...": the name, or NULL. */
static char *byline(const char *s, size_t n)
{
    size_t i = 0;
    int by = n > 3 && (s[0] == 'B' || s[0] == 'b') && s[1] == 'y' && s[2] == ' ';
    if (by)
        i = 3;
    size_t start = i, end = i;
    int words = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        if (s[i] == '(' || s[i] == '|' || s[i] == ',') {
            size_t j = i;
            while (j < n && s[j] != ')' && s[j] != ' ')
                j++;
            if (s[i] == '(' && j < n && s[j] == ')') {
                i = j + 1;
                continue;
            }
            break;
        }
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        if (j - i == 3 && !strncmp(s + i, "and", 3) && words > 0) {
            i = j;
            continue;
        }
        if (!is_upper(s[i]))
            break;
        if ((j - i == 9 && !strncmp(s + i, "Published", 9)) ||
            (j - i == 7 && (!strncmp(s + i, "Updated", 7) || !strncmp(s + i, "Posted:", 7))) ||
            (j - i == 6 && !strncmp(s + i, "Posted", 6))) {
            if (words >= 1 && words <= 4)
                return trimmed(s, start, end);
            return NULL;
        }
        words++;
        end = j;
        i = j;
        if (words > 4)
            return NULL;
    }
    if (by && words >= 1 && words <= 4 && i >= n)
        return trimmed(s, start, end);
    return NULL;
}

static int title_like(const char *s, size_t n)
{
    size_t e = n;
    while (e > 0 && strchr("\"')", s[e - 1]))
        e--;
    if (e == 0 || s[e - 1] == '.')
        return 0;
    int words = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
            words++;
    return words >= 2 && words <= 25 && !memchr(s, '\n', n);
}

void ekg_meta_extract(const ekg_text *t, const ekg_span *kept, size_t nkept,
                      const char *ref_date, ekg_meta *m)
{
    memset(m, 0, sizeof *m);
    ekg_span *own = NULL;
    if (!kept) {
        nkept = ekg_boilerplate(t, &own);
        kept = own;
    }
    const char *s = t->fold;
    size_t body = 0;
    if (nkept && title_like(s + kept[0].start, kept[0].end - kept[0].start) &&
        ekg_parse_date(s + kept[0].start, kept[0].end - kept[0].start, m->date) == 0) {
        m->headline_span = kept[0];
        m->headline = ekg_xstrndup(s + kept[0].start, kept[0].end - kept[0].start);
        body = 1;
    }
    m->date[0] = '\0';
    size_t header_end = body < nkept ? kept[body].start : (t->fold_len < 2000 ? t->fold_len : 2000);

    /* date and author from the header (everything before the body) */
    char date[11] = "";
    int has_year = 0;
    if (first_date(s, 0, header_end, date) >= 0)
        has_year = strncmp(date, "0000", 4) != 0;
    for (size_t i = 0; i < header_end && !m->author;) {
        size_t e = i;
        while (e < header_end && s[e] != '\n')
            e++;
        size_t a = i;
        while (a < e && s[a] == ' ')
            a++;
        if (!(m->headline_span.end > m->headline_span.start && a == m->headline_span.start))
            m->author = byline(s + a, e - a);
        i = e + 1;
    }

    /* dateline, publisher and (if the header had none) date of the body */
    if (body < nkept) {
        char d[11] = "";
        dateline(s + kept[body].start, kept[body].end - kept[body].start, m, d);
        if (!date[0] && d[0]) {
            memcpy(date, d, 11);
            has_year = strncmp(date, "0000", 4) != 0;
        }
    }
    if (date[0] && !has_year)
        complete_year(date, s, t->fold_len, ref_date);
    memcpy(m->date, date, 11);
    m->date_has_year = date[0] ? has_year : 0;
    free(own);
}

void ekg_meta_free(ekg_meta *m)
{
    if (!m)
        return;
    free(m->headline);
    free(m->dateline);
    free(m->publisher);
    free(m->author);
    memset(m, 0, sizeof *m);
}
