/* Ringside — the assembler must never crash, hang or overflow: random
 * bytes, token soup, mutations of forms.s and hostile shapes, each checked
 * for consistent results. Build with -Db_sanitize=address,undefined to
 * make it bite. RS_ASM_FUZZ_SECONDS (default 3) bounds the random part;
 * RS_ASM_FUZZ_SEED picks the seed (default fixed). */
#include "ringside/asm.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

/* Consistency of everything the API reports about an assembled program. */
static void check_invariants(rs_program *p, GRand *r)
{
  size_t nd = rs_program_diag_count(p);
  g_assert_cmpuint(nd, <=, 1000);
  for (size_t i = 0; i < nd; i++) {
    const rs_asm_diag *d = rs_program_diag(p, i);
    g_assert_nonnull(d);
    g_assert_cmpint(d->block, >=, 0);
    g_assert_cmpint(d->block, <, (int)rs_program_block_count(p));
    g_assert_cmpint(d->line, >=, 1);
    g_assert_cmpint(d->line, <=, (int)MAX(rs_program_line_count(p, d->block), 1));
    g_assert_cmpint(d->col, >=, 1);
    g_assert_nonnull(memchr(d->msg, '\0', sizeof d->msg));
    g_assert_cmpuint(strlen(d->msg), >, 0);
  }
  for (size_t b = 0; b < rs_program_block_count(p); b++) {
    size_t len;
    const uint8_t *bytes = rs_program_block_bytes(p, (int)b, &len);
    uint64_t sum = 0;
    uint32_t origin = rs_program_block_origin(p, (int)b);
    for (size_t i = 0; i < rs_program_line_count(p, (int)b); i++) {
      const rs_asm_line *ln = rs_program_line(p, (int)b, i);
      sum += ln->size;
      if (bytes && ln->size) {
        g_assert_cmpuint((uint64_t)ln->addr - origin + ln->size, <=, len);
        int bb;
        size_t li;
        g_assert_true(rs_program_line_at(p, ln->addr, &bb, &li));
      }
    }
    if (bytes)
      g_assert_cmpuint(sum, ==, len);
    if (bytes && len) {
      uint32_t addr = origin + (uint32_t)g_rand_int_range(r, 0, (gint32)MIN(len, G_MAXINT32));
      uint32_t off;
      g_assert_nonnull(rs_program_label_for(p, addr, &off));
    }
  }
  for (size_t i = 0; i < rs_program_symbol_count(p); i++)
    g_assert_nonnull(rs_program_symbol(p, i)->name);
  uint32_t v, off;
  char err[64];
  rs_program_label_for(p, g_rand_int(r), &off);
  rs_program_line_at(p, g_rand_int(r), NULL, NULL);
  rs_program_eval(p, "main + 4 * (2 - x)", &v, err, sizeof err);
}

static void assemble_blocks(const char *const *texts, size_t n, GRand *r)
{
  rs_program *p = rs_program_new();
  if (g_rand_boolean(r))
    rs_program_define(p, "SYS_open", 5);
  for (size_t i = 0; i < n; i++) {
    static const uint32_t origins[] = { 0, 0x1000, 0x08048000, 0xc0101000, 0xfffffff0, 0xffffffff };
    uint32_t origin = g_rand_boolean(r) ? origins[g_rand_int_range(r, 0, G_N_ELEMENTS(origins))] : g_rand_int(r);
    rs_program_add_block(p, i == 0 ? "b0" : NULL, origin, texts[i]);
  }
  rs_program_assemble(p);
  check_invariants(p, r);
  if (g_rand_int_range(r, 0, 8) == 0) {
    /* and once more, after a change */
    rs_program_add_block(p, "extra", 0x2000, "nop\n");
    rs_program_assemble(p);
    check_invariants(p, r);
  }
  rs_program_free(p);
}

