/* The text layout cache: an open-addressing hash table of PangoLayouts,
 * rebuilt without the stale entries when it fills up. */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Frames a layout survives without being used. */
#define RS_TEXT_KEEP_FRAMES 3
#define RS_TEXT_MIN_CAP 512

typedef struct rs_text_entry {
  char *text;              /* NULL: empty slot */
  uint32_t hash;
  uint8_t font, flags;
  int width;               /* Pango units; -1 without a width */
  uint32_t used;           /* frame of the last use */
  PangoLayout *layout;
} rs_text_entry;

struct rs_text_cache {
  PangoContext *ctx;
  PangoFontDescription *fonts[RS_NFONTS];
  PangoAttrList *features[2];   /* [0] sans, [1] mono */
  rs_text_entry *slots;
  size_t cap, count;
  uint32_t frame;
  /* What the context was last matched to: pango_cairo_update_context()
   * always invalidates every layout, so it is called only on a change. */
  bool matched;
  double scale[4];                 /* the linear part of the CTM */
  unsigned long target_options;    /* hash of the target's font options */
};

static PangoFontDescription *font_new(const rs_font_spec *s) {
  PangoFontDescription *d = pango_font_description_new();
  pango_font_description_set_family(d, s->mono ? RS_FONT_MONO : RS_FONT_SANS);
  pango_font_description_set_weight(d, (PangoWeight)s->weight);
  pango_font_description_set_absolute_size(d, s->px * PANGO_SCALE);
  return d;
}

/* OpenType features: Inter without contextual alternates (nor tabular
 * figures), so "0x40" never becomes "0×40"; JetBrains Mono without
 * ligatures. */
static const char *features_of(bool mono) { return mono ? "liga=0,calt=0" : "calt=0"; }

rs_text_cache *rs_text_cache_new(void) {
  rs_text_cache *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  c->ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
  c->cap = RS_TEXT_MIN_CAP;
  c->slots = calloc(c->cap, sizeof *c->slots);
  if (!c->ctx || !c->slots) {
    rs_text_cache_free(c);
    return NULL;
  }
  pango_context_set_round_glyph_positions(c->ctx, FALSE);
  cairo_font_options_t *fo = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(c->ctx, fo);
  cairo_font_options_destroy(fo);
  for (int f = 0; f < RS_NFONTS; f++) c->fonts[f] = font_new(rs_font_get((rs_font)f));
  for (int k = 0; k < 2; k++) {
    c->features[k] = pango_attr_list_new();
    pango_attr_list_insert(c->features[k], pango_attr_font_features_new(features_of(k)));
  }
  return c;
}

static void clear_slots(rs_text_entry *slots, size_t cap) {
  for (size_t i = 0; i < cap; i++) {
    if (!slots[i].text) continue;
    free(slots[i].text);
    g_object_unref(slots[i].layout);
  }
}

void rs_text_cache_free(rs_text_cache *c) {
  if (!c) return;
  if (c->slots) clear_slots(c->slots, c->cap);
  free(c->slots);
  for (int f = 0; f < RS_NFONTS; f++)
    if (c->fonts[f]) pango_font_description_free(c->fonts[f]);
  for (int k = 0; k < 2; k++)
    if (c->features[k]) pango_attr_list_unref(c->features[k]);
  if (c->ctx) g_object_unref(c->ctx);
  free(c);
}

void rs_text_cache_begin(rs_text_cache *c, cairo_t *cr) {
  cairo_matrix_t m;
  cairo_get_matrix(cr, &m);
  cairo_font_options_t *fo = cairo_font_options_create();
  cairo_surface_get_font_options(cairo_get_target(cr), fo);
  unsigned long options = cairo_font_options_hash(fo);
  cairo_font_options_destroy(fo);
  double scale[4] = { m.xx, m.yx, m.xy, m.yy };
  if (c->matched && options == c->target_options && memcmp(scale, c->scale, sizeof scale) == 0) return;
  pango_cairo_update_context(cr, c->ctx);
  memcpy(c->scale, scale, sizeof scale);
  c->target_options = options;
  c->matched = true;
}

