/* Palettes and text styles. The light and dark values are the mockup's
 * (mockups/README.md); high contrast darkens every hue to at least 7:1 on
 * white and outlines every card. */
#include "theme.h"

#define HEX(v, alpha)                                                                    \
  { ((v) >> 16 & 0xff) / 255.0, ((v) >> 8 & 0xff) / 255.0, ((v) & 0xff) / 255.0, alpha }

static const rs_theme light = {
  .window = HEX(0xfafafa, 1), .card = HEX(0xffffff, 1), .card_border = HEX(0x000000, 0.09),
  .bar = HEX(0xebebeb, 1), .bar_border = HEX(0x000000, 0.12),
  .text = HEX(0x1f1f1f, 1), .dim = HEX(0x5e5e5e, 1), .faint = HEX(0x000000, 0.08),
  .hue = {
    [RS_HUE_NONE] = { HEX(0x1f1f1f, 1), HEX(0x9a9a9a, 1), HEX(0x5e5e5e, 1), HEX(0xffffff, 1) },
    [RS_HUE_USER] = { HEX(0x1a5fb4, 1), HEX(0x3584e4, 1), HEX(0x1a5fb4, 1), HEX(0xffffff, 1) },
    [RS_HUE_KERNEL] = { HEX(0xb23c00, 1), HEX(0xe66100, 1), HEX(0xb23c00, 1), HEX(0xffffff, 1) },
    [RS_HUE_STEP] = { HEX(0x7b3a96, 1), HEX(0x9141ac, 1), HEX(0x8a3fa6, 1), HEX(0xffffff, 1) },
  },
  .tint = 0.13, .tint_strong = 0.18, .line = 1.5, .future = 0.38,
  .shadow = HEX(0x000000, 0.06),
};

static const rs_theme dark = {
  .window = HEX(0x222226, 1), .card = HEX(0x2f2f33, 1), .card_border = HEX(0xffffff, 0.07),
  .bar = HEX(0x2e2e32, 1), .bar_border = HEX(0x000000, 0.36),
  .text = HEX(0xf2f2f2, 1), .dim = HEX(0xb4b4b8, 1), .faint = HEX(0xffffff, 0.09),
  .hue = {
    [RS_HUE_NONE] = { HEX(0xf2f2f2, 1), HEX(0x8e8e93, 1), HEX(0xb4b4b8, 1), HEX(0x1a1a1e, 1) },
    [RS_HUE_USER] = { HEX(0x9cc3f5, 1), HEX(0x3584e4, 1), HEX(0x9cc3f5, 1), HEX(0x141418, 1) },
    [RS_HUE_KERNEL] = { HEX(0xffb070, 1), HEX(0xff7800, 1), HEX(0xff9f4a, 1), HEX(0x141418, 1) },
    [RS_HUE_STEP] = { HEX(0xe3b3eb, 1), HEX(0xc061cb, 1), HEX(0xd59ce0, 1), HEX(0x141418, 1) },
  },
  .tint = 0.22, .tint_strong = 0.28, .line = 1.5, .future = 0.42,
  .shadow = HEX(0x000000, 0.25),
};

static const rs_theme high_contrast = {
  .window = HEX(0xffffff, 1), .card = HEX(0xffffff, 1), .card_border = HEX(0x000000, 0.85),
  .bar = HEX(0xf0f0f0, 1), .bar_border = HEX(0x000000, 1),
  .text = HEX(0x000000, 1), .dim = HEX(0x2e2e2e, 1), .faint = HEX(0x000000, 0.16),
  .hue = {
    [RS_HUE_NONE] = { HEX(0x000000, 1), HEX(0x5e5e5e, 1), HEX(0x2e2e2e, 1), HEX(0xffffff, 1) },
    [RS_HUE_USER] = { HEX(0x0b3d91, 1), HEX(0x1c5fd0, 1), HEX(0x0b3d91, 1), HEX(0xffffff, 1) },
    [RS_HUE_KERNEL] = { HEX(0x8a2a00, 1), HEX(0xc64600, 1), HEX(0x8a2a00, 1), HEX(0xffffff, 1) },
    [RS_HUE_STEP] = { HEX(0x5b1f73, 1), HEX(0x7d2d9c, 1), HEX(0x5b1f73, 1), HEX(0xffffff, 1) },
  },
  .tint = 0.14, .tint_strong = 0.2, .line = 2.5, .future = 0.5,
  .shadow = HEX(0x000000, 0),
};

const rs_theme *rs_theme_get(rs_theme_kind kind) {
  switch (kind) {
  case RS_THEME_DARK: return &dark;
  case RS_THEME_HIGH_CONTRAST: return &high_contrast;
  case RS_THEME_LIGHT: break;
  }
  return &light;
}

rs_rgba rs_theme_tint(const rs_theme *t, rs_hue h, double alpha) {
  rs_rgba c = t->hue[h].fill;
  c.a *= alpha;
  return c;
}

rs_rgba rs_rgba_fade(rs_rgba a, double k) {
  a.a *= k;
  return a;
}

rs_rgba rs_rgba_mix(rs_rgba a, rs_rgba b, double t) {
  return (rs_rgba){ a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t,
                    a.a + (b.a - a.a) * t };
}

static const rs_font_spec fonts[RS_NFONTS] = {
  [RS_FONT_NARRATION] = { false, 400, 20 },
  [RS_FONT_NARRATION_S] = { false, 400, 18 },
  [RS_FONT_NARRATION_XS] = { false, 400, 16 },
  [RS_FONT_RING] = { false, 800, 24 },
  [RS_FONT_TITLE] = { false, 700, 15 },
  [RS_FONT_HEADLINE] = { false, 600, 14 },
  [RS_FONT_CODE] = { true, 400, 14 },
  [RS_FONT_CODE_BOLD] = { true, 700, 14 },
  [RS_FONT_VALUE] = { true, 400, 14.5 },
  [RS_FONT_VALUE_BOLD] = { true, 700, 14.5 },
  [RS_FONT_VEC] = { true, 700, 15 },
  [RS_FONT_NAME] = { false, 600, 13 },
  [RS_FONT_BODY] = { false, 400, 13 },
  [RS_FONT_ADDR] = { true, 400, 13 },
  [RS_FONT_ADDR_BOLD] = { true, 700, 13 },
  [RS_FONT_SMALL_MONO] = { true, 400, 12.5 },
  [RS_FONT_SMALL_MONO_BOLD] = { true, 700, 12.5 },
  [RS_FONT_TAG] = { false, 600, 12 },
  [RS_FONT_TAG_BOLD] = { false, 700, 12 },
};

const rs_font_spec *rs_font_get(rs_font f) { return &fonts[f]; }
