# Conformance corpus for the decoder and the disassembler (test-disasm.c).
# Assembled with `as --32`; every instruction is decoded and disassembled by
# Ringside and compared with `objdump -d`: same length, same text.
#
# It must hold every opcode, group member, prefix form and operand shape the
# decoder accepts (the test checks that by probing the opcode space). Forms
# GNU as will not emit on its own (a redundant SIB byte, C1 with a count of
# 1, /6 of group 2, mod != 3 in MOV CRn ...) are written with .byte.
# Labels sit at distinct addresses so branch targets name one symbol.

	.text
start:

# ---- registers: every general register at every size, as source and destination
	mov %eax,%ecx; mov %ecx,%edx; mov %edx,%ebx; mov %ebx,%esp
	mov %esp,%ebp; mov %ebp,%esi; mov %esi,%edi; mov %edi,%eax
	mov %ax,%cx; mov %cx,%dx; mov %dx,%bx; mov %bx,%sp; mov %sp,%bp; mov %bp,%si; mov %si,%di
	mov %di,%ax
	mov %al,%cl; mov %cl,%dl; mov %dl,%bl; mov %bl,%ah; mov %ah,%ch; mov %ch,%dh; mov %dh,%bh
	mov %bh,%al

# ---- addressing: every ModRM and SIB shape
addressing:
	# each base alone; (%esp) needs a SIB byte, (%ebp) a disp8 of 0
	mov (%eax),%eax; mov (%ecx),%ecx; mov (%edx),%edx; mov (%ebx),%ebx
	mov (%esp),%esp; mov (%ebp),%ebp; mov (%esi),%esi; mov (%edi),%edi
	# mod 00 rm 101: a disp32 alone, an address
	mov 0x12345678,%eax; mov 0xfffffffc,%eax
	# disp8 and disp32, signed, at their limits; forced sizes
	mov 0x7f(%eax),%eax; mov -0x80(%ecx),%eax; mov -0x4(%ebp),%eax; mov 0x4(%esp),%eax
	mov 0x80(%edx),%eax; mov -0x81(%ebx),%eax; mov 0x7fffffff(%esi),%eax
	mov -0x80000000(%edi),%eax; mov 0x10(%esp),%ecx; mov 0x1000(%esp),%ecx
	{disp32} mov 0x4(%eax),%eax; {disp32} mov (%ecx),%eax; {disp8} mov (%esi),%eax
	# base + index * scale, every scale, with and without displacement
	mov (%eax,%ebx,1),%ecx; mov (%ecx,%edx,2),%ecx; mov (%edx,%esi,4),%ecx
	mov (%ebx,%edi,8),%ecx; mov (%esp,%eax,1),%ecx; mov (%ebp,%ecx,2),%ecx
	mov 0x10(%esi,%ebp,4),%ecx; mov -0x10(%edi,%esi,8),%ecx; mov 0x1000(%eax,%edi,1),%ecx
	mov -0x1000(%esp,%ebx,2),%ecx
	# no base: a disp32 with an index
	mov 0x10(,%eax,1),%edx; mov 0x10(,%ecx,2),%edx; mov -0x4(,%edx,4),%edx
	mov 0x0(,%ebx,8),%edx; mov (,%ebp,4),%edx
	# SIB bytes without an index (gas does not write these): 0x10(,%eiz,1),
	# -0x10(,%eiz,4), (%eax,%eiz,1), 0x8(%ebp,%eiz,2), 0x100(%esp,%eiz,8), and
	# gas's own padding, lea 0x0(%esi,%eiz,1),%esi with disp8 and disp32
	.byte 0x8b,0x04,0x25,0x10,0,0,0; .byte 0x8b,0x04,0xa5,0xf0,0xff,0xff,0xff
	.byte 0x8b,0x04,0x20; .byte 0x8b,0x44,0x65,0x08; .byte 0x8b,0x84,0xe4,0,1,0,0
	.byte 0x8d,0x74,0x26,0x00; .byte 0x8d,0xb4,0x26,0,0,0,0
	# memory as destination, at each size
	mov %eax,(%eax); mov %eax,0x8(%esp,%ecx,4); mov %al,(%ebx); mov %ax,-0x2(%ebp)