static uint32_t hash_key(const char *text, unsigned font, unsigned flags, int width) {
  uint32_t h = 2166136261u;
  for (const unsigned char *p = (const unsigned char *)text; *p; p++) h = (h ^ *p) * 16777619u;
  h = (h ^ font) * 16777619u;
  h = (h ^ flags) * 16777619u;
  return (h ^ (uint32_t)width) * 16777619u;
}

static rs_text_entry *probe(rs_text_entry *slots, size_t cap, uint32_t hash, const char *text,
                            unsigned font, unsigned flags, int width) {
  for (size_t i = hash & (cap - 1);; i = (i + 1) & (cap - 1)) {
    rs_text_entry *e = &slots[i];
    if (!e->text) return e;
    if (e->hash == hash && e->font == font && e->flags == flags && e->width == width &&
        strcmp(e->text, text) == 0)
      return e;
  }
}

/* Moves the entries (all of them, or those used in the last few frames)
 * into a table of `cap` slots and drops the rest. */
static void rebuild(rs_text_cache *c, size_t cap, bool keep_all) {
  rs_text_entry *slots = calloc(cap, sizeof *slots);
  if (!slots) return; /* keep the old table; it still works */
  size_t count = 0;
  for (size_t i = 0; i < c->cap; i++) {
    rs_text_entry *e = &c->slots[i];
    if (!e->text) continue;
    if (!keep_all && c->frame - e->used > RS_TEXT_KEEP_FRAMES) {
      free(e->text);
      g_object_unref(e->layout);
      continue;
    }
    *probe(slots, cap, e->hash, e->text, e->font, e->flags, e->width) = *e;
    count++;
  }
  free(c->slots);
  c->slots = slots;
  c->cap = cap;
  c->count = count;
}

void rs_text_cache_end(rs_text_cache *c) {
  c->frame++;
  if (c->count * 2 > c->cap) rebuild(c, c->cap, false);
  if (c->count * 2 > c->cap) rebuild(c, c->cap * 2, true);
}

static PangoLayout *layout_new(rs_text_cache *c, rs_font f, const char *text, unsigned flags,
                               int width) {
  PangoLayout *l = pango_layout_new(c->ctx);
  const rs_font_spec *spec = rs_font_get(f);
  pango_layout_set_font_description(l, c->fonts[f]);
  PangoAttrList *attrs = NULL;
  char *plain = NULL;
  if ((flags & RS_TEXT_MARKUP) && pango_parse_markup(text, -1, 0, &attrs, &plain, NULL, NULL)) {
    pango_layout_set_text(l, plain, -1);
    pango_attr_list_insert_before(attrs, pango_attr_font_features_new(features_of(spec->mono)));
    pango_layout_set_attributes(l, attrs);
    pango_attr_list_unref(attrs);
    g_free(plain);
  } else {
    pango_layout_set_text(l, text, -1);
    pango_layout_set_attributes(l, c->features[spec->mono]);
  }
  if (width >= 0) {
    pango_layout_set_width(l, width);
    if (flags & RS_TEXT_WRAP) {
      pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_line_spacing(l, 1.3f);
    } else {
      pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    }
  }
  return l;
}

PangoLayout *rs_text_layout(rs_text_cache *c, rs_font f, const char *text, unsigned flags,
                            double width) {
  int w = (flags & (RS_TEXT_WRAP | RS_TEXT_ELLIPSIZE)) ? (int)(width * PANGO_SCALE) : -1;
  if (w < -1) w = 0;
  uint32_t h = hash_key(text, (unsigned)f, flags, w);
  rs_text_entry *e = probe(c->slots, c->cap, h, text, (unsigned)f, flags, w);
  if (!e->text) {
    if ((c->count + 1) * 4 > c->cap * 3) {
      /* Full within one frame: grow now, keeping everything. */
      rebuild(c, c->cap * 2, true);
      if ((c->count + 1) * 4 > c->cap * 3) return NULL;
      e = probe(c->slots, c->cap, h, text, (unsigned)f, flags, w);
    }
    char *copy = strdup(text);
    if (!copy) return NULL;
    *e = (rs_text_entry){ .text = copy, .hash = h, .font = (uint8_t)f, .flags = (uint8_t)flags,
                          .width = w, .layout = layout_new(c, f, text, flags, w) };
    c->count++;
  }
  e->used = c->frame;
  return e->layout;
}
