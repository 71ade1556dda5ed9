/* The vector table: one X-macro row per architecturally defined vector
 * (SDM Vol. 3A Table 6-1; the error-code set is QEMU's and xv6's, x86-facts
 * §1.3). */
#include <ringside/vectors.h>

#define RS_VECTORS(X)                                                    \
  X(0,  "#DE", "Divide Error",                 false, RS_VEC_FAULT)        \
  X(1,  "#DB", "Debug",                        false, RS_VEC_FAULT_OR_TRAP) \
  X(2,  "NMI", "Non-maskable Interrupt",       false, RS_VEC_INTERRUPT)    \
  X(3,  "#BP", "Breakpoint",                   false, RS_VEC_TRAP)         \
  X(4,  "#OF", "Overflow",                     false, RS_VEC_TRAP)         \
  X(5,  "#BR", "BOUND Range Exceeded",         false, RS_VEC_FAULT)        \
  X(6,  "#UD", "Invalid Opcode",               false, RS_VEC_FAULT)        \
  X(7,  "#NM", "Device Not Available",         false, RS_VEC_FAULT)        \
  X(8,  "#DF", "Double Fault",                 true,  RS_VEC_ABORT)        \
  X(9,  "",    "Coprocessor Segment Overrun",  false, RS_VEC_RESERVED)     \
  X(10, "#TS", "Invalid TSS",                  true,  RS_VEC_FAULT)        \
  X(11, "#NP", "Segment Not Present",          true,  RS_VEC_FAULT)        \
  X(12, "#SS", "Stack-Segment Fault",          true,  RS_VEC_FAULT)        \
  X(13, "#GP", "General Protection",           true,  RS_VEC_FAULT)        \
  X(14, "#PF", "Page Fault",                   true,  RS_VEC_FAULT)        \
  X(15, "",    "Reserved",                     false, RS_VEC_RESERVED)     \
  X(16, "#MF", "x87 Floating-Point Error",     false, RS_VEC_FAULT)        \
  X(17, "#AC", "Alignment Check",              true,  RS_VEC_FAULT)        \
  X(18, "#MC", "Machine Check",                false, RS_VEC_ABORT)        \
  X(19, "#XM", "SIMD Floating-Point Exception", false, RS_VEC_FAULT)       \
  X(20, "#VE", "Virtualization Exception",     false, RS_VEC_FAULT)        \
  X(21, "#CP", "Control Protection Exception", true,  RS_VEC_FAULT)

static const rs_vector_info defined[] = {
#define X(n, mn, name, err, cls) [n] = { mn, name, err, cls },
  RS_VECTORS(X)
#undef X
};

const rs_vector_info *rs_vector_info_of(unsigned vector) {
  static const rs_vector_info reserved = { "", "Reserved", false, RS_VEC_RESERVED };
  static const rs_vector_info user = { "", "User-defined interrupt", false, RS_VEC_INTERRUPT };
  if (vector < sizeof defined / sizeof defined[0]) return &defined[vector];
  if (vector < 32) return &reserved;
  return &user;
}