# ---- segment overrides on every kind of memory operand, and moffs forms (A0-A3)
segments:
	mov %es:(%eax),%eax; mov %cs:0x4(%ebx),%eax; mov %ss:(%ecx,%edx,2),%eax
	mov %ds:(%esp),%eax; mov %fs:0x10,%eax; mov %gs:(%ebp),%eax; mov %fs:0x30,%al
	mov %eax,%gs:0x14; movl $0x1,%fs:(%eax); add %es:0x8(%ebp),%ecx; incl %gs:(%edi)
	call *%cs:(%eax); jmp *%fs:0x10; pushl %fs:(%eax)
	.byte 0x64,0x8d,0x00             # lea %fs:(%eax),%eax (gas warns on the text)
moffs:
	mov 0x8049000,%al; mov 0x8049000,%ax; mov 0x8049000,%eax
	mov %al,0x8049000; mov %ax,0x8049000; mov %eax,0x8049000

# ---- segment and control registers
sregs:
	mov %es,%eax; mov %cs,%ecx; mov %ss,%edx; mov %ds,%ebx; mov %fs,%esi; mov %gs,%edi
	mov %ds,%ax; mov %ds,(%eax); mov %gs,0x8(%esp)
	mov %eax,%es; mov %ecx,%ss; mov %edx,%ds; mov %ebx,%fs; mov %esi,%gs
	mov (%eax),%ds; mov 0x10(%esp),%ss
	# movw %ax,%ds as 66 8E D8 (gas leaves the 0x66 out): mov %ax,%ds
	.byte 0x66,0x8e,0xd8
	mov %cr0,%eax; mov %cr2,%ecx; mov %cr3,%edx; mov %cr4,%ebx
	mov %eax,%cr0; mov %ecx,%cr2; mov %edx,%cr3; mov %ebx,%cr4
	# MOV CRn ignores the mod bits, and takes no displacement: mov %cr3,%eax; mov %eax,%cr3
	.byte 0x0f,0x20,0x18; .byte 0x0f,0x22,0x58

# ---- mov: every r/m layout at every size, immediates to every register
mov_forms:
	mov %al,%cl; mov %al,(%eax); mov %eax,%ecx; mov %eax,(%eax); mov %ax,%cx; mov %ax,(%eax)
	{load} mov %al,%cl; mov (%ebx),%dl; {load} mov %eax,%ecx; mov (%ebx),%edx
	{load} mov %ax,%cx; mov (%ebx),%dx
	mov $0x1,%al; mov $0x2,%cl; mov $0x3,%dl; mov $0x4,%bl; mov $0x5,%ah; mov $0x6,%ch
	mov $0x7,%dh; mov $0x8,%bh
	mov $0x12345670,%eax; mov $0x12345671,%ecx; mov $0x12345672,%edx; mov $0x12345673,%ebx
	mov $0x12345674,%esp; mov $0x12345675,%ebp; mov $0x12345676,%esi; mov $0x12345677,%edi
	mov $0x8000,%ax; mov $0x8001,%cx; mov $0x8002,%dx; mov $0x8003,%bx; mov $0x8004,%sp
	mov $0x8005,%bp; mov $0x8006,%si; mov $0x8007,%di
	movb $0x5,(%eax); movl $0xc0100000,0x4(%esi); movw $0x1234,(%ebx)
	# C6/C7 /0 with a register (gas uses B0+r/B8+r): mov $0x5,%al ...
	.byte 0xc6,0xc0,0x05; .byte 0xc7,0xc2,0x78,0x56,0x34,0x12; .byte 0x66,0xc7,0xc1,0x34,0x12

