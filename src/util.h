/*
 * util.h - internal helpers shared by every module: allocation, a growable
 * buffer, a string pool, hashing, error recording.
 */
#ifndef EKG_UTIL_H
#define EKG_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "ekg.h"

/*
 * Asks for the memory at p ahead of its use (a hint; p may be NULL). Loops that
 * visit the graph in id order, not in the order it was allocated, use it so that
 * their cost per item stays the same on graphs larger than the caches.
 */
#if defined(__GNUC__) || defined(__clang__)
#define EKG_PREFETCH(p) __builtin_prefetch(p)
#else
#define EKG_PREFETCH(p) ((void)(p))
#endif

/* Allocation that never returns NULL: on exhaustion it prints and aborts. */
void *ekg_xmalloc(size_t n);
void *ekg_xcalloc(size_t n, size_t size);
void *ekg_xrealloc(void *p, size_t n);
char *ekg_xstrdup(const char *s);
char *ekg_xstrndup(const char *s, size_t n);

/* A growable byte buffer, always NUL-terminated after its `len` bytes. */
typedef struct ekg_buf {
    char *data;
    size_t len, cap;
} ekg_buf;

void ekg_buf_init(ekg_buf *b);
void ekg_buf_free(ekg_buf *b);
void ekg_buf_clear(ekg_buf *b);
void ekg_buf_put(ekg_buf *b, const char *s, size_t n);
void ekg_buf_puts(ekg_buf *b, const char *s);
void ekg_buf_putc(ekg_buf *b, char c);
void ekg_buf_printf(ekg_buf *b, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Returns the data (caller frees) and leaves the buffer empty. */
char *ekg_buf_detach(ekg_buf *b);

/* A string pool: interned, immutable strings owned by the pool. */
typedef struct ekg_pool ekg_pool;
ekg_pool *ekg_pool_new(void);
void ekg_pool_free(ekg_pool *p);
/* Returns the pooled copy of s[0..n) (same pointer for equal strings). */
const char *ekg_pool_intern(ekg_pool *p, const char *s, size_t n);
const char *ekg_pool_str(ekg_pool *p, const char *s);
/*
 * n zeroed bytes, aligned for any struct of pointers and integers, freed with the
 * pool. Records allocated in turn with their strings lie next to them in memory.
 */
void *ekg_pool_alloc(ekg_pool *p, size_t n);

/* 64-bit FNV-1a. */
uint64_t ekg_hash(const char *s, size_t n);

/* A string -> pointer hash map (keys are copied). */
typedef struct ekg_map ekg_map;
ekg_map *ekg_map_new(void);
void ekg_map_free(ekg_map *m);
void *ekg_map_get(const ekg_map *m, const char *key, size_t n);
/* Sets key to value; returns the previous value or NULL. */
void *ekg_map_put(ekg_map *m, const char *key, size_t n, void *value);
size_t ekg_map_size(const ekg_map *m);
/* Frees the map and, with free_value, each of its values. */
void ekg_map_free_values(ekg_map *m, void (*free_value)(void *));
/* Moves the entries of src whose keys dst lacks into dst, keys and all (nothing is copied
   or hashed again); those dst has stay in src. Returns how many moved. */
size_t ekg_map_move(ekg_map *dst, ekg_map *src);
/* Iteration: i from 0 while < capacity; returns 0 on empty slots. */
size_t ekg_map_capacity(const ekg_map *m);
int ekg_map_slot(const ekg_map *m, size_t i, const char **key, void **value);

/* A growable list of indices; maps of them (key -> list) for per-document and per-graph
   indexes. ekg_idxlist_at() returns the list of key, created empty if create and absent
   (NULL otherwise), and creates the map on first use; ekg_idxlist_map_free() frees the
   map with its lists. */
typedef struct ekg_idxlist {
    size_t *v;
    size_t n, cap;
} ekg_idxlist;
ekg_idxlist *ekg_idxlist_at(ekg_map **m, const char *key, size_t n, int create);
void ekg_idxlist_push(ekg_idxlist *l, size_t v);
void ekg_idxlist_map_free(ekg_map *m);

/* Records an error if none is recorded yet (err may be NULL). */
void ekg_error_set(ekg_error *err, const char *source, int line, int column,
                   const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* A log target: a callback and its data (fn may be NULL). */
typedef struct ekg_log {
    ekg_log_fn fn;
    void *data;
} ekg_log;

void ekg_logf(const ekg_log *log, ekg_log_level level, const char *source, int line,
              int column, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Lower-cases ASCII letters of s[0..n) into out (n bytes + NUL). */
void ekg_ascii_lower(char *out, const char *s, size_t n);

/*
 * Where to cut valid UTF-8 s[0..n) so that no character is split: n, or less
 * when the last character does not end at n (a prefix of a longer string).
 */
/* The value of a hexadecimal digit, or -1. */
int ekg_hex_value(char c);

size_t ekg_utf8_cut(const char *s, size_t n);

#endif
