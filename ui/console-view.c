/* The console card: what the machine printed on COM1, newest lines at the
 * bottom. A byte printed by this step appears in its beat. */
#include "cards.h"

#define LINE_H 17.0

void rs_console_view_paint(rs_frame *f) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  rs_rect card = f->layout.console;
  size_t len;
  const char *text = rs_machine_console(rs_session_machine(f->in->session), &len);
  rs_draw_card(p, card);
  rs_draw_text(p, RS_FONT_TITLE, "Console", card.x + 14, card.y + 24, RS_ALIGN_LEFT, t->text, 0);
  rs_draw_text(p, RS_FONT_TAG, "COM1 · port 0x3f8", card.x + card.w - 14, card.y + 24, RS_ALIGN_RIGHT, t->dim, 0);
  /* Bytes this step printed that have not played yet. */
  const rs_step_record *st = f->in->step;
  for (uint32_t i = 0; st && i < st->n_effects && len; i++)
    if (st->effects[i].kind == RS_EFF_CONSOLE && rs_beat(&f->beats, i, f->progress) < 1) len--;
  double top = card.y + 34, bottom = card.y + card.h - 10;
  size_t max_lines = (size_t)((bottom - top) / LINE_H);
  if (!max_lines) return;
  /* The last max_lines lines, without a final newline. */
  size_t end = len;
  if (end && text[end - 1] == '\n') end--;
  size_t start = end, lines = 1;
  while (start > 0) {
    if (text[start - 1] == '\n') {
      if (lines == max_lines) break;
      lines++;
    }
    start--;
  }
  double y = bottom - LINE_H * (double)lines;
  char line[256];
  for (size_t i = start; i <= end; i++, y += LINE_H) {
    size_t n = 0;
    for (; i < end && text[i] != '\n'; i++) {
      unsigned char c = (unsigned char)text[i];
      if (n + 1 < sizeof line) line[n++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
    }
    line[n] = 0;
    rs_draw_text(p, RS_FONT_ADDR, line, card.x + 14, rs_baseline_for(RS_FONT_ADDR, y + LINE_H / 2), RS_ALIGN_LEFT,
                 t->text, card.w - 28);
  }
}