# ---- the eight ALU operations: the six layouts at every size, and group 1
alu:
	add %al,%cl; add %al,(%eax); add %eax,%ecx; add %eax,0x4(%ebx); add %ax,%cx; add %ax,(%esi)
	{load} add %al,%cl; add (%eax),%dl; {load} add %eax,%ecx; add 0x4(%ebx),%edx
	{load} add %ax,%cx; add (%esi),%dx
	add $0x7f,%al; add $0x12345678,%eax; add $0x1234,%ax
	or %al,%cl; or %al,(%eax); or %eax,%ecx; or %eax,0x4(%ebx); or %ax,%cx; or %ax,(%esi)
	{load} or %al,%cl; or (%eax),%dl; {load} or %eax,%ecx; or 0x4(%ebx),%edx; {load} or %ax,%cx
	or (%esi),%dx
	or $0x7f,%al; or $0x12345678,%eax; or $0x1234,%ax
	adc %al,%cl; adc %al,(%eax); adc %eax,%ecx; adc %eax,0x4(%ebx); adc %ax,%cx; adc %ax,(%esi)
	{load} adc %al,%cl; adc (%eax),%dl; {load} adc %eax,%ecx; adc 0x4(%ebx),%edx
	{load} adc %ax,%cx; adc (%esi),%dx
	adc $0x7f,%al; adc $0x12345678,%eax; adc $0x1234,%ax
	sbb %al,%cl; sbb %al,(%eax); sbb %eax,%ecx; sbb %eax,0x4(%ebx); sbb %ax,%cx; sbb %ax,(%esi)
	{load} sbb %al,%cl; sbb (%eax),%dl; {load} sbb %eax,%ecx; sbb 0x4(%ebx),%edx
	{load} sbb %ax,%cx; sbb (%esi),%dx
	sbb $0x7f,%al; sbb $0x12345678,%eax; sbb $0x1234,%ax
	and %al,%cl; and %al,(%eax); and %eax,%ecx; and %eax,0x4(%ebx); and %ax,%cx; and %ax,(%esi)
	{load} and %al,%cl; and (%eax),%dl; {load} and %eax,%ecx; and 0x4(%ebx),%edx
	{load} and %ax,%cx; and (%esi),%dx
	and $0x7f,%al; and $0x12345678,%eax; and $0x1234,%ax
	sub %al,%cl; sub %al,(%eax); sub %eax,%ecx; sub %eax,0x4(%ebx); sub %ax,%cx; sub %ax,(%esi)
	{load} sub %al,%cl; sub (%eax),%dl; {load} sub %eax,%ecx; sub 0x4(%ebx),%edx
	{load} sub %ax,%cx; sub (%esi),%dx
	sub $0x7f,%al; sub $0x12345678,%eax; sub $0x1234,%ax
	xor %al,%cl; xor %al,(%eax); xor %eax,%ecx; xor %eax,0x4(%ebx); xor %ax,%cx; xor %ax,(%esi)
	{load} xor %al,%cl; xor (%eax),%dl; {load} xor %eax,%ecx; xor 0x4(%ebx),%edx
	{load} xor %ax,%cx; xor (%esi),%dx
	xor $0x7f,%al; xor $0x12345678,%eax; xor $0x1234,%ax
	cmp %al,%cl; cmp %al,(%eax); cmp %eax,%ecx; cmp %eax,0x4(%ebx); cmp %ax,%cx; cmp %ax,(%esi)
	{load} cmp %al,%cl; cmp (%eax),%dl; {load} cmp %eax,%ecx; cmp 0x4(%ebx),%edx
	{load} cmp %ax,%cx; cmp (%esi),%dx
	cmp $0x7f,%al; cmp $0x12345678,%eax; cmp $0x1234,%ax
