/* Ringside — the interrupt and exception vectors (Intel SDM Vol. 3A
 * Table 6-1; x86-facts §1.3). */
#ifndef RINGSIDE_VECTORS_H
#define RINGSIDE_VECTORS_H

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum rs_vector_class {
  RS_VEC_FAULT,        /* saved EIP = the faulting instruction: it is restarted */
  RS_VEC_TRAP,         /* saved EIP = the next instruction */
  RS_VEC_FAULT_OR_TRAP,/* #DB: depends on the condition */
  RS_VEC_ABORT,        /* saved EIP unreliable */
  RS_VEC_INTERRUPT,    /* NMI and vectors 32-255: external or INT n */
  RS_VEC_RESERVED
} rs_vector_class;

typedef struct rs_vector_info {
  const char *mnemonic;   /* "#GP", "NMI", "" for user-defined vectors */
  const char *name;       /* "General Protection" */
  bool has_error_code;    /* when raised as an exception (8, 10-14, 17) */
  rs_vector_class cls;
} rs_vector_info;

/* Facts about vector 0-255 (out-of-range values are treated as 255). */
const rs_vector_info *rs_vector_info_of(unsigned vector);

#ifdef __cplusplus
}
#endif
#endif
