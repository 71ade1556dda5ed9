/* Ringside — scenario loader: validation of the JSON into the model.
 *
 * json-c checks the syntax and builds the tree; the position index
 * (json-pos.c) locates every value. Validation walks the tree section by
 * section with one family of typed readers (rs_ld_get + rs_ld_string,
 * rs_ld_num, rs_ld_expr_of, ...) that report "expected X, got Y" at the
 * value, and never stops at the first problem. Checks that only need the
 * file (overlaps, table placement, names) are made here; checks that need
 * addresses from the assembler are made in build.c.
 */
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "load-internal.h"

/* A JSON value under validation: json-c's value (NULL for JSON null) and
 * its node in the position index. */
typedef struct rs_ld_val {
  json_object *j;
  int          node;
  bool         present;
} rs_ld_val;

/* Arrays whose items hold expressions are not compacted when an item is
 * wrong: the expression registry (rs_ld_model.exprs) points into them.
 * Wrong items are never used, since nothing is built after an error. */
typedef struct rs_ld_parser {
  rs_ld_out    out;
  rs_arena    *arena;
  rs_ld_model *m;
} rs_ld_parser;

static const rs_ld_val rs_ld_absent = { NULL, -1, false };

/* String flags for rs_ld_string(). */
enum {
  RS_LD_NONEMPTY = 1u << 0,   /* "" is an error */
  RS_LD_BINARY = 1u << 1      /* may contain \u0000 */
};

const rs_ld_reg_name rs_ld_expect_regs[] = {
#define GPR(name, r) { name, offsetof(rs_cpu, gpr[r]), 4 }
#define SEL(name, r) { name, offsetof(rs_cpu, sel[r]), 2 }
  GPR("eax", RS_EAX), GPR("ebx", RS_EBX), GPR("ecx", RS_ECX), GPR("edx", RS_EDX),
  GPR("esi", RS_ESI), GPR("edi", RS_EDI), GPR("esp", RS_ESP), GPR("ebp", RS_EBP),
  { "eip", offsetof(rs_cpu, eip), 4 }, { "eflags", offsetof(rs_cpu, eflags), 4 },
  SEL("cs", RS_CS), SEL("ss", RS_SS), SEL("ds", RS_DS), SEL("es", RS_ES),
  SEL("fs", RS_FS), SEL("gs", RS_GS),
  { "cr0", offsetof(rs_cpu, cr0), 4 }, { "cr2", offsetof(rs_cpu, cr2), 4 },
  { "cr3", offsetof(rs_cpu, cr3), 4 },
#undef GPR
#undef SEL
};
const size_t rs_ld_expect_nregs = sizeof rs_ld_expect_regs / sizeof *rs_ld_expect_regs;

/* ---- messages ---------------------------------------------------------- */

/* Reports "expected WHAT, got <v>" at v. */
static void rs_ld_expected(rs_ld_parser *p, rs_ld_val v, const char *what)
{
  rs_buf got;
  rs_buf_init(&got);
  rs_jpos_describe(p->out.pos, v.node, &got);
  rs_ld_error(&p->out, v.node, "expected %s, got %s", what, got.s);
  rs_buf_free(&got);
}

/* Appends `names` separated by ", ", each between `quote`s. */
static void rs_ld_join(rs_buf *b, const char *const *names, const char *quote)
{
  for (size_t i = 0; names[i]; i++)
    rs_buf_printf(b, "%s%s%s%s", i ? ", " : "", quote, names[i], quote);
}

/* Appends `; did you mean "x"?` when a name is close to word[0..len). */
static void rs_ld_did_you_mean(rs_buf *b, const char *word, size_t len,
                               const char *const *names)
{
  const char *s = rs_ld_suggest(word, len, names);
  if (s)
    rs_buf_printf(b, "; did you mean \"%s\"?", s);
}

/* Appends a range "MIN..MAX", in hex when it spans 32-bit addresses. */
static void rs_ld_range(rs_buf *b, int64_t min, int64_t max)
{
  bool hex = max >= 0xffff0000;
  int64_t v[2] = { min, max };
  for (int k = 0; k < 2; k++) {
    if (k)
      rs_buf_add(b, "..", 2);
    if (!hex || (v[k] >= 0 && v[k] < 0x10000))
      rs_buf_printf(b, "%lld", (long long)v[k]);
    else
      rs_buf_printf(b, "%s0x%llx", v[k] < 0 ? "-" : "",
                    (unsigned long long)(v[k] < 0 ? -v[k] : v[k]));
  }
}

/* Reports "expected <prefix> in MIN..MAX, got <v>". */
static void rs_ld_expected_range(rs_ld_parser *p, rs_ld_val v, const char *prefix,
                                 int64_t min, int64_t max)
{
  rs_buf what;
  rs_buf_init(&what);
  rs_buf_printf(&what, "%s in ", prefix);
  rs_ld_range(&what, min, max);
  rs_ld_expected(p, v, what.s);
  rs_buf_free(&what);
}

/* ---- typed readers ----------------------------------------------------- */

/* Member `key` of object value obj; reports it if required and missing.
 * Returns an absent value when obj is not an object (already reported). */
static rs_ld_val rs_ld_get(rs_ld_parser *p, rs_ld_val obj, const char *key, bool required)
{
  rs_ld_val v = rs_ld_absent;
  if (!obj.present || !json_object_is_type(obj.j, json_type_object))
    return v;
  if (!json_object_object_get_ex(obj.j, key, &v.j)) {
    if (required)
      rs_ld_error(&p->out, obj.node, "required property \"%s\" missing", key);
    return v;
  }
  v.present = true;
  v.node = rs_jpos_member(p->out.pos, obj.node, key, strlen(key));
  if (v.node < 0)
    v.node = obj.node;
  return v;
}

/* Element i of an array value. */
static rs_ld_val rs_ld_elem(rs_ld_parser *p, rs_ld_val arr, size_t i)
{
  rs_ld_val v = { json_object_array_get_idx(arr.j, i), rs_jpos_child(p->out.pos, arr.node, i), true };
  if (v.node < 0)
    v.node = arr.node;
  return v;
}

/* Checks that v is an object (of any keys). */
static bool rs_ld_map(rs_ld_parser *p, rs_ld_val v)
{
  if (!v.present)
    return false;
  if (!json_object_is_type(v.j, json_type_object)) {
    rs_ld_expected(p, v, "an object");
    return false;
  }
  return true;
}

/* The keys of object v in file order, NULL-terminated (in the arena);
 * NULL if v is absent or not an object (reported). */
static const char **rs_ld_keys(rs_ld_parser *p, rs_ld_val v)
{
  if (!rs_ld_map(p, v))
    return NULL;
  const char **keys = rs_arena_array(p->arena, (size_t)json_object_object_length(v.j) + 1,
                                     sizeof *keys);
  size_t n = 0;
  struct json_object_iterator it = json_object_iter_begin(v.j);
  struct json_object_iterator end = json_object_iter_end(v.j);
  for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it))
    keys[n++] = json_object_iter_peek_name(&it);
  return keys;
}

