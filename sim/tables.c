/* System tables in memory in their real formats — the GDT (segment
 * descriptors), the IDT (8-byte gates) and the 32-bit TSS — and segment
 * register loads with their protection checks.
 *
 * Descriptor format: SDM Vol. 3A §3.4.5 (Figure 3-8); gate format:
 * §6.11 (Figure 6-2), x86-facts §1.2; TSS: §7.2.1 (Figure 7-2), x86-facts
 * §1.8; MOV/POP Sreg checks: SDM Vol. 2 MOV and POP pseudocode. */
#include "machine-internal.h"

#include <string.h>

/* Descriptor access-byte fields. */
enum {
  ACC_P = 0x80, ACC_S = 0x10, ACC_CODE = 0x08, ACC_CONFORMING = 0x04,
  ACC_RW = 0x02, ACC_ACCESSED = 0x01
};

static uint32_t desc_hi(uint32_t base, uint32_t limit, uint8_t access, uint8_t flags) {
  return ((base >> 16) & 0xff) | (uint32_t)access << 8 | (limit & 0xf0000) |
         (uint32_t)(flags & 0xf) << 20 | (base & 0xff000000u);
}
static uint32_t desc_lo(uint32_t base, uint32_t limit) {
  return (limit & 0xffff) | (base & 0xffff) << 16;
}

void rs_seg_from_descriptor(rs_seg_cache *c, uint32_t lo, uint32_t hi) {
  *c = (rs_seg_cache){ 0 };
  c->base = (lo >> 16) | (hi & 0xff) << 16 | (hi & 0xff000000u);
  uint32_t limit = (lo & 0xffff) | (hi & 0xf0000);
  c->flags = (uint8_t)((hi >> 20) & 0xf);
  if (c->flags & 0x8) limit = (limit << 12) | 0xfff; /* G: 4 KiB units */
  c->limit = limit;
  c->access = (uint8_t)(hi >> 8);
}

static bool write32(rs_machine *m, uint32_t lin, uint32_t v) {
  uint8_t b[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };
  return rs_machine_poke(m, lin, b, 4);
}

rs_status rs_read_descriptor(rs_machine *m, uint16_t sel, uint32_t *lo, uint32_t *hi, rs_why why) {
  if (sel & 4) return rs_fault_gp(m, sel & 0xfffc); /* no LDT in this machine */
  uint32_t off = sel & 0xfff8u;
  if (off + 7 > m->cpu.gdtr.limit) return rs_fault_gp(m, sel & 0xfffc);
  uint32_t addr = m->cpu.gdtr.base + off;
  if (rs_mem_read(m, addr, 4, false, lo) || rs_mem_read(m, addr + 4, 4, false, hi))
    return RS_FAULT;
  if (m->rec) rs_eff_info(m, RS_EFF_GDT_READ, sel, 0, addr, *lo, *hi, why);
  return RS_OK;
}

/* The CPU marks a segment descriptor accessed when it loads it. */
static rs_status set_accessed(rs_machine *m, uint16_t sel, uint32_t hi) {
  if (hi & (ACC_ACCESSED << 8)) return RS_OK;
  uint32_t addr = m->cpu.gdtr.base + (sel & 0xfff8u) + 4;
  return rs_mem_write(m, addr, 4, false, hi | ACC_ACCESSED << 8, RS_WHY_SEG_LOAD);
}

void rs_set_sreg(rs_machine *m, rs_sreg s, uint16_t sel, const rs_seg_cache *cache, rs_why why) {
  rs_cpu *c = &m->cpu;
  if (m->rec) {
    if (c->sel[s] != sel) rs_eff_reg(m, (rs_loc)(RS_LOC_ES + s), c->sel[s], sel, why);
    if (c->seg[s].base != cache->base)
      rs_eff_reg(m, (rs_loc)(RS_LOC_ES_BASE + s), c->seg[s].base, cache->base, why);
    if (c->seg[s].limit != cache->limit)
      rs_eff_reg(m, (rs_loc)(RS_LOC_ES_LIMIT + s), c->seg[s].limit, cache->limit, why);
    uint32_t oa = c->seg[s].access | (uint32_t)c->seg[s].flags << 8;
    uint32_t na = cache->access | (uint32_t)cache->flags << 8;
    if (oa != na) rs_eff_reg(m, (rs_loc)(RS_LOC_ES_ATTR + s), oa, na, why);
  }
  c->sel[s] = sel;
  c->seg[s] = *cache;
}

