/* The decoder and the disassembler against GNU binutils: every instruction
 * of disasm-corpus.s, and every encoding the decoder accepts in a sweep of
 * the opcode and addressing space, must decode to the length objdump shows
 * and disassemble to objdump's text (whitespace normalized). Bytes outside
 * the subset must give 0 and "(bad)" without reading past the buffer (run
 * under -Db_sanitize=address,undefined to check that). Tests that need `as`
 * and `objdump` are skipped when those are missing. */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include <ringside/disasm.h>

#include "insn.h"

#define MAX_REPORTS 40 /* mismatches shown per test; the count says the rest */

/* ---- objdump's view of an assembled file ---- */

typedef struct objdump_insn {
  guint32 addr;
  guint len;
  char *text; /* normalized: single spaces, no padding */
} objdump_insn;

typedef struct label {
  guint32 addr;
  char *name;
} label;

typedef struct listing {
  GByteArray *bytes;  /* the .text section, rebuilt from the listing */
  GArray *insns;      /* objdump_insn, in address order */
  GArray *labels;     /* label, in address order */
} listing;

static void objdump_insn_clear(gpointer p) { g_free(((objdump_insn *)p)->text); }
static void label_clear(gpointer p) { g_free(((label *)p)->name); }

static listing *listing_new(void) {
  listing *l = g_new0(listing, 1);
  l->bytes = g_byte_array_new();
  l->insns = g_array_new(FALSE, TRUE, sizeof(objdump_insn));
  l->labels = g_array_new(FALSE, TRUE, sizeof(label));
  g_array_set_clear_func(l->insns, objdump_insn_clear);
  g_array_set_clear_func(l->labels, label_clear);
  return l;
}

static void listing_free(listing *l) {
  g_byte_array_unref(l->bytes);
  g_array_unref(l->insns);
  g_array_unref(l->labels);
  g_free(l);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(listing, listing_free)

/* Collapses runs of blanks to one space and trims both ends. */
static char *normalize(const char *s) {
  GString *out = g_string_new(NULL);
  for (; *s; s++) {
    if (g_ascii_isspace(*s)) {
      if (out->len && out->str[out->len - 1] != ' ') g_string_append_c(out, ' ');
    } else {
      g_string_append_c(out, *s);
    }
  }
  if (out->len && out->str[out->len - 1] == ' ') g_string_truncate(out, out->len - 1);
  return g_string_free(out, FALSE);
}

/* Appends the hex bytes of a listing line ("8b 04 24 ") to the section. */
static guint take_hex(listing *l, const char *hex) {
  guint n = 0;
  for (const char *p = hex; g_ascii_isxdigit(p[0]) && g_ascii_isxdigit(p[1]); p += 2) {
    guint8 b = (guint8)(g_ascii_xdigit_value(p[0]) << 4 | g_ascii_xdigit_value(p[1]));
    g_byte_array_append(l->bytes, &b, 1);
    n++;
    if (*(p + 2) == ' ') p++;
  }
  return n;
}

/* Parses `objdump -d` output: "<addr> <label>:" lines, instruction lines
 * "  addr:\tbytes\ttext", and continuation lines "  addr:\tbytes" that carry
 * the rest of a long instruction's bytes. Splits `out` into lines in place
 * (g_strsplit is quadratic under ASan's strstr). */
static void parse_objdump(listing *l, char *out) {
  for (char *line = out, *next; line; line = next) {
    next = strchr(line, '\n');
    if (next) *next++ = '\0';
    char *end;
    guint64 addr = g_ascii_strtoull(line, &end, 16);
    if (end != line && g_str_has_prefix(end, " <") && g_str_has_suffix(end, ">:")) {
      label lb = { (guint32)addr, g_strndup(end + 2, strlen(end) - 4) };
      g_array_append_val(l->labels, lb);
      continue;
    }
    const char *p = line;
    while (*p == ' ') p++;
    addr = g_ascii_strtoull(p, &end, 16);
    if (end == p || end[0] != ':' || end[1] != '\t') continue;
    g_assert_cmpuint(addr, ==, l->bytes->len); /* objdump lists the section without gaps */
    const char *hex = end + 2;
    guint n = take_hex(l, hex);
    const char *text = strchr(hex, '\t');
    if (text) {
      objdump_insn in = { (guint32)addr, n, normalize(text + 1) };
      g_array_append_val(l->insns, in);
    } else {
      g_assert_cmpuint(l->insns->len, >, 0);
      g_array_index(l->insns, objdump_insn, l->insns->len - 1).len += n;
    }
  }
}

static gboolean run(const char *const *argv, char **out) {
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  if (!g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, &err,
                    &status, &error) ||
      !g_spawn_check_wait_status(status, &error)) {
    g_test_message("%s: %s\n%s", argv[0], error->message, err ? err : "");
    return FALSE;
  }
  return TRUE;
}