/* Checks that v is an object whose keys are all in `allowed`, reporting
 * each unknown key at the key. Returns false if v is absent or no object. */
static bool rs_ld_object(rs_ld_parser *p, rs_ld_val v, const char *const *allowed)
{
  const char **keys = rs_ld_keys(p, v);
  if (!keys)
    return false;
  for (const char *key; (key = *keys) != NULL; keys++) {
    size_t k = 0;
    while (allowed[k] && strcmp(allowed[k], key) != 0)
      k++;
    if (allowed[k])
      continue;
    rs_buf msg;
    rs_buf_init(&msg);
    rs_buf_add(&msg, "unknown property (allowed: ", 27);
    rs_ld_join(&msg, allowed, "");
    rs_buf_add(&msg, ")", 1);
    rs_ld_did_you_mean(&msg, key, strlen(key), allowed);
    int node = rs_jpos_member(p->out.pos, v.node, key, strlen(key));
    rs_ld_error_key(&p->out, node < 0 ? v.node : node, "%s", msg.s);
    rs_buf_free(&msg);
  }
  return true;
}

/* Checks that v is an array of min..max elements; *n gets its length. */
static bool rs_ld_array(rs_ld_parser *p, rs_ld_val v, size_t min, size_t max, size_t *n)
{
  if (!v.present)
    return false;
  if (!json_object_is_type(v.j, json_type_array)) {
    rs_ld_expected(p, v, "an array");
    return false;
  }
  *n = json_object_array_length(v.j);
  if (*n < min) {
    rs_ld_error(&p->out, v.node, "expected at least %zu item%s", min, min == 1 ? "" : "s");
    return false;
  }
  if (*n > max) {
    rs_ld_error(&p->out, v.node, "expected at most %zu items, got %zu", max, *n);
    return false;
  }
  return true;
}

/* Reads a string (copied into the arena); see RS_LD_NONEMPTY/BINARY. */
static bool rs_ld_string(rs_ld_parser *p, rs_ld_val v, unsigned flags,
                         const char **out, size_t *len)
{
  if (!v.present)
    return false;
  if (!json_object_is_type(v.j, json_type_string)) {
    rs_ld_expected(p, v, "a string");
    return false;
  }
  const char *s = json_object_get_string(v.j);
  size_t n = (size_t)json_object_get_string_len(v.j);
  if ((flags & RS_LD_NONEMPTY) && n == 0) {
    rs_ld_error(&p->out, v.node, "expected a non-empty string");
    return false;
  }
  const char *nul = memchr(s, '\0', n);
  if (nul && !(flags & RS_LD_BINARY)) {
    rs_ld_error_in(&p->out, v.node, (size_t)(nul - s), "must not contain \\u0000");
    return false;
  }
  *out = rs_arena_strndup(p->arena, s, n);
  if (len)
    *len = n;
  return true;
}

static bool rs_ld_bool(rs_ld_parser *p, rs_ld_val v, bool *out)
{
  if (!v.present)
    return false;
  if (!json_object_is_type(v.j, json_type_boolean)) {
    rs_ld_expected(p, v, "true or false");
    return false;
  }
  *out = json_object_get_boolean(v.j);
  return true;
}

/* Reads a JSON integer (not a fraction, not a string) in min..max. json-c
 * saturates huge integers, which then fail the range check. */
static bool rs_ld_int(rs_ld_parser *p, rs_ld_val v, int64_t min, int64_t max, int64_t *out)
{
  if (!v.present)
    return false;
  int64_t x = json_object_is_type(v.j, json_type_int) ? json_object_get_int64(v.j) : 0;
  if (!json_object_is_type(v.j, json_type_int) || x < min || x > max) {
    rs_ld_expected_range(p, v, "an integer", min, max);
    return false;
  }
  *out = x;
  return true;
}

/* Parses a decimal or 0x-hex numeral; false if malformed. Values past
 * UINT64_MAX saturate. */
static bool rs_ld_numeral(const char *s, size_t n, uint64_t *out)
{
  unsigned base = 10;
  if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s += 2;
    n -= 2;
  }
  if (!n)
    return false;
  uint64_t v = 0;
  for (size_t k = 0; k < n; k++) {
    char c = s[k];
    unsigned d;
    if (c >= '0' && c <= '9')
      d = (unsigned)(c - '0');
    else if (base == 16 && c >= 'a' && c <= 'f')
      d = (unsigned)(c - 'a' + 10);
    else if (base == 16 && c >= 'A' && c <= 'F')
      d = (unsigned)(c - 'A' + 10);
    else
      return false;
    v = v > (UINT64_MAX - d) / base ? UINT64_MAX : v * base + d;
  }
  *out = v;
  return true;
}

/* Reads a "num": a JSON integer or a string holding a decimal or 0x-hex
 * numeral, in min..max. */
static bool rs_ld_num(rs_ld_parser *p, rs_ld_val v, uint64_t min, uint64_t max, uint64_t *out)
{
  if (!v.present)
    return false;
  uint64_t x;
  if (json_object_is_type(v.j, json_type_int)) {
    int64_t i = json_object_get_int64(v.j);
    x = i < 0 ? UINT64_MAX : (uint64_t)i;
  } else if (!json_object_is_type(v.j, json_type_string) ||
             !rs_ld_numeral(json_object_get_string(v.j),
                            (size_t)json_object_get_string_len(v.j), &x)) {
    rs_ld_expected(p, v, "a number (like 27 or \"0x1b\")");
    return false;
  }
  if (x < min || x > max) {
    rs_ld_expected_range(p, v, "a number", (int64_t)min, (int64_t)max);
    return false;
  }
  *out = x;
  return true;
}

/* rs_ld_num for 32-bit values. */
static bool rs_ld_u32(rs_ld_parser *p, rs_ld_val v, uint32_t min, uint32_t max, uint32_t *out)
{
  uint64_t x;
  if (!rs_ld_num(p, v, min, max, &x))
    return false;
  *out = (uint32_t)x;
  return true;
}

/* Reads an "expr": a JSON integer (negative ones wrap to 32 bits) or a
 * string for the assembler to evaluate once the code is assembled. */
static bool rs_ld_expr_of(rs_ld_parser *p, rs_ld_val v, rs_ld_expr *e)
{
  if (!v.present)
    return false;
  *e = (rs_ld_expr){ .node = v.node };
  if (json_object_is_type(v.j, json_type_int)) {
    int64_t x;
    if (!rs_ld_int(p, v, INT32_MIN, UINT32_MAX, &x))
      return false;
    e->value = (uint32_t)x;
    e->ok = true;
    return true;
  }
  if (!json_object_is_type(v.j, json_type_string)) {
    rs_ld_expected(p, v, "an integer or an expression (a string)");
    return false;
  }
  if (!rs_ld_string(p, v, RS_LD_NONEMPTY, &e->text, NULL))
    return false;
  rs_ld_model *m = p->m;
  rs_ld_reserve((void **)&m->exprs, &m->cap_exprs, m->nexprs + 1, sizeof *m->exprs);
  m->exprs[m->nexprs++] = e;
  return true;
}

