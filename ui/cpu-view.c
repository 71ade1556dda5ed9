/* The CPU card: the ring indicator, the registers with "was …" under
 * those the step changed, the EFLAGS chips and the selectors. */
#include <math.h>
#include <stdio.h>

#include "cards.h"

#define PAD 14.0

rs_rect rs_cpu_view_value_rect(const rs_frame *f, rs_cpu_row row) {
  rs_rect card = f->layout.cpu;
  const rs_cpu_reg *r = &f->cpu.regs[row];
  double w = 96;
  return (rs_rect){ card.x + card.w - PAD - w, card.y + r->y + 2, w, RS_CPU_ROW_H - 4 };
}

/* Concentric rings: ring 3 outside, ring 0 in the middle, and an arrow
 * from the old level to the new one drawn as the CS load plays. */
static void paint_rings(const rs_frame *f, double cx, double cy, double R, double k) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  cairo_t *cr = p->cr;
  unsigned from = f->cpu.cpl_before, to = f->cpu.cpl;
  unsigned shown = k >= 1 ? to : from;
  cairo_arc(cr, cx, cy, R, 0, 2 * RS_PI);
  rs_set_color(cr, rs_theme_tint(t, RS_HUE_USER, shown == 3 ? t->tint_strong : t->tint * 0.6));
  cairo_fill_preserve(cr);
  rs_set_color(cr, t->hue[RS_HUE_USER].fill);
  cairo_set_line_width(cr, shown == 3 ? 3 : 1.5);
  cairo_stroke(cr);
  for (int i = 1; i <= 2; i++) {
    cairo_arc(cr, cx, cy, R * (1 - 0.22 * i), 0, 2 * RS_PI);
    rs_set_color(cr, t->faint);
    cairo_set_line_width(cr, 1.2);
    cairo_stroke(cr);
  }
  double r0 = R * 0.34;
  cairo_arc(cr, cx, cy, r0, 0, 2 * RS_PI);
  rs_set_color(cr, shown == 0 ? t->hue[RS_HUE_KERNEL].fill : rs_theme_tint(t, RS_HUE_KERNEL, 0.45));
  cairo_fill(cr);
  if (from == to || k <= 0) return;
  /* The arrow: inwards into the kernel, outwards back to user. */
  double a0 = from == 3 ? R + 4 : r0 + 2, a1 = from == 3 ? r0 + 2 : R + 4;
  const double pts[2][2] = { { cx, cy - a0 }, { cx, cy - a1 } };
  cairo_arc(cr, cx, cy - a0, 3, 0, 2 * RS_PI);
  rs_set_color(cr, t->card);
  cairo_fill_preserve(cr);
  rs_set_color(cr, t->hue[RS_HUE_STEP].fill);
  cairo_set_line_width(cr, 1.5);
  cairo_stroke(cr);
  rs_draw_arrow(p, pts, 2, k, t->hue[RS_HUE_STEP].fill, 2, true, false);
}

static void paint_ring_indicator(const rs_frame *f, rs_rect card) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  const rs_cpu_model *m = &f->cpu;
  double R = m->ring_r, cx = card.x + PAD + R, cy = card.y + m->ring_cy;
  double k = m->cs_effect >= 0 ? rs_beat(&f->beats, (uint32_t)m->cs_effect, f->progress) : 1;
  paint_rings(f, cx, cy, R, rs_ease(k));
  double x = cx + R + 10, w = card.x + card.w - 6 - x;
  unsigned from = m->cpl_before, to = m->cpl;
  bool change = from != to;
  rs_hue hf = from == 3 ? RS_HUE_USER : RS_HUE_KERNEL, ht = to == 3 ? RS_HUE_USER : RS_HUE_KERNEL;
  double base = cy + 8;
  rs_draw_text(p, RS_FONT_TAG, "CPL", x, cy - 15, RS_ALIGN_LEFT, t->dim, 0);
  /* The old level, then "→ new" fading in as CS is loaded. */
  char n[4];
  snprintf(n, sizeof n, "%u", from);
  double at = x + rs_draw_text(p, RS_FONT_RING, n, x, base, RS_ALIGN_LEFT, t->hue[hf].text, 0);
  const char *name[4] = { "kernel", "", "", "user" };
  char words[32];
  snprintf(words, sizeof words, "%s", name[from & 3]);
  if (change && k > 0) {
    double a = rs_ease(k);
    at += 4;
    at += rs_draw_text(p, RS_FONT_RING, "→", at, base, RS_ALIGN_LEFT, rs_rgba_fade(t->dim, a), 0) + 4;
    snprintf(n, sizeof n, "%u", to);
    rs_draw_text(p, RS_FONT_RING, n, at, base, RS_ALIGN_LEFT, rs_rgba_fade(t->hue[ht].text, a), 0);
    snprintf(words, sizeof words, "%s → %s", name[from & 3], name[to & 3]);
  }
  rs_draw_text(p, RS_FONT_NAME, words, x, base + 18, RS_ALIGN_LEFT, t->text, w);
}

