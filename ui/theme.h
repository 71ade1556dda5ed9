/* Ringside views: palettes and fonts (mockups/README.md "Colour meaning"
 * and "Typography"). Only three hues carry meaning — user (ring 3), kernel
 * (ring 0) and "this step" — everything else is neutral grey. */
#ifndef RINGSIDE_UI_THEME_H
#define RINGSIDE_UI_THEME_H

#include "view.h"

typedef struct rs_rgba {
  double r, g, b, a;
} rs_rgba;

/* The three meaningful hues, plus "none" for plain data. */
typedef enum rs_hue { RS_HUE_NONE, RS_HUE_USER, RS_HUE_KERNEL, RS_HUE_STEP } rs_hue;

/* One meaningful hue in a theme: text on a card, the fill (bands, ticks,
 * rings), and a solid pill's background with the text drawn on it. */
typedef struct rs_hue_colors {
  rs_rgba text, fill, pill, pill_text;
} rs_hue_colors;

typedef struct rs_theme {
  rs_rgba window, card, card_border, bar, bar_border;
  rs_rgba text, dim, faint;       /* faint: rules, lanes, chip backgrounds */
  rs_hue_colors hue[4];           /* indexed by rs_hue; [NONE] = neutral */
  double tint;                    /* opacity of a hue's fill as a background */
  double tint_strong;             /* the same, for what this step touched */
  double line;                    /* outline width of highlighted items */
  double future;                  /* opacity of timeline steps not yet taken */
  rs_rgba shadow;                 /* card shadow (alpha 0: none) */
} rs_theme;

const rs_theme *rs_theme_get(rs_theme_kind kind);

/* A hue's fill at opacity `alpha`, for backgrounds. */
rs_rgba rs_theme_tint(const rs_theme *t, rs_hue h, double alpha);

/* `a` with its opacity multiplied by `k`. */
rs_rgba rs_rgba_fade(rs_rgba a, double k);

/* Linear blend of two colours (t = 0 gives a). */
rs_rgba rs_rgba_mix(rs_rgba a, rs_rgba b, double t);

/* Text styles, in px at zoom 1 (README "Typography"). Nothing is smaller
 * than 12 px. */
typedef enum rs_font {
  RS_FONT_NARRATION,    /* 20 sans regular, markup */
  RS_FONT_NARRATION_S,  /* 18: the same when the text is long */
  RS_FONT_NARRATION_XS, /* 16: and when it is longer still */
  RS_FONT_RING,         /* 24 sans extra-bold: "3 → 0" */
  RS_FONT_TITLE,        /* 15 sans bold: card titles */
  RS_FONT_HEADLINE,     /* 14 sans semibold */
  RS_FONT_CODE,         /* 14 mono */
  RS_FONT_CODE_BOLD,    /* 14 mono bold: labels */
  RS_FONT_VALUE,        /* 14.5 mono: register and slot values */
  RS_FONT_VALUE_BOLD,
  RS_FONT_VEC,          /* 15 mono bold: IDT vector numbers */
  RS_FONT_NAME,         /* 13 sans semibold: register names, slot "what" */
  RS_FONT_BODY,         /* 13 sans regular: notes, subtitles */
  RS_FONT_ADDR,         /* 13 mono: addresses, subtitles with hex */
  RS_FONT_ADDR_BOLD,
  RS_FONT_SMALL_MONO,   /* 12.5 mono: "was …", handlers, lookup, stack addresses */
  RS_FONT_SMALL_MONO_BOLD,
  RS_FONT_TAG,          /* 12 sans semibold: tags, chips, "pushed by" */
  RS_FONT_TAG_BOLD,     /* 12 sans bold: section names, solid pills */
  RS_NFONTS
} rs_font;

/* A text style: a family list with fallbacks for when Inter or JetBrains
 * Mono are not installed, a CSS weight and a size in px. */
typedef struct rs_font_spec {
  bool mono;
  int weight;     /* 400 regular, 600 semibold, 700 bold, 800 extra-bold */
  double px;
} rs_font_spec;

const rs_font_spec *rs_font_get(rs_font f);

/* Family lists for rs_font_spec.mono false / true. */
#define RS_FONT_SANS "Inter, Cantarell, DejaVu Sans, sans-serif"
#define RS_FONT_MONO "JetBrains Mono, DejaVu Sans Mono, monospace"

#endif