/* Reads a string that must be one of `names`; *out gets its index. */
static bool rs_ld_enum(rs_ld_parser *p, rs_ld_val v, const char *const *names, int *out)
{
  const char *s;
  size_t len;
  if (!rs_ld_string(p, v, 0, &s, &len))
    return false;
  for (int k = 0; names[k]; k++)
    if (strcmp(names[k], s) == 0 && strlen(names[k]) == len) {
      *out = k;
      return true;
    }
  rs_buf what;
  rs_buf_init(&what);
  rs_buf_add(&what, "one of ", 7);
  rs_ld_join(&what, names, "\"");
  rs_buf got;
  rs_buf_init(&got);
  rs_jpos_describe(p->out.pos, v.node, &got);
  rs_buf_printf(&what, ", got %s", got.s);
  rs_ld_did_you_mean(&what, s, len, names);
  rs_ld_error(&p->out, v.node, "expected %s", what.s);
  rs_buf_free(&what);
  rs_buf_free(&got);
  return false;
}

/* A word to compare: "*" or an expression. */
static bool rs_ld_word_of(rs_ld_parser *p, rs_ld_val v, rs_ld_word *w)
{
  if (json_object_is_type(v.j, json_type_string) && json_object_get_string_len(v.j) == 1 &&
      json_object_get_string(v.j)[0] == '*') {
    w->any = true;
    w->v = (rs_ld_expr){ .node = v.node, .ok = true };
    return true;
  }
  return rs_ld_expr_of(p, v, &w->v);
}

/* Reads a non-empty array of words. */
static rs_ld_word *rs_ld_words(rs_ld_parser *p, rs_ld_val v, size_t min, size_t *n)
{
  if (!rs_ld_array(p, v, min, SIZE_MAX, n))
    return NULL;
  rs_ld_word *w = rs_arena_array(p->arena, *n, sizeof *w);
  for (size_t i = 0; i < *n; i++)
    rs_ld_word_of(p, rs_ld_elem(p, v, i), &w[i]);
  return w;
}

/* Requires exactly one of `keys` in obj; returns it, or NULL (reported). */
static const char *rs_ld_one_of(rs_ld_parser *p, rs_ld_val obj, const char *const *keys)
{
  const char *first = NULL;
  int n = 0;
  for (size_t k = 0; keys[k]; k++)
    if (rs_ld_get(p, obj, keys[k], false).present && !n++)
      first = keys[k];
  if (n == 1)
    return first;
  rs_buf list;
  rs_buf_init(&list);
  rs_ld_join(&list, keys, "\"");
  if (n == 0)
    rs_ld_error(&p->out, obj.node, "required property missing: one of %s", list.s);
  else
    rs_ld_error(&p->out, obj.node, "give only one of %s, not %d", list.s, n);
  rs_buf_free(&list);
  return NULL;
}

/* ---- sections ---------------------------------------------------------- */

static void rs_ld_parse_meta(rs_ld_parser *p, rs_ld_val root)
{
  rs_ld_model *m = p->m;
  rs_ld_string(p, rs_ld_get(p, root, "title", true), RS_LD_NONEMPTY, &m->title, NULL);
  rs_ld_string(p, rs_ld_get(p, root, "summary", true), RS_LD_NONEMPTY, &m->summary, NULL);
  rs_ld_string(p, rs_ld_get(p, root, "source", true), RS_LD_NONEMPTY, &m->source, NULL);
  const char *schema;
  rs_ld_string(p, rs_ld_get(p, root, "$schema", false), 0, &schema, NULL);

  rs_ld_val v = rs_ld_get(p, root, "teaches", true);
  size_t n;
  if (!rs_ld_array(p, v, 1, SIZE_MAX, &n))
    return;
  m->teaches = rs_arena_array(p->arena, n, sizeof *m->teaches);
  for (size_t i = 0; i < n; i++)
    if (rs_ld_string(p, rs_ld_elem(p, v, i), RS_LD_NONEMPTY, &m->teaches[m->nteaches], NULL))
      m->nteaches++;
}

static void rs_ld_parse_symbols(rs_ld_parser *p, rs_ld_val v)
{
  const char **names = rs_ld_keys(p, v);
  if (!names)
    return;
  rs_ld_model *m = p->m;
  m->symbols = rs_arena_array(p->arena, (size_t)json_object_object_length(v.j), sizeof *m->symbols);
  for (const char *name; (name = *names) != NULL; names++) {
    rs_ld_val s = rs_ld_get(p, v, name, true);
    rs_ld_symbol *sym = &m->symbols[m->nsymbols];
    if (rs_ld_u32(p, s, 0, UINT32_MAX, &sym->value)) {
      sym->name = rs_arena_strndup(p->arena, name, strlen(name));
      sym->node = s.node;
      m->nsymbols++;
    }
  }
}

static const char *const rs_ld_kind_names[] = { "code", "data", "stack", "tables", NULL };

/* Reads one memory region; false if any part is wrong. */
static bool rs_ld_parse_region(rs_ld_parser *p, rs_ld_val v, rs_ld_region *r)
{
  static const char *const keys[] = { "name", "base", "size", "user", "writable", "kind", NULL };
  if (!rs_ld_object(p, v, keys))
    return false;
  rs_ld_val base = rs_ld_get(p, v, "base", true), size = rs_ld_get(p, v, "size", true);
  rs_ld_val user = rs_ld_get(p, v, "user", true);
  const char *name;
  int kind = 0;
  bool ok = rs_ld_string(p, rs_ld_get(p, v, "name", true), RS_LD_NONEMPTY, &name, NULL);
  ok &= rs_ld_bool(p, user, &r->r.user);
  ok &= rs_ld_bool(p, rs_ld_get(p, v, "writable", true), &r->r.writable);
  ok &= rs_ld_enum(p, rs_ld_get(p, v, "kind", true), rs_ld_kind_names, &kind);
  r->r.name = (char *)name;
  r->r.kind = (rs_region_kind)kind;
  r->node = v.node;
  r->base_node = base.node;
  r->size_node = size.node;
  r->user_node = user.node;
  bool placed = rs_ld_u32(p, base, 0, UINT32_MAX, &r->r.base);
  if (placed && r->r.base % RS_LD_PAGE) {
    rs_ld_error(&p->out, base.node, "expected a multiple of 0x1000 (a page), got 0x%x", r->r.base);
    placed = false;
  }
  if (!rs_ld_u32(p, size, 0, UINT32_MAX, &r->r.size))
    placed = false;
  else if (r->r.size == 0 || r->r.size % RS_LD_PAGE) {
    rs_ld_error(&p->out, size.node, "expected a non-zero multiple of 0x1000 (a page), got 0x%x",
                r->r.size);
    placed = false;
  } else if (placed && (uint64_t)r->r.base + r->r.size > 0x100000000u) {
    rs_ld_error(&p->out, size.node,
                "the region ends past 4 GiB (0x%x + 0x%x = 0x%llx)", r->r.base, r->r.size,
                (unsigned long long)r->r.base + r->r.size);
    placed = false;
  }
  return ok && placed;
}