static const char *const vocab[] = {
  "mov", "movl", "movb", "movw", "add", "addl", "jmp", "je", "jne", "call", "ret", "push", "pop",
  "lea", "int", "rep", "movsb", "shl", "imul", "xchg", "in", "out", "lgdt", "setne", "cmovl",
  "%eax", "%ebx", "%esp", "%ebp", "%al", "%ax", "%cl", "%dx", "%ds", "%es", "%fs", "%cr0", "%foo",
  "$", "$1", "$-1", "$0x80", "$label", "(", ")", ",", ":", ";", "*", "+", "-", "/", "%", "<<", ">>",
  "|", "&", "^", "!", "~", "==", "<>", "<=", "&&", "||", "=", "1", "0", "127", "128", "0x7fffffff",
  "0xffffffff", "99999999999999999999", "1f", "1b", "2:", "1:", "label", "label:", ".", "'a", "'\\n'",
  "\"str\"", "\"\\x41\\101\"", "\"", "'", ".byte", ".word", ".long", ".ascii", ".asciz", ".align",
  ".balign", ".p2align", ".space", ".skip", ".set", ".equ", ".globl", ".code32", ".text", ".bogus",
  "#", "/*", "*/", "\n", "\n", "\n", " ", "\t",
};

static char *token_soup(GRand *r)
{
  GString *s = g_string_new(NULL);
  int n = g_rand_int_range(r, 0, 200);
  for (int i = 0; i < n; i++) {
    g_string_append(s, vocab[g_rand_int_range(r, 0, G_N_ELEMENTS(vocab))]);
    if (g_rand_int_range(r, 0, 3))
      g_string_append_c(s, ' ');
  }
  return g_string_free(s, FALSE);
}

static char *random_bytes(GRand *r)
{
  int n = g_rand_int_range(r, 0, 400);
  char *s = g_malloc(n + 1);
  for (int i = 0; i < n; i++) {
    int c = g_rand_int_range(r, 0, 4) ? g_rand_int_range(r, 32, 127) : g_rand_int_range(r, 1, 256);
    s[i] = (char)(g_rand_int_range(r, 0, 20) == 0 ? '\n' : c);
  }
  s[n] = '\0';
  return s;
}

static char *mutate(GRand *r, char **lines, guint nlines)
{
  GString *s = g_string_new(NULL);
  int n = g_rand_int_range(r, 1, 40);
  for (int i = 0; i < n; i++) {
    g_string_append(s, lines[g_rand_int_range(r, 0, (gint32)nlines)]);
    g_string_append_c(s, '\n');
  }
  static const char interesting[] = "%$(),:;#/*\"'\\.0123456789abfxl-+<>!~ \n\t";
  int edits = g_rand_int_range(r, 1, 12);
  for (int i = 0; i < edits && s->len > 0; i++) {
    gsize pos = (gsize)g_rand_int_range(r, 0, (gint32)s->len);
    switch (g_rand_int_range(r, 0, 5)) {
    case 0:
      g_string_erase(s, (gssize)pos, 1);
      break;
    case 1:
      g_string_insert_c(s, (gssize)pos, interesting[g_rand_int_range(r, 0, sizeof interesting - 1)]);
      break;
    case 2:
      s->str[pos] = (char)g_rand_int_range(r, 1, 256);
      break;
    case 3: {
      gsize len = (gsize)g_rand_int_range(r, 1, 20);
      g_autofree char *dup = g_strndup(s->str + pos, len);
      g_string_insert(s, (gssize)g_rand_int_range(r, 0, (gint32)s->len), dup);
      break;
    }
    default:
      g_string_truncate(s, pos);
      break;
    }
  }
  return g_string_free(s, FALSE);
}

static void test_random(void)
{
  g_autofree char *path = g_test_build_filename(G_TEST_DIST, "asm", "forms.s", NULL);
  g_autofree char *corpus = NULL;
  g_assert_true(g_file_get_contents(path, &corpus, NULL, NULL));
  g_auto(GStrv) lines = g_strsplit(corpus, "\n", -1);
  guint nlines = g_strv_length(lines);
  const char *env = g_getenv("RS_ASM_FUZZ_SECONDS");
  double seconds = env ? g_ascii_strtod(env, NULL) : 3.0;
  const char *senv = g_getenv("RS_ASM_FUZZ_SEED");
  guint32 seed = senv ? (guint32)g_ascii_strtoull(senv, NULL, 10) : 20240601u;
  GRand *r = g_rand_new_with_seed(seed);
  gint64 end = g_get_monotonic_time() + (gint64)(seconds * G_USEC_PER_SEC);
  guint iterations = 0;
  while (g_get_monotonic_time() < end) {
    char *texts[3];
    size_t n = (size_t)g_rand_int_range(r, 1, 4);
    for (size_t i = 0; i < n; i++) {
      switch (g_rand_int_range(r, 0, 3)) {
      case 0: texts[i] = random_bytes(r); break;
      case 1: texts[i] = token_soup(r); break;
      default: texts[i] = mutate(r, lines, nlines); break;
      }
    }
    assemble_blocks((const char *const *)texts, n, r);
    for (size_t i = 0; i < n; i++)
      g_free(texts[i]);
    iterations++;
  }
  g_test_message("%u random programs, seed %u", iterations, seed);
  g_assert_cmpuint(iterations, >, 0);
  g_rand_free(r);
}

