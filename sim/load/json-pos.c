/* Ringside — scenario loader: a position index over JSON text.
 *
 * json-c builds the tree but keeps no source positions, and silently keeps
 * the last of two equal keys. This scanner walks the raw text once more and
 * records, for every value, its byte extent, its member key, its parent and
 * its children (in file order, and for objects also sorted by key, which
 * finds duplicates and answers lookups in O(log n)).
 *
 * It is a complete RFC 8259 recogniser, so it also rejects what json-c's
 * STRICT mode lets through: single-quoted strings, NaN and Infinity, "1.",
 * raw control characters in strings, overlong or surrogate UTF-8 and
 * unpaired \u surrogates. Nesting is limited like json-c's, so the
 * recursion is bounded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load-internal.h"

typedef enum rs_jpos_type {
  RS_JPOS_OBJECT, RS_JPOS_ARRAY, RS_JPOS_STRING, RS_JPOS_NUMBER,
  RS_JPOS_TRUE, RS_JPOS_FALSE, RS_JPOS_NULL
} rs_jpos_type;

typedef struct rs_jpos_node {
  uint32_t start, end;     /* value bytes [start, end) */
  uint32_t key_start;      /* member key's opening quote, or start */
  int32_t  parent;         /* -1 for the root */
  uint32_t index;          /* position among the parent's children */
  uint32_t kids;           /* first child in ix->kids (and ix->sorted) */
  uint32_t nkids;
  uint32_t key_len;
  const char *key;         /* decoded member key, NULL if no member */
  uint8_t  type;           /* rs_jpos_type */
} rs_jpos_node;

/* An object member in key order, for lookups and duplicate detection. */
typedef struct rs_jpos_entry {
  const char *key;
  uint32_t    len;
  uint32_t    id;
} rs_jpos_entry;

struct rs_jpos {
  const char *text;
  size_t len, begin;

  rs_jpos_node *nodes;
  size_t nnodes, cap_nodes;
  uint32_t *kids;              /* children of every container, grouped */
  rs_jpos_entry *sorted;      /* same layout as kids; objects only */
  size_t nkids, cap_kids, cap_sorted;
  uint32_t *stack;             /* children of the open containers */
  size_t nstack, cap_stack;
  uint32_t *dups;              /* pairs (first, again) */
  size_t ndups, cap_dups;
  uint32_t *lines;             /* offset of each line's first byte */
  size_t nlines, cap_lines;
  rs_arena keys;

  size_t err_off;
  const char *err_msg;
};

/* ---- strings ----------------------------------------------------------- */

/* Value of hex digit c, or -1. */
static int rs_jpos_hexval(unsigned char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the 4 hex digits of a \u escape at s[i] ("\uXXXX"); -1 if bad. */
static long rs_jpos_u4(const char *s, size_t len, size_t i)
{
  if (len - i < 6 || s[i] != '\\' || s[i + 1] != 'u')
    return -1;
  long v = 0;
  for (size_t k = 2; k < 6; k++) {
    int h = rs_jpos_hexval((unsigned char)s[i + k]);
    if (h < 0)
      return -1;
    v = v * 16 + h;
  }
  return v;
}

/* Encodes code point cp as UTF-8 into out; returns the byte count. */
static int rs_jpos_utf8(unsigned long cp, char out[4])
{
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xc0 | cp >> 6);
    out[1] = (char)(0x80 | (cp & 0x3f));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xe0 | cp >> 12);
    out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
    out[2] = (char)(0x80 | (cp & 0x3f));
    return 3;
  }
  out[0] = (char)(0xf0 | cp >> 18);
  out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
  out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
  out[3] = (char)(0x80 | (cp & 0x3f));
  return 4;
}

/* Length of the valid UTF-8 sequence at s[i] (RFC 3629: no overlongs, no
 * surrogates, nothing past U+10FFFF), or 0 if it is not valid. */
static size_t rs_jpos_utf8_len(const unsigned char *s, size_t len, size_t i)
{
  unsigned char c = s[i];
  size_t n;
  unsigned char lo = 0x80, hi = 0xbf;   /* range of the second byte */
  if (c >= 0xc2 && c <= 0xdf)
    n = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    if (c == 0xe0)
      lo = 0xa0;
    else if (c == 0xed)
      hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    if (c == 0xf0)
      lo = 0x90;
    else if (c == 0xf4)
      hi = 0x8f;
  } else
    return 0;
  if (len - i < n || s[i + 1] < lo || s[i + 1] > hi)
    return 0;
  for (size_t k = 2; k < n; k++)
    if (s[i + k] < 0x80 || s[i + k] > 0xbf)
      return 0;
  return n;
}

