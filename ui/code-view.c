/* The code card: sections, labels and lines, the instruction that just
 * ran, the EIP marker, and a fade where the listing continues. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cards.h"

/* Columns: the section band from the card's left edge; addresses and
 * labels, then instructions, from the listing's left edge. */
#define BAND_X 14.0
#define TEXT_DX 24.0
#define INSN_DX 92.0

void rs_hex(char *buf, size_t len, uint32_t v, unsigned digits) {
  snprintf(buf, len, digits == 4 ? "0x%04x" : "0x%08x", v);
}

static double row_top(const rs_frame *f, const rs_code_row *r) {
  return f->code_view.y + r->y - f->code_scroll;
}

bool rs_code_view_row_rect(const rs_frame *f, uint32_t addr, rs_rect *out) {
  int i = rs_code_model_row_at(&f->code, addr);
  if (i < 0) return false;
  const rs_code_row *r = &f->code.rows[i];
  double y = row_top(f, r);
  if (y + r->h < f->code_view.y || y > f->code_view.y + f->code_view.h) return false;
  *out = (rs_rect){ f->code_view.x, y, f->code_view.w, r->h };
  return true;
}

static void paint_section(const rs_frame *f, const rs_code_row *r, double y) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  rs_rect band = { f->code_view.x, y + 3, f->code_view.w, 24 };
  rs_draw_box(p, band, 6, rs_theme_tint(t, r->hue, t->tint), t->hue[r->hue].text, 0, false);
  double base = rs_baseline_for(RS_FONT_TAG_BOLD, band.y + band.h / 2);
  const char *mode = r->hue == RS_HUE_USER ? "USER" : "KERNEL";
  const char *ring = r->hue == RS_HUE_USER ? "ring 3" : "ring 0";
  double x = band.x + 12;
  x += rs_draw_text(p, RS_FONT_TAG_BOLD, mode, x, base, RS_ALIGN_LEFT, t->hue[r->hue].text, 0) + 8;
  x += rs_draw_text(p, RS_FONT_TAG, ring, x, base, RS_ALIGN_LEFT, t->hue[r->hue].text, 0);
  char addr[24];
  snprintf(addr, sizeof addr, "0x%08x…", r->addr);
  double room = band.x + band.w - 10 - (x + 12);
  if (room > 60)
    rs_draw_text(p, RS_FONT_ADDR, addr, band.x + band.w - 10, rs_baseline_for(RS_FONT_ADDR, band.y + 12),
                 RS_ALIGN_RIGHT, t->hue[r->hue].text, room);
}

/* Where tags go: in a column right after the instructions when the card
 * is wide enough (comments then start after it), else at the right edge. */
typedef struct tag_column {
  double x;            /* left edge of the column, or the right edge of the card */
  bool column;
  double comment_x;    /* where comments start in column mode */
} tag_column;

static tag_column tag_column_of(const rs_frame *f) {
  const rs_code_model *m = &f->code;
  double ix = f->code_view.x + TEXT_DX + INSN_DX, right = f->code_view.x + f->code_view.w - 4;
  double widest = 0, tags = 0;
  for (size_t i = 0; i < m->n; i++)
    if (m->rows[i].kind == RS_CODE_LINE) widest = fmax(widest, rs_text_width(&f->p, RS_FONT_CODE, m->rows[i].text));
  const char *shown[2] = { m->just_ran >= 0 ? m->just_ran_tag : NULL, m->next >= 0 ? m->next_tag : NULL };
  for (int k = 0; k < 2; k++)
    if (shown[k]) tags = fmax(tags, rs_pill_width(&f->p, RS_FONT_TAG, shown[k]));
  double x = ix + widest + 14, w = fmax(tags, 60) + 16;
  if (x + w <= right) return (tag_column){ x, true, x + w };
  return (tag_column){ right, false, 0 };
}

/* The tag of a row, unless it would cover the row's text (then the
 * row's colour and its ✓ or ▶ say enough). Returns where the text may
 * run to. */