/* Path of node, as a string in the arena (for "also at memory[0]"). */
static const char *rs_ld_path_of(rs_ld_parser *p, int node)
{
  rs_buf b;
  rs_buf_init(&b);
  rs_jpos_path(p->out.pos, node, &b);
  const char *s = rs_arena_strndup(p->arena, b.s, b.len);
  rs_buf_free(&b);
  return s;
}

/* True if [a, a+an) and [b, b+bn) share a byte (64-bit ends). */
static bool rs_ld_overlap(uint64_t a, uint64_t an, uint64_t b, uint64_t bn)
{
  return a < b + bn && b < a + an;
}

static void rs_ld_parse_memory(rs_ld_parser *p, rs_ld_val v)
{
  rs_ld_model *m = p->m;
  size_t n;
  m->memory_node = v.node;
  if (!rs_ld_array(p, v, 1, RS_LD_MAX_REGIONS, &n))
    return;
  m->regions = rs_arena_array(p->arena, n, sizeof *m->regions);
  uint64_t total = 0;
  for (size_t i = 0; i < n; i++) {
    rs_ld_region *r = &m->regions[m->nregions];
    if (!rs_ld_parse_region(p, rs_ld_elem(p, v, i), r))
      continue;
    bool ok = true;
    for (size_t k = 0; k < m->nregions; k++) {
      const rs_ld_region *o = &m->regions[k];
      if (strcmp(o->r.name, r->r.name) == 0) {
        rs_ld_error(&p->out, rs_jpos_member(p->out.pos, r->node, "name", 4),
                    "region name \"%s\" is already used by %s", r->r.name,
                    rs_ld_path_of(p, o->node));
        ok = false;
      }
      if (rs_ld_overlap(r->r.base, r->r.size, o->r.base, o->r.size)) {
        rs_ld_error(&p->out, r->base_node, "overlaps %s \"%s\" (0x%08x-0x%08x)",
                    rs_ld_path_of(p, o->node), o->r.name, o->r.base,
                    (uint32_t)(o->r.base + o->r.size - 1));
        ok = false;
      }
    }
    if (ok && total + r->r.size > RS_LD_MAX_MAPPED) {
      rs_ld_error(&p->out, r->size_node,
                  "the regions map more than %u MiB together (the simulator's limit)",
                  RS_LD_MAX_MAPPED >> 20);
      ok = false;
    }
    if (ok) {
      total += r->r.size;
      m->nregions++;
    }
  }
  m->regions_complete = m->nregions == n;
}

/* Where table `what` of `size` bytes at addr goes: inside one supervisor
 * region; reports at node otherwise. */
static void rs_ld_check_table(rs_ld_parser *p, int node, const char *what,
                              uint32_t addr, uint32_t size)
{
  for (size_t k = 0; k < p->m->nregions; k++) {
    const rs_region *r = &p->m->regions[k].r;
    if (addr >= r->base && (uint64_t)addr + size <= (uint64_t)r->base + r->size) {
      if (r->user)
        rs_ld_error(&p->out, node, "the %s (0x%08x, %u bytes) is in user region \"%s\": "
                    "it must be in a supervisor region", what, addr, size, r->name);
      return;
    }
  }
  rs_ld_error(&p->out, node, "the %s (0x%08x, %u bytes) must lie inside one supervisor region",
              what, addr, size);
}

static void rs_ld_parse_tables(rs_ld_parser *p, rs_ld_val v)
{
  static const char *const keys[] = { "gdt", "idt", "tss", NULL };
  static const char *const what[] = { "GDT", "IDT", "TSS" };
  static const uint32_t size[] = { RS_LD_GDT_SIZE, RS_LD_IDT_SIZE, RS_LD_TSS_SIZE };
  rs_ld_model *m = p->m;
  uint32_t *addr[] = { &m->gdt, &m->idt, &m->tss };
  if (v.present) {
    if (!rs_ld_object(p, v, keys))
      return;
    rs_ld_val t[3];
    bool ok[3];
    for (int k = 0; k < 3; k++) {
      t[k] = rs_ld_get(p, v, keys[k], true);
      ok[k] = rs_ld_u32(p, t[k], 0, UINT32_MAX, addr[k]);
      if (ok[k])
        rs_ld_check_table(p, t[k].node, what[k], *addr[k], size[k]);
      for (int j = 0; j < k && ok[k]; j++)
        if (ok[j] && rs_ld_overlap(*addr[k], size[k], *addr[j], size[j]))
          rs_ld_error(&p->out, t[k].node, "the %s overlaps the %s (0x%08x, %u bytes)",
                      what[k], what[j], *addr[j], size[j]);
    }
    return;
  }
  for (size_t k = 0; k < m->nregions; k++) {
    const rs_ld_region *r = &m->regions[k];
    if (r->r.kind != RS_REGION_TABLES)
      continue;
    if (r->r.user)
      rs_ld_error(&p->out, r->user_node, "the \"tables\" region holds the GDT, TSS and IDT: "
                  "it must be supervisor (\"user\": false)");
    if (r->r.size < RS_LD_TABLES_MIN)
      rs_ld_error(&p->out, r->size_node, "the \"tables\" region must be at least 0x%x bytes "
                  "(GDT at +0, TSS at +0x%x, IDT at +0x%x)", RS_LD_TABLES_MIN,
                  RS_LD_TSS_OFFSET, RS_LD_IDT_OFFSET);
    m->gdt = r->r.base;
    m->tss = r->r.base + RS_LD_TSS_OFFSET;
    m->idt = r->r.base + RS_LD_IDT_OFFSET;
    return;
  }
  if (m->regions_complete)
    rs_ld_error(&p->out, m->memory_node, "no region of kind \"tables\" for the GDT, TSS and IDT "
                "(add one, or give their addresses in \"tables\")");
}

/* Reads the "asm" lines of a code block into one text. */
static bool rs_ld_parse_asm(rs_ld_parser *p, rs_ld_val v, rs_ld_code *c)
{
  size_t n;
  if (!rs_ld_array(p, v, 1, SIZE_MAX, &n))
    return false;
  rs_buf text;
  rs_buf_init(&text);
  bool ok = true;
  for (size_t i = 0; i < n; i++) {
    rs_ld_val e = rs_ld_elem(p, v, i);
    const char *line;
    size_t len;
    if (!rs_ld_string(p, e, 0, &line, &len)) {
      ok = false;
      continue;
    }
    size_t brk = strcspn(line, "\r\n");
    if (brk < len) {
      rs_ld_error_in(&p->out, e.node, brk,
                     "an asm line must not contain a line break (make it two lines)");
      ok = false;
    }
    rs_buf_add(&text, line, len);
    rs_buf_add(&text, "\n", 1);
  }
  if (ok) {
    c->text = rs_arena_strndup(p->arena, text.s, text.len);
    c->asm_node = v.node;
  }
  rs_buf_free(&text);
  return ok;
}