rs_status rs_load_sreg_checked(rs_machine *m, rs_sreg s, uint16_t sel, rs_why why) {
  unsigned cpl = rs_cpu_cpl(&m->cpu);
  rs_seg_cache cache = { 0 };
  if ((sel & 0xfffc) == 0) {
    if (s == RS_SS) return rs_fault_gp(m, 0);
    rs_set_sreg(m, s, sel, &cache, why); /* null selector: unusable segment */
    return RS_OK;
  }
  uint32_t lo, hi;
  if (rs_read_descriptor(m, sel, &lo, &hi, RS_WHY_GDT_READ_SEG)) return RS_FAULT;
  uint8_t acc = (uint8_t)(hi >> 8);
  unsigned dpl = (acc >> 5) & 3, rpl = sel & 3;
  bool is_seg = (acc & ACC_S) != 0, code = (acc & ACC_CODE) != 0;
  if (s == RS_SS) {
    if (!is_seg || code || !(acc & ACC_RW) || rpl != cpl || dpl != cpl)
      return rs_fault_gp(m, sel & 0xfffc);
    if (!(acc & ACC_P)) {
      rs_fault(m, 12, true, sel & 0xfffc);
      return RS_FAULT;
    }
  } else {
    if (!is_seg || (code && !(acc & ACC_RW))) return rs_fault_gp(m, sel & 0xfffc);
    if ((!code || !(acc & ACC_CONFORMING)) && (rpl > dpl || cpl > dpl))
      return rs_fault_gp(m, sel & 0xfffc);
    if (!(acc & ACC_P)) {
      rs_fault(m, 11, true, sel & 0xfffc);
      return RS_FAULT;
    }
  }
  if (set_accessed(m, sel, hi)) return RS_FAULT;
  rs_seg_from_descriptor(&cache, lo, hi | ACC_ACCESSED << 8);
  rs_set_sreg(m, s, sel, &cache, why);
  return RS_OK;
}

/* Loads a selector's cache straight from the GDT (loader only). */
static bool load_cache(rs_machine *m, uint16_t sel, rs_seg_cache *c) {
  memset(c, 0, sizeof *c);
  if ((sel & 0xfffc) == 0) return true;
  uint32_t lo, hi;
  if (!rs_machine_peek32(m, m->cpu.gdtr.base + (sel & 0xfff8u), &lo) ||
      !rs_machine_peek32(m, m->cpu.gdtr.base + (sel & 0xfff8u) + 4, &hi))
    return false;
  rs_seg_from_descriptor(c, lo, hi);
  return true;
}

