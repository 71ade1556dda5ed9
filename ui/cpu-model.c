/* The CPU card model. */
#include "cpu-model.h"

#include <string.h>

#include "describe.h"

static const struct {
  rs_loc loc;
  const char *name;
} rows[RS_CPU_NROWS] = {
  [RS_CPU_EAX] = { RS_LOC_EAX, "EAX" }, [RS_CPU_EBX] = { RS_LOC_EBX, "EBX" },
  [RS_CPU_ECX] = { RS_LOC_ECX, "ECX" }, [RS_CPU_EDX] = { RS_LOC_EDX, "EDX" },
  [RS_CPU_ESI] = { RS_LOC_ESI, "ESI" }, [RS_CPU_EDI] = { RS_LOC_EDI, "EDI" },
  [RS_CPU_EBP] = { RS_LOC_EBP, "EBP" }, [RS_CPU_ESP] = { RS_LOC_ESP, "ESP" },
  [RS_CPU_EIP] = { RS_LOC_EIP, "EIP" }, [RS_CPU_EFLAGS] = { RS_LOC_EFLAGS, "EFLAGS" },
  [RS_CPU_CS] = { RS_LOC_CS, "CS" }, [RS_CPU_SS] = { RS_LOC_SS, "SS" },
  [RS_CPU_DS] = { RS_LOC_DS, "DS" }, [RS_CPU_ES] = { RS_LOC_ES, "ES" },
  [RS_CPU_CR2] = { RS_LOC_CR2, "CR2" }, [RS_CPU_IDTR] = { RS_LOC_IDTR_BASE, "IDTR" },
  [RS_CPU_TR] = { RS_LOC_TR, "TR" }, [RS_CPU_FS] = { RS_LOC_FS, "FS" }, [RS_CPU_GS] = { RS_LOC_GS, "GS" },
};

static const struct {
  const char *name;
  uint32_t bit;
} flag_bits[RS_CPU_NFLAGS] = {
  { "CF", RS_FL_CF }, { "PF", RS_FL_PF }, { "ZF", RS_FL_ZF }, { "SF", RS_FL_SF },
  { "TF", RS_FL_TF }, { "IF", RS_FL_IF }, { "DF", RS_FL_DF }, { "OF", RS_FL_OF },
};

int rs_cpu_model_row_of(rs_loc loc) {
  for (int i = 0; i < RS_CPU_NROWS; i++)
    if (rows[i].loc == loc) return i;
  return -1;
}

rs_hue rs_cpu_model_hue(const rs_scenario *s, rs_cpu_row row, uint32_t v) {
  switch ((unsigned)row) {
  case RS_CPU_CS:
  case RS_CPU_SS:
  case RS_CPU_DS:
  case RS_CPU_ES:
  case RS_CPU_FS:
  case RS_CPU_GS:
  case RS_CPU_TR: return rs_describe_selector_hue((uint16_t)v);
  case RS_CPU_EFLAGS: return RS_HUE_NONE;
  default: return rs_describe_addr_hue(s, v);
  }
}

void rs_cpu_model_build(const rs_view_input *in, const rs_beats *b, rs_cpu_model *out) {
  memset(out, 0, sizeof *out);
  const rs_scenario *s = rs_session_scenario(in->session);
  const rs_cpu *cpu = rs_machine_cpu_const(rs_session_machine(in->session));
  out->cpl = rs_cpu_cpl(cpu);
  out->cpl_before = in->step ? in->step->cpl_before : out->cpl;
  out->cs_effect = rs_beats_last_reg(b, RS_LOC_CS);
  for (int i = 0; i < RS_CPU_NROWS; i++) {
    rs_cpu_reg *r = &out->regs[i];
    r->loc = rows[i].loc;
    r->name = rows[i].name;
    r->value = rs_cpu_loc(cpu, r->loc);
    r->first_effect = rs_beats_first_reg(b, r->loc);
    r->last_effect = rs_beats_last_reg(b, r->loc);
    r->changed = r->first_effect >= 0;
    r->old = r->changed ? in->step->effects[r->first_effect].old_val : r->value;
    /* A change and its undoing within one step is no change. */
    if (r->old == r->value) r->changed = false;
    bool selector = i == RS_CPU_CS || i == RS_CPU_SS || i == RS_CPU_DS || i == RS_CPU_ES ||
                    i == RS_CPU_FS || i == RS_CPU_GS || i == RS_CPU_TR;
    r->digits = selector ? 4 : 8;
    r->hue = rs_cpu_model_hue(s, (rs_cpu_row)i, r->value);
    r->wanted = i < RS_CPU_DS || r->changed || (i == RS_CPU_CR2 && r->value != 0);
  }
  out->eflags_effect = out->regs[RS_CPU_EFLAGS].last_effect;
  uint32_t fl = out->regs[RS_CPU_EFLAGS].value, old = out->regs[RS_CPU_EFLAGS].old;
  for (int k = 0; k < RS_CPU_NFLAGS; k++)
    out->flags[k] = (rs_cpu_flag){ flag_bits[k].name, flag_bits[k].bit, (fl & flag_bits[k].bit) != 0,
                                   (old & flag_bits[k].bit) != 0 };
}

/* Places everything with row pitch `pitch` and changed-row height
 * `changed`; returns the content height. */
static double place(rs_cpu_model *m, double pitch, double changed, bool compact) {
  m->compact = compact;
  m->ring_r = compact ? 22 : 30;
  m->ring_cy = compact ? 62 : 72;
  double y = compact ? 94 : 112;
  bool optional = false;
  m->rule1_y = y - 6;
  for (int i = 0; i < RS_CPU_NROWS; i++) {
    rs_cpu_reg *r = &m->regs[i];
    if (i == RS_CPU_CS) {
      m->rule2_y = y + 4;
      y += 10;
    }
    if (!r->shown) continue;
    if (i >= RS_CPU_DS && !optional) {
      y += 4;
      optional = true;
    }
    r->h = r->changed ? changed : pitch;
    r->y = y;
    y += r->h;
    if (i == RS_CPU_EFLAGS) {
      m->flags_y = y + (compact ? 8 : 10);
      y += compact ? 46 : 52;
    }
  }
  return y + 8;
}

void rs_cpu_model_layout(rs_cpu_model *m, double card_h) {
  /* Natural, compact, tight: row pitch, changed-row height, compact. */
  static const struct {
    double pitch, changed;
    bool compact;
  } levels[] = { { RS_CPU_ROW_H, RS_CPU_CHANGED_H, false }, { 20, 36, true }, { 19, 32, true } };
  for (int i = 0; i < RS_CPU_NROWS; i++) m->regs[i].shown = m->regs[i].wanted;
  size_t lv = 0;
  while (lv + 1 < sizeof levels / sizeof *levels && place(m, levels[lv].pitch, levels[lv].changed, levels[lv].compact) > card_h)
    lv++;
  bool compact = levels[lv].compact;
  double pitch = levels[lv].pitch, changed = levels[lv].changed;
  for (int i = RS_CPU_DS; i < RS_CPU_NROWS; i++) {
    if (m->regs[i].shown) continue;
    m->regs[i].shown = true;
    if (place(m, pitch, changed, compact) > card_h) m->regs[i].shown = false;
  }
  m->height = place(m, pitch, changed, compact);
}