/* Checks an include path: relative, without "..". The folder check that
 * follows symlinks is made when the file is read. */
static bool rs_ld_parse_include(rs_ld_parser *p, rs_ld_val v, rs_ld_code *c)
{
  const char *f;
  if (!rs_ld_string(p, v, RS_LD_NONEMPTY, &f, NULL))
    return false;
  if (f[0] == '/') {
    rs_ld_error(&p->out, v.node, "must be a path relative to the scenario's folder");
    return false;
  }
  for (const char *s = f; *s; s += strcspn(s, "/"), s += *s == '/') {
    if (strncmp(s, "..", 2) == 0 && (s[2] == '/' || s[2] == '\0')) {
      rs_ld_error_in(&p->out, v.node, (size_t)(s - f),
                     "must not leave the scenario's folder (\"..\")");
      return false;
    }
  }
  c->file = f;
  c->file_node = v.node;
  return true;
}

static void rs_ld_parse_code(rs_ld_parser *p, rs_ld_val v)
{
  static const char *const keys[] = { "name", "at", "asm", "file", NULL };
  static const char *const sources[] = { "asm", "file", NULL };
  rs_ld_model *m = p->m;
  size_t n;
  m->code_node = v.node;
  if (!rs_ld_array(p, v, 1, RS_LD_MAX_CODE, &n))
    return;
  m->code = rs_arena_array(p->arena, n, sizeof *m->code);
  for (size_t i = 0; i < n; i++) {
    rs_ld_val e = rs_ld_elem(p, v, i);
    rs_ld_code *c = &m->code[m->ncode];
    *c = (rs_ld_code){ .node = e.node, .asm_node = -1, .file_node = -1, .block = -1 };
    if (!rs_ld_object(p, e, keys))
      continue;
    rs_ld_val at = rs_ld_get(p, e, "at", true);
    rs_ld_val name = rs_ld_get(p, e, "name", false);
    bool ok = rs_ld_u32(p, at, 0, UINT32_MAX, &c->at);
    c->at_node = at.node;
    if (name.present)
      ok &= rs_ld_string(p, name, RS_LD_NONEMPTY, &c->name, NULL);
    const char *src = rs_ld_one_of(p, e, sources);
    if (!src)
      continue;
    rs_ld_val s = rs_ld_get(p, e, src, true);
    ok &= src == sources[0] ? rs_ld_parse_asm(p, s, c) : rs_ld_parse_include(p, s, c);
    if (!ok)
      continue;
    if (!c->name)
      c->name = c->file ? c->file : rs_arena_printf(p->arena, "code[%zu]", i);
    m->ncode++;
  }
  m->code_complete = m->ncode == n;
}

/* cpu keys after "cpl", "eip" and "eflags", with their registers. */
static const struct { const char *name; rs_reg reg; } rs_ld_cpu_gprs[] = {
  { "esp", RS_ESP }, { "eax", RS_EAX }, { "ebx", RS_EBX }, { "ecx", RS_ECX },
  { "edx", RS_EDX }, { "esi", RS_ESI }, { "edi", RS_EDI }, { "ebp", RS_EBP },
};

static void rs_ld_parse_cpu(rs_ld_parser *p, rs_ld_val v)
{
  static const char *const keys[] = { "cpl", "eip", "esp", "eflags", "eax", "ebx", "ecx",
                                      "edx", "esi", "edi", "ebp", NULL };
  rs_ld_model *m = p->m;
  for (size_t k = 0; k < RS_NREG; k++)
    m->gpr[k] = (rs_ld_expr){ .node = v.node, .ok = true };
  m->eflags = 0x202;
  if (!rs_ld_object(p, v, keys))
    return;
  int64_t cpl;
  rs_ld_val c = rs_ld_get(p, v, "cpl", true);
  if (rs_ld_int(p, c, 0, 3, &cpl)) {
    if (cpl != 0 && cpl != 3)
      rs_ld_error(&p->out, c.node, "expected 0 (kernel) or 3 (user), got %lld", (long long)cpl);
    m->cpl = (unsigned)cpl;
  }
  rs_ld_expr_of(p, rs_ld_get(p, v, "eip", true), &m->eip);
  for (size_t k = 0; k < sizeof rs_ld_cpu_gprs / sizeof *rs_ld_cpu_gprs; k++)
    rs_ld_expr_of(p, rs_ld_get(p, v, rs_ld_cpu_gprs[k].name, k == 0),
                  &m->gpr[rs_ld_cpu_gprs[k].reg]);
  rs_ld_val fl = rs_ld_get(p, v, "eflags", false);
  rs_ld_u32(p, fl, 0, UINT32_MAX, &m->eflags);
}

static void rs_ld_parse_idt(rs_ld_parser *p, rs_ld_val v)
{
  static const char *const keys[] = { "vector", "gate", "dpl", "handler", "present", NULL };
  static const char *const gates[] = { "interrupt", "trap", NULL };
  rs_ld_model *m = p->m;
  size_t n;
  int first[256];
  if (!rs_ld_array(p, v, 0, 256, &n))
    return;
  for (size_t k = 0; k < 256; k++)
    first[k] = -1;
  m->gates = rs_arena_array(p->arena, n, sizeof *m->gates);
  m->ngates = n;
  for (size_t i = 0; i < n; i++) {
    rs_ld_val e = rs_ld_elem(p, v, i);
    rs_ld_gate *g = &m->gates[i];
    if (!rs_ld_object(p, e, keys))
      continue;
    int64_t vector, dpl = 0;
    int gate = 0;
    rs_ld_val vec = rs_ld_get(p, e, "vector", true);
    g->present = true;
    bool ok = rs_ld_int(p, vec, 0, 255, &vector);
    rs_ld_enum(p, rs_ld_get(p, e, "gate", true), gates, &gate);
    rs_ld_int(p, rs_ld_get(p, e, "dpl", true), 0, 3, &dpl);
    rs_ld_expr_of(p, rs_ld_get(p, e, "handler", true), &g->handler);
    rs_ld_val pr = rs_ld_get(p, e, "present", false);
    if (pr.present)
      rs_ld_bool(p, pr, &g->present);
    if (!ok)
      continue;
    if (first[vector] >= 0)
      rs_ld_error(&p->out, vec.node, "vector %lld is already set by %s", (long long)vector,
                  rs_ld_path_of(p, first[vector]));
    else
      first[vector] = e.node;
    g->vector = (unsigned)vector;
    g->type = gate ? RS_GATE_TRAP : RS_GATE_INTERRUPT;
    g->dpl = (unsigned)dpl;
    g->vector_node = vec.node;
  }
}

static void rs_ld_parse_tss(rs_ld_parser *p, rs_ld_val v)
{
  static const char *const keys[] = { "esp0", NULL };
  if (rs_ld_object(p, v, keys))
    rs_ld_expr_of(p, rs_ld_get(p, v, "esp0", true), &p->m->esp0);
}