group1:
	add $0x80,%bl; addb $0x1,(%eax); add $0x80000000,%ecx; addl $0x100,0x4(%ecx)
	add $0x8000,%dx; addw $0x1234,(%edx,%ecx,1)
	add $0x1,%esi; addl $-0x1,(%eax); add $-0x80,%si; addw $0x7f,-0x4(%ebp)
	or $0x80,%bl; orb $0x1,(%eax); or $0x80000000,%ecx; orl $0x100,0x4(%ecx); or $0x8000,%dx
	orw $0x1234,(%edx,%ecx,1)
	or $0x1,%esi; orl $-0x1,(%eax); or $-0x80,%si; orw $0x7f,-0x4(%ebp)
	adc $0x80,%bl; adcb $0x1,(%eax); adc $0x80000000,%ecx; adcl $0x100,0x4(%ecx)
	adc $0x8000,%dx; adcw $0x1234,(%edx,%ecx,1)
	adc $0x1,%esi; adcl $-0x1,(%eax); adc $-0x80,%si; adcw $0x7f,-0x4(%ebp)
	sbb $0x80,%bl; sbbb $0x1,(%eax); sbb $0x80000000,%ecx; sbbl $0x100,0x4(%ecx)
	sbb $0x8000,%dx; sbbw $0x1234,(%edx,%ecx,1)
	sbb $0x1,%esi; sbbl $-0x1,(%eax); sbb $-0x80,%si; sbbw $0x7f,-0x4(%ebp)
	and $0x80,%bl; andb $0x1,(%eax); and $0x80000000,%ecx; andl $0x100,0x4(%ecx)
	and $0x8000,%dx; andw $0x1234,(%edx,%ecx,1)
	and $0x1,%esi; andl $-0x1,(%eax); and $-0x80,%si; andw $0x7f,-0x4(%ebp)
	sub $0x80,%bl; subb $0x1,(%eax); sub $0x80000000,%ecx; subl $0x100,0x4(%ecx)
	sub $0x8000,%dx; subw $0x1234,(%edx,%ecx,1)
	sub $0x1,%esi; subl $-0x1,(%eax); sub $-0x80,%si; subw $0x7f,-0x4(%ebp)
	xor $0x80,%bl; xorb $0x1,(%eax); xor $0x80000000,%ecx; xorl $0x100,0x4(%ecx)
	xor $0x8000,%dx; xorw $0x1234,(%edx,%ecx,1)
	xor $0x1,%esi; xorl $-0x1,(%eax); xor $-0x80,%si; xorw $0x7f,-0x4(%ebp)
	cmp $0x80,%bl; cmpb $0x1,(%eax); cmp $0x80000000,%ecx; cmpl $0x100,0x4(%ecx)
	cmp $0x8000,%dx; cmpw $0x1234,(%edx,%ecx,1)
	cmp $0x1,%esi; cmpl $-0x1,(%eax); cmp $-0x80,%si; cmpw $0x7f,-0x4(%ebp)
	# 80/81 /0 with %al/%eax/%ax and small immediates (gas picks 04/05/83)
	.byte 0x80,0xc0,0x01; .byte 0x81,0xc0,0x7f,0,0,0; .byte 0x66,0x81,0xc0,0x7f,0