/* True when `as --32` and `objdump` can be used; else marks the test skipped. */
static gboolean have_binutils(void) {
  g_autofree char *as = g_find_program_in_path("as");
  g_autofree char *objdump = g_find_program_in_path("objdump");
  g_autofree char *out = NULL;
  const char *probe[] = { "as", "--32", "-o", "/dev/null", "/dev/null", NULL };
  if (!as || !objdump || !run(probe, &out)) {
    g_test_skip("needs GNU as (with --32) and objdump");
    return FALSE;
  }
  return TRUE;
}

/* Assembles `source` with `as --32` and reads it back with `objdump -d -z`
 * (-z lists zero bytes instead of eliding them; it changes no text). */
static listing *assemble(const char *source) {
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp("ringside-disasm-XXXXXX", &error);
  g_assert_no_error(error);
  g_autofree char *obj = g_build_filename(dir, "a.o", NULL);
  g_autofree char *out = NULL, *dump = NULL;
  const char *as[] = { "as", "--32", "-o", obj, source, NULL };
  const char *objdump[] = { "objdump", "-d", "-z", obj, NULL };
  gboolean ok = run(as, &out) && run(objdump, &dump);
  g_unlink(obj);
  g_rmdir(dir);
  g_assert_true(ok);
  listing *l = listing_new();
  parse_objdump(l, dump);
  g_assert_cmpuint(l->insns->len, >, 0);
  return l;
}

static listing *assemble_corpus(void) {
  return assemble(g_test_get_filename(G_TEST_DIST, "sim", "disasm-corpus.s", NULL));
}

/* Writes `bytes` as .byte lines to a temporary file and assembles that. */
static listing *assemble_bytes(const GByteArray *bytes) {
  GString *src = g_string_new("\t.text\nstart:\n");
  for (guint i = 0; i < bytes->len; i += 16) {
    g_string_append(src, "\t.byte ");
    for (guint j = i; j < bytes->len && j < i + 16; j++)
      g_string_append_printf(src, j > i ? ",0x%02x" : "0x%02x", bytes->data[j]);
    g_string_append_c(src, '\n');
  }
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp("ringside-disasm-XXXXXX.s", &path, &error);
  g_assert_no_error(error);
  g_close(fd, NULL);
  g_file_set_contents(path, src->str, (gssize)src->len, &error);
  g_assert_no_error(error);
  g_string_free(src, TRUE);
  listing *l = assemble(path);
  g_unlink(path);
  return l;
}

/* objdump names a branch target after the nearest label at or below it. */
static const char *label_below(uint32_t addr, uint32_t *offset, void *ud) {
  const listing *l = ud;
  const label *best = NULL;
  for (guint i = 0; i < l->labels->len; i++) {
    const label *lb = &g_array_index(l->labels, label, i);
    if (lb->addr <= addr && (!best || lb->addr >= best->addr)) best = lb;
  }
  if (!best) return NULL;
  *offset = addr - best->addr;
  return best->name;
}