static void paint_reg(const rs_frame *f, rs_rect card, rs_cpu_row row) {
  const rs_cpu_reg *r = &f->cpu.regs[row];
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  /* Highlighted from its first change on; bold once the last one played. */
  double k = r->changed ? rs_ease(rs_beat(&f->beats, (uint32_t)r->first_effect, f->progress)) : 0;
  bool done = r->changed && rs_beat(&f->beats, (uint32_t)r->last_effect, f->progress) >= 0.5;
  uint32_t v = rs_beats_loc_value(&f->beats, r->loc, f->progress, r->value);
  double y = card.y + r->y, cy = y + r->h / 2, was_cy = 0;
  if (r->changed) {
    rs_rect box = { card.x + 8, y + 2, card.w - 16, r->h - 4 };
    rs_draw_box(p, box, 6, rs_theme_tint(t, RS_HUE_STEP, t->tint_strong * k), t->card, 0, false);
    rs_draw_box(p, (rs_rect){ box.x, box.y, 3, box.h }, 1.5, rs_rgba_fade(t->hue[RS_HUE_STEP].fill, k), t->card, 0,
                false);
    cy = box.y + box.h * 0.3;
    was_cy = box.y + box.h * 0.75;
  }
  rs_rgba name = r->changed ? rs_rgba_mix(t->dim, t->hue[RS_HUE_STEP].text, k) : t->dim;
  rs_draw_text(p, RS_FONT_NAME, r->name, card.x + PAD + (r->changed ? 2 : 0),
               rs_baseline_for(RS_FONT_NAME, cy), RS_ALIGN_LEFT, name, 0);
  char hex[16];
  rs_hex(hex, sizeof hex, v, r->digits);
  rs_hue hue = rs_cpu_model_hue(rs_session_scenario(f->in->session), row, v);
  rs_rgba vc = hue == RS_HUE_NONE ? t->text : t->hue[hue].text;
  rs_draw_text(p, done ? RS_FONT_VALUE_BOLD : RS_FONT_VALUE, hex,
               card.x + card.w - PAD, rs_baseline_for(RS_FONT_VALUE, cy), RS_ALIGN_RIGHT, vc, 0);
  if (r->changed && k > 0) {
    char was[24];
    char old[16];
    rs_hex(old, sizeof old, r->old, r->digits);
    snprintf(was, sizeof was, "was %s", old);
    rs_draw_text(p, RS_FONT_SMALL_MONO, was, card.x + card.w - PAD,
                 rs_baseline_for(RS_FONT_SMALL_MONO, was_cy), RS_ALIGN_RIGHT, rs_rgba_fade(t->dim, k), 0);
  }
}

static void paint_flags(const rs_frame *f, rs_rect card) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  const rs_cpu_model *m = &f->cpu;
  double k = m->eflags_effect >= 0 ? rs_beat(&f->beats, (uint32_t)m->eflags_effect, f->progress) : 1;
  double gap = 6, w = (card.w - 2 * PAD - 3 * gap) / 4, h = 18, pitch = m->compact ? 22 : 24;
  for (int i = 0; i < RS_CPU_NFLAGS; i++) {
    const rs_cpu_flag *fl = &m->flags[i];
    bool set = k >= 0.5 ? fl->set : fl->was_set;
    bool changed = fl->set != fl->was_set;
    rs_rect chip = { card.x + PAD + (i % 4) * (w + gap), card.y + m->flags_y + (i / 4) * pitch - h / 2, w, h };
    rs_rgba fg = set ? t->text : t->dim, line = set ? rs_rgba_fade(t->text, 0.7) : t->faint;
    rs_rgba fill = set ? t->faint : rs_rgba_fade(t->card, 0);
    if (changed && k > 0) {
      fg = t->hue[RS_HUE_STEP].text;
      line = t->hue[RS_HUE_STEP].fill;
      fill = rs_theme_tint(t, RS_HUE_STEP, t->tint_strong);
    }
    rs_draw_box(p, chip, 5, fill, line, set || changed ? t->line : 1, false);
    /* "IF=1" when set; a flag the step cleared says "IF=0". */
    char label[8];
    snprintf(label, sizeof label, set ? "%s=1" : changed && k > 0 ? "%s=0" : "%s", fl->name);
    rs_draw_text(p, set ? RS_FONT_TAG_BOLD : RS_FONT_TAG, label, chip.x + w / 2,
                 rs_baseline_for(RS_FONT_TAG, chip.y + h / 2), RS_ALIGN_CENTER, fg, 0);
  }
}

void rs_cpu_view_paint(rs_frame *f) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  rs_rect card = f->layout.cpu;
  rs_draw_card(p, card);
  rs_cpu_model_layout(&f->cpu, card.h);
  rs_draw_card_title(p, card, "CPU", NULL, false);
  cairo_save(p->cr);
  cairo_rectangle(p->cr, card.x, card.y, card.w, card.h);
  cairo_clip(p->cr);
  paint_ring_indicator(f, card);
  double rules[2] = { f->cpu.rule1_y, f->cpu.rule2_y };
  for (int i = 0; i < 2; i++) {
    cairo_rectangle(p->cr, card.x + PAD, card.y + rules[i], card.w - 2 * PAD, 1);
    rs_set_color(p->cr, t->faint);
    cairo_fill(p->cr);
  }
  for (int i = 0; i < RS_CPU_NROWS; i++)
    if (f->cpu.regs[i].shown) paint_reg(f, card, (rs_cpu_row)i);
  paint_flags(f, card);
  cairo_restore(p->cr);
}