# ---- inc, dec, and group 3: test, not, neg, mul, imul, div, idiv
unary:
	inc %eax; inc %ecx; inc %edx; inc %ebx; inc %esp; inc %ebp; inc %esi; inc %edi
	inc %ax; inc %cx; inc %dx; inc %bx; inc %sp; inc %bp; inc %si; inc %di
	dec %eax; dec %ecx; dec %edx; dec %ebx; dec %esp; dec %ebp; dec %esi; dec %edi
	dec %ax; dec %cx; dec %dx; dec %bx; dec %sp; dec %bp; dec %si; dec %di
	inc %al; incb (%eax); dec %bh; decb 0x1(%ebx)
	# FF /0 /1 with a register (gas uses 40+r/48+r): inc %eax ...
	.byte 0xff,0xc0; .byte 0xff,0xc9; .byte 0x66,0xff,0xc2; .byte 0x66,0xff,0xcb
	incl (%eax); decl (%ecx,%edx,4); incw (%eax); decw %fs:(%eax)
	test %al,%cl; test %al,(%ebx); test %eax,%ecx; test %ecx,0x4(%ebx); test %ax,%cx
	test %dx,(%eax)
	test $0x1,%al; test $0x100,%eax; test $0x100,%ax
	# F6/F7 /0 with a register (gas uses A8/A9 or 84/85 forms): test $0x80,%bl ...
	.byte 0xf6,0xc3,0x80; testb $0x1,(%eax); .byte 0xf7,0xc1,0,1,0,0
	testl $0x80000000,0x8(%ebp); .byte 0x66,0xf7,0xc2,0x01,0x00; testw $0x8000,(%ecx)
	not %ah; notb (%eax); not %ebx; notl 0x4(%esp); not %si; notw (%edi)
	neg %dl; negb (%eax); neg %eax; negl 0x4(%esp); neg %cx; negw (%edi)
	mul %cl; mulb (%eax); mul %ecx; mull 0x4(%esp); mul %cx; mulw (%edi)
	imul %bl; imulb (%eax); imul %ebx; imull 0x4(%esp); imul %bx; imulw (%edi)
	div %cl; divb (%eax); div %ecx; divl 0x4(%esp); div %cx; divw (%edi)
	idiv %dh; idivb (%eax); idiv %edi; idivl 0x4(%esp); idiv %di; idivw (%edi)
	imul %ecx,%eax; imul (%ebx),%edx; imul %cx,%ax; imul -0x4(%ebp),%si
	imul $0x3,%eax,%ecx; imul $-0x80,(%esi),%edx; imul $0x3,%ax,%cx; imul $0x7f,(%eax),%bx
	imul $0x1000,%ebx,%eax; imul $-0x1000,0x4(%esp),%edi; imul $0x1234,%dx,%bx
	imul $0x8000,(%ecx),%ax
	cbtw; cwtl; cwtd; cltd