/* Decodes and disassembles every instruction of the listing from the
 * section bytes (so a wrong length reads into the next instruction) and
 * compares with objdump. Returns the number of mismatches, reporting the
 * first few. */
static guint compare(const listing *l) {
  guint bad = 0;
  for (guint i = 0; i < l->insns->len; i++) {
    const objdump_insn *in = &g_array_index(l->insns, objdump_insn, i);
    char text[128];
    unsigned n = rs_disasm(l->bytes->data + in->addr, l->bytes->len - in->addr, in->addr, text,
                           sizeof text, label_below, (void *)l);
    if (n == in->len && strcmp(text, in->text) == 0) continue;
    if (++bad <= MAX_REPORTS) {
      g_autoptr(GString) hex = g_string_new(NULL);
      for (guint j = 0; j < in->len; j++)
        g_string_append_printf(hex, j ? " %02x" : "%02x", l->bytes->data[in->addr + j]);
      g_test_message("at %#x [%s]: objdump %u bytes \"%s\", ringside %u bytes \"%s\"", in->addr,
                     hex->str, in->len, in->text, n, text);
    }
  }
  if (bad) g_test_message("%u of %u instructions differ from objdump", bad, l->insns->len);
  return bad;
}

/* ---- the corpus ---- */

static void test_corpus(void) {
  if (!have_binutils()) return;
  g_autoptr(listing) l = assemble_corpus();
  g_test_message("%u instructions in the corpus", l->insns->len);
  g_assert_cmpuint(compare(l), ==, 0);
}

/* Each operation of the subset appears in the corpus. */
static void test_corpus_has_every_op(void) {
  if (!have_binutils()) return;
  g_autoptr(listing) l = assemble_corpus();
  gboolean seen[RS_NOPS] = { FALSE };
  for (guint i = 0; i < l->insns->len; i++) {
    const objdump_insn *in = &g_array_index(l->insns, objdump_insn, i);
    rs_insn d;
    rs_decode(l->bytes->data + in->addr, l->bytes->len - in->addr, in->addr, &d);
    seen[d.op] = TRUE;
  }
  guint missing = 0;
  for (unsigned op = RS_OP_INVALID + 1; op < RS_NOPS; op++) {
    if (seen[op]) continue;
    g_test_message("no corpus instruction for %s", rs_op_name((rs_op)op));
    missing++;
  }
  g_assert_cmpuint(missing, ==, 0);
}

/* What the coverage test tells apart: prefixes, opcode, the operation the
 * decoder chose (group members), and whether an operand is in memory. */
static guint32 coverage_key(const uint8_t *b, size_t len, const rs_insn *d) {
  guint32 p66 = 0, rep = 0, esc = 0;
  size_t i = 0;
  for (; i < len; i++) {
    if (b[i] == 0x66) p66 = 1;
    else if (b[i] == 0xf3 || b[i] == 0xf2) rep = b[i] & 3;
    else if (b[i] != 0x26 && b[i] != 0x2e && b[i] != 0x36 && b[i] != 0x3e && b[i] != 0x64 &&
             b[i] != 0x65) break;
  }
  if (i < len && b[i] == 0x0f) esc = 1, i++;
  guint32 mem = 0;
  for (unsigned k = 0; k < d->nopnd; k++) mem |= d->o[k].kind == RS_OPND_MEM;
  return p66 << 31 | rep << 28 | esc << 27 | (guint32)b[i] << 16 | (guint32)d->op << 8 | mem;
}

typedef struct prefix_set {
  guint8 n, b[2];
} prefix_set;

/* Puts prefixes, an optional 0F escape and an opcode at the start of `probe`. */
static size_t put_opcode(uint8_t *probe, const prefix_set *ps, gboolean esc, guint opc) {
  size_t n = 0;
  for (guint k = 0; k < ps->n; k++) probe[n++] = ps->b[k];
  if (esc) probe[n++] = 0x0f;
  probe[n++] = (uint8_t)opc;
  return n;
}

