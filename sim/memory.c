/* Physical memory, 32-bit paging and linear-address accesses.
 *
 * Paging follows Intel SDM Vol. 3A §4.3 (32-bit paging, 4 KiB pages, no
 * PSE/PAE): the effective U/S and R/W rights are the AND of the PDE's and
 * the PTE's; a supervisor write to a read-only page faults only if CR0.WP=1;
 * the walker sets the PDE's accessed bit once the PDE is found present and
 * the PTE's accessed (and, for writes, dirty) bit once the access is allowed
 * — the order QEMU's walker uses (x86-facts §4.2). A failed translation
 * raises #PF with error code P | W/R | U/S and CR2 = the linear address.
 *
 * The TLB is a cache that is invisible to the program: any write to a page
 * the walker has read as a paging structure flushes it, as do CR3 writes
 * and INVLPG. (A real TLB may serve stale entries; teaching scenarios that
 * edit page tables always invalidate, so the difference cannot show.)
 * The decode cache is likewise invalidated by writes to code pages. */
#include "machine-internal.h"

#include <string.h>

static inline uint32_t page_of(uint32_t phys) { return phys >> 12; }

void rs_mem_note_write(rs_machine *m, uint32_t phys) {
  uint32_t p = page_of(phys);
  uint8_t f = m->page_flags[p];
  if (f & RS_PAGE_PAGING) rs_mem_flush_tlb(m);
  if (f & RS_PAGE_SHARED) rs_machine_unshare(m, p);
  if (f & RS_PAGE_CODE) {
    m->page_gen[p]++;
    m->page_flags[p] &= (uint8_t)~RS_PAGE_CODE;
  }
}

uint32_t rs_mem_phys_read(const rs_machine *m, uint32_t phys, unsigned size) {
  uint32_t v = 0;
  for (unsigned i = 0; i < size; i++) {
    uint32_t a = phys + i;
    uint8_t byte = a < m->phys_size ? m->phys[a] : 0xff; /* open bus */
    v |= (uint32_t)byte << (8 * i);
  }
  return v;
}

void rs_mem_phys_write(rs_machine *m, uint32_t phys, unsigned size, uint32_t val) {
  for (unsigned i = 0; i < size; i++) {
    uint32_t a = phys + i;
    if (a >= m->phys_size) continue; /* no memory there: the write is lost */
    m->phys[a] = (uint8_t)(val >> (8 * i));
  }
  if (phys < m->phys_size) rs_mem_note_write(m, phys);
  if (phys + size - 1 < m->phys_size && page_of(phys + size - 1) != page_of(phys))
    rs_mem_note_write(m, phys + size - 1);
}

void rs_mem_flush_tlb(rs_machine *m) { memset(m->tlb, 0, sizeof m->tlb); }

/* One recorded physical write inside a single 4-byte word: the effect, the
 * provenance tag, the bytes. */
static void write_piece(rs_machine *m, uint32_t lin, uint32_t phys, unsigned size,
                        uint32_t val, rs_why why) {
  uint32_t word = phys >> 2;
  bool in_ram = phys < m->phys_size;
  if (m->rec) {
    rs_effect e = { 0 };
    e.kind = RS_EFF_MEM;
    e.size = (uint8_t)size;
    e.why = (uint16_t)why;
    e.addr = lin;
    e.phys = phys;
    e.old_val = rs_mem_phys_read(m, phys, size);
    e.new_val = size == 4 ? val : val & ((1u << (8 * size)) - 1);
    if (in_ram) e.old_tag = m->tags[word];
    rs_eff_push(m, &e);
  }
  if (in_ram) {
    rs_word_tag *t = &m->tags[word];
    t->why = (uint16_t)why;
    t->eip = m->writer_eip;
    t->step_lo = (uint16_t)m->core.steps;
  }
  rs_mem_phys_write(m, phys, size, val);
}

/* Writes `size` bytes at a physical address on behalf of the page walker,
 * recording it like any memory write. */
static void walker_write(rs_machine *m, uint32_t phys, uint32_t val, rs_why why) {
  write_piece(m, UINT32_MAX, phys, 4, val, why);
}

static rs_status page_fault(rs_machine *m, uint32_t lin, uint32_t bits, rs_access acc, bool user) {
  uint32_t ec = bits;
  if (acc == RS_ACC_WRITE) ec |= RS_PFEC_W;
  if (user) ec |= RS_PFEC_U;
  rs_fault(m, 14, true, ec);
  m->fault.cr2 = lin;
  return RS_FAULT;
}

static void mark_paging(rs_machine *m, uint32_t phys) {
  if (phys < m->phys_size) m->page_flags[page_of(phys)] |= RS_PAGE_PAGING;
}

