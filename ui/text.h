/* Ringside views: text layouts, cached across frames.
 *
 * Shaping text is most of the cost of a frame, and most of a frame's text
 * is the same as the last frame's. The cache keeps one PangoLayout per
 * (style, text, flags, width) and forgets those a few frames old. It owns
 * its PangoContext, matched to the cairo context at the start of each
 * frame. Text uses hinting without hinted metrics, so a string measures
 * the same at every zoom and the layout never jumps as it scales. */
#ifndef RINGSIDE_UI_TEXT_H
#define RINGSIDE_UI_TEXT_H

#include <pango/pangocairo.h>

#include "theme.h"

typedef struct rs_text_cache rs_text_cache;

rs_text_cache *rs_text_cache_new(void);
void rs_text_cache_free(rs_text_cache *c);

/* Starts a frame drawn on `cr`: matches the context to its transformation
 * and font options. */
void rs_text_cache_begin(rs_text_cache *c, cairo_t *cr);

/* Ends a frame: forgets layouts unused for a few frames. */
void rs_text_cache_end(rs_text_cache *c);

enum {
  RS_TEXT_MARKUP = 1u << 0,    /* Pango markup (<b> and entities) */
  RS_TEXT_WRAP = 1u << 1,      /* wrap words at `width` */
  RS_TEXT_ELLIPSIZE = 1u << 2, /* cut at `width` with "…" */
};

/* The layout of `text` in style `f`. `width` (logical px) applies with
 * RS_TEXT_WRAP or RS_TEXT_ELLIPSIZE. The layout belongs to the cache and
 * stays valid until the end of the frame; NULL when out of memory. */
PangoLayout *rs_text_layout(rs_text_cache *c, rs_font f, const char *text, unsigned flags,
                            double width);

#endif