/* Every opcode, group member and prefix form the decoder accepts, with a
 * register and with a memory operand, has a corpus instruction. */
static void test_corpus_covers_decoder(void) {
  if (!have_binutils()) return;
  g_autoptr(listing) l = assemble_corpus();
  g_autoptr(GHashTable) have = g_hash_table_new(NULL, NULL);
  for (guint i = 0; i < l->insns->len; i++) {
    const objdump_insn *in = &g_array_index(l->insns, objdump_insn, i);
    rs_insn d;
    if (rs_decode(l->bytes->data + in->addr, in->len, in->addr, &d))
      g_hash_table_add(have, GUINT_TO_POINTER(coverage_key(l->bytes->data + in->addr, in->len, &d)));
  }
  static const prefix_set prefixes[] = { { 0, { 0 } },          { 1, { 0x66 } },
                                         { 1, { 0xf3 } },       { 1, { 0xf2 } },
                                         { 2, { 0x66, 0xf3 } }, { 2, { 0x66, 0xf2 } } };
  g_autoptr(GHashTable) reported = g_hash_table_new(NULL, NULL);
  for (guint ps = 0; ps < G_N_ELEMENTS(prefixes); ps++)
    for (guint esc = 0; esc < 2; esc++)
      for (guint opc = 0; opc < 256; opc++)
        for (guint m = 0; m < 16; m++) {
          uint8_t probe[16] = { 0 };
          size_t n = put_opcode(probe, &prefixes[ps], esc, opc);
          probe[n++] = (uint8_t)((m & 8 ? 0xc0 : 0x00) | (m & 7) << 3); /* reg, or (%eax) */
          rs_insn d;
          unsigned len = rs_decode(probe, sizeof probe, 0, &d);
          if (!len) continue;
          gpointer key = GUINT_TO_POINTER(coverage_key(probe, len, &d));
          if (g_hash_table_contains(have, key) || !g_hash_table_add(reported, key)) continue;
          char text[128];
          rs_disasm(probe, len, 0, text, sizeof text, NULL, NULL);
          g_test_message("the corpus lacks a form of \"%s\"", text);
        }
  g_assert_cmpuint(g_hash_table_size(reported), ==, 0);
}

/* ---- sweeps: everything the decoder accepts, checked against objdump ---- */

/* A set of GBytes: the instructions a sweep already holds. */
static GHashTable *byte_strings_new(void) {
  return g_hash_table_new_full(g_bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref, NULL);
}

/* Adds the instruction `probe` starts with, if the decoder accepts it and
 * it is new. */
static void add_accepted(GByteArray *out, GHashTable *seen, const uint8_t *probe, size_t n) {
  rs_insn d;
  unsigned len = rs_decode(probe, n, 0, &d);
  if (!len) return;
  GBytes *b = g_bytes_new(probe, len);
  if (!g_hash_table_add(seen, b)) return;
  g_byte_array_append(out, probe, len);
}

static void sweep_and_compare(GByteArray *bytes) {
  g_autoptr(listing) l = assemble_bytes(bytes);
  g_test_message("%u instructions swept", l->insns->len);
  g_assert_cmpuint(compare(l), ==, 0);
}

/* Every ModRM byte, and every SIB byte, with negative and positive
 * displacements, as the source of 8B (mov r/m32 to r32). */
static void test_sweep_addressing(void) {
  if (!have_binutils()) return;
  g_autoptr(GHashTable) seen = byte_strings_new();
  g_autoptr(GByteArray) bytes = g_byte_array_new();
  static const uint8_t disps[][4] = { { 0x80, 0xff, 0xff, 0xff }, { 0x10, 0x20, 0x00, 0x00 },
                                      { 0x00, 0x00, 0x00, 0x80 } };
  for (guint modrm = 0; modrm < 256; modrm++) {
    gboolean has_sib = (modrm & 7) == 4 && modrm < 0xc0;
    for (guint sib = 0; sib < (has_sib ? 256u : 1u); sib++)
      for (guint d = 0; d < G_N_ELEMENTS(disps); d++) {
        uint8_t probe[7] = { 0x8b, (uint8_t)modrm, (uint8_t)sib };
        size_t at = has_sib ? 3 : 2;
        memcpy(probe + at, disps[d], 4);
        add_accepted(bytes, seen, probe, at + 4);
      }
  }
  sweep_and_compare(bytes);
}