static double row_tag(const rs_frame *f, const tag_column *tc, const rs_code_row *r, const char *tag, double cy,
                      rs_pill_style style, rs_hue hue, double alpha) {
  double right = f->code_view.x + f->code_view.w - 6;
  if (tc->column) {
    rs_draw_pill(&f->p, RS_FONT_TAG, tag, tc->x, cy, RS_ALIGN_LEFT, style, hue, alpha);
    return right;
  }
  double w = rs_pill_width(&f->p, RS_FONT_TAG, tag);
  double text_end = f->code_view.x + TEXT_DX + INSN_DX;
  if (r->kind == RS_CODE_LINE) text_end += rs_text_width(&f->p, RS_FONT_CODE, r->text);
  else text_end = f->code_view.x + TEXT_DX + rs_text_width(&f->p, RS_FONT_CODE_BOLD, r->text) + 10;
  if (tc->x - w < text_end + 4) return right;
  rs_draw_pill(&f->p, RS_FONT_TAG, tag, tc->x, cy, RS_ALIGN_RIGHT, style, hue, alpha);
  return tc->x - w - 4;
}

static void paint_line(const rs_frame *f, const tag_column *tc, const rs_code_row *r, double y,
                       double text_right) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  double x = f->code_view.x + TEXT_DX, cy = y + r->h / 2;
  char addr[16];
  rs_hex(addr, sizeof addr, r->addr, 8);
  rs_draw_text(p, RS_FONT_ADDR, addr, x, rs_baseline_for(RS_FONT_ADDR, cy), RS_ALIGN_LEFT, t->dim, 0);
  double ix = x + INSN_DX, room = text_right - ix;
  if (room < 20) return;
  double w = rs_draw_text(p, RS_FONT_CODE, r->text, ix, rs_baseline_for(RS_FONT_CODE, cy),
                          RS_ALIGN_LEFT, t->text, room);
  double cx = tc->column ? tc->comment_x : ix + w + 14;
  double right = f->code_view.x + f->code_view.w - 6;
  if (tc->column) text_right = right;
  /* A comment only when it fits whole in a column, or whole at all. */
  char c[100];
  snprintf(c, sizeof c, "# %s", r->comment);
  if (r->comment[0] && (tc->column ? text_right - cx > 80 : rs_text_width(p, RS_FONT_SMALL_MONO, c) <= text_right - cx))
    rs_draw_text(p, RS_FONT_SMALL_MONO, c, cx, rs_baseline_for(RS_FONT_SMALL_MONO, cy), RS_ALIGN_LEFT,
                 t->dim, text_right - cx);
}

/* The "just ran" highlight and the EIP marker under the text; writes
 * where the text of their rows must stop. */
static void paint_marks(rs_frame *f, const tag_column *tc, double *ran_left, double *next_left) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  const rs_code_model *m = &f->code;
  double x = f->code_view.x + 2, w = f->code_view.w - 2;
  if (m->just_ran >= 0) {
    const rs_code_row *r = &m->rows[m->just_ran];
    double y = row_top(f, r);
    rs_rect box = { x, y, w, r->h };
    /* Ran (✓) or faulted (✗): filled; interrupted before it ran: only
     * outlined, dashed. */
    bool ran = m->just_ran_check, interrupted = !ran && strcmp(m->just_ran_tag, "interrupted") == 0;
    rs_draw_box(p, box, 6, interrupted ? rs_rgba_fade(t->card, 0) : rs_theme_tint(t, RS_HUE_STEP, t->tint_strong),
                t->hue[RS_HUE_STEP].fill, t->line, interrupted);
    if (ran)
      rs_draw_check(p->cr, x + 11, y + r->h / 2, 10, t->hue[RS_HUE_STEP].text);
    else
      rs_draw_text(p, RS_FONT_TAG_BOLD, interrupted ? "↯" : "✗", x + 11,
                   rs_baseline_for(RS_FONT_TAG_BOLD, y + r->h / 2), RS_ALIGN_CENTER, t->hue[RS_HUE_STEP].text, 0);
    *ran_left = row_tag(f, tc, r, m->just_ran_tag, y + r->h / 2, RS_PILL_SOLID, RS_HUE_STEP, 1);
  }
  if (m->next >= 0) {
    /* The marker slides from where EIP was to where it is, in the beat
     * that changes EIP. */
    double k = m->eip_effect >= 0 ? rs_ease(rs_beat(&f->beats, (uint32_t)m->eip_effect, f->progress)) : 1;
    const rs_code_row *to = &m->rows[m->next];
    const rs_code_row *from = m->next_before >= 0 ? &m->rows[m->next_before] : to;
    double y = rs_lerp(row_top(f, from), row_top(f, to), k);
    rs_hue hue = k < 0.5 ? from->hue : m->next_hue; /* the mode EIP is in */
    rs_rect box = { x, y, w, to->h };
    rs_draw_box(p, box, 6, rs_theme_tint(t, hue, t->tint * k), t->hue[hue].fill, t->line, false);
    rs_draw_triangle(p->cr, x + 7, y + to->h / 2, 9, 1, t->hue[hue].fill);
    if (k >= 1) *next_left = row_tag(f, tc, to, m->next_tag, y + to->h / 2, RS_PILL_SOLID, hue, 1);
  }
}