/* Fills the TLB entry for `lin` at privilege `user`, if the frame is RAM. */
static void tlb_fill(rs_machine *m, uint32_t lin, bool user, uint32_t frame, bool writes_hit) {
  if (frame >= m->phys_size) return;
  uint32_t vpn = lin >> 12;
  rs_tlb_entry *t = &m->tlb[user][vpn & (RS_TLB_SIZE - 1)];
  t->read_tag = vpn + 1;
  t->write_tag = writes_hit ? vpn + 1 : 0;
  t->phys = frame;
}

rs_status rs_mem_walk(rs_machine *m, uint32_t lin, rs_access acc, bool user, uint32_t *phys) {
  if (!(m->cpu.cr0 & RS_CR0_PG)) {
    tlb_fill(m, lin, user, lin & ~0xfffu, true);
    *phys = lin;
    return RS_OK;
  }
  uint32_t pde_addr = (m->cpu.cr3 & ~0xfffu) + 4 * (lin >> 22);
  mark_paging(m, pde_addr);
  uint32_t pde = rs_mem_phys_read(m, pde_addr, 4);
  if (!(pde & RS_PTE_P)) return page_fault(m, lin, 0, acc, user);
  if (!(pde & RS_PTE_A)) {
    pde |= RS_PTE_A;
    walker_write(m, pde_addr, pde, RS_WHY_PTE_ACCESSED);
  }
  uint32_t pte_addr = (pde & ~0xfffu) + 4 * ((lin >> 12) & 0x3ff);
  mark_paging(m, pte_addr);
  uint32_t pte = rs_mem_phys_read(m, pte_addr, 4);
  if (!(pte & RS_PTE_P)) return page_fault(m, lin, 0, acc, user);
  bool u = (pde & pte & RS_PTE_U) != 0;
  bool w = (pde & pte & RS_PTE_W) != 0;
  if (user && !u) return page_fault(m, lin, RS_PFEC_P, acc, user);
  if (acc == RS_ACC_WRITE && !w && (user || (m->cpu.cr0 & RS_CR0_WP)))
    return page_fault(m, lin, RS_PFEC_P, acc, user);
  uint32_t npte = pte | RS_PTE_A | (acc == RS_ACC_WRITE ? RS_PTE_D : 0);
  if (npte != pte)
    walker_write(m, pte_addr, npte,
                 (npte ^ pte) & RS_PTE_D ? RS_WHY_PTE_DIRTY : RS_WHY_PTE_ACCESSED);
  bool write_ok = w || (!user && !(m->cpu.cr0 & RS_CR0_WP));
  tlb_fill(m, lin, user, npte & ~0xfffu, write_ok && (npte & RS_PTE_D));
  *phys = (npte & ~0xfffu) | (lin & 0xfff);
  return RS_OK;
}

rs_status rs_mem_read_slow(rs_machine *m, uint32_t lin, unsigned size, bool user, uint32_t *out) {
  uint32_t v = 0, phys; /* byte by byte, each translated: may cross a page or leave RAM */
  for (unsigned i = 0; i < size; i++) {
    if (rs_mem_translate(m, lin + i, RS_ACC_READ, user, &phys)) return RS_FAULT;
    v |= rs_mem_phys_read(m, phys, 1) << (8 * i);
  }
  *out = v;
  return RS_OK;
}

rs_status rs_mem_write_slow(rs_machine *m, uint32_t lin, unsigned size, bool user, uint32_t val, rs_why why) {
  uint32_t phys;
  if (((lin & 0xfff) + size) > RS_PAGE && rs_mem_probe_write(m, lin, size, user))
    return RS_FAULT; /* both pages must be writable before any byte is */
  if (rs_mem_translate(m, lin, RS_ACC_WRITE, user, &phys)) return RS_FAULT;
  /* Split into pieces that stay inside one 4-byte word (and one page). */
  unsigned done = 0;
  while (done < size) {
    uint32_t a = lin + done;
    unsigned piece = 4 - (a & 3);
    if (piece > size - done) piece = size - done;
    if (done && rs_mem_translate(m, a, RS_ACC_WRITE, user, &phys)) return RS_FAULT;
    write_piece(m, a, phys, piece, val >> (8 * done), why);
    done += piece;
    if (done < size) phys += piece;
  }
  return RS_OK;
}

/* ---- side-effect-free access for the loader and the views ---- */