# ---- shifts and rotates by 1, by %cl, by an immediate, at every size
shifts:
	rol %al; rolb (%eax); rol %ecx; roll 0x4(%ebx); rol %dx; rolw (%esi)
	rol %cl,%bl; rolb %cl,(%eax); rol %cl,%esi; roll %cl,(%ecx); rol %cl,%di; rolw %cl,0x2(%ebx)
	rol $0x3,%ah; rolb $0x2,(%eax); rol $0x1f,%ebp; roll $0x4,(%edx); rol $0xf,%sp
	rolw $0x4,(%edi)
	ror %al; rorb (%eax); ror %ecx; rorl 0x4(%ebx); ror %dx; rorw (%esi)
	ror %cl,%bl; rorb %cl,(%eax); ror %cl,%esi; rorl %cl,(%ecx); ror %cl,%di; rorw %cl,0x2(%ebx)
	ror $0x3,%ah; rorb $0x2,(%eax); ror $0x1f,%ebp; rorl $0x4,(%edx); ror $0xf,%sp
	rorw $0x4,(%edi)
	rcl %al; rclb (%eax); rcl %ecx; rcll 0x4(%ebx); rcl %dx; rclw (%esi)
	rcl %cl,%bl; rclb %cl,(%eax); rcl %cl,%esi; rcll %cl,(%ecx); rcl %cl,%di; rclw %cl,0x2(%ebx)
	rcl $0x3,%ah; rclb $0x2,(%eax); rcl $0x1f,%ebp; rcll $0x4,(%edx); rcl $0xf,%sp
	rclw $0x4,(%edi)
	rcr %al; rcrb (%eax); rcr %ecx; rcrl 0x4(%ebx); rcr %dx; rcrw (%esi)
	rcr %cl,%bl; rcrb %cl,(%eax); rcr %cl,%esi; rcrl %cl,(%ecx); rcr %cl,%di; rcrw %cl,0x2(%ebx)
	rcr $0x3,%ah; rcrb $0x2,(%eax); rcr $0x1f,%ebp; rcrl $0x4,(%edx); rcr $0xf,%sp
	rcrw $0x4,(%edi)
	shl %al; shlb (%eax); shl %ecx; shll 0x4(%ebx); shl %dx; shlw (%esi)
	shl %cl,%bl; shlb %cl,(%eax); shl %cl,%esi; shll %cl,(%ecx); shl %cl,%di; shlw %cl,0x2(%ebx)
	shl $0x3,%ah; shlb $0x2,(%eax); shl $0x1f,%ebp; shll $0x4,(%edx); shl $0xf,%sp
	shlw $0x4,(%edi)
	shr %al; shrb (%eax); shr %ecx; shrl 0x4(%ebx); shr %dx; shrw (%esi)
	shr %cl,%bl; shrb %cl,(%eax); shr %cl,%esi; shrl %cl,(%ecx); shr %cl,%di; shrw %cl,0x2(%ebx)
	shr $0x3,%ah; shrb $0x2,(%eax); shr $0x1f,%ebp; shrl $0x4,(%edx); shr $0xf,%sp
	shrw $0x4,(%edi)
	sar %al; sarb (%eax); sar %ecx; sarl 0x4(%ebx); sar %dx; sarw (%esi)
	sar %cl,%bl; sarb %cl,(%eax); sar %cl,%esi; sarl %cl,(%ecx); sar %cl,%di; sarw %cl,0x2(%ebx)
	sar $0x3,%ah; sarb $0x2,(%eax); sar $0x1f,%ebp; sarl $0x4,(%edx); sar $0xf,%sp
	sarw $0x4,(%edi)
	# group 2 /6, an alias objdump calls shl, in each form
	.byte 0xd0,0xf1; .byte 0xd0,0x30; .byte 0xd1,0xf1; .byte 0x66,0xd1,0xf1; .byte 0xd1,0x30
	.byte 0x66,0xd1,0x30
	.byte 0xd2,0xf1; .byte 0xd2,0x30; .byte 0xd3,0xf1; .byte 0x66,0xd3,0xf1; .byte 0xd3,0x30
	.byte 0x66,0xd3,0x30
	.byte 0xc0,0xf1,0x03; .byte 0xc0,0x30,0x03; .byte 0xc1,0xf1,0x05; .byte 0x66,0xc1,0xf1,0x05
	.byte 0xc1,0x30,0x05; .byte 0x66,0xc1,0x30,0x05
	# C0/C1 with a count of 1 (gas uses D0/D1): shl $0x1,%eax ...
	.byte 0xc1,0xe0,0x01; .byte 0xc0,0xe8,0x01; .byte 0x66,0xc1,0xf8,0x01

# ---- stack
stack:
	push %eax; push %ecx; push %edx; push %ebx; push %esp; push %ebp; push %esi; push %edi
	push %ax; push %cx; push %dx; push %bx; push %sp; push %bp; push %si; push %di
	pop %eax; pop %ecx; pop %edx; pop %ebx; pop %esp; pop %ebp; pop %esi; pop %edi
	pop %ax; pop %cx; pop %dx; pop %bx; pop %sp; pop %bp; pop %si; pop %di
	push $0x7f; push $-0x1; push $0x804802c; pushw $0x1; pushw $0x1234
	pushl (%eax); pushl 0x8(%ebp); pushw (%ecx); popl (%eax); popl 0x4(%esp); popw (%edx)
	# FF /6 and 8F /0 with a register (gas uses 50+r/58+r): push %eax ...
	.byte 0xff,0xf0; .byte 0x66,0xff,0xf1; .byte 0x8f,0xc0; .byte 0x66,0x8f,0xc1
	push %es; push %cs; push %ss; push %ds; push %fs; push %gs
	pushw %es; pushw %cs; pushw %ss; pushw %ds; pushw %fs; pushw %gs
	pop %es; pop %ss; pop %ds; pop %fs; pop %gs
	popw %es; popw %ss; popw %ds; popw %fs; popw %gs
	pusha; pushaw; popa; popaw; pushf; pushfw; popf; popfw; leave

