/* Ringside views: a stack as slots (pure data, no cairo).
 *
 * Each 4-byte word from the top of the stack down to its ESP becomes a
 * slot with its value, what it is and who pushed it, derived from the
 * machine's word tags (who wrote each word and why): FRAME_SS gives
 * "saved SS" / "pushed by CPU", PUSHAD_EAX gives "EAX" / "pushed by
 * pushal", CALL_RETURN_ADDR gives "return to main" / "pushed by call
 * open". Words a pop read in this step stay visible under ESP, marked
 * popped. The user stack is shown with the live ESP in user mode and with
 * the ESP the CPU saved on the kernel stack in kernel mode.
 *
 * The layout fits the slots (56 px high, fixed) into a card: start-up
 * words are folded into one row, and when the stack is taller than the
 * card, the words the step did not touch, farthest from ESP first, fold
 * into "⋮ N words" rows. */
#ifndef RINGSIDE_UI_STACK_MODEL_H
#define RINGSIDE_UI_STACK_MODEL_H

#include "beats.h"
#include "theme.h"
#include "view.h"

typedef enum rs_word_group { RS_GROUP_NONE, RS_GROUP_FRAME, RS_GROUP_PUSHAD } rs_word_group;

typedef struct rs_stack_word {
  uint32_t addr, value;
  uint32_t old;          /* before this step's write */
  char what[64];         /* "saved SS", "return to main" */
  char by[64];           /* "pushed by CPU", "pushed by call open" */
  rs_hue hue;            /* of the value, by what it points to */
  bool startup;          /* never written by the program (set by the scenario) */
  bool from_operand;     /* pushed from an immediate or memory operand */
  bool written;          /* written by this step */
  bool pushed;           /* ... by a push (the slot was free before) */
  bool popped;           /* read by a pop in this step, now under ESP */
  int effect;            /* the MEM write or READ of this step, or -1 */
  rs_why why;            /* reason of the last write (RS_WHY_NONE: never written) */
  rs_word_group group;
} rs_stack_word;

#define RS_STACK_MAX_WORDS 256

typedef struct rs_stack_model {
  bool user;             /* the user stack (addresses at the left) */
  bool present;          /* the scenario has such a stack */
  char subtitle[48];     /* "top = 0xbffff000", "TSS.ESP0 = 0xc0108000" */
  uint32_t base, top;    /* the region; top: region end, or ESP0 */
  const char *top_label; /* "top", "ESP0" */
  bool has_esp;
  uint32_t esp;          /* live ESP, or the saved one */
  bool esp_live;
  bool esp_in_kernel_frame; /* user ESP saved by the CPU (outlined pill) */
  rs_stack_word words[RS_STACK_MAX_WORDS];
  size_t n;              /* words, top first */
  size_t n_in_use;       /* the first n_in_use are at or above ESP */
  size_t hidden_above;   /* older words beyond RS_STACK_MAX_WORDS */
  char free_text[64];    /* "free", "next: pushl $0" */
  int link;              /* word holding a saved ESP that points into the
                            other stack, or -1 */
  uint32_t link_value;
  char note_title[48], note[200]; /* explanation under the slots, "" if none */
} rs_stack_model;

/* Builds both stacks. Either may come out not present. */
void rs_stack_models_build(const rs_view_input *in, const rs_beats *b, rs_stack_model *user,
                           rs_stack_model *kernel);

typedef enum rs_stack_row_kind {
  RS_ROW_TOP,            /* the top line */
  RS_ROW_GROUP,          /* "interrupt frame  new" above a group pushed by this step */
  RS_ROW_WORD,
  RS_ROW_FOLD,           /* "⋮ 3 start-up words" */
  RS_ROW_FREE,           /* dashed slot under ESP */
} rs_stack_row_kind;

typedef struct rs_stack_row {
  rs_stack_row_kind kind;
  int word;              /* WORD: the word; FOLD: first word; GROUP: first word */
  int count;             /* FOLD: words folded */
  double y, h;           /* relative to the first row */
  char label[64];        /* FOLD and GROUP text */
} rs_stack_row;

/* Slot geometry (px at zoom 1). */
#define RS_SLOT_H 56.0
#define RS_SLOT_GAP 5.0
#define RS_FOLD_H 28.0
#define RS_FREE_H 30.0
#define RS_TOP_H 22.0
#define RS_TOP_LINE_Y 18.0 /* the top line, from the top row's top */
/* The address ESP points to is drawn RS_ESP_ADDR_DY above its slot's
 * centre, in bold; the ESP marker RS_ESP_MARK_DY under that address. */
#define RS_ESP_ADDR_DY 10.0
#define RS_ESP_MARK_DY 21.0
#define RS_GROUP_H 28.0 /* as tall as a fold, so stacks facing each other line up */
#define RS_STACK_MAX_ROWS (RS_STACK_MAX_WORDS + 8)

typedef struct rs_stack_layout {
  rs_stack_row rows[RS_STACK_MAX_ROWS];
  size_t n;
  double height;
} rs_stack_layout;

/* Fits the model's words into `avail` px. */
void rs_stack_layout_compute(const rs_stack_model *m, double avail, rs_stack_layout *out);

/* The row showing the word at addr (a slot or the fold that hides it),
 * or -1. */
int rs_stack_layout_row_of(const rs_stack_model *m, const rs_stack_layout *l, uint32_t addr);

/* Where (relative to the first row) the address an ESP of value esp
 * points to is drawn: above the centre of that word's slot, on the top
 * line for the top, or in the free slot under the lowest word. */
double rs_stack_layout_esp_y(const rs_stack_model *m, const rs_stack_layout *l, uint32_t esp);

/* True if addr lies in the stack's region (top included). */
bool rs_stack_model_contains(const rs_stack_model *m, uint32_t addr);

#endif