/* Every one- and two-byte opcode with every ModRM byte, under each prefix
 * set the decoder knows (operand size, rep, segment overrides). */
static void test_sweep_opcodes(void) {
  if (!have_binutils()) return;
  static const prefix_set prefixes[] = {
    { 0, { 0 } },    { 1, { 0x66 } }, { 1, { 0xf3 } },       { 1, { 0xf2 } },
    { 1, { 0x26 } }, { 1, { 0x2e } }, { 1, { 0x36 } },       { 1, { 0x3e } },
    { 1, { 0x64 } }, { 1, { 0x65 } }, { 2, { 0x66, 0xf3 } }, { 2, { 0xf2, 0x66 } },
    { 2, { 0x64, 0x66 } }, { 2, { 0xf3, 0x26 } },
  };
  /* After the ModRM byte: a SIB, then bytes that make negative and odd
   * displacements and immediates. */
  static const uint8_t tail[] = { 0x65, 0x80, 0xff, 0xff, 0xff, 0x81, 0x82, 0x83, 0x84, 0x85 };
  g_autoptr(GHashTable) seen = byte_strings_new();
  g_autoptr(GByteArray) bytes = g_byte_array_new();
  for (guint ps = 0; ps < G_N_ELEMENTS(prefixes); ps++)
    for (guint esc = 0; esc < 2; esc++)
      for (guint opc = 0; opc < 256; opc++)
        for (guint modrm = 0; modrm < 256; modrm++) {
          uint8_t probe[16];
          size_t n = put_opcode(probe, &prefixes[ps], esc, opc);
          probe[n++] = (uint8_t)modrm;
          memcpy(probe + n, tail, sizeof tail);
          add_accepted(bytes, seen, probe, n + sizeof tail);
        }
  sweep_and_compare(bytes);
}

/* ---- without binutils ---- */

/* Bytes outside the subset give 0 and "(bad)", reading only `len` bytes
 * (each case sits in a heap block of exactly its size). */