# ---- movzx, movsx, lea, xchg, nop
extend:
	movzbl %al,%eax; movzbl (%ecx),%edx; movzbw %dl,%ax; movzbw (%eax),%bx
	movzwl %cx,%eax; movzwl 0x2(%ebp),%ecx; .byte 0x66,0x0f,0xb7,0xc1; .byte 0x66,0x0f,0xb7,0x00
	movsbl %bl,%eax; movsbl -0x1(%esi),%edi; movsbw %ah,%cx; movsbw (%edi),%dx
	# 0x66 0F B7/BF: movzww, movsww
	movswl %dx,%ecx; movswl (%ebx),%eax; .byte 0x66,0x0f,0xbf,0xc0; .byte 0x66,0x0f,0xbf,0x00
	lea 0x8(%ebp),%eax; lea (%eax,%ecx,4),%edx; lea 0x12345678,%esi; lea -0x4(,%ebx,8),%edi
	xchg %eax,%ecx; xchg %eax,%edx; xchg %eax,%ebx; xchg %eax,%esp; xchg %eax,%ebp
	xchg %eax,%esi; xchg %eax,%edi
	xchg %ax,%cx; xchg %ax,%dx; xchg %ax,%bx; xchg %ax,%sp; xchg %ax,%bp; xchg %ax,%si
	xchg %ax,%di
	xchg %al,%bl; xchg %cl,(%eax); xchg %ecx,%edx; xchg %ecx,(%ebx); xchg %cx,%dx
	xchg %cx,0x4(%esp)
	# 87 C0 is xchg %eax,%eax; 90 is nop; 66 90 is xchg %ax,%ax; F3 90 is pause
	.byte 0x87,0xc0; nop; xchg %ax,%ax; pause

# ---- string instructions, with 0x66, rep, repnz, and a source override
strings:
	movsb; movsw; movsl; rep movsb; rep movsw; rep movsl; repnz movsb; repnz movsw; repnz movsl
	cmpsb; cmpsw; cmpsl; repz cmpsb; repz cmpsw; repz cmpsl; repnz cmpsb; repnz cmpsw
	repnz cmpsl
	stosb; stosw; stosl; rep stosb; rep stosw; rep stosl; repnz stosb; repnz stosw; repnz stosl
	lodsb; lodsw; lodsl; rep lodsb; rep lodsw; rep lodsl; repnz lodsb; repnz lodsw; repnz lodsl
	scasb; scasw; scasl; repz scasb; repz scasw; repz scasl; repnz scasb; repnz scasw
	repnz scasl
	movsl %fs:(%esi),%es:(%edi); movsb %es:(%esi),%es:(%edi); cmpsw %es:(%edi),%ss:(%esi)
	lods %gs:(%esi),%al; lods %cs:(%esi),%eax; rep movsl %ds:(%esi),%es:(%edi)
	# prefixes in another order: rep movsl %fs:..., rep stos %ax,...
	.byte 0x64,0xf3,0xa5; .byte 0x66,0xf3,0xab; .byte 0xf3,0x66,0xab

# ---- conditional moves and sets
cmov:
	cmovo %ecx,%eax; cmovo (%ebx),%edx; cmovo %si,%di; cmovo 0x4(%esp),%bp
	cmovno %ecx,%eax; cmovno (%ebx),%edx; cmovno %si,%di; cmovno 0x4(%esp),%bp
	cmovb %ecx,%eax; cmovb (%ebx),%edx; cmovb %si,%di; cmovb 0x4(%esp),%bp
	cmovae %ecx,%eax; cmovae (%ebx),%edx; cmovae %si,%di; cmovae 0x4(%esp),%bp
	cmove %ecx,%eax; cmove (%ebx),%edx; cmove %si,%di; cmove 0x4(%esp),%bp
	cmovne %ecx,%eax; cmovne (%ebx),%edx; cmovne %si,%di; cmovne 0x4(%esp),%bp
	cmovbe %ecx,%eax; cmovbe (%ebx),%edx; cmovbe %si,%di; cmovbe 0x4(%esp),%bp
	cmova %ecx,%eax; cmova (%ebx),%edx; cmova %si,%di; cmova 0x4(%esp),%bp
	cmovs %ecx,%eax; cmovs (%ebx),%edx; cmovs %si,%di; cmovs 0x4(%esp),%bp
	cmovns %ecx,%eax; cmovns (%ebx),%edx; cmovns %si,%di; cmovns 0x4(%esp),%bp
	cmovp %ecx,%eax; cmovp (%ebx),%edx; cmovp %si,%di; cmovp 0x4(%esp),%bp
	cmovnp %ecx,%eax; cmovnp (%ebx),%edx; cmovnp %si,%di; cmovnp 0x4(%esp),%bp
	cmovl %ecx,%eax; cmovl (%ebx),%edx; cmovl %si,%di; cmovl 0x4(%esp),%bp
	cmovge %ecx,%eax; cmovge (%ebx),%edx; cmovge %si,%di; cmovge 0x4(%esp),%bp
	cmovle %ecx,%eax; cmovle (%ebx),%edx; cmovle %si,%di; cmovle 0x4(%esp),%bp
	cmovg %ecx,%eax; cmovg (%ebx),%edx; cmovg %si,%di; cmovg 0x4(%esp),%bp
