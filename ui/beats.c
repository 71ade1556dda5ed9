/* Beats: effects spread over a step's animation by weight. */
#include "beats.h"

#include <stdlib.h>

bool rs_why_is_push(rs_why w) {
  switch ((unsigned)w) {
  case RS_WHY_FRAME_SS:
  case RS_WHY_FRAME_ESP:
  case RS_WHY_FRAME_EFLAGS:
  case RS_WHY_FRAME_CS:
  case RS_WHY_FRAME_EIP:
  case RS_WHY_FRAME_ERROR:
  case RS_WHY_PUSHAD_EAX:
  case RS_WHY_PUSHAD_ECX:
  case RS_WHY_PUSHAD_EDX:
  case RS_WHY_PUSHAD_EBX:
  case RS_WHY_PUSHAD_ESP:
  case RS_WHY_PUSHAD_EBP:
  case RS_WHY_PUSHAD_ESI:
  case RS_WHY_PUSHAD_EDI:
  case RS_WHY_PUSH:
  case RS_WHY_CALL_RETURN_ADDR:
  case RS_WHY_PUSHFD: return true;
  default: return false;
  }
}

bool rs_why_is_pop(rs_why w) {
  switch ((unsigned)w) {
  case RS_WHY_POP:
  case RS_WHY_RET_POP:
  case RS_WHY_POPAD:
  case RS_WHY_POPAD_SKIP_ESP:
  case RS_WHY_POPFD:
  case RS_WHY_IRET_EIP:
  case RS_WHY_IRET_CS:
  case RS_WHY_IRET_EFLAGS:
  case RS_WHY_IRET_ESP:
  case RS_WHY_IRET_SS: return true;
  default: return false;
  }
}

/* How much of the animation an effect deserves; 0 joins the previous
 * effect's beat. */
static double weight(const rs_effect *e, const rs_effect *prev_weighted) {
  switch ((rs_effect_kind)e->kind) {
  case RS_EFF_REG:
    if (rs_loc_is_hidden((rs_loc)e->target)) return 0;
    /* The ESP change of a push or pop belongs to the push or pop. */
    if (e->target == RS_LOC_ESP && prev_weighted && prev_weighted->why == e->why &&
        (prev_weighted->kind == RS_EFF_MEM || prev_weighted->kind == RS_EFF_READ))
      return 0;
    switch (e->why) { /* by number: most reasons take the default */
    case RS_WHY_STACK_SWITCH_SS: return 0.5;
    case RS_WHY_CLEAR_TF: return 0.25;
    case RS_WHY_CLEAR_IF: return 0.5;
    case RS_WHY_FLAGS: return 0.5;
    default: return 1;
    }
  case RS_EFF_MEM:
    switch (e->why) { /* by number: most reasons take the default */
    case RS_WHY_PTE_ACCESSED:
    case RS_WHY_PTE_DIRTY:
    case RS_WHY_SEG_LOAD: return 0;
    default: return 1;
    }
  case RS_EFF_READ: return rs_why_is_pop((rs_why)e->why) ? 1 : 0;
  case RS_EFF_IDT_READ: return 1.5;
  case RS_EFF_TSS_READ: return 0.75;
  case RS_EFF_CHECK: return e->why == RS_WHY_CHECK_GATE_DPL ? 1 : 0;
  case RS_EFF_RAISE:
  case RS_EFF_CONSOLE: return 1;
  case RS_EFF_DEV:
  case RS_EFF_GDT_READ:
  case RS_EFF_NKINDS: return 0;
  }
  return 0;
}

bool rs_beats_init(rs_beats *b, const rs_step_record *step) {
  *b = (rs_beats){ .step = step };
  if (!step || !step->n_effects) return true;
  b->span = malloc(step->n_effects * sizeof *b->span);
  if (!b->span) return false;
  b->n = step->n_effects;
  double *w = malloc(step->n_effects * sizeof *w);
  if (!w) {
    rs_beats_free(b);
    return false;
  }
  double total = 0;
  const rs_effect *prev = NULL;
  for (uint32_t i = 0; i < b->n; i++) {
    w[i] = weight(&step->effects[i], prev);
    if (w[i] > 0) prev = &step->effects[i];
    total += w[i];
  }
  double at = 0;
  float last[2] = { 0, 0 };
  for (uint32_t i = 0; i < b->n; i++) {
    if (w[i] > 0) {
      last[0] = (float)(at / total);
      at += w[i];
      last[1] = (float)(at / total);
    }
    b->span[i][0] = last[0];
    b->span[i][1] = last[1];
  }
  free(w);
  return true;
}

void rs_beats_free(rs_beats *b) {
  free(b->span);
  b->span = NULL;
  b->n = 0;
}

double rs_beat(const rs_beats *b, uint32_t i, double progress) {
  if (!b->span || i >= b->n || progress >= 1) return 1;
  if (progress <= 0) return 0;
  double s = b->span[i][0], e = b->span[i][1];
  if (e <= s) return progress >= e ? 1 : 0;
  double t = (progress - s) / (e - s);
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

uint32_t rs_beats_loc_value(const rs_beats *b, rs_loc loc, double progress, uint32_t final) {
  if (!b->step || progress >= 1) return final;
  uint32_t v = final;
  bool first = true;
  for (uint32_t i = 0; i < b->step->n_effects; i++) {
    const rs_effect *e = &b->step->effects[i];
    if (e->kind != RS_EFF_REG || e->target != loc) continue;
    if (first) v = e->old_val;
    first = false;
    if (rs_beat(b, i, progress) >= 0.5) v = e->new_val;
  }
  return v;
}

static int find_reg(const rs_beats *b, rs_loc loc, bool last) {
  int found = -1;
  if (!b->step) return -1;
  for (uint32_t i = 0; i < b->step->n_effects; i++) {
    const rs_effect *e = &b->step->effects[i];
    if (e->kind != RS_EFF_REG || e->target != loc) continue;
    found = (int)i;
    if (!last) break;
  }
  return found;
}

int rs_beats_last_reg(const rs_beats *b, rs_loc loc) { return find_reg(b, loc, true); }
int rs_beats_first_reg(const rs_beats *b, rs_loc loc) { return find_reg(b, loc, false); }

int rs_beats_last_write(const rs_beats *b, uint32_t addr) {
  int found = -1;
  if (!b->step) return -1;
  for (uint32_t i = 0; i < b->step->n_effects; i++) {
    const rs_effect *e = &b->step->effects[i];
    if (e->kind == RS_EFF_MEM && e->addr < addr + 4 && addr < e->addr + e->size &&
        e->why != RS_WHY_PTE_ACCESSED && e->why != RS_WHY_PTE_DIRTY)
      found = (int)i;
  }
  return found;
}

int rs_beats_find(const rs_beats *b, rs_effect_kind kind, rs_why why) {
  if (!b->step) return -1;
  for (uint32_t i = 0; i < b->step->n_effects; i++) {
    const rs_effect *e = &b->step->effects[i];
    if (e->kind == kind && (why == RS_WHY_NONE || e->why == why)) return (int)i;
  }
  return -1;
}