static void test_rejects(void) {
  static const struct {
    const char *what;
    guint8 len, b[8];
  } cases[] = {
    { "nothing", 0, { 0 } },
    { "a prefix alone", 1, { 0x66 } },
    { "x87 fld1", 2, { 0xd9, 0xe8 } },
    { "x87 fadd", 2, { 0xd8, 0xc1 } },
    { "SSE addps", 3, { 0x0f, 0x58, 0xc1 } },
    { "SSE2 movdqa", 4, { 0x66, 0x0f, 0x6f, 0xc1 } },
    { "SSE2 movsd", 4, { 0xf2, 0x0f, 0x10, 0xc1 } },
    { "VEX vzeroupper", 3, { 0xc5, 0xf8, 0x77 } },
    { "0x67 address size", 3, { 0x67, 0x8b, 0x00 } },
    { "0x67 jcxz", 3, { 0x67, 0xe3, 0x00 } },
    { "lock prefix", 3, { 0xf0, 0xff, 0x00 } },
    { "far call", 7, { 0x9a, 0, 0, 0, 0, 0x08, 0 } },
    { "far call indirect", 2, { 0xff, 0x18 } },
    { "far jmp", 7, { 0xea, 0, 0, 0, 0, 0x08, 0 } },
    { "far jmp indirect", 2, { 0xff, 0x28 } },
    { "far ret", 1, { 0xcb } },
    { "enter", 4, { 0xc8, 0x10, 0, 0 } },
    { "bswap", 2, { 0x0f, 0xc8 } },
    { "bound", 2, { 0x62, 0x00 } },
    { "les", 2, { 0xc4, 0x00 } },
    { "xlat", 1, { 0xd7 } },
    { "aaa", 1, { 0x37 } },
    { "icebp", 1, { 0xf1 } },
    { "sysenter", 2, { 0x0f, 0x34 } },
    { "rdtsc", 2, { 0x0f, 0x31 } },
    { "vmcall", 3, { 0x0f, 0x01, 0xc1 } },
    { "nopl", 3, { 0x0f, 0x1f, 0x00 } },
    { "80 alias 82", 3, { 0x82, 0xc0, 0x01 } },
    { "test alias F7 /1", 6, { 0xf7, 0xc8, 0, 0, 0, 0 } },
    { "group 5 /7", 2, { 0xff, 0xf8 } },
    { "lea of a register", 2, { 0x8d, 0xc0 } },
    { "lgdt of a register", 3, { 0x0f, 0x01, 0xd0 } },
    { "mov to %cs", 2, { 0x8e, 0xc8 } },
    { "mov from segment register 6", 2, { 0x8c, 0xf0 } },
    { "mov to %cr1", 3, { 0x0f, 0x22, 0xc8 } },
    { "mov from %cr5", 3, { 0x0f, 0x20, 0xe8 } },
    { "rep on add", 3, { 0xf3, 0x01, 0xc0 } },
    { "repnz nop", 2, { 0xf2, 0x90 } },
    { "data16 pause", 3, { 0x66, 0xf3, 0x90 } },
    { "data16 hlt", 2, { 0x66, 0xf4 } },
    { "data16 on a byte operation", 3, { 0x66, 0x88, 0xc0 } },
    { "16-bit call", 4, { 0x66, 0xe8, 0, 0 } },
    { "16-bit indirect call", 3, { 0x66, 0xff, 0xd0 } },
    { "16-bit lea", 3, { 0x66, 0x8d, 0x00 } },
    { "16-bit leave", 2, { 0x66, 0xc9 } },
    { "lgdtw", 4, { 0x66, 0x0f, 0x01, 0x10 } },
    { "data16 mov %ds,(%eax)", 3, { 0x66, 0x8c, 0x18 } },
    { "data16 str (%eax)", 4, { 0x66, 0x0f, 0x00, 0x08 } },
    { "segment override without memory", 2, { 0x26, 0x90 } },
    { "segment override on stos", 2, { 0x26, 0xaa } },
    { "branch hint", 3, { 0x3e, 0x74, 0x00 } },
    { "notrack", 3, { 0x3e, 0xff, 0x10 } },
    { "two operand-size prefixes", 3, { 0x66, 0x66, 0x90 } },
    { "two segment overrides", 4, { 0x26, 0x64, 0x8b, 0x00 } },
    { "rep and repnz", 3, { 0xf3, 0xf2, 0xa4 } },
  };
  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    uint8_t *b = g_memdup2(cases[i].b, cases[i].len);
    char text[64];
    unsigned n = rs_disasm(b, cases[i].len, 0x1000, text, sizeof text, NULL, NULL);
    if (n || strcmp(text, "(bad)") != 0)
      g_test_message("%s: accepted as %u bytes, \"%s\"", cases[i].what, n, text);
    g_assert_cmpuint(n, ==, 0);
    g_assert_cmpstr(text, ==, "(bad)");
    g_free(b);
  }
}

/* Every corpus instruction cut short is refused without reading past the
 * cut, and whole in a block of exactly its size it still decodes. */
static void test_truncated(void) {
  if (!have_binutils()) return;
  g_autoptr(listing) l = assemble_corpus();
  for (guint i = 0; i < l->insns->len; i++) {
    const objdump_insn *in = &g_array_index(l->insns, objdump_insn, i);
    for (guint cut = 0; cut <= in->len; cut++) {
      uint8_t *b = g_memdup2(l->bytes->data + in->addr, cut);
      char text[128];
      unsigned n = rs_disasm(b, cut, in->addr, text, sizeof text, NULL, NULL);
      g_assert_cmpuint(n, ==, cut == in->len ? in->len : 0);
      if (cut < in->len) g_assert_cmpstr(text, ==, "(bad)");
      g_free(b);
    }
  }
}

