/* Ringside — scenario loader: assembling the code and building the machine.
 *
 * Order: predefine the symbols, add one assembler block per code item
 * (reading included files inside the scenario's folder), assemble, map the
 * assembler's (block, line, column) back into the JSON or the included
 * file, evaluate every expression, check what needs addresses (code inside
 * regions, no overlaps, notes on labels), and, when nothing is wrong, build
 * the initial machine.
 *
 * Expressions are only evaluated against a program that assembled cleanly
 * from every code item: a half-assembled symbol table would turn one typo
 * into a cascade of "unknown symbol" messages.
 */
#define _XOPEN_SOURCE 700   /* realpath */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load-internal.h"

typedef struct rs_ld_builder {
  rs_ld_out    out;
  rs_scenario *s;
  rs_ld_model *m;
} rs_ld_builder;

/* ---- included files ---------------------------------------------------- */

/* How an included file is named in messages: relative to the scenario's
 * folder as the scenario itself is named. */
static const char *rs_ld_include_name(rs_ld_builder *b, const char *file)
{
  const char *dir = b->s->dir;
  if (strcmp(dir, ".") == 0)
    return file;
  size_t n = strlen(dir);
  return rs_arena_printf(&b->s->arena, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", file);
}

/* Reads a whole regular file of at most `max` bytes into a NUL-terminated
 * malloc'd buffer. Returns NULL with errno set (EFBIG if too large). */
static char *rs_ld_slurp(const char *path, size_t max, size_t *len)
{
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  char *buf = NULL;
  size_t n = 0, cap = 0;
  for (;;) {
    rs_ld_reserve((void **)&buf, &cap, n + 4096 + 1, 1);
    size_t got = fread(buf + n, 1, cap - n - 1, f);
    n += got;
    if (n > max) {
      errno = EFBIG;
      break;
    }
    if (got == 0) {
      if (!ferror(f)) {
        fclose(f);
        buf[n] = '\0';
        *len = n;
        return buf;
      }
      errno = EIO;
      break;
    }
  }
  int e = errno;
  fclose(f);
  free(buf);
  errno = e;
  return NULL;
}

/* Reads the file of code item c, which must resolve (through symbolic
 * links) to a file inside the scenario's folder. Reports and returns NULL
 * on any problem. */
static char *rs_ld_read_include(rs_ld_builder *b, rs_ld_code *c, const char **name)
{
  if (!b->s->dir) {
    rs_ld_error(&b->out, c->file_node, "cannot include files: the scenario has no folder");
    return NULL;
  }
  *name = rs_ld_include_name(b, c->file);
  char *path = rs_arena_printf(&b->s->arena, "%s/%s", b->s->dir, c->file);
  char *dir = realpath(b->s->dir, NULL), *real = realpath(path, NULL), *text = NULL;
  size_t dlen = dir ? strlen(dir) : 0, len;
  if (!dir || !real)
    rs_ld_error(&b->out, c->file_node, "cannot read \"%s\": %s", c->file, strerror(errno));
  else if (strncmp(real, dir, dlen) != 0 || (real[dlen] != '/' && dlen > 1))
    rs_ld_error(&b->out, c->file_node, "\"%s\" leads outside the scenario's folder", c->file);
  else if (!(text = rs_ld_slurp(real, RS_LD_MAX_INCLUDE, &len)))
    rs_ld_error(&b->out, c->file_node, "cannot read \"%s\": %s", c->file,
                errno == EFBIG ? "larger than 4 MiB" : strerror(errno));
  else if (strlen(text) != len) {
    int line = 1, col = 1;
    for (const char *p = text; *p; p++, col++)
      if (*p == '\n')
        line++, col = 0;
    rs_buf path_buf;
    rs_buf_init(&path_buf);
    rs_jpos_path(b->out.pos, c->file_node, &path_buf);
    rs_diags_add(b->out.diags, *name, line, col, path_buf.s, "contains a NUL byte");
    rs_buf_free(&path_buf);
    free(text);
    text = NULL;
  }
  free(dir);
  free(real);
  return text;
}

/* ---- assembling -------------------------------------------------------- */

/* Locates assembler diagnostic d in the JSON ("asm" lines) or in the
 * included file. */
static void rs_ld_asm_diag(rs_ld_builder *b, const rs_asm_diag *d, const char *const *names)
{
  const rs_ld_code *c = NULL;
  for (size_t k = 0; k < b->m->ncode && !c; k++)
    if (b->m->code[k].block == d->block)
      c = &b->m->code[k];
  if (!c) {
    rs_ld_error(&b->out, b->m->code_node, "%s", d->msg);
    return;
  }
  if (c->asm_node < 0) {
    rs_buf path;
    rs_buf_init(&path);
    rs_jpos_path(b->out.pos, c->file_node, &path);
    rs_diags_add(b->out.diags, names[d->block], d->line, d->col, path.s, "%s", d->msg);
    rs_buf_free(&path);
    return;
  }
  int line = d->line > 0 ? rs_jpos_child(b->out.pos, c->asm_node, (size_t)d->line - 1) : -1;
  if (line < 0)
    rs_ld_error(&b->out, c->asm_node, "%s", d->msg);
  else
    rs_ld_error_in(&b->out, line, d->col > 0 ? (size_t)d->col - 1 : 0, "%s", d->msg);
}

/* Assembles every code item; true if the program is complete and clean. */
static bool rs_ld_assemble(rs_ld_builder *b)
{
  rs_ld_model *m = b->m;
  rs_program *p = b->s->program = rs_program_new();
  bool complete = m->code_complete;
  for (size_t k = 0; k < m->nsymbols; k++)
    if (!rs_program_define(p, m->symbols[k].name, m->symbols[k].value)) {
      rs_ld_error_key(&b->out, m->symbols[k].node, "not a valid symbol name, or defined twice");
      complete = false;
    }
  const char **names = rs_arena_array(&b->s->arena, m->ncode, sizeof *names);
  for (size_t k = 0; k < m->ncode; k++) {
    rs_ld_code *c = &m->code[k];
    char *text = NULL;
    const char *src = c->text;
    if (c->file)
      src = text = rs_ld_read_include(b, c, &names[k]);
    if (!src) {
      complete = false;
      continue;
    }
    c->block = rs_program_add_block(p, c->name, c->at, src);
    free(text);
  }
  if (rs_program_assemble(p) == 0)
    return complete;
  /* Blocks are added in order, so block i is the i-th added item. */
  const char **by_block = rs_arena_array(&b->s->arena, m->ncode + 1, sizeof *by_block);
  for (size_t k = 0; k < m->ncode; k++)
    if (m->code[k].block >= 0 && (size_t)m->code[k].block < m->ncode)
      by_block[m->code[k].block] = names[k];
  for (size_t i = 0; i < rs_program_diag_count(p); i++) {
    const rs_asm_diag *d = rs_program_diag(p, i);
    if (d->block < 0 || (size_t)d->block >= m->ncode)
      rs_ld_error(&b->out, m->code_node, "%s", d->msg);
    else
      rs_ld_asm_diag(b, d, by_block);
  }
  return false;
}

/* The program's symbol names, NULL-terminated, in the arena. */
static const char **rs_ld_symbol_names(rs_ld_builder *b, bool labels_only)
{
  const rs_program *p = b->s->program;
  size_t n = rs_program_symbol_count(p), k = 0;
  const char **names = rs_arena_array(&b->s->arena, n + 1, sizeof *names);
  for (size_t i = 0; i < n; i++)
    if (!labels_only || rs_program_symbol(p, i)->block >= 0)
      names[k++] = rs_program_symbol(p, i)->name;
  return names;
}

/* True if s is a plain symbol name (so a typo can be suggested). */
static bool rs_ld_is_name(const char *s)
{
  size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.$");
  return n && !s[n] && !(s[0] >= '0' && s[0] <= '9');
}

/* Evaluates every expression in the file. */
static bool rs_ld_eval(rs_ld_builder *b)
{
  const char **names = NULL;
  bool ok = true;
  for (size_t k = 0; k < b->m->nexprs; k++) {
    rs_ld_expr *e = b->m->exprs[k];
    char err[200] = "";
    e->ok = rs_program_eval(b->s->program, e->text, &e->value, err, sizeof err);
    if (e->ok)
      continue;
    const char *s = NULL;
    if (rs_ld_is_name(e->text)) {
      names = names ? names : rs_ld_symbol_names(b, false);
      s = rs_ld_suggest(e->text, strlen(e->text), names);
    }
    rs_ld_error(&b->out, e->node, "%s%s%s%s", err[0] ? err : "cannot evaluate this expression",
                s ? "; did you mean '" : "", s ? s : "", s ? "'?" : "");
    ok = false;
  }
  return ok;
}

/* ---- checks that need addresses ---------------------------------------- */

/* The region holding all of [addr, addr+size), or NULL. */
static const rs_region *rs_ld_region_holding(const rs_ld_model *m, uint32_t addr, uint64_t size)
{
  for (size_t k = 0; k < m->nregions; k++) {
    const rs_region *r = &m->regions[k].r;
    if (addr >= r->base && addr + size <= (uint64_t)r->base + r->size)
      return r;
  }
  return NULL;
}

/* Checks that each code block fits in a region and overlaps neither
 * another block nor a descriptor table. */
static bool rs_ld_check_code(rs_ld_builder *b)
{
  static const char *const tables[] = { "GDT", "IDT", "TSS" };
  const uint32_t tsize[] = { RS_LD_GDT_SIZE, RS_LD_IDT_SIZE, RS_LD_TSS_SIZE };
  const rs_ld_model *m = b->m;
  const uint32_t taddr[] = { m->gdt, m->idt, m->tss };
  bool ok = true;
  for (size_t k = 0; k < m->ncode; k++) {
    const rs_ld_code *c = &m->code[k];
    size_t len;
    rs_program_block_bytes(b->s->program, c->block, &len);
    if (!len)
      continue;
    uint64_t end = (uint64_t)c->at + len - 1;
    if (!rs_ld_region_holding(m, c->at, len)) {
      rs_ld_error(&b->out, c->at_node, "the code (0x%08x-0x%08llx, %zu byte%s) does not fit "
                  "inside one memory region", c->at, (unsigned long long)end, len,
                  len == 1 ? "" : "s");
      ok = false;
    }
    for (size_t j = 0; j < k; j++) {
      size_t olen;
      rs_program_block_bytes(b->s->program, m->code[j].block, &olen);
      uint64_t oend = (uint64_t)m->code[j].at + olen - 1;
      if (olen && c->at <= oend && m->code[j].at <= end) {
        rs_buf other;
        rs_buf_init(&other);
        rs_jpos_path(b->out.pos, m->code[j].node, &other);
        rs_ld_error(&b->out, c->at_node, "the code (0x%08x-0x%08llx) overlaps %s "
                    "(0x%08x-0x%08llx)", c->at, (unsigned long long)end, other.s,
                    m->code[j].at, (unsigned long long)oend);
        rs_buf_free(&other);
        ok = false;
      }
    }
    for (int t = 0; t < 3; t++)
      if (c->at < (uint64_t)taddr[t] + tsize[t] && taddr[t] <= end) {
        rs_ld_error(&b->out, c->at_node, "the code (0x%08x-0x%08llx) overlaps the %s "
                    "(0x%08x-0x%08x)", c->at, (unsigned long long)end, tables[t], taddr[t],
                    taddr[t] + tsize[t] - 1);
        ok = false;
      }
  }
  return ok;
}

/* Checks that every note is keyed by a label and records its address. */
static bool rs_ld_check_notes(rs_ld_builder *b)
{
  const rs_program *p = b->s->program;
  const char **labels = rs_ld_symbol_names(b, true);
  size_t nlabels = 0;
  while (labels[nlabels])
    nlabels++;
  bool ok = true;
  for (size_t k = 0; k < b->m->nnotes; k++) {
    rs_ld_note *note = &b->m->notes[k];
    size_t i = 0;
    while (i < nlabels && strcmp(labels[i], note->label) != 0)
      i++;
    if (i < nlabels) {
      rs_program_lookup(p, note->label, &note->addr);
      continue;
    }
    rs_buf msg;
    rs_buf_init(&msg);
    uint32_t v;
    if (rs_program_lookup(p, note->label, &v))
      rs_buf_printf(&msg, "\"%s\" is a constant, not a label", note->label);
    else {
      rs_buf_printf(&msg, "no label \"%s\" in the code", note->label);
      const char *s = rs_ld_suggest(note->label, strlen(note->label), labels);
      if (s)
        rs_buf_printf(&msg, "; did you mean \"%s\"?", s);
    }
    rs_ld_error_key(&b->out, note->node, "%s", msg.s);
    rs_buf_free(&msg);
    ok = false;
  }
  return ok;
}

/* ---- the machine ------------------------------------------------------- */

/* Physical frames the regions need: their pages, one page table per 4 MiB
 * they touch, and the page directory. */
static uint32_t rs_ld_frames(const rs_ld_model *m)
{
  uint8_t pde[1024] = { 0 };
  uint32_t frames = 1;
  for (size_t k = 0; k < m->nregions; k++) {
    const rs_region *r = &m->regions[k].r;
    frames += r->size / RS_LD_PAGE;
    for (uint32_t d = r->base >> 22; d <= (uint32_t)((r->base + (uint64_t)r->size - 1) >> 22); d++)
      if (!pde[d]) {
        pde[d] = 1;
        frames++;
      }
  }
  return frames;
}

/* Builds the initial machine from a model with every value known. */
static void rs_ld_build_machine(rs_ld_builder *b)
{
  const rs_ld_model *m = b->m;
  rs_machine *mc = rs_machine_new(rs_ld_frames(m));
  if (!mc) {
    rs_ld_error(&b->out, m->memory_node, "not enough memory for the machine");
    return;
  }
  bool ok = true;
  for (size_t k = 0; k < m->nregions && ok; k++) {
    const rs_region *r = &m->regions[k].r;
    unsigned flags = (r->user ? RS_MAP_USER : 0) | (r->writable ? RS_MAP_WRITABLE : 0);
    if (rs_machine_map(mc, r->base, r->size, flags) == UINT32_MAX) {
      rs_ld_error(&b->out, m->regions[k].node, "the machine could not map this region");
      ok = false;
    }
  }
  if (ok && !rs_machine_install_tables(mc, m->gdt, m->idt, m->tss, m->esp0.value)) {
    rs_ld_error(&b->out, m->memory_node, "the machine could not install the GDT, IDT and TSS");
    ok = false;
  }
  for (size_t k = 0; k < m->ncode && ok; k++) {
    size_t len;
    const uint8_t *bytes = rs_program_block_bytes(b->s->program, m->code[k].block, &len);
    if (len && !rs_machine_poke(mc, m->code[k].at, bytes, len)) {
      rs_ld_error(&b->out, m->code[k].at_node, "the machine could not load this code");
      ok = false;
    }
  }
  if (!ok) {
    rs_machine_free(mc);
    return;
  }
  rs_machine_set_privilege(mc, m->cpl);
  rs_cpu *cpu = rs_machine_cpu(mc);
  for (size_t r = 0; r < RS_NREG; r++)
    cpu->gpr[r] = m->gpr[r].value;
  cpu->eip = m->eip.value;
  cpu->eflags = m->eflags | RS_FL_FIXED;
  for (size_t k = 0; k < m->ngates; k++) {
    const rs_ld_gate *g = &m->gates[k];
    rs_machine_set_gate(mc, g->vector, g->handler.value, g->type, g->dpl, g->present);
  }
  if (m->has_timer)
    rs_machine_set_timer(mc, m->timer_irq, m->timer_first, m->timer_period);
  for (size_t k = 0; k < m->nevents; k++) {
    const rs_ld_event *e = &m->events[k];
    if (e->by_step)
      rs_machine_add_step_event(mc, e->step, e->irq);
    else
      rs_machine_add_label_event(mc, e->at.value, e->irq, e->count);
  }
  b->s->initial = mc;
}

/* Copies evaluated addresses into the public stop records. */
static void rs_ld_resolve_stops(rs_ld_model *m)
{
  for (size_t k = 0; k < m->nstops; k++)
    if (m->stops[k].s.step < 0)
      m->stops[k].s.addr = m->stops[k].at.value;
}

void rs_ld_build(rs_scenario *s, rs_diags *diags, size_t first)
{
  rs_ld_builder b = { { s->file, s->pos, diags }, s, &s->model };
  if (!rs_ld_assemble(&b) || !rs_ld_eval(&b))
    return;
  bool ok = !s->model.regions_complete || rs_ld_check_code(&b);
  ok &= rs_ld_check_notes(&b);
  if (!ok || diags->count > first)
    return;
  rs_ld_resolve_stops(&s->model);
  rs_ld_build_machine(&b);
}
