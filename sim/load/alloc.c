/* Ringside — scenario loader: allocators.
 *
 * Sizes in the loader are bounded by the input limits (RS_LD_MAX_FILE), so
 * exhausting memory is not a problem of the scenario: like g_malloc, these
 * abort instead of returning NULL, which keeps the validation code free of
 * error paths that no input can reach.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load-internal.h"

/* Reports exhaustion and aborts. */
static void rs_ld_oom(size_t n)
{
  fprintf(stderr, "ringside: out of memory (%zu bytes)\n", n);
  abort();
}

void *rs_ld_xmalloc(size_t n)
{
  void *p = malloc(n ? n : 1);
  if (!p)
    rs_ld_oom(n);
  return p;
}

void *rs_ld_xrealloc(void *p, size_t n)
{
  void *q = realloc(p, n ? n : 1);
  if (!q)
    rs_ld_oom(n);
  return q;
}

char *rs_ld_xstrdup(const char *s)
{
  size_t n = strlen(s) + 1;
  return memcpy(rs_ld_xmalloc(n), s, n);
}

void rs_ld_reserve(void **items, size_t *cap, size_t need, size_t elem)
{
  if (need <= *cap)
    return;
  size_t c = *cap ? *cap : 8;
  while (c < need) {
    if (c > SIZE_MAX / 2)
      rs_ld_oom(SIZE_MAX);
    c *= 2;
  }
  if (c > SIZE_MAX / elem)
    rs_ld_oom(SIZE_MAX);
  *items = rs_ld_xrealloc(*items, c * elem);
  *cap = c;
}

/* One arena chunk; data follows the header, suitably aligned. */
struct rs_arena_chunk {
  rs_arena_chunk *next;
  size_t used, size;
  max_align_t data[];
};

#define RS_ARENA_CHUNK 16384u

void rs_arena_init(rs_arena *a)
{
  a->head = NULL;
}

void rs_arena_free(rs_arena *a)
{
  while (a->head) {
    rs_arena_chunk *next = a->head->next;
    free(a->head);
    a->head = next;
  }
}

/* n zeroed bytes, aligned for any type. */
static void *rs_arena_alloc(rs_arena *a, size_t n)
{
  const size_t align = sizeof(max_align_t);
  if (n > SIZE_MAX - align)
    rs_ld_oom(n);
  n = (n + align - 1) / align * align;
  rs_arena_chunk *c = a->head;
  if (!c || c->size - c->used < n) {
    size_t size = n > RS_ARENA_CHUNK ? n : RS_ARENA_CHUNK;
    c = rs_ld_xmalloc(sizeof *c + size);
    c->size = size;
    c->used = 0;
    c->next = a->head;
    a->head = c;
  }
  void *p = (char *)c->data + c->used;
  c->used += n;
  return memset(p, 0, n);
}

void *rs_arena_array(rs_arena *a, size_t count, size_t size)
{
  if (size && count > SIZE_MAX / size)
    rs_ld_oom(SIZE_MAX);
  return rs_arena_alloc(a, count * size);
}

char *rs_arena_strndup(rs_arena *a, const char *s, size_t n)
{
  char *p = rs_arena_array(a, n + 1, 1);
  if (n)
    memcpy(p, s, n);
  return p;
}

char *rs_arena_printf(rs_arena *a, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *p = rs_arena_array(a, (size_t)(n < 0 ? 0 : n) + 1, 1);
  va_start(ap, fmt);
  vsnprintf(p, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
  va_end(ap);
  return p;
}