/* Shapes meant to exhaust stacks, memory or loops. */
static void test_hostile(void)
{
  GRand *r = g_rand_new_with_seed(7);
  GString *s = g_string_new(NULL);
  const char *text;

  for (int i = 0; i < 100000; i++)
    g_string_append(s, "nop;");
  text = s->str;
  assemble_blocks(&text, 1, r);                          /* one long line */

  g_string_assign(s, ".long ");
  for (int i = 0; i < 5000; i++)
    g_string_append_c(s, '(');
  g_string_append(s, "1\n");
  text = s->str;
  assemble_blocks(&text, 1, r);                          /* deep parentheses */

  g_string_assign(s, ".long 1");
  for (int i = 0; i < 5000; i++)
    g_string_append(s, "+1");
  g_string_append(s, "\n.long -");
  for (int i = 0; i < 5000; i++)
    g_string_append(s, "-~!");
  g_string_append(s, "1\n");
  text = s->str;
  assemble_blocks(&text, 1, r);                          /* long expressions */

  g_string_assign(s, "a0 = 1\n");
  for (int i = 1; i < 3000; i++)
    g_string_append_printf(s, "a%d = a%d + a%d\n", i, i - 1, i - 1);
  g_string_append(s, "movl $a2999, %eax\n");
  text = s->str;
  assemble_blocks(&text, 1, r);                          /* deep definition chains */

  g_string_truncate(s, 0);
  for (int i = 0; i < 3000; i++)
    g_string_append_printf(s, "b%d = b%d\n", i, (i + 1) % 3000);
  text = s->str;
  assemble_blocks(&text, 1, r);                          /* one long cycle */

  g_string_truncate(s, 0);
  for (int i = 0; i < 20000; i++)
    g_string_append_printf(s, "1: jmp 1f\n je 1b\n");
  g_string_append(s, "1:\n");
  text = s->str;
  assemble_blocks(&text, 1, r);                          /* many relaxations */

  g_string_truncate(s, 0);
  for (int i = 0; i < 3000; i++)
    g_string_append(s, "bogus\n");
  text = s->str;
  assemble_blocks(&text, 1, r);                          /* more errors than kept */

  static const char *const shapes[] = {
    ".space 0x7fffffff\n",
    ".space 16777216\n.space 16777216\n",
    ".p2align 30\n.byte 1\n",
    ".align 0x40000000\n",
    ".skip 100000, 0x90\n.balign 4096,,1\n",
    "x = .\ny = x - .\n.long y, x\n",
    ".long 1b, 2f, . - ., 99999999999999999999\n",
    "jmp .\njmp .+0x7fffffff\njecxz .-0x80000000\n",
    "'",
    "\"",
    "/*",
    "%",
    "$$$$$$",
    "a: b: c: d: e: f: a:",
    "movl %es:%fs:(%eax), %ebx\n",
    "movl ((((%eax)))), %ebx\n",
    "movl 1(2)(%eax), %ebx\n",
    "movl (%eax,%ebx,4,8), %ecx\n",
    "movl (,), %ecx\n",
    "rep rep movsb\nrep\nrepne\n",
    "\x01\x02\xff\xfe\n\r\n",
  };
  for (size_t i = 0; i < G_N_ELEMENTS(shapes); i++) {
    text = shapes[i];
    assemble_blocks(&text, 1, r);
  }
  g_string_free(s, TRUE);
  g_rand_free(r);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/asm/fuzz/hostile", test_hostile);
  g_test_add_func("/asm/fuzz/random", test_random);
  return g_test_run();
}