bool rs_machine_translate(const rs_machine *m, uint32_t lin, uint32_t *phys,
                          uint32_t *pde_out, uint32_t *pte_out) {
  if (!(m->cpu.cr0 & RS_CR0_PG)) {
    *phys = lin;
    if (pde_out) *pde_out = 0;
    if (pte_out) *pte_out = 0;
    return lin < m->phys_size;
  }
  uint32_t pde = rs_mem_phys_read(m, (m->cpu.cr3 & ~0xfffu) + 4 * (lin >> 22), 4);
  if (pde_out) *pde_out = pde;
  if (pte_out) *pte_out = 0;
  if (!(pde & RS_PTE_P)) return false;
  uint32_t pte = rs_mem_phys_read(m, (pde & ~0xfffu) + 4 * ((lin >> 12) & 0x3ff), 4);
  if (pte_out) *pte_out = pte;
  if (!(pte & RS_PTE_P)) return false;
  *phys = (pte & ~0xfffu) | (lin & 0xfff);
  return *phys < m->phys_size;
}

bool rs_machine_peek(const rs_machine *m, uint32_t lin, void *dst, size_t n) {
  uint8_t *d = dst;
  for (size_t i = 0; i < n; i++) {
    uint32_t phys;
    if (!rs_machine_translate(m, lin + (uint32_t)i, &phys, NULL, NULL)) return false;
    d[i] = m->phys[phys];
  }
  return true;
}

bool rs_machine_peek32(const rs_machine *m, uint32_t lin, uint32_t *out) {
  uint8_t b[4];
  if (!rs_machine_peek(m, lin, b, 4)) return false;
  *out = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
  return true;
}

bool rs_machine_poke(rs_machine *m, uint32_t lin, const void *src, size_t n) {
  const uint8_t *s = src;
  for (size_t i = 0; i < n; i++) {
    uint32_t phys;
    if (!rs_machine_translate(m, lin + (uint32_t)i, &phys, NULL, NULL)) return false;
    rs_mem_phys_write(m, phys, 1, s[i]);
  }
  return true;
}

bool rs_machine_word_tag(const rs_machine *m, uint32_t lin, rs_word_tag *out) {
  uint32_t phys;
  if (!rs_machine_translate(m, lin, &phys, NULL, NULL)) return false;
  *out = m->tags[phys >> 2];
  return out->why != RS_WHY_NONE;
}

const uint8_t *rs_machine_phys(const rs_machine *m, uint32_t *size) {
  if (size) *size = m->phys_size;
  return m->phys;
}

/* ---- building the address space (loader) ---- */

static uint32_t alloc_frame(rs_machine *m) {
  if (m->next_free + RS_PAGE > m->phys_size) return UINT32_MAX;
  uint32_t f = m->next_free;
  m->next_free += RS_PAGE;
  memset(m->phys + f, 0, RS_PAGE);
  rs_mem_note_write(m, f);
  return f;
}

uint32_t rs_machine_free_pages(const rs_machine *m) {
  return (m->phys_size - m->next_free) / RS_PAGE;
}

uint32_t rs_machine_map(rs_machine *m, uint32_t base, uint32_t size, unsigned flags) {
  if ((base | size) & 0xfff || size == 0 || (uint64_t)base + size > 0x100000000ull)
    return UINT32_MAX;
  uint32_t pd = m->cpu.cr3 & ~0xfffu;
  /* Refuse overlaps before allocating anything. */
  for (uint64_t a = base; a < (uint64_t)base + size; a += RS_PAGE) {
    uint32_t phys;
    if (rs_machine_translate(m, (uint32_t)a, &phys, NULL, NULL)) return UINT32_MAX;
  }
  uint32_t first = UINT32_MAX;
  for (uint64_t a = base; a < (uint64_t)base + size; a += RS_PAGE) {
    uint32_t lin = (uint32_t)a;
    uint32_t pde_addr = pd + 4 * (lin >> 22);
    uint32_t pde = rs_mem_phys_read(m, pde_addr, 4);
    if (!(pde & RS_PTE_P)) {
      uint32_t pt = alloc_frame(m);
      if (pt == UINT32_MAX) return UINT32_MAX;
      /* The PDE grants everything; the PTE decides (as xv6 and Linux do). */
      pde = pt | RS_PTE_P | RS_PTE_W | RS_PTE_U | RS_PTE_A;
      rs_mem_phys_write(m, pde_addr, 4, pde);
    }
    uint32_t frame = alloc_frame(m);
    if (frame == UINT32_MAX) return UINT32_MAX;
    if (first == UINT32_MAX) first = frame;
    /* A kernel that builds a mapping marks it accessed (and writable pages
     * dirty) up front, as Linux does for its own pages; the CPU still sets
     * the bits itself for mappings the scenario's kernel creates. */
    uint32_t pte = frame | RS_PTE_P | RS_PTE_A;
    if (flags & RS_MAP_WRITABLE) pte |= RS_PTE_W | RS_PTE_D;
    if (flags & RS_MAP_USER) pte |= RS_PTE_U;
    rs_mem_phys_write(m, (pde & ~0xfffu) + 4 * ((lin >> 12) & 0x3ff), 4, pte);
  }
  rs_mem_flush_tlb(m);
  return first;
}
