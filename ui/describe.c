/* Words for machine values. */
#include "describe.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <ringside/vectors.h>

rs_hue rs_describe_addr_hue(const rs_scenario *s, uint32_t value) {
  const rs_region *r = rs_scenario_region_at(s, value);
  if (!r) return RS_HUE_NONE;
  return r->user ? RS_HUE_USER : RS_HUE_KERNEL;
}

rs_hue rs_describe_selector_hue(uint16_t sel) {
  if ((sel & 0xfffc) == 0) return RS_HUE_NONE;
  return (sel & 3) == 3 ? RS_HUE_USER : RS_HUE_KERNEL;
}

static bool is_label_char(char c) {
  return isalnum((unsigned char)c) || c == '_' || c == '.' || c == '$';
}

/* Copies src[0..n) into dst (size len), trimmed of spaces at both ends. */
static void copy_trimmed(char *dst, size_t len, const char *src, size_t n) {
  while (n && isspace((unsigned char)*src)) src++, n--;
  while (n && isspace((unsigned char)src[n - 1])) n--;
  if (n >= len) n = len - 1;
  memcpy(dst, src, n);
  dst[n] = 0;
}

/* Appends operands to dst (at *at, size len) with the spaces around commas
 * and runs of spaces removed outside quotes. */
static void append_operands(char *dst, size_t len, size_t *at, const char *ops) {
  bool quoted = false;
  for (const char *q = ops; *q && *at + 1 < len; q++) {
    if (*q == '"' && (q == ops || q[-1] != '\\')) quoted = !quoted;
    if (!quoted && isspace((unsigned char)*q)) {
      const char *n = q;
      while (isspace((unsigned char)*n)) n++;
      bool around_comma = *n == ',' || (*at > 0 && dst[*at - 1] == ',');
      if (!*n || around_comma) continue;
      dst[(*at)++] = ' ';
      q = n - 1;
      continue;
    }
    dst[(*at)++] = *q;
  }
  dst[*at] = 0;
}

/* Formats mnemonic and operands, the mnemonic padded to `pad` columns. */
static void format_insn(char *dst, size_t len, const char *mn, size_t mn_len, const char *ops,
                        size_t pad) {
  size_t at = 0;
  for (size_t i = 0; i < mn_len && at + 1 < len; i++) dst[at++] = mn[i];
  if (*ops) {
    do dst[at++] = ' ';
    while (at < pad && at + 1 < len);
  }
  dst[at] = 0;
  append_operands(dst, len, &at, ops);
}

bool rs_describe_split_source(const char *line, rs_source_parts *out) {
  memset(out, 0, sizeof *out);
  const char *p = line;
  for (;;) {
    while (isspace((unsigned char)*p)) p++;
    const char *q = p;
    while (is_label_char(*q)) q++;
    if (q == p || *q != ':') break;
    copy_trimmed(out->label, sizeof out->label, p, (size_t)(q - p));
    p = q + 1;
  }
  /* The comment starts at the first '#' outside a string. */
  const char *end = p;
  bool quoted = false;
  for (; *end; end++) {
    if (*end == '"' && (end == p || end[-1] != '\\')) quoted = !quoted;
    if (!quoted && *end == '#') break;
  }
  if (*end == '#') copy_trimmed(out->comment, sizeof out->comment, end + 1, strlen(end + 1));
  char body[160];
  copy_trimmed(body, sizeof body, p, (size_t)(end - p));
  if (!body[0]) return false;
  size_t mn = strcspn(body, " \t");
  const char *ops = body + mn;
  while (isspace((unsigned char)*ops)) ops++;
  format_insn(out->insn, sizeof out->insn, body, mn, ops, 6);
  format_insn(out->plain, sizeof out->plain, body, mn, ops, 0);
  return true;
}

bool rs_describe_insn(const rs_program *p, uint32_t addr, bool padded, char *buf, size_t len) {
  int block;
  size_t li;
  if (!p || !rs_program_line_at(p, addr, &block, &li)) return false;
  const rs_asm_line *l = rs_program_line(p, block, li);
  rs_source_parts parts;
  if (!l || l->addr != addr || !rs_describe_split_source(l->text, &parts)) return false;
  snprintf(buf, len, "%s", padded ? parts.insn : parts.plain);
  return true;
}

void rs_describe_label(const rs_program *p, uint32_t addr, char *buf, size_t len) {
  uint32_t off = 0;
  const char *name = p ? rs_program_label_for(p, addr, &off) : NULL;
  if (!name)
    snprintf(buf, len, "0x%08x", addr);
  else if (off)
    snprintf(buf, len, "%s+%u", name, off);
  else
    snprintf(buf, len, "%s", name);
}

void rs_describe_vector(const rs_machine *m, unsigned vector, char *buf, size_t len) {
  const rs_vector_info *vi = rs_vector_info_of(vector);
  if (vector < 32) {
    snprintf(buf, len, "%s", vi->mnemonic);
    return;
  }
  const rs_pic *pic = rs_machine_pic(m);
  const rs_timer *t = rs_machine_timer(m);
  if (vector >= pic->vector_base && vector < pic->vector_base + 8u) {
    unsigned irq = vector - pic->vector_base;
    if (t->period && t->irq == irq)
      snprintf(buf, len, "timer");
    else
      snprintf(buf, len, "IRQ %u", irq);
    return;
  }
  rs_gate g;
  if (rs_machine_read_gate(m, vector, &g) && g.present && g.dpl == 3)
    snprintf(buf, len, "syscall");
  else
    buf[0] = 0;
}

void rs_describe_step(const rs_session *s, size_t i, char *buf, size_t len) {
  size_t n;
  const rs_step_summary *tl = rs_session_timeline(s, &n);
  buf[0] = 0;
  if (i >= n) return;
  const rs_step_summary *st = &tl[i];
  const rs_program *prog = rs_scenario_program(rs_session_scenario(s));
  switch ((rs_step_kind)st->kind) {
  case RS_STEP_INSTRUCTION:
    if (!rs_describe_insn(prog, st->eip, false, buf, len)) snprintf(buf, len, "0x%08x", st->eip);
    return;
  case RS_STEP_SOFTWARE_INTERRUPT:
    if (rs_describe_insn(prog, st->eip, false, buf, len)) return;
    snprintf(buf, len, "int $0x%x", st->vector);
    return;
  case RS_STEP_INTERRUPT:
  case RS_STEP_EXCEPTION: {
    char name[24];
    rs_describe_vector(rs_session_machine(s), st->vector, name, sizeof name);
    if (name[0])
      snprintf(buf, len, "%s", name);
    else
      snprintf(buf, len, "vector %u", st->vector);
    return;
  }
  case RS_STEP_IDLE: snprintf(buf, len, "idle (hlt)"); return;
  case RS_STEP_SHUTDOWN: snprintf(buf, len, "shutdown"); return;
  case RS_STEP_NKINDS: break;
  }
}