bool rs_machine_install_tables(rs_machine *m, uint32_t gdt_base, uint32_t idt_base,
                               uint32_t tss_base, uint32_t esp0) {
  rs_cpu *c = &m->cpu;
  /* GDT: null, kernel code, kernel data, user code, user data, TSS. The
   * code/data descriptors are flat (base 0, limit 4 GiB, G=1, D=1) and
   * already marked accessed. */
  const uint32_t flat = 0xfffff;
  uint32_t gdt[12] = {
    0, 0,
    desc_lo(0, flat), desc_hi(0, flat, ACC_P | ACC_S | ACC_CODE | ACC_RW | ACC_ACCESSED, 0xc),
    desc_lo(0, flat), desc_hi(0, flat, ACC_P | ACC_S | ACC_RW | ACC_ACCESSED, 0xc),
    desc_lo(0, flat), desc_hi(0, flat, ACC_P | 3 << 5 | ACC_S | ACC_CODE | ACC_RW | ACC_ACCESSED, 0xc),
    desc_lo(0, flat), desc_hi(0, flat, ACC_P | 3 << 5 | ACC_S | ACC_RW | ACC_ACCESSED, 0xc),
    /* 32-bit TSS, limit 0x67, marked busy (type 0xB) as LTR leaves it. */
    desc_lo(tss_base, 0x67), desc_hi(tss_base, 0x67, ACC_P | 0xb, 0),
  };
  for (unsigned i = 0; i < 12; i++)
    if (!write32(m, gdt_base + 4 * i, gdt[i])) return false;
  c->gdtr.base = gdt_base;
  c->gdtr.limit = sizeof gdt - 1;

  uint8_t zero[104] = { 0 };
  if (!rs_machine_poke(m, tss_base, zero, sizeof zero)) return false;
  if (!write32(m, tss_base + 4, esp0) || !write32(m, tss_base + 8, RS_SEL_KDATA)) return false;
  uint8_t iomb[2] = { 0xff, 0xff }; /* beyond the limit: no I/O at CPL 3 */
  if (!rs_machine_poke(m, tss_base + 0x66, iomb, 2)) return false;

  for (unsigned v = 0; v < 256; v++)
    if (!write32(m, idt_base + 8 * v, 0) || !write32(m, idt_base + 8 * v + 4, 0)) return false;
  c->idtr.base = idt_base;
  c->idtr.limit = 256 * 8 - 1;

  c->tr = RS_SEL_TSS;
  if (!load_cache(m, RS_SEL_TSS, &c->tr_cache)) return false;
  for (unsigned s = 0; s < RS_NSREG; s++)
    if (!load_cache(m, c->sel[s], &c->seg[s])) return false;
  return true;
}

void rs_machine_set_privilege(rs_machine *m, unsigned cpl) {
  rs_cpu *c = &m->cpu;
  uint16_t code = cpl == 0 ? RS_SEL_KCODE : RS_SEL_UCODE;
  uint16_t data = cpl == 0 ? RS_SEL_KDATA : RS_SEL_UDATA;
  const uint16_t sels[RS_NSREG] = { [RS_ES] = data, [RS_CS] = code, [RS_SS] = data,
                                    [RS_DS] = data, [RS_FS] = 0, [RS_GS] = 0 };
  for (unsigned s = 0; s < RS_NSREG; s++) {
    c->sel[s] = sels[s];
    load_cache(m, sels[s], &c->seg[s]);
  }
}

bool rs_machine_set_gate(rs_machine *m, unsigned vector, uint32_t handler,
                         rs_gate_type type, unsigned dpl, bool present) {
  if (vector > 255 || dpl > 3) return false;
  uint32_t lo = (handler & 0xffff) | (uint32_t)RS_SEL_KCODE << 16;
  uint32_t hi = (handler & 0xffff0000u) | (present ? 1u << 15 : 0) | (dpl & 3) << 13 |
                (uint32_t)type << 8;
  uint32_t at = m->cpu.idtr.base + 8 * vector;
  return write32(m, at, lo) && write32(m, at + 4, hi);
}

bool rs_machine_read_gate(const rs_machine *m, unsigned vector, rs_gate *g) {
  uint32_t lo, hi, at = m->cpu.idtr.base + 8 * vector;
  if (vector > 255 || !rs_machine_peek32(m, at, &lo) || !rs_machine_peek32(m, at + 4, &hi))
    return false;
  g->offset = (lo & 0xffff) | (hi & 0xffff0000u);
  g->selector = (uint16_t)(lo >> 16);
  g->type = (uint8_t)((hi >> 8) & 0xf);
  g->dpl = (uint8_t)((hi >> 13) & 3);
  g->present = (hi >> 15) & 1;
  g->addr = at;
  return true;
}
