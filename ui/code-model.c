/* The code listing model. */
#include "code-model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "describe.h"

typedef struct row_list {
  rs_code_row *rows;
  size_t n, cap;
  double y;
} row_list;

static rs_code_row *add_row(row_list *l, rs_code_row_kind kind, rs_hue hue, uint32_t addr) {
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 64;
    rs_code_row *g = realloc(l->rows, cap * sizeof *g);
    if (!g) return NULL;
    l->rows = g;
    l->cap = cap;
  }
  rs_code_row *r = &l->rows[l->n++];
  memset(r, 0, sizeof *r);
  r->kind = kind;
  r->hue = hue;
  r->addr = addr;
  r->y = l->y;
  r->h = kind == RS_CODE_SECTION ? RS_CODE_SECTION_H : RS_CODE_ROW_H;
  l->y += r->h;
  return r;
}

/* Alignment padding is not worth a row. */
static bool is_padding(const char *insn) {
  return strncmp(insn, ".align", 6) == 0 || strncmp(insn, ".balign", 7) == 0 ||
         strncmp(insn, ".p2align", 8) == 0;
}

static bool add_block(row_list *l, const rs_program *p, int block, rs_hue hue) {
  if (l->n) l->y += RS_CODE_SECTION_GAP;
  if (!add_row(l, RS_CODE_SECTION, hue, rs_program_block_origin(p, block))) return false;
  size_t lines = rs_program_line_count(p, block);
  for (size_t i = 0; i < lines; i++) {
    const rs_asm_line *line = rs_program_line(p, block, i);
    rs_source_parts parts;
    bool has_body = rs_describe_split_source(line->text, &parts);
    if (parts.label[0]) {
      rs_code_row *r = add_row(l, RS_CODE_LABEL, hue, line->addr);
      if (!r) return false;
      snprintf(r->text, sizeof r->text, "%s", parts.label);
    }
    if (!has_body || line->size == 0 || is_padding(parts.plain)) continue;
    rs_code_row *r = add_row(l, RS_CODE_LINE, hue, line->addr);
    if (!r) return false;
    snprintf(r->text, sizeof r->text, "%s", parts.insn);
    snprintf(r->comment, sizeof r->comment, "%s", parts.comment);
  }
  return true;
}

static rs_hue block_hue(const rs_scenario *s, const rs_program *p, int block) {
  const rs_region *r = rs_scenario_region_at(s, rs_program_block_origin(p, block));
  return r && r->user ? RS_HUE_USER : RS_HUE_KERNEL;
}

/* Blocks in listing order: user before kernel, each by origin. */
static int block_order(const void *a, const void *b, const rs_scenario *s, const rs_program *p) {
  int ba = *(const int *)a, bb = *(const int *)b;
  rs_hue ha = block_hue(s, p, ba), hb = block_hue(s, p, bb);
  if (ha != hb) return ha == RS_HUE_USER ? -1 : 1;
  uint32_t oa = rs_program_block_origin(p, ba), ob = rs_program_block_origin(p, bb);
  return oa < ob ? -1 : oa > ob;
}

static void sort_blocks(int *order, size_t n, const rs_scenario *s, const rs_program *p) {
  for (size_t i = 1; i < n; i++)
    for (size_t j = i; j > 0 && block_order(&order[j - 1], &order[j], s, p) > 0; j--) {
      int t = order[j];
      order[j] = order[j - 1];
      order[j - 1] = t;
    }
}

int rs_code_model_row_at(const rs_code_model *m, uint32_t addr) {
  for (size_t i = 0; i < m->n; i++)
    if (m->rows[i].kind == RS_CODE_LINE && m->rows[i].addr == addr) return (int)i;
  return -1;
}

static int label_row_at(const rs_code_model *m, uint32_t addr) {
  int found = -1;
  for (size_t i = 0; i < m->n; i++)
    if (m->rows[i].kind == RS_CODE_LABEL && m->rows[i].addr == addr) found = (int)i;
  return found; /* the last label naming addr sits right above its line */
}

