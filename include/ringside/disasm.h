/* Ringside — the disassembler: one instruction in AT&T syntax, as GNU
 * objdump prints it (binutils 2.40), with whitespace normalized to one
 * space after the mnemonic. */
#ifndef RINGSIDE_DISASM_H
#define RINGSIDE_DISASM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Names an address: returns a label (and addr - label in *offset), or
 * NULL when there is none. */
typedef const char *(*rs_symbol_fn)(uint32_t addr, uint32_t *offset, void *ud);

/* Disassembles the instruction at `bytes` (at most `len` bytes, never read
 * past), located at linear address `addr`, into `out`. Branch targets are
 * printed like objdump ("call 804802c <open+0x4>") when `sym` names them,
 * as the bare address ("call 804802c") when it does not or is NULL. `out`
 * is filled like snprintf: at most `outlen` bytes, NUL-terminated when
 * outlen > 0. Returns the instruction length, or 0 when the bytes are not
 * a supported instruction or are cut short (out = "(bad)"). */
unsigned rs_disasm(const uint8_t *bytes, size_t len, uint32_t addr, char *out, size_t outlen,
                   rs_symbol_fn sym, void *ud);

#ifdef __cplusplus
}
#endif
#endif