/* Decodes one unit of a string body at s[i], which is not the closing
 * quote: a character or an escape. Writes its bytes to out and returns
 * their count (1-4), with *next past the unit; on malformed input returns
 * -1 and sets *msg. */
static int rs_jpos_unit(const char *s, size_t len, size_t i, char out[4],
                        size_t *next, const char **msg)
{
  const unsigned char *u = (const unsigned char *)s;
  if (u[i] < 0x20) {
    *msg = "control character in string (write it as an escape such as \\n or \\t)";
    return -1;
  }
  if (u[i] >= 0x80) {
    size_t n = rs_jpos_utf8_len(u, len, i);
    if (!n) {
      *msg = "invalid utf-8 string";
      return -1;
    }
    memcpy(out, s + i, n);
    *next = i + n;
    return (int)n;
  }
  if (s[i] != '\\') {
    out[0] = s[i];
    *next = i + 1;
    return 1;
  }
  if (len - i < 2) {
    *msg = "unexpected end of input";
    return -1;
  }
  static const char simple[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
  for (size_t k = 0; simple[k]; k += 2)
    if (s[i + 1] == simple[k]) {
      out[0] = simple[k + 1];
      *next = i + 2;
      return 1;
    }
  long cp = rs_jpos_u4(s, len, i);
  if (cp < 0) {
    *msg = "invalid string sequence";
    return -1;
  }
  *next = i + 6;
  if (cp >= 0xdc00 && cp <= 0xdfff) {
    *msg = "unpaired surrogate in \\u escape";
    return -1;
  }
  if (cp >= 0xd800 && cp <= 0xdbff) {
    long lo = rs_jpos_u4(s, len, i + 6);
    if (lo < 0xdc00 || lo > 0xdfff) {
      *msg = "unpaired surrogate in \\u escape";
      return -1;
    }
    cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
    *next = i + 12;
  }
  return rs_jpos_utf8((unsigned long)cp, out);
}

/* ---- the scanner ------------------------------------------------------- */

/* Records the first syntax error; returns false for convenience. */
static bool rs_jpos_fail(rs_jpos *ix, size_t at, const char *msg)
{
  if (!ix->err_msg) {
    ix->err_msg = msg;
    ix->err_off = at;
  }
  return false;
}

static void rs_jpos_skip_ws(const rs_jpos *ix, size_t *i)
{
  while (*i < ix->len && strchr(" \t\r\n", ix->text[*i]) && ix->text[*i])
    (*i)++;
}

/* Appends a node and returns its id. */
static uint32_t rs_jpos_add_node(rs_jpos *ix, rs_jpos_type type, size_t start,
                                 int parent, size_t key_start)
{
  rs_ld_reserve((void **)&ix->nodes, &ix->cap_nodes, ix->nnodes + 1, sizeof *ix->nodes);
  rs_jpos_node *n = &ix->nodes[ix->nnodes];
  memset(n, 0, sizeof *n);
  n->type = (uint8_t)type;
  n->start = n->end = (uint32_t)start;
  n->key_start = (uint32_t)key_start;
  n->parent = parent;
  return (uint32_t)ix->nnodes++;
}

/* Scans a string starting at its opening quote; on success *i is past the
 * closing quote. If `dec` is non-NULL the decoded bytes are appended. */
static bool rs_jpos_scan_string(rs_jpos *ix, size_t *i, rs_buf *dec)
{
  if (ix->text[*i] == '\'')
    return rs_jpos_fail(ix, *i, "strings must be in double quotes");
  size_t k = *i + 1;
  for (;;) {
    if (k >= ix->len)
      return rs_jpos_fail(ix, ix->len, "unexpected end of input");
    if (ix->text[k] == '"')
      break;
    char out[4];
    const char *msg = NULL;
    size_t next;
    int n = rs_jpos_unit(ix->text, ix->len, k, out, &next, &msg);
    if (n < 0)
      return rs_jpos_fail(ix, k, msg);
    if (dec)
      rs_buf_add(dec, out, (size_t)n);
    k = next;
  }
  *i = k + 1;
  return true;
}

/* Scans a number per RFC 8259 §6. */
static bool rs_jpos_scan_number(rs_jpos *ix, size_t *i)
{
  const char *s = ix->text;
  size_t k = *i, n = ix->len;
#define DIGIT(j) ((j) < n && s[j] >= '0' && s[j] <= '9')
  if (k < n && s[k] == '-')
    k++;
  if (k < n && (s[k] == 'I' || s[k] == 'N'))
    return rs_jpos_fail(ix, *i, "NaN and Infinity are not JSON numbers");
  if (!DIGIT(k))
    return rs_jpos_fail(ix, k < n ? k : n, "number expected");
  if (s[k] == '0') {
    k++;
    if (DIGIT(k))
      return rs_jpos_fail(ix, k, "numbers must not have leading zeros");
  } else
    while (DIGIT(k))
      k++;
  if (k < n && s[k] == '.') {
    k++;
    if (!DIGIT(k))
      return rs_jpos_fail(ix, k, "digit expected after the decimal point");
    while (DIGIT(k))
      k++;
  }
  if (k < n && (s[k] == 'e' || s[k] == 'E')) {
    k++;
    if (k < n && (s[k] == '+' || s[k] == '-'))
      k++;
    if (!DIGIT(k))
      return rs_jpos_fail(ix, k, "digit expected in the exponent");
    while (DIGIT(k))
      k++;
  }
#undef DIGIT
  *i = k;
  return true;
}

/* Orders members by key, then by position in the file. */
static int rs_jpos_entry_cmp(const void *a, const void *b)
{
  const rs_jpos_entry *x = a, *y = b;
  int c = memcmp(x->key, y->key, x->len < y->len ? x->len : y->len);
  if (c)
    return c;
  if (x->len != y->len)
    return x->len < y->len ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Moves the children collected since `base` on the stack into ix->kids
 * (and, for an object, its members sorted by key into ix->sorted,
 * recording duplicates). */
static void rs_jpos_close(rs_jpos *ix, uint32_t id, size_t base)
{
  size_t n = ix->nstack - base;
  rs_jpos_node *node = &ix->nodes[id];
  node->kids = (uint32_t)ix->nkids;
  node->nkids = (uint32_t)n;
  if (!n)
    return;
  rs_ld_reserve((void **)&ix->kids, &ix->cap_kids, ix->nkids + n, sizeof *ix->kids);
  memcpy(ix->kids + ix->nkids, ix->stack + base, n * sizeof *ix->kids);
  if (node->type == RS_JPOS_OBJECT) {
    rs_ld_reserve((void **)&ix->sorted, &ix->cap_sorted, ix->nkids + n, sizeof *ix->sorted);
    rs_jpos_entry *m = ix->sorted + ix->nkids;
    for (size_t k = 0; k < n; k++) {
      const rs_jpos_node *kid = &ix->nodes[ix->stack[base + k]];
      m[k] = (rs_jpos_entry){ kid->key, kid->key_len, ix->stack[base + k] };
    }
    qsort(m, n, sizeof *m, rs_jpos_entry_cmp);
    size_t run = 0;
    for (size_t k = 1; k < n; k++) {
      if (m[k].len == m[run].len && memcmp(m[k].key, m[run].key, m[k].len) == 0) {
        rs_ld_reserve((void **)&ix->dups, &ix->cap_dups, 2 * ix->ndups + 2, sizeof *ix->dups);
        ix->dups[2 * ix->ndups] = m[run].id;
        ix->dups[2 * ix->ndups + 1] = m[k].id;
        ix->ndups++;
      } else
        run = k;
    }
  }
  ix->nkids += n;
  ix->nstack = base;
}

/* Pushes child `id` of the innermost open container. */
static void rs_jpos_push(rs_jpos *ix, uint32_t id)
{
  rs_ld_reserve((void **)&ix->stack, &ix->cap_stack, ix->nstack + 1, sizeof *ix->stack);
  ix->stack[ix->nstack++] = id;
}

static bool rs_jpos_scan_value(rs_jpos *ix, size_t *i, int parent, size_t index,
                               size_t key_start, const rs_buf *key, int depth);

/* Scans the members (or elements) of the container node `id` whose
 * opening bracket is at *i. */
static bool rs_jpos_scan_container(rs_jpos *ix, size_t *i, uint32_t id, int depth)
{
  bool object = ix->text[*i] == '{';
  char close = object ? '}' : ']';
  size_t base = ix->nstack;
  rs_buf key;
  rs_buf_init(&key);
  bool ok = false;
  (*i)++;
  rs_jpos_skip_ws(ix, i);
  if (*i < ix->len && ix->text[*i] == close)
    ok = true;
  while (!ok) {
    size_t key_start = *i;
    if (object) {
      rs_jpos_skip_ws(ix, i);
      key_start = *i;
      key.len = 0;
      if (*i >= ix->len)
        break;
      if (ix->text[*i] != '"' && ix->text[*i] != '\'') {
        rs_jpos_fail(ix, *i, ix->text[*i] == '/' ? "comments are not allowed in JSON"
                                                 : "quoted object property name expected");
        break;
      }
      if (!rs_jpos_scan_string(ix, i, &key))
        break;
      if (key.len && memchr(key.s, '\0', key.len)) {
        rs_jpos_fail(ix, key_start, "property names must not contain \\u0000");
        break;
      }
      rs_jpos_skip_ws(ix, i);
      if (*i >= ix->len || ix->text[*i] != ':') {
        rs_jpos_fail(ix, *i, "object property name separator ':' expected");
        break;
      }
      (*i)++;
    }
    if (!rs_jpos_scan_value(ix, i, (int)id, ix->nstack - base, key_start,
                            object ? &key : NULL, depth + 1))
      break;
    rs_jpos_skip_ws(ix, i);
    if (*i >= ix->len)
      break;
    if (ix->text[*i] == close) {
      ok = true;
      break;
    }
    if (ix->text[*i] != ',') {
      rs_jpos_fail(ix, *i, object ? "object value separator ',' expected"
                                  : "array value separator ',' expected");
      break;
    }
    size_t comma = (*i)++;
    rs_jpos_skip_ws(ix, i);
    if (*i < ix->len && ix->text[*i] == close) {
      rs_jpos_fail(ix, comma, "trailing comma (JSON allows none before the closing bracket)");
      break;
    }
  }
  rs_buf_free(&key);
  if (*i >= ix->len)
    return rs_jpos_fail(ix, ix->len, "unexpected end of input");
  if (!ok)
    return false;
  (*i)++;
  ix->nodes[id].end = (uint32_t)*i;
  rs_jpos_close(ix, id, base);
  return true;
}

/* Scans one value (after leading whitespace) and indexes it as child
 * `index` of `parent`, with the member key `key` if it is in an object. */
static bool rs_jpos_scan_value(rs_jpos *ix, size_t *i, int parent, size_t index,
                               size_t key_start, const rs_buf *key, int depth)
{
  rs_jpos_skip_ws(ix, i);
  if (*i >= ix->len)
    return rs_jpos_fail(ix, ix->len, "unexpected end of input");
  if (depth > RS_LD_MAX_DEPTH)
    return rs_jpos_fail(ix, *i, "nesting too deep");
  const char *s = ix->text + *i;
  size_t left = ix->len - *i;
  rs_jpos_type type;
  switch (*s) {
  case '{': type = RS_JPOS_OBJECT; break;
  case '[': type = RS_JPOS_ARRAY; break;
  case '"': case '\'': type = RS_JPOS_STRING; break;
  case 't': type = RS_JPOS_TRUE; break;
  case 'f': type = RS_JPOS_FALSE; break;
  case 'n': type = RS_JPOS_NULL; break;
  default: type = RS_JPOS_NUMBER; break;
  }
  if (*s == '/')
    return rs_jpos_fail(ix, *i, "comments are not allowed in JSON");
  uint32_t id = rs_jpos_add_node(ix, type, *i, parent, key ? key_start : *i);
  if (key) {
    ix->nodes[id].key = rs_arena_strndup(&ix->keys, key->s ? key->s : "", key->len);
    ix->nodes[id].key_len = (uint32_t)key->len;
  }
  if (parent >= 0) {
    ix->nodes[id].index = (uint32_t)index;
    rs_jpos_push(ix, id);
  }
  bool ok;
  switch (type) {
  case RS_JPOS_OBJECT:
  case RS_JPOS_ARRAY:
    return rs_jpos_scan_container(ix, i, id, depth);
  case RS_JPOS_STRING:
    ok = rs_jpos_scan_string(ix, i, NULL);
    break;
  case RS_JPOS_TRUE:
  case RS_JPOS_FALSE:
  case RS_JPOS_NULL: {
    static const char *const words[] = { [RS_JPOS_TRUE] = "true", [RS_JPOS_FALSE] = "false",
                                         [RS_JPOS_NULL] = "null" };
    const char *w = words[type];
    size_t n = strlen(w), k = 0;
    while (k < n && k < left && s[k] == w[k])
      k++;
    if (k == n) {
      *i += n;
      ok = true;
    } else
      ok = rs_jpos_fail(ix, *i + k, k == left ? "unexpected end of input"
                                              : type == RS_JPOS_NULL ? "null expected"
                                                                     : "boolean expected");
    break;
  }
  case RS_JPOS_NUMBER:
  default:
    if (*s != '-' && *s != 'N' && *s != 'I' && (*s < '0' || *s > '9'))
      return rs_jpos_fail(ix, *i, "unexpected character");
    ok = rs_jpos_scan_number(ix, i);
    break;
  }
  ix->nodes[id].end = (uint32_t)*i;
  return ok;
}

/* Records the first byte of every line. */
static void rs_jpos_index_lines(rs_jpos *ix)
{
  rs_ld_reserve((void **)&ix->lines, &ix->cap_lines, 1, sizeof *ix->lines);
  ix->lines[ix->nlines++] = 0;
  for (const char *p = ix->text, *end = ix->text + ix->len;
       (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
    rs_ld_reserve((void **)&ix->lines, &ix->cap_lines, ix->nlines + 1, sizeof *ix->lines);
    ix->lines[ix->nlines++] = (uint32_t)(p - ix->text + 1);
  }
}

rs_jpos *rs_jpos_new(const char *text, size_t len)
{
  rs_jpos *ix = rs_ld_xmalloc(sizeof *ix);
  memset(ix, 0, sizeof *ix);
  rs_arena_init(&ix->keys);
  ix->text = text;
  ix->len = len > RS_LD_MAX_FILE ? RS_LD_MAX_FILE : len;
  rs_jpos_index_lines(ix);
  size_t i = 0;
  if (ix->len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  ix->begin = i;
  if (rs_jpos_scan_value(ix, &i, -1, 0, i, NULL, 1)) {
    rs_jpos_skip_ws(ix, &i);
    if (i < ix->len)
      rs_jpos_fail(ix, i, "unexpected character");
  }
  return ix;
}

void rs_jpos_free(rs_jpos *ix)
{
  if (!ix)
    return;
  free(ix->nodes);
  free(ix->kids);
  free(ix->sorted);
  free(ix->stack);
  free(ix->dups);
  free(ix->lines);
  rs_arena_free(&ix->keys);
  free(ix);
}

bool rs_jpos_error(const rs_jpos *ix, size_t *offset, const char **msg)
{
  if (!ix->err_msg)
    return false;
  *offset = ix->err_off;
  *msg = ix->err_msg;
  return true;
}

size_t rs_jpos_text_start(const rs_jpos *ix)
{
  return ix->begin;
}

/* ---- queries ----------------------------------------------------------- */

/* The node with id `node`, or NULL when it is -1 or out of range. */
static const rs_jpos_node *rs_jpos_get(const rs_jpos *ix, int node)
{
  return node >= 0 && (size_t)node < ix->nnodes ? &ix->nodes[node] : NULL;
}

int rs_jpos_root(const rs_jpos *ix)
{
  return ix->nnodes ? 0 : -1;
}

int rs_jpos_member(const rs_jpos *ix, int obj, const char *key, size_t len)
{
  const rs_jpos_node *n = rs_jpos_get(ix, obj);
  if (!n || n->type != RS_JPOS_OBJECT || !ix->sorted)
    return -1;
  const rs_jpos_entry *m = ix->sorted + n->kids;
  size_t lo = 0, hi = n->nkids;     /* find the first member > key */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    size_t l = m[mid].len < len ? m[mid].len : len;
    int c = memcmp(m[mid].key, key, l);
    if (c < 0 || (c == 0 && m[mid].len <= len))
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == 0 || m[lo - 1].len != len || memcmp(m[lo - 1].key, key, len) != 0)
    return -1;
  return (int)m[lo - 1].id;
}

int rs_jpos_child(const rs_jpos *ix, int node, size_t i)
{
  const rs_jpos_node *n = rs_jpos_get(ix, node);
  if (!n || (n->type != RS_JPOS_OBJECT && n->type != RS_JPOS_ARRAY) || i >= n->nkids)
    return -1;
  return (int)ix->kids[n->kids + i];
}

size_t rs_jpos_start(const rs_jpos *ix, int node)
{
  const rs_jpos_node *n = rs_jpos_get(ix, node);
  return n ? n->start : ix->begin;
}

size_t rs_jpos_key_start(const rs_jpos *ix, int node)
{
  const rs_jpos_node *n = rs_jpos_get(ix, node);
  return n ? n->key_start : ix->begin;
}

size_t rs_jpos_string_offset(const rs_jpos *ix, int node, size_t index)
{
  const rs_jpos_node *n = rs_jpos_get(ix, node);
  if (!n || n->type != RS_JPOS_STRING || n->end - n->start < 2)
    return rs_jpos_start(ix, node);
  size_t k = n->start + 1, close = n->end - 1, at = 0;
  while (k < close) {
    char out[4];
    const char *msg;
    size_t next;
    int len = rs_jpos_unit(ix->text, close, k, out, &next, &msg);
    if (len < 0)
      break;
    if (index < at + (size_t)len)
      return k;
    at += (size_t)len;
    k = next;
  }
  return close;
}

void rs_jpos_line_col(const rs_jpos *ix, size_t offset, int *line, int *col)
{
  if (offset > ix->len)
    offset = ix->len;
  size_t lo = 0, hi = ix->nlines;   /* last line starting at or before offset */
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (ix->lines[mid] <= offset)
      lo = mid;
    else
      hi = mid;
  }
  *line = (int)lo + 1;
  *col = (int)(offset - ix->lines[lo]) + 1;
}

size_t rs_jpos_dup_count(const rs_jpos *ix)
{
  return ix->ndups;
}

void rs_jpos_dup(const rs_jpos *ix, size_t i, int *first, int *again)
{
  *first = (int)ix->dups[2 * i];
  *again = (int)ix->dups[2 * i + 1];
}

/* True if key[0..len) can be written `.key` in a path. */
static bool rs_jpos_plain_key(const char *key, size_t len)
{
  if (!len)
    return false;
  for (size_t k = 0; k < len; k++) {
    char c = key[k];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '_' || c == '$' || c == '.' || c == '-'))
      return false;
  }
  return true;
}