void rs_code_view_paint(rs_frame *f) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  rs_rect card = f->layout.code;
  rs_draw_card(p, card);
  const rs_scenario *s = rs_session_scenario(f->in->session);
  const char *file = rs_scenario_file(s);
  const char *base = file ? strrchr(file, '/') : NULL;
  char sub[160];
  snprintf(sub, sizeof sub, "%s · AT&T syntax", base ? base + 1 : file ? file : "program");
  double top = rs_draw_card_title(p, card, "Code", sub, false);
  f->code_view = (rs_rect){ card.x + 10, top, card.w - 20, card.y + card.h - 8 - top };
  f->code_scroll = rs_code_model_scroll(&f->code, f->code_view.h);
  f->handler_y = -1;

  const rs_code_model *m = &f->code;
  cairo_t *cr = p->cr;
  cairo_save(cr);
  cairo_rectangle(cr, card.x, f->code_view.y, card.w, f->code_view.h);
  cairo_clip(cr);

  /* The band down the left edge of each section. */
  for (size_t i = 0; i < m->n; i++) {
    if (m->rows[i].kind != RS_CODE_SECTION) continue;
    size_t j = i + 1;
    while (j < m->n && m->rows[j].kind != RS_CODE_SECTION) j++;
    double y0 = row_top(f, &m->rows[i]) + RS_CODE_SECTION_H;
    double y1 = row_top(f, &m->rows[j - 1]) + m->rows[j - 1].h;
    rs_rect band = { card.x + BAND_X - 1.5, y0, 3, y1 - y0 };
    rs_draw_box(p, band, 1.5, t->hue[m->rows[i].hue].fill, t->card, 0, false);
  }

  double text_right = f->code_view.x + f->code_view.w - 6;
  double ran_left = text_right, next_left = text_right; /* where their tags start */
  tag_column tc = tag_column_of(f);
  paint_marks(f, &tc, &ran_left, &next_left);

  for (size_t i = 0; i < m->n; i++) {
    const rs_code_row *r = &m->rows[i];
    double y = row_top(f, r);
    if (y + r->h < f->code_view.y - 2 || y > f->code_view.y + f->code_view.h + 2) continue;
    switch (r->kind) {
    case RS_CODE_SECTION: paint_section(f, r, y); break;
    case RS_CODE_LABEL: {
      char label[96];
      snprintf(label, sizeof label, "%s:", r->text);
      rs_draw_text(p, RS_FONT_CODE_BOLD, label, f->code_view.x + TEXT_DX,
                   rs_baseline_for(RS_FONT_CODE_BOLD, y + r->h / 2), RS_ALIGN_LEFT, t->hue[r->hue].text,
                   f->code_view.w - TEXT_DX - 10);
      if ((int)i == m->handler) {
        char tag[24];
        snprintf(tag, sizeof tag, "IDT[%u]", m->vector);
        double k = rs_beat(&f->beats, (uint32_t)m->eip_effect, f->progress); /* set with the handler */
        if (k > 0) row_tag(f, &tc, r, tag, y + r->h / 2, RS_PILL_TINT, RS_HUE_STEP, k);
        f->handler_y = y + r->h / 2;
      }
      break;
    }
    case RS_CODE_LINE: {
      double right = text_right;
      if ((int)i == m->just_ran) right = ran_left;
      if ((int)i == m->next) right = fmin(right, next_left);
      paint_line(f, &tc, r, y, right);
      break;
    }
    }
  }
  cairo_restore(cr);
  if (f->code_scroll + f->code_view.h < m->height - 1)
    rs_draw_fade(cr, (rs_rect){ card.x + 1, f->code_view.y, card.w - 2, f->code_view.h }, 36, 1, t->card);
  if (f->code_scroll > 1)
    rs_draw_fade(cr, (rs_rect){ card.x + 1, f->code_view.y, card.w - 2, f->code_view.h }, 18, -1, t->card);
}
