/* Ringside — scenario loader: diagnostics.
 *
 * A diagnostic is "FILE:LINE:COL: PATH: MESSAGE". Lines and columns are
 * 1-based and count bytes (a tab is one column, "é" two), which is what
 * editors that jump to "file:line:col" expect; line 0 means the problem
 * concerns the whole file and the position is left out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load-internal.h"

/* ---- growable strings -------------------------------------------------- */

void rs_buf_init(rs_buf *b)
{
  b->s = NULL;
  b->len = b->cap = 0;
}

void rs_buf_free(rs_buf *b)
{
  free(b->s);
  rs_buf_init(b);
}

void rs_buf_add(rs_buf *b, const char *s, size_t n)
{
  rs_ld_reserve((void **)&b->s, &b->cap, b->len + n + 1, 1);
  if (n)
    memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

/* Appends a printf-formatted string. */
static void rs_buf_vprintf(rs_buf *b, const char *fmt, va_list ap)
{
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  if (n <= 0) {
    rs_buf_add(b, "", 0);
    return;
  }
  rs_ld_reserve((void **)&b->s, &b->cap, b->len + (size_t)n + 1, 1);
  vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
  b->len += (size_t)n;
}

void rs_buf_printf(rs_buf *b, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  rs_buf_vprintf(b, fmt, ap);
  va_end(ap);
}

void rs_buf_quote(rs_buf *b, const char *s, size_t n, size_t max)
{
  rs_buf_add(b, "\"", 1);
  for (size_t k = 0; k < n && k < max; k++) {
    unsigned char c = (unsigned char)s[k];
    static const char esc[] = "\"\"\\\\\nn\tt\rr";
    const char *e = c ? strchr(esc, c) : NULL;
    if (e && (e - esc) % 2 == 0) {
      char two[2] = { '\\', e[1] };
      rs_buf_add(b, two, 2);
    } else if (c < 0x20 || c == 0x7f)
      rs_buf_printf(b, "\\x%02x", c);
    else
      rs_buf_add(b, (const char *)&s[k], 1);
  }
  rs_buf_add(b, n > max ? "\"..." : "\"", n > max ? 4 : 1);
}

/* ---- the list ---------------------------------------------------------- */

void rs_diags_init(rs_diags *d)
{
  d->items = NULL;
  d->count = d->cap = 0;
}

void rs_diags_free(rs_diags *d)
{
  for (size_t i = 0; i < d->count; i++) {
    free(d->items[i].file);
    free(d->items[i].path);
    free(d->items[i].msg);
  }
  free(d->items);
  rs_diags_init(d);
}

char *rs_diag_format(const rs_diag *d)
{
  rs_buf b;
  rs_buf_init(&b);
  rs_buf_add(&b, d->file, strlen(d->file));
  if (d->line > 0)
    rs_buf_printf(&b, ":%d:%d", d->line, d->col);
  rs_buf_add(&b, ": ", 2);
  if (d->path && *d->path)
    rs_buf_printf(&b, "%s: ", d->path);
  rs_buf_add(&b, d->msg, strlen(d->msg));
  return b.s;
}

/* rs_diags_add with a va_list. */
static void rs_diags_addv(rs_diags *d, const char *file, int line, int col,
                          const char *path, const char *fmt, va_list ap)
{
  rs_ld_reserve((void **)&d->items, &d->cap, d->count + 1, sizeof *d->items);
  rs_buf msg;
  rs_buf_init(&msg);
  rs_buf_vprintf(&msg, fmt, ap);
  d->items[d->count++] = (rs_diag){
    .file = rs_ld_xstrdup(file ? file : ""),
    .line = line,
    .col = col,
    .path = rs_ld_xstrdup(path ? path : ""),
    .msg = msg.s,
  };
}

void rs_diags_add(rs_diags *d, const char *file, int line, int col,
                  const char *path, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  rs_diags_addv(d, file, line, col, path, fmt, ap);
  va_end(ap);
}

/* A diagnostic with its sort key. */
typedef struct rs_diag_key {
  rs_diag d;
  size_t  seq;
  bool    main;
} rs_diag_key;

/* Main file first, then by file name, line, column and arrival. */
static int rs_diag_cmp(const void *a, const void *b)
{
  const rs_diag_key *x = a, *y = b;
  if (x->main != y->main)
    return x->main ? -1 : 1;
  int c = strcmp(x->d.file, y->d.file);
  if (c)
    return c;
  if (x->d.line != y->d.line)
    return x->d.line < y->d.line ? -1 : 1;
  if (x->d.col != y->d.col)
    return x->d.col < y->d.col ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void rs_diags_sort(rs_diags *d, size_t from, const char *main_file)
{
  if (from >= d->count)
    return;
  size_t n = d->count - from;
  rs_diag_key *k = rs_ld_xmalloc(n * sizeof *k);
  for (size_t i = 0; i < n; i++)
    k[i] = (rs_diag_key){ d->items[from + i], i,
                          main_file && strcmp(d->items[from + i].file, main_file) == 0 };
  qsort(k, n, sizeof *k, rs_diag_cmp);
  for (size_t i = 0; i < n; i++)
    d->items[from + i] = k[i].d;
  free(k);
}

/* ---- located problems -------------------------------------------------- */

void rs_ld_verror(const rs_ld_out *o, int node, size_t offset,
                         const char *fmt, va_list ap)
{
  int line, col;
  rs_jpos_line_col(o->pos, offset, &line, &col);
  rs_buf path;
  rs_buf_init(&path);
  rs_jpos_path(o->pos, node, &path);
  rs_diags_addv(o->diags, o->file, line, col, path.s, fmt, ap);
  rs_buf_free(&path);
}

void rs_ld_error(const rs_ld_out *o, int node, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  rs_ld_verror(o, node, rs_jpos_start(o->pos, node), fmt, ap);
  va_end(ap);
}

void rs_ld_error_key(const rs_ld_out *o, int node, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  rs_ld_verror(o, node, rs_jpos_key_start(o->pos, node), fmt, ap);
  va_end(ap);
}

void rs_ld_error_in(const rs_ld_out *o, int node, size_t index, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  rs_ld_verror(o, node, rs_jpos_string_offset(o->pos, node, index), fmt, ap);
  va_end(ap);
}

/* ---- suggestions ------------------------------------------------------- */

/* Levenshtein distance of a[0..n) and b, giving up (returning 3) beyond 2. */
static unsigned rs_ld_distance(const char *a, size_t n, const char *b)
{
  size_t m = strlen(b);
  if (n > m + 2 || m > n + 2 || m > 63)
    return 3;
  unsigned row[64];
  for (size_t j = 0; j <= m; j++)
    row[j] = (unsigned)j;
  for (size_t i = 1; i <= n; i++) {
    unsigned diag = row[0];
    row[0] = (unsigned)i;
    for (size_t j = 1; j <= m; j++) {
      unsigned up = row[j];
      unsigned best = diag + (a[i - 1] != b[j - 1]);
      if (up + 1 < best)
        best = up + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[m];
}

const char *rs_ld_suggest(const char *word, size_t len, const char *const *names)
{
  const char *best = NULL;
  unsigned best_d = 3;
  for (size_t i = 0; names[i]; i++) {
    unsigned d = rs_ld_distance(word, len, names[i]);
    size_t longer = len > strlen(names[i]) ? len : strlen(names[i]);
    if (d < best_d && 2 * d <= longer) {   /* "x" is not a typo of "cs" */
      best_d = d;
      best = names[i];
    }
  }
  return best;
}

void rs_diags_print(const rs_diags *d, FILE *out)
{
  for (size_t i = 0; i < d->count; i++) {
    char *line = rs_diag_format(&d->items[i]);
    if (line) fprintf(out, "%s\n", line);
    free(line);
  }
}