void rs_jpos_path(const rs_jpos *ix, int node, rs_buf *out)
{
  int chain[RS_LD_MAX_DEPTH + 2];
  size_t depth = 0;
  for (const rs_jpos_node *n = rs_jpos_get(ix, node); n && n->parent >= 0 &&
       depth < sizeof chain / sizeof *chain; n = rs_jpos_get(ix, n->parent))
    chain[depth++] = (int)(n - ix->nodes);
  if (!depth) {
    rs_buf_add(out, "(root)", 6);
    return;
  }
  size_t start = out->len;
  while (depth--) {
    const rs_jpos_node *n = &ix->nodes[chain[depth]];
    if (!n->key)
      rs_buf_printf(out, "[%u]", n->index);
    else if (rs_jpos_plain_key(n->key, n->key_len)) {
      if (out->len > start)
        rs_buf_add(out, ".", 1);
      rs_buf_add(out, n->key, n->key_len);
    } else {
      rs_buf_add(out, "[", 1);
      rs_buf_quote(out, n->key, n->key_len, 64);
      rs_buf_add(out, "]", 1);
    }
  }
}

void rs_jpos_describe(const rs_jpos *ix, int node, rs_buf *out)
{
  const rs_jpos_node *n = rs_jpos_get(ix, node);
  if (!n) {
    rs_buf_add(out, "nothing", 7);
    return;
  }
  if (n->type == RS_JPOS_OBJECT)
    rs_buf_add(out, "an object", 9);
  else if (n->type == RS_JPOS_ARRAY)
    rs_buf_add(out, "an array", 8);
  else {
    size_t len = n->end - n->start;
    if (len <= 40) {
      rs_buf_add(out, ix->text + n->start, len);
      return;
    }
    len = 36;                 /* cut at a character boundary */
    while (len && ((unsigned char)ix->text[n->start + len] & 0xc0) == 0x80)
      len--;
    rs_buf_add(out, ix->text + n->start, len);
    rs_buf_add(out, "...", 3);
  }
}
