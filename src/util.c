/*
 * util.c - allocation, buffers, string pool, hash map, errors and logging.
 */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
    fprintf(stderr, "ekg: error: out of memory (%zu bytes)\n", n);
    abort();
}

void *ekg_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom(n);
    return p;
}

void *ekg_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom(n * size);
    return p;
}

void *ekg_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom(n);
    return q;
}

char *ekg_xstrndup(const char *s, size_t n)
{
    char *p = ekg_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *ekg_xstrdup(const char *s)
{
    return ekg_xstrndup(s, strlen(s));
}

/* ---- buffer ---- */

void ekg_buf_init(ekg_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void ekg_buf_free(ekg_buf *b)
{
    free(b->data);
    ekg_buf_init(b);
}

void ekg_buf_clear(ekg_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static void grow(ekg_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    b->data = ekg_xrealloc(b->data, cap);
    b->cap = cap;
}

void ekg_buf_put(ekg_buf *b, const char *s, size_t n)
{
    grow(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void ekg_buf_puts(ekg_buf *b, const char *s)
{
    ekg_buf_put(b, s, strlen(s));
}

void ekg_buf_putc(ekg_buf *b, char c)
{
    ekg_buf_put(b, &c, 1);
}

void ekg_buf_printf(ekg_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *ekg_buf_detach(ekg_buf *b)
{
    char *p = b->data ? b->data : ekg_xstrdup("");
    ekg_buf_init(b);
    return p;
}

/* ---- hash and map ---- */

uint64_t ekg_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/*
 * The maps' own hash (not ekg_hash(), whose values name things in the output
 * and must never change): eight bytes at a time, for the short keys (words)
 * that most lookups are. The last (or only) 4 to 16 bytes are read as two loads
 * that may overlap, which with the length mixed in still tell every key of that
 * length apart: no loop over single bytes.
 */
static inline uint64_t map_hash(const char *s, size_t n)
{
    const uint64_t k = 0x9E3779B97F4A7C15ULL;
    uint64_t h = (uint64_t)n * k, a = 0, b = 0;
    for (; n > 16; s += 8, n -= 8) {
        memcpy(&a, s, 8);
        h = (h ^ a) * k;
        h ^= h >> 29;
    }
    if (n >= 8) {
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, s, 4);
        memcpy(&y, s + n - 4, 4);
        a = x;
        b = y;
    } else if (n) {
        a = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 |
            (uint64_t)(unsigned char)s[n - 1] << 16;
    }
    h = (h ^ a) * k;
    h ^= h >> 29;
    h = (h ^ b) * k;
    h ^= h >> 29;
    return h;
}

/* 24 bytes: the maps that matter are read at random, so a slot's size is what a miss
   costs; a key is never 4 GiB long (a document is at most 64 MiB) */
/* The hash a slot keeps: both halves of map_hash() folded into 32 bits. */
static inline uint32_t map_hash32(const char *s, size_t n)
{
    uint64_t h = map_hash(s, n);
    return (uint32_t)(h ^ (h >> 32));
}

typedef struct slot {
    char *key;
    void *value;
    uint32_t hash;
    uint32_t klen;
} slot;

struct ekg_map {
    slot *slots;
    size_t cap, size;
    unsigned shift;   /* 64 - log2(cap): the top bits of the mixed hash index a slot */
    int borrowed;     /* the keys belong to someone else (a string pool's chunks) */
    uint64_t *filter; /* a large map's hashes, one bit each (8 bits a slot), or NULL */
};

/*
 * A large map (the ontology's words, a big graph's ids) spans megabytes, and a lookup that
 * misses, as most words' do, would wait on memory for a slot that is empty. A bit per
 * hash in an array of 8 bits a slot (1/16 of the slots' size, so it stays in cache) says
 * "not there" to all but about one miss in sixteen, before any slot is read.
 */
#define FILTER_MIN_CAP 4096

static inline size_t filter_bit(const ekg_map *m, uint32_t h)
{
    return (size_t)(h & (m->cap * 8 - 1));
}

static inline void filter_add(ekg_map *m, uint32_t h)
{
    if (m->filter) {
        size_t b = filter_bit(m, h);
        m->filter[b >> 6] |= (uint64_t)1 << (b & 63);
    }
}

/* The filter made again for the map's capacity and keys (none below FILTER_MIN_CAP). */
static void filter_rebuild(ekg_map *m)
{
    free(m->filter);
    m->filter = NULL;
    if (m->cap < FILTER_MIN_CAP || m->borrowed)
        return;   /* a pool's map is only asked by ekg_pool_intern(), which needs the slot */
    m->filter = ekg_xcalloc(m->cap / 8, sizeof *m->filter);
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            filter_add(m, m->slots[i].hash);
}

/* Fibonacci hashing spreads FNV's weak low bits over the whole table. */
static size_t slot_of(const ekg_map *m, uint32_t h)
{
    return (size_t)(((uint64_t)h * 0x9E3779B97F4A7C15ULL) >> m->shift);
}

ekg_map *ekg_map_new(void)
{
    ekg_map *m = ekg_xcalloc(1, sizeof *m);
    m->cap = 64;
    m->shift = 64 - 6;
    m->slots = ekg_xcalloc(m->cap, sizeof *m->slots);
    return m;
}

void ekg_map_free(ekg_map *m)
{
    if (!m)
        return;
    if (!m->borrowed)
        for (size_t i = 0; i < m->cap; i++)
            free(m->slots[i].key);
    free(m->slots);
    free(m->filter);
    free(m);
}

void ekg_map_free_values(ekg_map *m, void (*free_value)(void *))
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            free_value(m->slots[i].value);
    ekg_map_free(m);
}

static inline slot *find(const ekg_map *m, const char *key, size_t n, uint32_t h)
{
    size_t i = slot_of(m, h);
    for (;;) {
        slot *s = &m->slots[i];
        if (!s->key || (s->hash == h && s->klen == n && memcmp(s->key, key, n) == 0))
            return s;
        i = (i + 1) & (m->cap - 1);
    }
}

/* The value of key, looked for from slot i on (whose hash and length match key's). Not
   inlined: ekg_map_get() would save registers for the memcmp call on every lookup. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void *get_from(const ekg_map *m, size_t i, const char *key, size_t n, uint32_t h)
{
    for (;; i = (i + 1) & (m->cap - 1)) {
        const slot *s = &m->slots[i];
        if (!s->key)
            return NULL;
        if (s->hash == h && s->klen == n && memcmp(s->key, key, n) == 0)
            return s->value;
    }
}

void *ekg_map_get(const ekg_map *m, const char *key, size_t n)
{
    /* most lookups (words that are not names) miss, at an empty slot: they compare no key
       and call nothing, so that this stays a leaf that saves no registers */
    uint32_t h = map_hash32(key, n);
    if (m->filter) {
        size_t b = filter_bit(m, h);
        if (!(m->filter[b >> 6] & (uint64_t)1 << (b & 63)))
            return NULL;
    }
    for (size_t i = slot_of(m, h);; i = (i + 1) & (m->cap - 1)) {
        const slot *s = &m->slots[i];
        if (!s->key)
            return NULL;
        if (s->hash == h && s->klen == n)
            return get_from(m, i, key, n, h);
    }
}

/* Makes room for n entries with the map at most half full (the slots are placed again):
   most lookups (words that are not names) miss, and a miss under linear probing costs
   ~(1 + 1/(1-load)^2)/2 probes. */
static void map_reserve(ekg_map *m, size_t n)
{
    size_t cap = m->cap;
    unsigned shift = m->shift;
    while (n * 2 > cap) {
        cap *= 2;
        shift--;
    }
    if (cap == m->cap)
        return;
    ekg_map old = *m;
    m->cap = cap;
    m->shift = shift;
    m->slots = ekg_xcalloc(m->cap, sizeof *m->slots);
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].key)
            *find(m, old.slots[i].key, old.slots[i].klen, old.slots[i].hash) = old.slots[i];
    free(old.slots);
    filter_rebuild(m);
}

void *ekg_map_put(ekg_map *m, const char *key, size_t n, void *value)
{
    if (n > UINT32_MAX)
        abort();   /* a key of 4 GiB: no document is that long */
    map_reserve(m, m->size + 1);
    uint32_t h = map_hash32(key, n);
    slot *s = find(m, key, n, h);
    if (s->key) {
        void *prev = s->value;
        s->value = value;
        return prev;
    }
    s->key = ekg_xstrndup(key, n);
    s->klen = (uint32_t)n;
    s->hash = h;
    s->value = value;
    m->size++;
    filter_add(m, h);
    return NULL;
}

size_t ekg_map_move(ekg_map *dst, ekg_map *src)
{
    map_reserve(dst, dst->size + src->size);
    size_t moved = 0;
    for (size_t i = 0; i < src->cap; i++) {
        slot *s = &src->slots[i];
        if (!s->key)
            continue;
        slot *d = find(dst, s->key, s->klen, s->hash);
        if (d->key)
            continue;
        *d = *s;
        s->key = NULL;   /* the slot is left empty; the table is rebuilt below */
        dst->size++;
        filter_add(dst, d->hash);
        moved++;
    }
    /* what stayed: placed again, since emptied slots broke their probe sequences */
    slot *old = src->slots;
    src->slots = ekg_xcalloc(src->cap, sizeof *src->slots);
    src->size = 0;
    for (size_t i = 0; i < src->cap; i++)
        if (old[i].key) {
            *find(src, old[i].key, old[i].klen, old[i].hash) = old[i];
            src->size++;
        }
    free(old);
    filter_rebuild(src);
    return moved;
}

size_t ekg_map_size(const ekg_map *m)
{
    return m->size;
}

size_t ekg_map_capacity(const ekg_map *m)
{
    return m->cap;
}

int ekg_map_slot(const ekg_map *m, size_t i, const char **key, void **value)
{
    if (i >= m->cap || !m->slots[i].key)
        return 0;
    if (key)
        *key = m->slots[i].key;
    if (value)
        *value = m->slots[i].value;
    return 1;
}

/* ---- lists of indices ---- */

ekg_idxlist *ekg_idxlist_at(ekg_map **m, const char *key, size_t n, int create)
{
    if (!*m) {
        if (!create)
            return NULL;
        *m = ekg_map_new();
    }
    ekg_idxlist *l = ekg_map_get(*m, key, n);
    if (!l && create) {
        l = ekg_xcalloc(1, sizeof *l);
        ekg_map_put(*m, key, n, l);
    }
    return l;
}

void ekg_idxlist_push(ekg_idxlist *l, size_t v)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 2;
        l->v = ekg_xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = v;
}