/* A short output buffer gets a terminated prefix of the text, and nothing
 * past its end is written. */
static void test_output_truncated(void) {
  static const uint8_t insn[] = { 0x64, 0x81, 0x84, 0x88, 0x78, 0x56, 0x34, 0x12, 0xef, 0xbe, 0xad, 0xde };
  char full[128];
  g_assert_cmpuint(rs_disasm(insn, sizeof insn, 0, full, sizeof full, NULL, NULL), ==, sizeof insn);
  g_assert_cmpstr(full, ==, "addl $0xdeadbeef,%fs:0x12345678(%eax,%ecx,4)");
  for (size_t cap = 0; cap <= strlen(full) + 1; cap++) {
    char buf[128];
    memset(buf, '#', sizeof buf);
    g_assert_cmpuint(rs_disasm(insn, sizeof insn, 0, buf, cap, NULL, NULL), ==, sizeof insn);
    g_assert_cmpint(buf[cap], ==, '#');
    if (!cap) continue;
    g_assert_cmpuint(strlen(buf), ==, cap - 1);
    g_assert_true(strncmp(buf, full, cap - 1) == 0);
  }
}

static const char *name_open(uint32_t addr, uint32_t *offset, void *ud) {
  const uint32_t *open = ud;
  if (addr < *open) return NULL;
  *offset = addr - *open;
  return "open";
}

/* Branch targets: objdump's "804802c <open+0x4>", or the bare address when
 * no label names it; targets wrap around 4 GiB. */
static void test_branch_targets(void) {
  static const uint8_t call[] = { 0xe8, 0x27, 0x00, 0x00, 0x00 };  /* at 0x8048000 */
  static const uint8_t jmp[] = { 0xeb, 0x0e };                       /* at 0xfffffff0 */
  static const uint8_t jne[] = { 0x0f, 0x85, 0xf6, 0xff, 0xff, 0xff }; /* at 0x4 */
  uint32_t open = 0x804802c;
  char text[64];
  rs_disasm(call, sizeof call, 0x8048000, text, sizeof text, NULL, NULL);
  g_assert_cmpstr(text, ==, "call 804802c");
  rs_disasm(call, sizeof call, 0x8048000, text, sizeof text, name_open, &open);
  g_assert_cmpstr(text, ==, "call 804802c <open>");
  open = 0x8048020;
  rs_disasm(call, sizeof call, 0x8048000, text, sizeof text, name_open, &open);
  g_assert_cmpstr(text, ==, "call 804802c <open+0xc>");
  rs_disasm(call, sizeof call, 0x8047000, text, sizeof text, name_open, &open);
  g_assert_cmpstr(text, ==, "call 804702c");
  rs_disasm(jmp, sizeof jmp, 0xfffffff0, text, sizeof text, NULL, NULL);
  g_assert_cmpstr(text, ==, "jmp 0");
  rs_disasm(jne, sizeof jne, 0x4, text, sizeof text, NULL, NULL);
  g_assert_cmpstr(text, ==, "jne 0");
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/disasm/corpus", test_corpus);
  g_test_add_func("/disasm/corpus-has-every-op", test_corpus_has_every_op);
  g_test_add_func("/disasm/corpus-covers-decoder", test_corpus_covers_decoder);
  g_test_add_func("/disasm/sweep-addressing", test_sweep_addressing);
  g_test_add_func("/disasm/sweep-opcodes", test_sweep_opcodes);
  g_test_add_func("/disasm/rejects", test_rejects);
  g_test_add_func("/disasm/truncated", test_truncated);
  g_test_add_func("/disasm/output-truncated", test_output_truncated);
  g_test_add_func("/disasm/branch-targets", test_branch_targets);
  return g_test_run();
}
