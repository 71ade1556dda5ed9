/* Ringside views: the code listing as rows (pure data, no cairo).
 *
 * The program's blocks become sections — USER · ring 3 or KERNEL · ring 0
 * by the region they sit in, user first — each with label rows and one
 * row per instruction or data line. The model marks the instruction that
 * just ran (or raised, or was interrupted), the one EIP points to, and the
 * handler's label when this step delivered through a gate; it chooses
 * the scroll that keeps them in view. */
#ifndef RINGSIDE_UI_CODE_MODEL_H
#define RINGSIDE_UI_CODE_MODEL_H

#include "beats.h"
#include "theme.h"
#include "view.h"

typedef enum rs_code_row_kind { RS_CODE_SECTION, RS_CODE_LABEL, RS_CODE_LINE } rs_code_row_kind;

typedef struct rs_code_row {
  rs_code_row_kind kind;
  rs_hue hue;            /* the section's mode: RS_HUE_USER or RS_HUE_KERNEL */
  uint32_t addr;         /* SECTION: block origin; LABEL: its value; LINE: the line's */
  char text[80];         /* LABEL: name; LINE: "int   $0x40" */
  char comment[96];      /* LINE: the source comment, "" if none */
  double y, h;           /* position in the listing, px at zoom 1 */
} rs_code_row;

/* Row heights (px at zoom 1). */
#define RS_CODE_ROW_H 20.5
#define RS_CODE_SECTION_H 30.0
#define RS_CODE_SECTION_GAP 10.0

typedef struct rs_code_model {
  rs_code_row *rows;
  size_t n;
  double height;            /* of the whole listing */
  int just_ran;             /* row of the instruction the step ran, or -1 */
  const char *just_ran_tag; /* "just ran", "faulted", "interrupted" */
  bool just_ran_check;      /* draw a ✓ (it completed) */
  int next;                 /* row EIP points to, or -1 */
  int next_before;          /* row EIP pointed to before the step, or -1 */
  int eip_effect;           /* effect that moves EIP (the marker slides in its beat), or -1 */
  const char *next_tag;     /* "EIP · next", "EIP · delivery next", "EIP · halted" */
  rs_hue next_hue;
  int handler;              /* label row of the handler this step entered, or -1 */
  unsigned vector;          /* its vector */
} rs_code_model;

/* Builds the listing for the input's current state. Returns false on
 * allocation failure. */
bool rs_code_model_build(const rs_view_input *in, rs_code_model *out);
void rs_code_model_free(rs_code_model *m);

/* The row at address addr (instruction or data line), or -1. */
int rs_code_model_row_at(const rs_code_model *m, uint32_t addr);

/* The scroll offset (px) for a viewport of height view_h: none when
 * everything fits, else the least scroll showing the rows that matter
 * with some context. */
double rs_code_model_scroll(const rs_code_model *m, double view_h);

#endif