/* Marks what the step ran and where execution goes next. */
static void mark_rows(const rs_view_input *in, rs_code_model *m) {
  const rs_machine *mach = rs_session_machine(in->session);
  const rs_cpu *cpu = rs_machine_cpu_const(mach);
  const rs_step_record *st = in->step;
  m->next = rs_code_model_row_at(m, cpu->eip);
  m->next_hue = rs_cpu_cpl(cpu) == 3 ? RS_HUE_USER : RS_HUE_KERNEL;
  const rs_event *pending = rs_machine_pending_event(mach);
  m->next_tag = pending->kind != RS_EV_NONE ? "EIP · delivery next"
                : rs_machine_halted(mach)   ? "EIP · halted"
                                            : "EIP · next";
  m->next_before = m->next;
  if (!st) return;
  m->next_before = rs_code_model_row_at(m, st->eip);
  for (uint32_t i = 0; i < st->n_effects; i++)
    if (st->effects[i].kind == RS_EFF_REG && st->effects[i].target == RS_LOC_EIP)
      m->eip_effect = (int)i;
  switch ((rs_step_kind)st->kind) {
  case RS_STEP_INSTRUCTION:
  case RS_STEP_SOFTWARE_INTERRUPT: /* the int being delivered */
    m->just_ran = rs_code_model_row_at(m, st->eip);
    m->just_ran_tag = "just ran";
    m->just_ran_check = true;
    break;
  case RS_STEP_EXCEPTION:
    m->just_ran = rs_code_model_row_at(m, st->eip);
    m->just_ran_tag = "faulted";
    break;
  case RS_STEP_INTERRUPT:
    m->just_ran = rs_code_model_row_at(m, st->eip);
    m->just_ran_tag = "interrupted";
    break;
  case RS_STEP_IDLE:
  case RS_STEP_SHUTDOWN:
  case RS_STEP_NKINDS: break;
  }
  bool delivery = st->kind == RS_STEP_INTERRUPT || st->kind == RS_STEP_SOFTWARE_INTERRUPT ||
                  st->kind == RS_STEP_EXCEPTION;
  if (delivery && m->eip_effect >= 0 &&
      st->effects[m->eip_effect].why == RS_WHY_ENTER_EIP) {
    m->handler = label_row_at(m, st->effects[m->eip_effect].new_val);
    m->vector = st->vector;
  }
}

bool rs_code_model_build(const rs_view_input *in, rs_code_model *out) {
  memset(out, 0, sizeof *out);
  out->just_ran = out->next = out->next_before = out->eip_effect = out->handler = -1;
  const rs_scenario *s = rs_session_scenario(in->session);
  const rs_program *p = rs_scenario_program(s);
  size_t nb = p ? rs_program_block_count(p) : 0;
  int *order = malloc((nb ? nb : 1) * sizeof *order);
  if (!order) return false;
  for (size_t i = 0; i < nb; i++) order[i] = (int)i;
  sort_blocks(order, nb, s, p);
  row_list l = { 0 };
  bool ok = true;
  for (size_t i = 0; i < nb && ok; i++) ok = add_block(&l, p, order[i], block_hue(s, p, order[i]));
  free(order);
  out->rows = l.rows;
  out->n = l.n;
  out->height = l.y;
  if (!ok) {
    rs_code_model_free(out);
    return false;
  }
  mark_rows(in, out);
  return true;
}

void rs_code_model_free(rs_code_model *m) {
  free(m->rows);
  m->rows = NULL;
  m->n = 0;
}

double rs_code_model_scroll(const rs_code_model *m, double view_h) {
  if (m->height <= view_h) return 0;
  double max = m->height - view_h;
  int focus[3] = { m->next, m->just_ran, m->handler };
  double a = 1e9, b = -1;
  for (int k = 0; k < 3; k++) {
    if (focus[k] < 0) continue;
    const rs_code_row *r = &m->rows[focus[k]];
    if (r->y < a) a = r->y;
    if (r->y + r->h > b) b = r->y + r->h;
  }
  if (b < 0) return 0;
  double above = RS_CODE_ROW_H * 1.5, below = RS_CODE_ROW_H * 3;
  double s;
  if (b - a + above + below <= view_h) {
    s = b + below - view_h;          /* the least scroll that shows the end */
    if (s > a - above) s = a - above;
  } else if (m->next >= 0) {
    s = m->rows[m->next].y - view_h * 0.3; /* EIP matters most */
  } else {
    s = a - above;
  }
  return s < 0 ? 0 : s > max ? max : s;
}