static void rs_ld_parse_timer(rs_ld_parser *p, rs_ld_val v)
{
  static const char *const keys[] = { "irq", "period", "first", NULL };
  rs_ld_model *m = p->m;
  if (!rs_ld_object(p, v, keys))
    return;
  int64_t irq = 0;
  rs_ld_val i = rs_ld_get(p, v, "irq", false), f = rs_ld_get(p, v, "first", false);
  bool ok = !i.present || rs_ld_int(p, i, 0, 7, &irq);
  ok &= rs_ld_num(p, rs_ld_get(p, v, "period", true), 1, UINT32_MAX, &m->timer_period);
  m->timer_first = m->timer_period;
  ok &= !f.present || rs_ld_num(p, f, 0, UINT32_MAX, &m->timer_first);
  m->timer_irq = (unsigned)irq;
  m->has_timer = ok;
}

static void rs_ld_parse_events(rs_ld_parser *p, rs_ld_val v)
{
  static const char *const keys[] = { "step", "at", "irq", "count", NULL };
  static const char *const triggers[] = { "step", "at", NULL };
  rs_ld_model *m = p->m;
  size_t n;
  if (!rs_ld_array(p, v, 0, RS_MAX_EVENTS, &n))
    return;
  m->events = rs_arena_array(p->arena, n, sizeof *m->events);
  m->nevents = n;
  for (size_t i = 0; i < n; i++) {
    rs_ld_val e = rs_ld_elem(p, v, i);
    rs_ld_event *ev = &m->events[i];
    const char *trigger;
    if (!rs_ld_object(p, e, keys) || !(trigger = rs_ld_one_of(p, e, triggers)))
      continue;
    int64_t irq;
    rs_ld_val t = rs_ld_get(p, e, trigger, true), c = rs_ld_get(p, e, "count", false);
    rs_ld_int(p, rs_ld_get(p, e, "irq", true), 0, 7, &irq);
    ev->irq = (unsigned)irq;
    ev->node = e.node;
    ev->by_step = trigger == triggers[0];
    if (ev->by_step) {
      rs_ld_num(p, t, 0, UINT32_MAX, &ev->step);
      if (c.present)
        rs_ld_error_key(&p->out, c.node, "\"count\" goes with \"at\" only");
      continue;
    }
    uint32_t count = 1;
    rs_ld_expr_of(p, t, &ev->at);
    if (c.present)
      rs_ld_u32(p, c, 0, UINT32_MAX, &count);
    ev->count = count;
  }
}

static void rs_ld_parse_end(rs_ld_parser *p, rs_ld_val v)
{
  static const char *const keys[] = { "at", "steps", NULL };
  rs_ld_model *m = p->m;
  m->max_steps = RS_LD_DEFAULT_STEPS;
  if (!rs_ld_object(p, v, keys))
    return;
  m->has_end_at = rs_ld_expr_of(p, rs_ld_get(p, v, "at", false), &m->end_at);
  rs_ld_num(p, rs_ld_get(p, v, "steps", false), 1, RS_LD_MAX_STEPS, &m->max_steps);
}

static void rs_ld_parse_notes(rs_ld_parser *p, rs_ld_val v)
{
  rs_ld_model *m = p->m;
  const char **labels = rs_ld_keys(p, v);
  if (!labels)
    return;
  m->notes = rs_arena_array(p->arena, (size_t)json_object_object_length(v.j), sizeof *m->notes);
  for (const char *label; (label = *labels) != NULL; labels++) {
    rs_ld_val t = rs_ld_get(p, v, label, true);
    rs_ld_note *note = &m->notes[m->nnotes];
    if (rs_ld_string(p, t, RS_LD_NONEMPTY, &note->text, NULL)) {
      note->label = rs_arena_strndup(p->arena, label, strlen(label));
      note->node = t.node;
      m->nnotes++;
    }
  }
}

/* Reads a step number that must lie within the scenario's step limit. */
static bool rs_ld_step_of(rs_ld_parser *p, rs_ld_val v, uint64_t *out)
{
  if (!rs_ld_num(p, v, 0, UINT32_MAX, out))
    return false;
  if (*out > p->m->max_steps) {
    rs_ld_error(&p->out, v.node, "step %llu is past the scenario's step limit (%llu)",
                (unsigned long long)*out, (unsigned long long)p->m->max_steps);
    return false;
  }
  return true;
}

static void rs_ld_parse_stops(rs_ld_parser *p, rs_ld_val v)
{
  static const char *const keys[] = { "title", "note", "at", "step", NULL };
  static const char *const triggers[] = { "at", "step", NULL };
  rs_ld_model *m = p->m;
  size_t n;
  if (!rs_ld_array(p, v, 0, SIZE_MAX, &n))
    return;
  m->stops = rs_arena_array(p->arena, n, sizeof *m->stops);
  m->nstops = n;
  for (size_t i = 0; i < n; i++) {
    rs_ld_val e = rs_ld_elem(p, v, i);
    rs_ld_stop *st = &m->stops[i];
    if (!rs_ld_object(p, e, keys))
      continue;
    const char *title, *note = NULL;
    rs_ld_val nv = rs_ld_get(p, e, "note", false);
    bool ok = rs_ld_string(p, rs_ld_get(p, e, "title", true), RS_LD_NONEMPTY, &title, NULL);
    ok &= !nv.present || rs_ld_string(p, nv, 0, &note, NULL);
    const char *trigger = rs_ld_one_of(p, e, triggers);
    if (!trigger || !ok)
      continue;
    rs_ld_val t = rs_ld_get(p, e, trigger, true);
    uint64_t step = 0;
    if (trigger == triggers[0] ? !rs_ld_expr_of(p, t, &st->at) : !rs_ld_step_of(p, t, &step))
      continue;
    st->s.title = (char *)title;
    st->s.note = (char *)note;
    st->s.step = trigger == triggers[0] ? -1 : (int64_t)step;
    st->s.label = st->at.text ? (char *)st->at.text
                  : trigger == triggers[0] ? rs_arena_printf(p->arena, "0x%08x", st->at.value)
                                           : NULL;
    st->node = e.node;
  }
}