static void idxlist_free(void *v)
{
    free(((ekg_idxlist *)v)->v);
    free(v);
}

void ekg_idxlist_map_free(ekg_map *m)
{
    ekg_map_free_values(m, idxlist_free);
}

/* ---- string pool: a map of the strings, kept in chunks of memory ---- */

#define POOL_CHUNK (64u << 10)

#define POOL_ALIGN 16u

typedef struct pool_chunk {
    struct pool_chunk *next;
    size_t used, cap;
    size_t pad;        /* keeps data POOL_ALIGN-aligned, as malloc's result is */
    char data[];
} pool_chunk;
_Static_assert(sizeof(pool_chunk) % POOL_ALIGN == 0, "pool chunk data stays aligned");

struct ekg_pool {
    ekg_map *map;         /* its keys are the strings, in the chunks */
    pool_chunk *chunks;   /* the one being filled first */
};

ekg_pool *ekg_pool_new(void)
{
    ekg_pool *p = ekg_xmalloc(sizeof *p);
    p->map = ekg_map_new();
    p->map->borrowed = 1;
    p->chunks = NULL;
    return p;
}

void ekg_pool_free(ekg_pool *p)
{
    if (!p)
        return;
    ekg_map_free(p->map);
    for (pool_chunk *c = p->chunks, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(p);
}

/* n bytes in a chunk, at an address that is a multiple of align (a power of two up to
   POOL_ALIGN); anything longer than a quarter chunk gets one of its own, behind the one
   being filled. */
static char *pool_alloc(ekg_pool *p, size_t n, size_t align)
{
    pool_chunk *c = p->chunks;
    if (c) {
        size_t pad = (size_t)(-(uintptr_t)(c->data + c->used) & (align - 1));
        if (c->cap - c->used >= pad + n) {
            char *r = c->data + c->used + pad;
            c->used += pad + n;
            return r;
        }
    }
    size_t cap = n > POOL_CHUNK / 4 ? n : POOL_CHUNK - sizeof *c;
    pool_chunk *nc = ekg_xmalloc(sizeof *nc + cap);   /* data: malloc's alignment kept */
    nc->cap = cap;
    nc->used = n;
    if (c && cap == n) {   /* a long one: the current chunk stays the one filled */
        nc->next = c->next;
        c->next = nc;
    } else {
        nc->next = c;
        p->chunks = nc;
    }
    return nc->data;
}

void *ekg_pool_alloc(ekg_pool *p, size_t n)
{
    char *r = pool_alloc(p, n, POOL_ALIGN);
    memset(r, 0, n);
    return r;
}

const char *ekg_pool_intern(ekg_pool *p, const char *s, size_t n)
{
    if (n > UINT32_MAX)
        abort();   /* as for ekg_map_put() */
    uint32_t h = map_hash32(s, n);
    ekg_map *m = p->map;
    slot *sl = find(m, s, n, h);
    if (sl->key)
        return sl->key;
    if ((m->size + 1) * 2 > m->cap) {
        map_reserve(m, m->size + 1);
        sl = find(m, s, n, h);
    }
    char *copy = pool_alloc(p, n + 1, 1);
    memcpy(copy, s, n);
    copy[n] = '\0';
    sl->key = copy;
    sl->klen = (uint32_t)n;
    sl->hash = h;
    sl->value = NULL;
    m->size++;
    filter_add(m, h);
    return copy;
}

const char *ekg_pool_str(ekg_pool *p, const char *s)
{
    return s ? ekg_pool_intern(p, s, strlen(s)) : NULL;
}

/* ---- errors and logging ---- */

void ekg_error_set(ekg_error *err, const char *source, int line, int column, const char *fmt,
                   ...)
{
    if (!err || err->set)
        return;
    err->set = 1;
    err->line = line;
    err->column = column;
    err->position = -1;
    snprintf(err->source, sizeof err->source, "%s", source ? source : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    va_end(ap);
}

void ekg_logf(const ekg_log *log, ekg_log_level level, const char *source, int line, int column,
              const char *fmt, ...)
{
    if (!log || !log->fn)
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    log->fn(log->data, level, source, line, column, msg);
}

/* v with 0x20 added to each byte in 'A'..'Z': for the bytes without their top bit set,
   whose sums carry into no neighbour (0x7F + 0x3F < 0x100). */
static uint64_t lower8(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101ULL, tops = 0x80 * ones;
    uint64_t low7 = v & ~tops;
    uint64_t from_a = low7 + (0x80 - 'A') * ones, past_z = low7 + (0x80 - 'Z' - 1) * ones;
    return v | ((from_a ^ past_z) & ~v & tops) >> 2;
}

void ekg_ascii_lower(char *out, const char *s, size_t n)
{
    /* eight bytes at a time, the last eight (or four) again where they overlap: lowering
       is the same done twice */
    if (n >= 8) {
        uint64_t v;
        for (size_t i = 0; i + 8 <= n; i += 8) {
            memcpy(&v, s + i, 8);
            v = lower8(v);
            memcpy(out + i, &v, 8);
        }
        memcpy(&v, s + n - 8, 8);
        v = lower8(v);
        memcpy(out + n - 8, &v, 8);
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, s, 4);
        memcpy(&y, s + n - 4, 4);
        x = (uint32_t)lower8(x);
        y = (uint32_t)lower8(y);
        memcpy(out, &x, 4);
        memcpy(out + n - 4, &y, 4);
    } else {
        for (size_t i = 0; i < n; i++) {
            char c = s[i];
            out[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
    }
    out[n] = '\0';
}

size_t ekg_utf8_cut(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t k = n;
    while (k > 0 && n - k < 3 && (u[k - 1] & 0xC0) == 0x80)
        k--;   /* back over continuation bytes to the lead byte */
    if (k == 0 || u[k - 1] < 0xC0)
        return n;   /* ends in ASCII (or is not UTF-8 there: left as it is) */
    size_t want = u[k - 1] >= 0xF0 ? 4 : u[k - 1] >= 0xE0 ? 3 : 2;
    return n - (k - 1) < want ? k - 1 : n;
}

int ekg_hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