setcc:
	seto %al; seto (%eax); setno %cl; setno (%eax); setb %dh; setb (%eax); setae %bh
	setae (%eax)
	sete %al; sete (%eax); setne %cl; setne (%eax); setbe %dh; setbe (%eax); seta %bh
	seta (%eax)
	sets %al; sets (%eax); setns %cl; setns (%eax); setp %dh; setp (%eax); setnp %bh
	setnp (%eax)
	setl %al; setl (%eax); setge %cl; setge (%eax); setle %dh; setle (%eax); setg %bh
	setg (%eax)
	# ModRM.reg is ignored: sete %al
	.byte 0x0f,0x94,0xd8

# ---- flags, system, I/O
system:
	clc; stc; cmc; cld; std; cli; sti; hlt; ud2; cpuid
	int3; into; int $0x40; int $0x80; int $0x0
	lgdt (%eax); lidt 0x8(%ebx); sgdt (%ecx); sidt 0xc0100000; lgdtl %fs:(%eax)
	ltr %ax; ltr %dx; ltr (%eax); ltr 0x4(%esp)
	str %eax; str %ax; str %edx; str (%ebx)
	invlpg (%eax); invlpg 0x1000(%ebx,%ecx,4); invlpg 0xc0000000
	in $0x60,%al; in $0x40,%ax; in $0x80,%eax; out %al,$0x20; out %ax,$0x21; out %eax,$0xa0
	in (%dx),%al; in (%dx),%ax; in (%dx),%eax; out %al,(%dx); out %ax,(%dx); out %eax,(%dx)

# ---- control transfer: every jcc short (backward) and near (forward)
branches:
	jo branches; jno branches; jb branches; jae branches
	je branches; jne branches; jbe branches; ja branches
	js branches; jns branches; jp branches; jnp branches
	jl branches; jge branches; jle branches; jg branches
	jo far_ahead; jno far_ahead; jb far_ahead; jae far_ahead
	je far_ahead; jne far_ahead; jbe far_ahead; ja far_ahead
	js far_ahead; jns far_ahead; jp far_ahead; jnp far_ahead
	jl far_ahead; jge far_ahead; jle far_ahead; jg far_ahead
	jmp branches; jmp far_ahead; jmp start
	jecxz near_ahead; loop near_ahead; call near_ahead; call start
	call *%eax; call *%ebx; call *(%eax); call *0x8(%ebp); call *0x8049000
	call *(%ebx,%esi,4); jmp *%ecx; jmp *(%ecx); jmp *0x8049000(,%eax,4)
	ret; ret $0x4; ret $0x10; iret; iretw
near_ahead:
	.fill 0x80, 1, 0x90
far_ahead:
	nop; je near_ahead; jmp near_ahead; jmp end
	# jmp to the next instruction; je to itself
	.byte 0xeb,0x00; .byte 0x74,0xfe
end:
	hlt