/* Reads "hex": byte pairs, spaces allowed between bytes. */
static bool rs_ld_parse_hex(rs_ld_parser *p, rs_ld_val v, rs_ld_mem_check *mc)
{
  const char *s;
  size_t n;
  if (!rs_ld_string(p, v, RS_LD_NONEMPTY, &s, &n))
    return false;
  uint8_t *bytes = rs_arena_array(p->arena, n / 2 + 1, 1);
  uint32_t *pos = rs_arena_array(p->arena, n / 2 + 1, sizeof *pos);
  size_t len = 0;
  for (size_t k = 0; k < n; k++) {
    if (s[k] == ' ')
      continue;
    static const char hex[] = "0123456789abcdefABCDEF";
    const char *hi = strchr(hex, s[k]);
    if (!hi || !s[k]) {
      rs_ld_error_in(&p->out, v.node, k, "expected hex digits (like \"de ad be ef\")");
      return false;
    }
    const char *lo = k + 1 < n && s[k + 1] ? strchr(hex, s[k + 1]) : NULL;
    if (!lo && (k + 1 == n || s[k + 1] == ' ')) {
      rs_ld_error_in(&p->out, v.node, k, "a byte needs two hex digits");
      return false;
    }
    if (!lo) {
      rs_ld_error_in(&p->out, v.node, k + 1, "expected hex digits (like \"de ad be ef\")");
      return false;
    }
    int h = (int)(hi - hex), l = (int)(lo - hex);
    bytes[len] = (uint8_t)((h < 16 ? h : h - 6) << 4 | (l < 16 ? l : l - 6));
    pos[len++] = (uint32_t)k++;
  }
  if (!len) {
    rs_ld_error(&p->out, v.node, "expected at least one byte");
    return false;
  }
  mc->bytes = bytes;
  mc->pos = pos;
  mc->len = len;
  return true;
}

/* Reads one "mem" check. */
static void rs_ld_parse_mem_check(rs_ld_parser *p, rs_ld_val v, rs_ld_mem_check *mc)
{
  static const char *const keys[] = { "addr", "hex", "string", "words", NULL };
  static const char *const kinds[] = { "hex", "string", "words", NULL };
  if (!rs_ld_object(p, v, keys))
    return;
  rs_ld_expr_of(p, rs_ld_get(p, v, "addr", true), &mc->addr);
  const char *kind = rs_ld_one_of(p, v, kinds);
  if (!kind)
    return;
  rs_ld_val d = rs_ld_get(p, v, kind, true);
  mc->node = d.node;
  if (kind == kinds[0]) {
    mc->kind = RS_LD_MEM_HEX;
    rs_ld_parse_hex(p, d, mc);
  } else if (kind == kinds[1]) {
    const char *s;
    mc->kind = RS_LD_MEM_STRING;
    if (rs_ld_string(p, d, RS_LD_NONEMPTY | RS_LD_BINARY, &s, &mc->len))
      mc->bytes = (const uint8_t *)s;
  } else {
    mc->kind = RS_LD_MEM_WORDS;
    mc->words = rs_ld_words(p, d, 1, &mc->nwords);
  }
}

/* Reads the "stack" check: a stack region and its words from the top. */
static void rs_ld_parse_stack(rs_ld_parser *p, rs_ld_val v, rs_ld_expect *x)
{
  static const char *const keys[] = { "region", "words", "partial", NULL };
  rs_ld_model *m = p->m;
  if (!rs_ld_object(p, v, keys))
    return;
  rs_ld_val rv = rs_ld_get(p, v, "region", true), pv = rs_ld_get(p, v, "partial", false);
  rs_ld_val wv = rs_ld_get(p, v, "words", true);
  const char *name;
  if (pv.present)
    rs_ld_bool(p, pv, &x->partial);
  x->words = rs_ld_words(p, wv, 0, &x->nwords);
  if (!rs_ld_string(p, rv, RS_LD_NONEMPTY, &name, NULL))
    return;
  const char **names = rs_arena_array(p->arena, m->nregions + 1, sizeof *names);
  for (size_t k = 0; k < m->nregions; k++) {
    names[k] = m->regions[k].r.name;
    if (strcmp(names[k], name) != 0)
      continue;
    const rs_region *r = &m->regions[k].r;
    if (r->kind != RS_REGION_STACK)
      rs_ld_error(&p->out, rv.node, "region \"%s\" is of kind \"%s\", not \"stack\"", name,
                  rs_ld_kind_names[r->kind]);
    else if (x->words && x->nwords > r->size / 4)
      rs_ld_error(&p->out, wv.node, "lists %zu words, but region \"%s\" holds only %u",
                  x->nwords, name, r->size / 4);
    x->stack_region = k;
    return;
  }
  if (!m->regions_complete)
    return;
  rs_buf msg;
  rs_buf_init(&msg);
  rs_buf_printf(&msg, "no region named \"%s\"", name);
  rs_ld_did_you_mean(&msg, name, strlen(name), names);
  rs_ld_error(&p->out, rv.node, "%s", msg.s);
  rs_buf_free(&msg);
}

/* Reads "regs": register names and the values they must hold. */
static void rs_ld_parse_regs(rs_ld_parser *p, rs_ld_val v, rs_ld_expect *x)
{
  const char *names[sizeof rs_ld_expect_regs / sizeof *rs_ld_expect_regs + 1];
  for (size_t k = 0; k < rs_ld_expect_nregs; k++)
    names[k] = rs_ld_expect_regs[k].name;
  names[rs_ld_expect_nregs] = NULL;
  if (!rs_ld_object(p, v, names))
    return;
  x->regs = rs_arena_array(p->arena, rs_ld_expect_nregs, sizeof *x->regs);
  for (size_t k = 0; k < rs_ld_expect_nregs; k++) {
    rs_ld_val r = rs_ld_get(p, v, names[k], false);
    if (!r.present)
      continue;
    x->regs[x->nregs].reg = (unsigned)k;
    rs_ld_expr_of(p, r, &x->regs[x->nregs++].value);
  }
}

/* Reads the trigger of an expectation: exactly one of "at" (with "hit"),
 * "step" or "end". */
static void rs_ld_parse_trigger(rs_ld_parser *p, rs_ld_val v, rs_ld_expect *x)
{
  static const char *const triggers[] = { "at", "step", "end", NULL };
  rs_ld_val hit = rs_ld_get(p, v, "hit", false);
  const char *trigger = rs_ld_one_of(p, v, triggers);
  x->hit = 1;
  if (hit.present && !rs_ld_get(p, v, "at", false).present)
    rs_ld_error_key(&p->out, hit.node, "\"hit\" goes with \"at\" only");
  else if (hit.present)
    rs_ld_num(p, hit, 1, UINT32_MAX, &x->hit);
  if (!trigger)
    return;
  rs_ld_val t = rs_ld_get(p, v, trigger, true);
  bool end = false;
  x->trigger_node = t.node;
  if (trigger == triggers[0]) {
    x->trigger = RS_LD_AT;
    rs_ld_expr_of(p, t, &x->at);
  } else if (trigger == triggers[1]) {
    x->trigger = RS_LD_STEP;
    rs_ld_step_of(p, t, &x->step);
  } else {
    x->trigger = RS_LD_END;
    if (rs_ld_bool(p, t, &end) && !end)
      rs_ld_error(&p->out, t.node, "expected true (leave \"end\" out otherwise)");
  }
}

/* Reads one expectation: a trigger and what must hold then. */
static void rs_ld_parse_expect1(rs_ld_parser *p, rs_ld_val v, rs_ld_expect *x)
{
  static const char *const keys[] = { "at", "hit", "step", "end", "regs", "cpl", "stack",
                                      "mem", "console", NULL };
  if (!rs_ld_object(p, v, keys))
    return;
  x->node = v.node;
  rs_ld_parse_trigger(p, v, x);
  rs_ld_val r = rs_ld_get(p, v, "regs", false), c = rs_ld_get(p, v, "cpl", false);
  rs_ld_val s = rs_ld_get(p, v, "stack", false), mem = rs_ld_get(p, v, "mem", false);
  rs_ld_val con = rs_ld_get(p, v, "console", false);
  if (r.present)
    rs_ld_parse_regs(p, r, x);
  if (c.present) {
    int64_t cpl = 0;
    x->has_cpl = rs_ld_int(p, c, 0, 3, &cpl);
    x->cpl = (unsigned)cpl;
    x->cpl_node = c.node;
  }
  if (s.present) {
    x->has_stack = true;
    x->stack_node = s.node;
    rs_ld_parse_stack(p, s, x);
  }
  size_t n;
  if (rs_ld_array(p, mem, 1, SIZE_MAX, &n)) {
    x->mem = rs_arena_array(p->arena, n, sizeof *x->mem);
    x->nmem = n;
    for (size_t i = 0; i < n; i++)
      rs_ld_parse_mem_check(p, rs_ld_elem(p, mem, i), &x->mem[i]);
  }
  if (con.present) {
    x->has_console = rs_ld_string(p, con, RS_LD_BINARY, &x->console, &x->console_len);
    x->console_node = con.node;
  }
}

static void rs_ld_parse_expect(rs_ld_parser *p, rs_ld_val v)
{
  rs_ld_model *m = p->m;
  size_t n;
  if (!rs_ld_array(p, v, 0, SIZE_MAX, &n))
    return;
  m->expects = rs_arena_array(p->arena, n, sizeof *m->expects);
  m->nexpects = n;
  for (size_t i = 0; i < n; i++)
    rs_ld_parse_expect1(p, rs_ld_elem(p, v, i), &m->expects[i]);
}

/* Reports every duplicate key at its later occurrence. */
static void rs_ld_report_dups(rs_ld_parser *p)
{
  for (size_t i = 0; i < rs_jpos_dup_count(p->out.pos); i++) {
    int first, again, line, col;
    rs_jpos_dup(p->out.pos, i, &first, &again);
    rs_jpos_line_col(p->out.pos, rs_jpos_key_start(p->out.pos, first), &line, &col);
    rs_ld_error_key(&p->out, again, "duplicate property (first at line %d, column %d)", line, col);
  }
}

/* The whole document. */
static void rs_ld_parse_root(rs_ld_parser *p, rs_ld_val root)
{
  static const char *const keys[] = { "$schema", "format", "title", "summary", "teaches",
                                      "source", "symbols", "memory", "tables", "code", "cpu",
                                      "idt", "tss", "timer", "events", "end", "notes",
                                      "stops", "expect", NULL };
  rs_ld_report_dups(p);
  if (!rs_ld_object(p, root, keys))
    return;
  const char *format;
  rs_ld_val f = rs_ld_get(p, root, "format", true);
  if (rs_ld_string(p, f, 0, &format, NULL) && strcmp(format, RS_SCENARIO_FORMAT) != 0) {
    rs_ld_error(&p->out, f.node, "unsupported format \"%s\" (this version reads \"%s\")",
                format, RS_SCENARIO_FORMAT);
    return;
  }
  rs_ld_parse_meta(p, root);
  rs_ld_parse_symbols(p, rs_ld_get(p, root, "symbols", false));
  rs_ld_parse_memory(p, rs_ld_get(p, root, "memory", true));
  rs_ld_parse_tables(p, rs_ld_get(p, root, "tables", false));
  rs_ld_parse_code(p, rs_ld_get(p, root, "code", true));
  rs_ld_parse_cpu(p, rs_ld_get(p, root, "cpu", true));
  rs_ld_parse_idt(p, rs_ld_get(p, root, "idt", false));
  rs_ld_parse_tss(p, rs_ld_get(p, root, "tss", true));
  rs_ld_parse_timer(p, rs_ld_get(p, root, "timer", false));
  rs_ld_parse_events(p, rs_ld_get(p, root, "events", false));
  rs_ld_parse_end(p, rs_ld_get(p, root, "end", false));
  rs_ld_parse_notes(p, rs_ld_get(p, root, "notes", false));
  rs_ld_parse_stops(p, rs_ld_get(p, root, "stops", false));
  rs_ld_parse_expect(p, rs_ld_get(p, root, "expect", false));
}

/* Parses the syntax with json-c; reports the earlier of json-c's and the
 * scanner's first error. Returns the tree, or NULL after a syntax error. */
static json_object *rs_ld_tokenize(const rs_scenario *s, const rs_ld_out *out, bool *ok)
{
  size_t begin = rs_jpos_text_start(out->pos);
  struct json_tokener *tok = json_tokener_new_ex(RS_LD_MAX_DEPTH);
  json_object *root = NULL;
  size_t at = SIZE_MAX;
  const char *msg = NULL;
  *ok = tok != NULL;
  if (tok) {
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    /* Including the terminating NUL makes json-c finish a top-level
     * number and report truncation as json_tokener_error_parse_eof. */
    root = json_tokener_parse_ex(tok, s->text + begin, (int)(s->len - begin + 1));
    enum json_tokener_error err = json_tokener_get_error(tok);
    if (err != json_tokener_success) {
      at = begin + json_tokener_get_parse_end(tok);
      msg = err == json_tokener_error_parse_eof || err == json_tokener_continue
              ? "unexpected end of input" : json_tokener_error_desc(err);
      if (at > s->len)
        at = s->len;
    }
    json_tokener_free(tok);
  }
  size_t sat;
  const char *smsg;
  if (rs_jpos_error(out->pos, &sat, &smsg) && sat <= at) {   /* more specific */
    at = sat;
    msg = smsg;
  }
  if (msg) {
    int line, col;
    rs_jpos_line_col(out->pos, at, &line, &col);
    rs_diags_add(out->diags, out->file, line, col, NULL, "syntax error: %s", msg);
    json_object_put(root);
    *ok = false;
    return NULL;
  }
  return root;
}

bool rs_ld_parse(rs_scenario *s, rs_diags *diags)
{
  if (s->len > RS_LD_MAX_FILE) {
    rs_diags_add(diags, s->file, 0, 0, NULL, "the file is larger than %u MiB",
                 RS_LD_MAX_FILE >> 20);
    return false;
  }
  s->pos = rs_jpos_new(s->text, s->len);
  rs_ld_parser p = { { s->file, s->pos, diags }, &s->arena, &s->model };
  bool ok;
  json_object *root = rs_ld_tokenize(s, &p.out, &ok);
  if (!ok)
    return false;
  s->model.max_steps = RS_LD_DEFAULT_STEPS;
  rs_ld_parse_root(&p, (rs_ld_val){ root, rs_jpos_root(s->pos), true });
  json_object_put(root);
  return true;
}
