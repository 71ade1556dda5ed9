
# ---- mov register to register, every pair
	movl %eax,%eax; movl %eax,%ecx; movl %eax,%edx; movl %eax,%ebx; movl %eax,%esp; movl %eax,%ebp; movl %eax,%esi; movl %eax,%edi
	movl %ecx,%eax; movl %ecx,%ecx; movl %ecx,%edx; movl %ecx,%ebx; movl %ecx,%esp; movl %ecx,%ebp; movl %ecx,%esi; movl %ecx,%edi
	movl %edx,%eax; movl %edx,%ecx; movl %edx,%edx; movl %edx,%ebx; movl %edx,%esp; movl %edx,%ebp; movl %edx,%esi; movl %edx,%edi
	movl %ebx,%eax; movl %ebx,%ecx; movl %ebx,%edx; movl %ebx,%ebx; movl %ebx,%esp; movl %ebx,%ebp; movl %ebx,%esi; movl %ebx,%edi
	movl %esp,%eax; movl %esp,%ecx; movl %esp,%edx; movl %esp,%ebx; movl %esp,%esp; movl %esp,%ebp; movl %esp,%esi; movl %esp,%edi
	movl %ebp,%eax; movl %ebp,%ecx; movl %ebp,%edx; movl %ebp,%ebx; movl %ebp,%esp; movl %ebp,%ebp; movl %ebp,%esi; movl %ebp,%edi
	movl %esi,%eax; movl %esi,%ecx; movl %esi,%edx; movl %esi,%ebx; movl %esi,%esp; movl %esi,%ebp; movl %esi,%esi; movl %esi,%edi
	movl %edi,%eax; movl %edi,%ecx; movl %edi,%edx; movl %edi,%ebx; movl %edi,%esp; movl %edi,%ebp; movl %edi,%esi; movl %edi,%edi
	movw %ax,%ax; movw %ax,%cx; movw %ax,%dx; movw %ax,%bx; movw %ax,%sp; movw %ax,%bp; movw %ax,%si; movw %ax,%di
	movw %cx,%ax; movw %cx,%cx; movw %cx,%dx; movw %cx,%bx; movw %cx,%sp; movw %cx,%bp; movw %cx,%si; movw %cx,%di
	movw %dx,%ax; movw %dx,%cx; movw %dx,%dx; movw %dx,%bx; movw %dx,%sp; movw %dx,%bp; movw %dx,%si; movw %dx,%di
	movw %bx,%ax; movw %bx,%cx; movw %bx,%dx; movw %bx,%bx; movw %bx,%sp; movw %bx,%bp; movw %bx,%si; movw %bx,%di
	movw %sp,%ax; movw %sp,%cx; movw %sp,%dx; movw %sp,%bx; movw %sp,%sp; movw %sp,%bp; movw %sp,%si; movw %sp,%di
	movw %bp,%ax; movw %bp,%cx; movw %bp,%dx; movw %bp,%bx; movw %bp,%sp; movw %bp,%bp; movw %bp,%si; movw %bp,%di
	movw %si,%ax; movw %si,%cx; movw %si,%dx; movw %si,%bx; movw %si,%sp; movw %si,%bp; movw %si,%si; movw %si,%di
	movw %di,%ax; movw %di,%cx; movw %di,%dx; movw %di,%bx; movw %di,%sp; movw %di,%bp; movw %di,%si; movw %di,%di
	movb %al,%al; movb %al,%cl; movb %al,%dl; movb %al,%bl; movb %al,%ah; movb %al,%ch; movb %al,%dh; movb %al,%bh
	movb %cl,%al; movb %cl,%cl; movb %cl,%dl; movb %cl,%bl; movb %cl,%ah; movb %cl,%ch; movb %cl,%dh; movb %cl,%bh
	movb %dl,%al; movb %dl,%cl; movb %dl,%dl; movb %dl,%bl; movb %dl,%ah; movb %dl,%ch; movb %dl,%dh; movb %dl,%bh
	movb %bl,%al; movb %bl,%cl; movb %bl,%dl; movb %bl,%bl; movb %bl,%ah; movb %bl,%ch; movb %bl,%dh; movb %bl,%bh
	movb %ah,%al; movb %ah,%cl; movb %ah,%dl; movb %ah,%bl; movb %ah,%ah; movb %ah,%ch; movb %ah,%dh; movb %ah,%bh
	movb %ch,%al; movb %ch,%cl; movb %ch,%dl; movb %ch,%bl; movb %ch,%ah; movb %ch,%ch; movb %ch,%dh; movb %ch,%bh
	movb %dh,%al; movb %dh,%cl; movb %dh,%dl; movb %dh,%bl; movb %dh,%ah; movb %dh,%ch; movb %dh,%dh; movb %dh,%bh
	movb %bh,%al; movb %bh,%cl; movb %bh,%dl; movb %bh,%bl; movb %bh,%ah; movb %bh,%ch; movb %bh,%dh; movb %bh,%bh
	mov %eax,%ebx; mov %ax,%bx; mov %al,%bl

# ---- addressing modes: every base, with and without displacement
	movl (%eax),%eax; movl 0(%eax),%ecx; movl 1(%eax),%edx; movl -1(%eax),%ebx
	movl 127(%eax),%esi; movl 128(%eax),%edi; movl -128(%eax),%eax; movl -129(%eax),%ecx
	movl 0x12345678(%eax),%edx; movl %eax,-4(%eax); movb %al,(%eax); movw %ax,8(%eax)
	movl (%ecx),%eax; movl 0(%ecx),%ecx; movl 1(%ecx),%edx; movl -1(%ecx),%ebx
	movl 127(%ecx),%esi; movl 128(%ecx),%edi; movl -128(%ecx),%eax; movl -129(%ecx),%ecx
	movl 0x12345678(%ecx),%edx; movl %eax,-4(%ecx); movb %al,(%ecx); movw %ax,8(%ecx)
	movl (%edx),%eax; movl 0(%edx),%ecx; movl 1(%edx),%edx; movl -1(%edx),%ebx
	movl 127(%edx),%esi; movl 128(%edx),%edi; movl -128(%edx),%eax; movl -129(%edx),%ecx
	movl 0x12345678(%edx),%edx; movl %eax,-4(%edx); movb %al,(%edx); movw %ax,8(%edx)
	movl (%ebx),%eax; movl 0(%ebx),%ecx; movl 1(%ebx),%edx; movl -1(%ebx),%ebx
	movl 127(%ebx),%esi; movl 128(%ebx),%edi; movl -128(%ebx),%eax; movl -129(%ebx),%ecx
	movl 0x12345678(%ebx),%edx; movl %eax,-4(%ebx); movb %al,(%ebx); movw %ax,8(%ebx)
	movl (%esp),%eax; movl 0(%esp),%ecx; movl 1(%esp),%edx; movl -1(%esp),%ebx
	movl 127(%esp),%esi; movl 128(%esp),%edi; movl -128(%esp),%eax; movl -129(%esp),%ecx
	movl 0x12345678(%esp),%edx; movl %eax,-4(%esp); movb %al,(%esp); movw %ax,8(%esp)
	movl (%ebp),%eax; movl 0(%ebp),%ecx; movl 1(%ebp),%edx; movl -1(%ebp),%ebx
	movl 127(%ebp),%esi; movl 128(%ebp),%edi; movl -128(%ebp),%eax; movl -129(%ebp),%ecx
	movl 0x12345678(%ebp),%edx; movl %eax,-4(%ebp); movb %al,(%ebp); movw %ax,8(%ebp)
	movl (%esi),%eax; movl 0(%esi),%ecx; movl 1(%esi),%edx; movl -1(%esi),%ebx
	movl 127(%esi),%esi; movl 128(%esi),%edi; movl -128(%esi),%eax; movl -129(%esi),%ecx
	movl 0x12345678(%esi),%edx; movl %eax,-4(%esi); movb %al,(%esi); movw %ax,8(%esi)
	movl (%edi),%eax; movl 0(%edi),%ecx; movl 1(%edi),%edx; movl -1(%edi),%ebx
	movl 127(%edi),%esi; movl 128(%edi),%edi; movl -128(%edi),%eax; movl -129(%edi),%ecx
	movl 0x12345678(%edi),%edx; movl %eax,-4(%edi); movb %al,(%edi); movw %ax,8(%edi)

# ---- base + index * scale
	leal (%eax,%eax,1),%eax; leal (%eax,%eax,2),%eax; leal (%eax,%eax,4),%eax; leal (%eax,%eax,8),%eax
	leal (%eax,%ecx,1),%eax; leal (%eax,%ecx,2),%eax; leal (%eax,%ecx,4),%eax; leal (%eax,%ecx,8),%eax
	leal (%eax,%edx,1),%eax; leal (%eax,%edx,2),%eax; leal (%eax,%edx,4),%eax; leal (%eax,%edx,8),%eax
	leal (%eax,%ebx,1),%eax; leal (%eax,%ebx,2),%eax; leal (%eax,%ebx,4),%eax; leal (%eax,%ebx,8),%eax
	leal (%eax,%ebp,1),%eax; leal (%eax,%ebp,2),%eax; leal (%eax,%ebp,4),%eax; leal (%eax,%ebp,8),%eax
	leal (%eax,%esi,1),%eax; leal (%eax,%esi,2),%eax; leal (%eax,%esi,4),%eax; leal (%eax,%esi,8),%eax
	leal (%eax,%edi,1),%eax; leal (%eax,%edi,2),%eax; leal (%eax,%edi,4),%eax; leal (%eax,%edi,8),%eax
	leal 4(%eax,%ecx,2),%edx; leal -200(%eax,%edx,8),%esi; leal (%eax,%eax),%ebx
	leal (%ecx,%eax,1),%eax; leal (%ecx,%eax,2),%eax; leal (%ecx,%eax,4),%eax; leal (%ecx,%eax,8),%eax
	leal (%ecx,%ecx,1),%eax; leal (%ecx,%ecx,2),%eax; leal (%ecx,%ecx,4),%eax; leal (%ecx,%ecx,8),%eax
	leal (%ecx,%edx,1),%eax; leal (%ecx,%edx,2),%eax; leal (%ecx,%edx,4),%eax; leal (%ecx,%edx,8),%eax
	leal (%ecx,%ebx,1),%eax; leal (%ecx,%ebx,2),%eax; leal (%ecx,%ebx,4),%eax; leal (%ecx,%ebx,8),%eax
	leal (%ecx,%ebp,1),%eax; leal (%ecx,%ebp,2),%eax; leal (%ecx,%ebp,4),%eax; leal (%ecx,%ebp,8),%eax
	leal (%ecx,%esi,1),%eax; leal (%ecx,%esi,2),%eax; leal (%ecx,%esi,4),%eax; leal (%ecx,%esi,8),%eax
	leal (%ecx,%edi,1),%eax; leal (%ecx,%edi,2),%eax; leal (%ecx,%edi,4),%eax; leal (%ecx,%edi,8),%eax
	leal 4(%ecx,%ecx,2),%edx; leal -200(%ecx,%edx,8),%esi; leal (%ecx,%eax),%ebx
	leal (%edx,%eax,1),%eax; leal (%edx,%eax,2),%eax; leal (%edx,%eax,4),%eax; leal (%edx,%eax,8),%eax
	leal (%edx,%ecx,1),%eax; leal (%edx,%ecx,2),%eax; leal (%edx,%ecx,4),%eax; leal (%edx,%ecx,8),%eax
	leal (%edx,%edx,1),%eax; leal (%edx,%edx,2),%eax; leal (%edx,%edx,4),%eax; leal (%edx,%edx,8),%eax
	leal (%edx,%ebx,1),%eax; leal (%edx,%ebx,2),%eax; leal (%edx,%ebx,4),%eax; leal (%edx,%ebx,8),%eax
	leal (%edx,%ebp,1),%eax; leal (%edx,%ebp,2),%eax; leal (%edx,%ebp,4),%eax; leal (%edx,%ebp,8),%eax
	leal (%edx,%esi,1),%eax; leal (%edx,%esi,2),%eax; leal (%edx,%esi,4),%eax; leal (%edx,%esi,8),%eax
	leal (%edx,%edi,1),%eax; leal (%edx,%edi,2),%eax; leal (%edx,%edi,4),%eax; leal (%edx,%edi,8),%eax
	leal 4(%edx,%ecx,2),%edx; leal -200(%edx,%edx,8),%esi; leal (%edx,%eax),%ebx
	leal (%ebx,%eax,1),%eax; leal (%ebx,%eax,2),%eax; leal (%ebx,%eax,4),%eax; leal (%ebx,%eax,8),%eax
	leal (%ebx,%ecx,1),%eax; leal (%ebx,%ecx,2),%eax; leal (%ebx,%ecx,4),%eax; leal (%ebx,%ecx,8),%eax
	leal (%ebx,%edx,1),%eax; leal (%ebx,%edx,2),%eax; leal (%ebx,%edx,4),%eax; leal (%ebx,%edx,8),%eax
	leal (%ebx,%ebx,1),%eax; leal (%ebx,%ebx,2),%eax; leal (%ebx,%ebx,4),%eax; leal (%ebx,%ebx,8),%eax
	leal (%ebx,%ebp,1),%eax; leal (%ebx,%ebp,2),%eax; leal (%ebx,%ebp,4),%eax; leal (%ebx,%ebp,8),%eax
	leal (%ebx,%esi,1),%eax; leal (%ebx,%esi,2),%eax; leal (%ebx,%esi,4),%eax; leal (%ebx,%esi,8),%eax
	leal (%ebx,%edi,1),%eax; leal (%ebx,%edi,2),%eax; leal (%ebx,%edi,4),%eax; leal (%ebx,%edi,8),%eax
	leal 4(%ebx,%ecx,2),%edx; leal -200(%ebx,%edx,8),%esi; leal (%ebx,%eax),%ebx
	leal (%esp,%eax,1),%eax; leal (%esp,%eax,2),%eax; leal (%esp,%eax,4),%eax; leal (%esp,%eax,8),%eax
	leal (%esp,%ecx,1),%eax; leal (%esp,%ecx,2),%eax; leal (%esp,%ecx,4),%eax; leal (%esp,%ecx,8),%eax
	leal (%esp,%edx,1),%eax; leal (%esp,%edx,2),%eax; leal (%esp,%edx,4),%eax; leal (%esp,%edx,8),%eax
	leal (%esp,%ebx,1),%eax; leal (%esp,%ebx,2),%eax; leal (%esp,%ebx,4),%eax; leal (%esp,%ebx,8),%eax
	leal (%esp,%ebp,1),%eax; leal (%esp,%ebp,2),%eax; leal (%esp,%ebp,4),%eax; leal (%esp,%ebp,8),%eax
	leal (%esp,%esi,1),%eax; leal (%esp,%esi,2),%eax; leal (%esp,%esi,4),%eax; leal (%esp,%esi,8),%eax
	leal (%esp,%edi,1),%eax; leal (%esp,%edi,2),%eax; leal (%esp,%edi,4),%eax; leal (%esp,%edi,8),%eax
	leal 4(%esp,%ecx,2),%edx; leal -200(%esp,%edx,8),%esi; leal (%esp,%eax),%ebx
	leal (%ebp,%eax,1),%eax; leal (%ebp,%eax,2),%eax; leal (%ebp,%eax,4),%eax; leal (%ebp,%eax,8),%eax
	leal (%ebp,%ecx,1),%eax; leal (%ebp,%ecx,2),%eax; leal (%ebp,%ecx,4),%eax; leal (%ebp,%ecx,8),%eax
	leal (%ebp,%edx,1),%eax; leal (%ebp,%edx,2),%eax; leal (%ebp,%edx,4),%eax; leal (%ebp,%edx,8),%eax
	leal (%ebp,%ebx,1),%eax; leal (%ebp,%ebx,2),%eax; leal (%ebp,%ebx,4),%eax; leal (%ebp,%ebx,8),%eax
	leal (%ebp,%ebp,1),%eax; leal (%ebp,%ebp,2),%eax; leal (%ebp,%ebp,4),%eax; leal (%ebp,%ebp,8),%eax
	leal (%ebp,%esi,1),%eax; leal (%ebp,%esi,2),%eax; leal (%ebp,%esi,4),%eax; leal (%ebp,%esi,8),%eax
	leal (%ebp,%edi,1),%eax; leal (%ebp,%edi,2),%eax; leal (%ebp,%edi,4),%eax; leal (%ebp,%edi,8),%eax
	leal 4(%ebp,%ecx,2),%edx; leal -200(%ebp,%edx,8),%esi; leal (%ebp,%eax),%ebx
	leal (%esi,%eax,1),%eax; leal (%esi,%eax,2),%eax; leal (%esi,%eax,4),%eax; leal (%esi,%eax,8),%eax
	leal (%esi,%ecx,1),%eax; leal (%esi,%ecx,2),%eax; leal (%esi,%ecx,4),%eax; leal (%esi,%ecx,8),%eax
	leal (%esi,%edx,1),%eax; leal (%esi,%edx,2),%eax; leal (%esi,%edx,4),%eax; leal (%esi,%edx,8),%eax
	leal (%esi,%ebx,1),%eax; leal (%esi,%ebx,2),%eax; leal (%esi,%ebx,4),%eax; leal (%esi,%ebx,8),%eax
	leal (%esi,%ebp,1),%eax; leal (%esi,%ebp,2),%eax; leal (%esi,%ebp,4),%eax; leal (%esi,%ebp,8),%eax
	leal (%esi,%esi,1),%eax; leal (%esi,%esi,2),%eax; leal (%esi,%esi,4),%eax; leal (%esi,%esi,8),%eax
	leal (%esi,%edi,1),%eax; leal (%esi,%edi,2),%eax; leal (%esi,%edi,4),%eax; leal (%esi,%edi,8),%eax
	leal 4(%esi,%ecx,2),%edx; leal -200(%esi,%edx,8),%esi; leal (%esi,%eax),%ebx
	leal (%edi,%eax,1),%eax; leal (%edi,%eax,2),%eax; leal (%edi,%eax,4),%eax; leal (%edi,%eax,8),%eax
	leal (%edi,%ecx,1),%eax; leal (%edi,%ecx,2),%eax; leal (%edi,%ecx,4),%eax; leal (%edi,%ecx,8),%eax
	leal (%edi,%edx,1),%eax; leal (%edi,%edx,2),%eax; leal (%edi,%edx,4),%eax; leal (%edi,%edx,8),%eax
	leal (%edi,%ebx,1),%eax; leal (%edi,%ebx,2),%eax; leal (%edi,%ebx,4),%eax; leal (%edi,%ebx,8),%eax
	leal (%edi,%ebp,1),%eax; leal (%edi,%ebp,2),%eax; leal (%edi,%ebp,4),%eax; leal (%edi,%ebp,8),%eax
	leal (%edi,%esi,1),%eax; leal (%edi,%esi,2),%eax; leal (%edi,%esi,4),%eax; leal (%edi,%esi,8),%eax
	leal (%edi,%edi,1),%eax; leal (%edi,%edi,2),%eax; leal (%edi,%edi,4),%eax; leal (%edi,%edi,8),%eax
	leal 4(%edi,%ecx,2),%edx; leal -200(%edi,%edx,8),%esi; leal (%edi,%eax),%ebx

# ---- index without base, absolute addresses
	movl (,%eax,1),%eax; movl (,%eax,2),%eax; movl 4(,%eax,4),%eax; movl -8(,%eax,8),%eax; movl (,%eax),%ecx
	movl (,%ecx,1),%eax; movl (,%ecx,2),%eax; movl 4(,%ecx,4),%eax; movl -8(,%ecx,8),%eax; movl (,%ecx),%ecx
	movl (,%edx,1),%eax; movl (,%edx,2),%eax; movl 4(,%edx,4),%eax; movl -8(,%edx,8),%eax; movl (,%edx),%ecx
	movl (,%ebx,1),%eax; movl (,%ebx,2),%eax; movl 4(,%ebx,4),%eax; movl -8(,%ebx,8),%eax; movl (,%ebx),%ecx
	movl (,%ebp,1),%eax; movl (,%ebp,2),%eax; movl 4(,%ebp,4),%eax; movl -8(,%ebp,8),%eax; movl (,%ebp),%ecx
	movl (,%esi,1),%eax; movl (,%esi,2),%eax; movl 4(,%esi,4),%eax; movl -8(,%esi,8),%eax; movl (,%esi),%ecx
	movl (,%edi,1),%eax; movl (,%edi,2),%eax; movl 4(,%edi,4),%eax; movl -8(,%edi,8),%eax; movl (,%edi),%ecx
	movl 0x1000,%ecx; movl %edx,0x2000; movl 0,%ebx; movw 0x10,%dx; movb 0x10,%dh

# ---- moffs forms (A0-A3)
	movl 0x1234,%eax; movw 0x1234,%ax; movb 0x1234,%al
	movl %eax,0x1234; movw %ax,0x1234; movb %al,0x1234
	movl data1,%eax; movl %eax,data1; movb data1,%al; movw %ax,data1+2
	movl %es:0x10,%eax; movl %eax,%fs:0x20; movl %ds:0x30,%eax

# ---- segment overrides (dropped when they name the default segment)
	movl %es:(%eax),%ebx; movl %es:4(%ebp),%ebx; movl %es:(%esp),%ebx; movl %es:(%eax,%ebp,2),%ecx; movl %es:(%ebp,%eax),%ecx
	movl %es:(,%esi,4),%edx; movl %es:0x100,%ebx; movb $1,%es:(%edi); movw %ax,%es:2(%esi)
	movl %cs:(%eax),%ebx; movl %cs:4(%ebp),%ebx; movl %cs:(%esp),%ebx; movl %cs:(%eax,%ebp,2),%ecx; movl %cs:(%ebp,%eax),%ecx
	movl %cs:(,%esi,4),%edx; movl %cs:0x100,%ebx; movb $1,%cs:(%edi); movw %ax,%cs:2(%esi)
	movl %ss:(%eax),%ebx; movl %ss:4(%ebp),%ebx; movl %ss:(%esp),%ebx; movl %ss:(%eax,%ebp,2),%ecx; movl %ss:(%ebp,%eax),%ecx
	movl %ss:(,%esi,4),%edx; movl %ss:0x100,%ebx; movb $1,%ss:(%edi); movw %ax,%ss:2(%esi)
	movl %ds:(%eax),%ebx; movl %ds:4(%ebp),%ebx; movl %ds:(%esp),%ebx; movl %ds:(%eax,%ebp,2),%ecx; movl %ds:(%ebp,%eax),%ecx
	movl %ds:(,%esi,4),%edx; movl %ds:0x100,%ebx; movb $1,%ds:(%edi); movw %ax,%ds:2(%esi)
	movl %fs:(%eax),%ebx; movl %fs:4(%ebp),%ebx; movl %fs:(%esp),%ebx; movl %fs:(%eax,%ebp,2),%ecx; movl %fs:(%ebp,%eax),%ecx
	movl %fs:(,%esi,4),%edx; movl %fs:0x100,%ebx; movb $1,%fs:(%edi); movw %ax,%fs:2(%esi)
	movl %gs:(%eax),%ebx; movl %gs:4(%ebp),%ebx; movl %gs:(%esp),%ebx; movl %gs:(%eax,%ebp,2),%ecx; movl %gs:(%ebp,%eax),%ecx
	movl %gs:(,%esi,4),%edx; movl %gs:0x100,%ebx; movb $1,%gs:(%edi); movw %ax,%gs:2(%esi)

# ---- mov immediates
	movl $0,%eax; movl $0,%edi; movl $0,(%ebx); movl $0,8(%esp)
	movl $1,%eax; movl $1,%edi; movl $1,(%ebx); movl $1,8(%esp)
	movl $127,%eax; movl $127,%edi; movl $127,(%ebx); movl $127,8(%esp)
	movl $128,%eax; movl $128,%edi; movl $128,(%ebx); movl $128,8(%esp)
	movl $-128,%eax; movl $-128,%edi; movl $-128,(%ebx); movl $-128,8(%esp)
	movl $-129,%eax; movl $-129,%edi; movl $-129,(%ebx); movl $-129,8(%esp)
	movl $255,%eax; movl $255,%edi; movl $255,(%ebx); movl $255,8(%esp)
	movl $256,%eax; movl $256,%edi; movl $256,(%ebx); movl $256,8(%esp)
	movl $0x7fff,%eax; movl $0x7fff,%edi; movl $0x7fff,(%ebx); movl $0x7fff,8(%esp)
	movl $0x8000,%eax; movl $0x8000,%edi; movl $0x8000,(%ebx); movl $0x8000,8(%esp)
	movl $0xffff,%eax; movl $0xffff,%edi; movl $0xffff,(%ebx); movl $0xffff,8(%esp)
	movl $-32768,%eax; movl $-32768,%edi; movl $-32768,(%ebx); movl $-32768,8(%esp)
	movl $0x7fffffff,%eax; movl $0x7fffffff,%edi; movl $0x7fffffff,(%ebx); movl $0x7fffffff,8(%esp)
	movl $0x80000000,%eax; movl $0x80000000,%edi; movl $0x80000000,(%ebx); movl $0x80000000,8(%esp)
	movl $0xffffffff,%eax; movl $0xffffffff,%edi; movl $0xffffffff,(%ebx); movl $0xffffffff,8(%esp)
	movl $-1,%eax; movl $-1,%edi; movl $-1,(%ebx); movl $-1,8(%esp)
	movw $0,%ax; movw $0,%si; movw $0,(%ebx)
	movw $1,%ax; movw $1,%si; movw $1,(%ebx)
	movw $127,%ax; movw $127,%si; movw $127,(%ebx)
	movw $128,%ax; movw $128,%si; movw $128,(%ebx)
	movw $-128,%ax; movw $-128,%si; movw $-128,(%ebx)
	movw $255,%ax; movw $255,%si; movw $255,(%ebx)
	movw $-1,%ax; movw $-1,%si; movw $-1,(%ebx)
	movw $0x7fff,%ax; movw $0x7fff,%si; movw $0x7fff,(%ebx)
	movw $0xffff,%ax; movw $0xffff,%si; movw $0xffff,(%ebx)
	movw $-32768,%ax; movw $-32768,%si; movw $-32768,(%ebx)
	movb $0,%al; movb $0,%bh; movb $0,(%ebx)
	movb $1,%al; movb $1,%bh; movb $1,(%ebx)
	movb $127,%al; movb $127,%bh; movb $127,(%ebx)
	movb $128,%al; movb $128,%bh; movb $128,(%ebx)
	movb $-128,%al; movb $-128,%bh; movb $-128,(%ebx)
	movb $255,%al; movb $255,%bh; movb $255,(%ebx)
	movb $-1,%al; movb $-1,%bh; movb $-1,(%ebx)
	movb $'a',%al; movb $'\n,%cl; movl $'z'+1,%eax

# ---- mov with segment and control registers
	movw %es,%ax; movl %es,%ecx; mov %es,%edx; movw %es,(%ebx); mov %es,4(%esi)
	movw %cs,%ax; movl %cs,%ecx; mov %cs,%edx; movw %cs,(%ebx); mov %cs,4(%esi)
	movw %ss,%ax; movl %ss,%ecx; mov %ss,%edx; movw %ss,(%ebx); mov %ss,4(%esi)
	movw %ds,%ax; movl %ds,%ecx; mov %ds,%edx; movw %ds,(%ebx); mov %ds,4(%esi)
	movw %fs,%ax; movl %fs,%ecx; mov %fs,%edx; movw %fs,(%ebx); mov %fs,4(%esi)
	movw %gs,%ax; movl %gs,%ecx; mov %gs,%edx; movw %gs,(%ebx); mov %gs,4(%esi)
	movw %ax,%es; movl %ecx,%es; mov %dx,%es; movw (%ebx),%es; mov 4(%esi),%es
	movw %ax,%ss; movl %ecx,%ss; mov %dx,%ss; movw (%ebx),%ss; mov 4(%esi),%ss
	movw %ax,%ds; movl %ecx,%ds; mov %dx,%ds; movw (%ebx),%ds; mov 4(%esi),%ds
	movw %ax,%fs; movl %ecx,%fs; mov %dx,%fs; movw (%ebx),%fs; mov 4(%esi),%fs
	movw %ax,%gs; movl %ecx,%gs; mov %dx,%gs; movw (%ebx),%gs; mov 4(%esi),%gs
	movl %cr0,%eax; movl %cr0,%edi; movl %eax,%cr0; mov %esi,%cr0
	movl %cr2,%eax; movl %cr2,%edi; movl %eax,%cr2; mov %esi,%cr2
	movl %cr3,%eax; movl %cr3,%edi; movl %eax,%cr3; mov %esi,%cr3
	movl %cr4,%eax; movl %cr4,%edi; movl %eax,%cr4; mov %esi,%cr4

# ---- movzx / movsx
	movzbl %al,%eax; movzbl %bh,%esi; movzbl (%eax),%ecx; movzbl 4(%esp),%edi
	movzwl %ax,%eax; movzwl %di,%esi; movzwl (%eax),%ecx; movzwl -2(%ebp),%edx
	movzbw %al,%ax; movzbw %ch,%di; movzbw (%ebx),%dx
	movsbl %al,%eax; movsbl %dh,%ebp; movsbl (%eax),%ecx; movsbl 1(%esi,%ecx),%edx
	movswl %ax,%eax; movswl %bp,%ebx; movswl (%eax),%ecx
	movsbw %al,%ax; movsbw %bl,%sp; movsbw (%ebx),%dx
	movzx %al,%ebx; movzx %ax,%ebx; movzx %bl,%cx; movsx %al,%ebx; movsx %ax,%ebx; movsx %dl,%si
	movzx (%eax),%ebx; movsx (%eax),%cx

# ---- lea
	leal (%eax),%ebx; leal 4(%ebp),%esp; leal data1,%eax; leal data1(%ebx),%ecx; leal 0x10(,%eax,4),%edx
	lea 8(%esp),%eax; leaw 2(%eax),%bx; lea (%ebx,%esi),%di

# ---- xchg
	xchgl %eax,%eax; xchgl %eax,%eax; xchg %eax,%ebx; xchg %ecx,%eax
	xchgl %eax,%ecx; xchgl %ecx,%eax; xchg %ecx,%ebx; xchg %ecx,%ecx
	xchgl %eax,%edx; xchgl %edx,%eax; xchg %edx,%ebx; xchg %ecx,%edx
	xchgl %eax,%ebx; xchgl %ebx,%eax; xchg %ebx,%ebx; xchg %ecx,%ebx
	xchgl %eax,%esp; xchgl %esp,%eax; xchg %esp,%ebx; xchg %ecx,%esp
	xchgl %eax,%ebp; xchgl %ebp,%eax; xchg %ebp,%ebx; xchg %ecx,%ebp
	xchgl %eax,%esi; xchgl %esi,%eax; xchg %esi,%ebx; xchg %ecx,%esi
	xchgl %eax,%edi; xchgl %edi,%eax; xchg %edi,%ebx; xchg %ecx,%edi
	xchgw %ax,%ax; xchg %ax,%ax; xchg %ax,%bx
	xchgw %ax,%cx; xchg %cx,%ax; xchg %cx,%bx
	xchgw %ax,%dx; xchg %dx,%ax; xchg %dx,%bx
	xchgw %ax,%bx; xchg %bx,%ax; xchg %bx,%bx
	xchgw %ax,%sp; xchg %sp,%ax; xchg %sp,%bx
	xchgw %ax,%bp; xchg %bp,%ax; xchg %bp,%bx
	xchgw %ax,%si; xchg %si,%ax; xchg %si,%bx
	xchgw %ax,%di; xchg %di,%ax; xchg %di,%bx
	xchgb %al,%al; xchg %al,%bl
	xchgb %al,%cl; xchg %cl,%bl
	xchgb %al,%dl; xchg %dl,%bl
	xchgb %al,%bl; xchg %bl,%bl
	xchgb %al,%ah; xchg %ah,%bl
	xchgb %al,%ch; xchg %ch,%bl
	xchgb %al,%dh; xchg %dh,%bl
	xchgb %al,%bh; xchg %bh,%bl
	xchg %eax,(%ebx); xchg (%ebx),%eax; xchgl %ecx,4(%esp); xchgw %dx,(%esi); xchgb %dl,(%edi); xchg (%eax),%bh

# ---- push / pop
	pushl %eax; push %eax; popl %eax; pop %eax
	pushl %ecx; push %ecx; popl %ecx; pop %ecx
	pushl %edx; push %edx; popl %edx; pop %edx
	pushl %ebx; push %ebx; popl %ebx; pop %ebx
	pushl %esp; push %esp; popl %esp; pop %esp
	pushl %ebp; push %ebp; popl %ebp; pop %ebp
	pushl %esi; push %esi; popl %esi; pop %esi
	pushl %edi; push %edi; popl %edi; pop %edi
	pushw %ax; push %ax; popw %ax; pop %ax
	pushw %cx; push %cx; popw %cx; pop %cx
	pushw %dx; push %dx; popw %dx; pop %dx
	pushw %bx; push %bx; popw %bx; pop %bx
	pushw %sp; push %sp; popw %sp; pop %sp
	pushw %bp; push %bp; popw %bp; pop %bp
	pushw %si; push %si; popw %si; pop %si
	pushw %di; push %di; popw %di; pop %di
	push %es; pushl %es; pushw %es
	push %cs; pushl %cs; pushw %cs
	push %ss; pushl %ss; pushw %ss
	push %ds; pushl %ds; pushw %ds
	push %fs; pushl %fs; pushw %fs
	push %gs; pushl %gs; pushw %gs
	pop %es; popl %es; popw %es
	pop %ss; popl %ss; popw %ss
	pop %ds; popl %ds; popw %ds
	pop %fs; popl %fs; popw %fs
	pop %gs; popl %gs; popw %gs
	pushl $0; push $0
	pushl $1; push $1
	pushl $127; push $127
	pushl $128; push $128
	pushl $-128; push $-128
	pushl $-129; push $-129
	pushl $255; push $255
	pushl $256; push $256
	pushl $0x7fff; push $0x7fff
	pushl $0x8000; push $0x8000
	pushl $0xffff; push $0xffff
	pushl $-32768; push $-32768
	pushl $0x7fffffff; push $0x7fffffff
	pushl $0x80000000; push $0x80000000
	pushl $0xffffffff; push $0xffffffff
	pushl $-1; push $-1
	pushw $0
	pushw $1
	pushw $127
	pushw $128
	pushw $-128
	pushw $-129
	pushw $0x7fff
	pushw $0xffff
	pushl (%eax); push 4(%esp); pushw (%ebx); popl (%eax); pop 8(%ebp); popw (%ecx); pushl data1; popl data1+4
	pushl $data1; push $data1+8; pushl $end - start; pushl $SMALL
	pusha; pushal; pushaw; popa; popal; popaw
	pushf; pushfl; pushfw; popf; popfl; popfw

# ---- ALU group: add or adc sbb and sub xor cmp
	addl %eax,%ebx; addl %ebx,%eax; addl (%eax),%ecx; addl %edx,(%esi); addl 4(%esp),%edi; addl %ebp,-4(%ebp)
	addw %ax,%bx; addw (%eax),%cx; addw %dx,(%esi); addb %al,%bl; addb (%eax),%ch; addb %dh,(%esi)
	add %eax,%ebx; add %ax,%si; add %al,%ah
	addl $0,%eax; addl $0,%ecx; addl $0,(%ebx); addl $0,4(%esp)
	addl $1,%eax; addl $1,%ecx; addl $1,(%ebx); addl $1,4(%esp)
	addl $127,%eax; addl $127,%ecx; addl $127,(%ebx); addl $127,4(%esp)
	addl $128,%eax; addl $128,%ecx; addl $128,(%ebx); addl $128,4(%esp)
	addl $-128,%eax; addl $-128,%ecx; addl $-128,(%ebx); addl $-128,4(%esp)
	addl $-129,%eax; addl $-129,%ecx; addl $-129,(%ebx); addl $-129,4(%esp)
	addl $255,%eax; addl $255,%ecx; addl $255,(%ebx); addl $255,4(%esp)
	addl $256,%eax; addl $256,%ecx; addl $256,(%ebx); addl $256,4(%esp)
	addl $0x7fff,%eax; addl $0x7fff,%ecx; addl $0x7fff,(%ebx); addl $0x7fff,4(%esp)
	addl $0x8000,%eax; addl $0x8000,%ecx; addl $0x8000,(%ebx); addl $0x8000,4(%esp)
	addl $0xffff,%eax; addl $0xffff,%ecx; addl $0xffff,(%ebx); addl $0xffff,4(%esp)
	addl $-32768,%eax; addl $-32768,%ecx; addl $-32768,(%ebx); addl $-32768,4(%esp)
	addl $0x7fffffff,%eax; addl $0x7fffffff,%ecx; addl $0x7fffffff,(%ebx); addl $0x7fffffff,4(%esp)
	addl $0x80000000,%eax; addl $0x80000000,%ecx; addl $0x80000000,(%ebx); addl $0x80000000,4(%esp)
	addl $0xffffffff,%eax; addl $0xffffffff,%ecx; addl $0xffffffff,(%ebx); addl $0xffffffff,4(%esp)
	addl $-1,%eax; addl $-1,%ecx; addl $-1,(%ebx); addl $-1,4(%esp)
	addw $0,%ax; addw $0,%bx; addw $0,(%esi)
	addw $1,%ax; addw $1,%bx; addw $1,(%esi)
	addw $127,%ax; addw $127,%bx; addw $127,(%esi)
	addw $128,%ax; addw $128,%bx; addw $128,(%esi)
	addw $-128,%ax; addw $-128,%bx; addw $-128,(%esi)
	addw $-129,%ax; addw $-129,%bx; addw $-129,(%esi)
	addw $255,%ax; addw $255,%bx; addw $255,(%esi)
	addw $0x7fff,%ax; addw $0x7fff,%bx; addw $0x7fff,(%esi)
	addw $0xff80,%ax; addw $0xff80,%bx; addw $0xff80,(%esi)
	addw $0xffff,%ax; addw $0xffff,%bx; addw $0xffff,(%esi)
	addw $-1,%ax; addw $-1,%bx; addw $-1,(%esi)
	addb $0,%al; addb $0,%dl; addb $0,(%esi)
	addb $1,%al; addb $1,%dl; addb $1,(%esi)
	addb $127,%al; addb $127,%dl; addb $127,(%esi)
	addb $128,%al; addb $128,%dl; addb $128,(%esi)
	addb $-128,%al; addb $-128,%dl; addb $-128,(%esi)
	addb $255,%al; addb $255,%dl; addb $255,(%esi)
	addb $-1,%al; addb $-1,%dl; addb $-1,(%esi)
	addl $data1,%eax; addl $data1,%edx; add $SMALL,%ecx; add $BIG,%ecx; addl $SMALL,%eax
	orl %eax,%ebx; orl %ebx,%eax; orl (%eax),%ecx; orl %edx,(%esi); orl 4(%esp),%edi; orl %ebp,-4(%ebp)
	orw %ax,%bx; orw (%eax),%cx; orw %dx,(%esi); orb %al,%bl; orb (%eax),%ch; orb %dh,(%esi)
	or %eax,%ebx; or %ax,%si; or %al,%ah
	orl $0,%eax; orl $0,%ecx; orl $0,(%ebx); orl $0,4(%esp)
	orl $1,%eax; orl $1,%ecx; orl $1,(%ebx); orl $1,4(%esp)
	orl $127,%eax; orl $127,%ecx; orl $127,(%ebx); orl $127,4(%esp)
	orl $128,%eax; orl $128,%ecx; orl $128,(%ebx); orl $128,4(%esp)
	orl $-128,%eax; orl $-128,%ecx; orl $-128,(%ebx); orl $-128,4(%esp)
	orl $-129,%eax; orl $-129,%ecx; orl $-129,(%ebx); orl $-129,4(%esp)
	orl $255,%eax; orl $255,%ecx; orl $255,(%ebx); orl $255,4(%esp)
	orl $256,%eax; orl $256,%ecx; orl $256,(%ebx); orl $256,4(%esp)
	orl $0x7fff,%eax; orl $0x7fff,%ecx; orl $0x7fff,(%ebx); orl $0x7fff,4(%esp)
	orl $0x8000,%eax; orl $0x8000,%ecx; orl $0x8000,(%ebx); orl $0x8000,4(%esp)
	orl $0xffff,%eax; orl $0xffff,%ecx; orl $0xffff,(%ebx); orl $0xffff,4(%esp)
	orl $-32768,%eax; orl $-32768,%ecx; orl $-32768,(%ebx); orl $-32768,4(%esp)
	orl $0x7fffffff,%eax; orl $0x7fffffff,%ecx; orl $0x7fffffff,(%ebx); orl $0x7fffffff,4(%esp)
	orl $0x80000000,%eax; orl $0x80000000,%ecx; orl $0x80000000,(%ebx); orl $0x80000000,4(%esp)
	orl $0xffffffff,%eax; orl $0xffffffff,%ecx; orl $0xffffffff,(%ebx); orl $0xffffffff,4(%esp)
	orl $-1,%eax; orl $-1,%ecx; orl $-1,(%ebx); orl $-1,4(%esp)
	orw $0,%ax; orw $0,%bx; orw $0,(%esi)
	orw $1,%ax; orw $1,%bx; orw $1,(%esi)
	orw $127,%ax; orw $127,%bx; orw $127,(%esi)
	orw $128,%ax; orw $128,%bx; orw $128,(%esi)
	orw $-128,%ax; orw $-128,%bx; orw $-128,(%esi)
	orw $-129,%ax; orw $-129,%bx; orw $-129,(%esi)
	orw $255,%ax; orw $255,%bx; orw $255,(%esi)
	orw $0x7fff,%ax; orw $0x7fff,%bx; orw $0x7fff,(%esi)
	orw $0xff80,%ax; orw $0xff80,%bx; orw $0xff80,(%esi)
	orw $0xffff,%ax; orw $0xffff,%bx; orw $0xffff,(%esi)
	orw $-1,%ax; orw $-1,%bx; orw $-1,(%esi)
	orb $0,%al; orb $0,%dl; orb $0,(%esi)
	orb $1,%al; orb $1,%dl; orb $1,(%esi)
	orb $127,%al; orb $127,%dl; orb $127,(%esi)
	orb $128,%al; orb $128,%dl; orb $128,(%esi)
	orb $-128,%al; orb $-128,%dl; orb $-128,(%esi)
	orb $255,%al; orb $255,%dl; orb $255,(%esi)
	orb $-1,%al; orb $-1,%dl; orb $-1,(%esi)
	orl $data1,%eax; orl $data1,%edx; or $SMALL,%ecx; or $BIG,%ecx; orl $SMALL,%eax
	adcl %eax,%ebx; adcl %ebx,%eax; adcl (%eax),%ecx; adcl %edx,(%esi); adcl 4(%esp),%edi; adcl %ebp,-4(%ebp)
	adcw %ax,%bx; adcw (%eax),%cx; adcw %dx,(%esi); adcb %al,%bl; adcb (%eax),%ch; adcb %dh,(%esi)
	adc %eax,%ebx; adc %ax,%si; adc %al,%ah
	adcl $0,%eax; adcl $0,%ecx; adcl $0,(%ebx); adcl $0,4(%esp)
	adcl $1,%eax; adcl $1,%ecx; adcl $1,(%ebx); adcl $1,4(%esp)
	adcl $127,%eax; adcl $127,%ecx; adcl $127,(%ebx); adcl $127,4(%esp)
	adcl $128,%eax; adcl $128,%ecx; adcl $128,(%ebx); adcl $128,4(%esp)
	adcl $-128,%eax; adcl $-128,%ecx; adcl $-128,(%ebx); adcl $-128,4(%esp)
	adcl $-129,%eax; adcl $-129,%ecx; adcl $-129,(%ebx); adcl $-129,4(%esp)
	adcl $255,%eax; adcl $255,%ecx; adcl $255,(%ebx); adcl $255,4(%esp)
	adcl $256,%eax; adcl $256,%ecx; adcl $256,(%ebx); adcl $256,4(%esp)
	adcl $0x7fff,%eax; adcl $0x7fff,%ecx; adcl $0x7fff,(%ebx); adcl $0x7fff,4(%esp)
	adcl $0x8000,%eax; adcl $0x8000,%ecx; adcl $0x8000,(%ebx); adcl $0x8000,4(%esp)
	adcl $0xffff,%eax; adcl $0xffff,%ecx; adcl $0xffff,(%ebx); adcl $0xffff,4(%esp)
	adcl $-32768,%eax; adcl $-32768,%ecx; adcl $-32768,(%ebx); adcl $-32768,4(%esp)
	adcl $0x7fffffff,%eax; adcl $0x7fffffff,%ecx; adcl $0x7fffffff,(%ebx); adcl $0x7fffffff,4(%esp)
	adcl $0x80000000,%eax; adcl $0x80000000,%ecx; adcl $0x80000000,(%ebx); adcl $0x80000000,4(%esp)
	adcl $0xffffffff,%eax; adcl $0xffffffff,%ecx; adcl $0xffffffff,(%ebx); adcl $0xffffffff,4(%esp)
	adcl $-1,%eax; adcl $-1,%ecx; adcl $-1,(%ebx); adcl $-1,4(%esp)
	adcw $0,%ax; adcw $0,%bx; adcw $0,(%esi)
	adcw $1,%ax; adcw $1,%bx; adcw $1,(%esi)
	adcw $127,%ax; adcw $127,%bx; adcw $127,(%esi)
	adcw $128,%ax; adcw $128,%bx; adcw $128,(%esi)
	adcw $-128,%ax; adcw $-128,%bx; adcw $-128,(%esi)
	adcw $-129,%ax; adcw $-129,%bx; adcw $-129,(%esi)
	adcw $255,%ax; adcw $255,%bx; adcw $255,(%esi)
	adcw $0x7fff,%ax; adcw $0x7fff,%bx; adcw $0x7fff,(%esi)
	adcw $0xff80,%ax; adcw $0xff80,%bx; adcw $0xff80,(%esi)
	adcw $0xffff,%ax; adcw $0xffff,%bx; adcw $0xffff,(%esi)
	adcw $-1,%ax; adcw $-1,%bx; adcw $-1,(%esi)
	adcb $0,%al; adcb $0,%dl; adcb $0,(%esi)
	adcb $1,%al; adcb $1,%dl; adcb $1,(%esi)
	adcb $127,%al; adcb $127,%dl; adcb $127,(%esi)
	adcb $128,%al; adcb $128,%dl; adcb $128,(%esi)
	adcb $-128,%al; adcb $-128,%dl; adcb $-128,(%esi)
	adcb $255,%al; adcb $255,%dl; adcb $255,(%esi)
	adcb $-1,%al; adcb $-1,%dl; adcb $-1,(%esi)
	adcl $data1,%eax; adcl $data1,%edx; adc $SMALL,%ecx; adc $BIG,%ecx; adcl $SMALL,%eax
	sbbl %eax,%ebx; sbbl %ebx,%eax; sbbl (%eax),%ecx; sbbl %edx,(%esi); sbbl 4(%esp),%edi; sbbl %ebp,-4(%ebp)
	sbbw %ax,%bx; sbbw (%eax),%cx; sbbw %dx,(%esi); sbbb %al,%bl; sbbb (%eax),%ch; sbbb %dh,(%esi)
	sbb %eax,%ebx; sbb %ax,%si; sbb %al,%ah
	sbbl $0,%eax; sbbl $0,%ecx; sbbl $0,(%ebx); sbbl $0,4(%esp)
	sbbl $1,%eax; sbbl $1,%ecx; sbbl $1,(%ebx); sbbl $1,4(%esp)
	sbbl $127,%eax; sbbl $127,%ecx; sbbl $127,(%ebx); sbbl $127,4(%esp)
	sbbl $128,%eax; sbbl $128,%ecx; sbbl $128,(%ebx); sbbl $128,4(%esp)
	sbbl $-128,%eax; sbbl $-128,%ecx; sbbl $-128,(%ebx); sbbl $-128,4(%esp)
	sbbl $-129,%eax; sbbl $-129,%ecx; sbbl $-129,(%ebx); sbbl $-129,4(%esp)
	sbbl $255,%eax; sbbl $255,%ecx; sbbl $255,(%ebx); sbbl $255,4(%esp)
	sbbl $256,%eax; sbbl $256,%ecx; sbbl $256,(%ebx); sbbl $256,4(%esp)
	sbbl $0x7fff,%eax; sbbl $0x7fff,%ecx; sbbl $0x7fff,(%ebx); sbbl $0x7fff,4(%esp)
	sbbl $0x8000,%eax; sbbl $0x8000,%ecx; sbbl $0x8000,(%ebx); sbbl $0x8000,4(%esp)
	sbbl $0xffff,%eax; sbbl $0xffff,%ecx; sbbl $0xffff,(%ebx); sbbl $0xffff,4(%esp)
	sbbl $-32768,%eax; sbbl $-32768,%ecx; sbbl $-32768,(%ebx); sbbl $-32768,4(%esp)
	sbbl $0x7fffffff,%eax; sbbl $0x7fffffff,%ecx; sbbl $0x7fffffff,(%ebx); sbbl $0x7fffffff,4(%esp)
	sbbl $0x80000000,%eax; sbbl $0x80000000,%ecx; sbbl $0x80000000,(%ebx); sbbl $0x80000000,4(%esp)
	sbbl $0xffffffff,%eax; sbbl $0xffffffff,%ecx; sbbl $0xffffffff,(%ebx); sbbl $0xffffffff,4(%esp)
	sbbl $-1,%eax; sbbl $-1,%ecx; sbbl $-1,(%ebx); sbbl $-1,4(%esp)
	sbbw $0,%ax; sbbw $0,%bx; sbbw $0,(%esi)
	sbbw $1,%ax; sbbw $1,%bx; sbbw $1,(%esi)
	sbbw $127,%ax; sbbw $127,%bx; sbbw $127,(%esi)
	sbbw $128,%ax; sbbw $128,%bx; sbbw $128,(%esi)
	sbbw $-128,%ax; sbbw $-128,%bx; sbbw $-128,(%esi)
	sbbw $-129,%ax; sbbw $-129,%bx; sbbw $-129,(%esi)
	sbbw $255,%ax; sbbw $255,%bx; sbbw $255,(%esi)
	sbbw $0x7fff,%ax; sbbw $0x7fff,%bx; sbbw $0x7fff,(%esi)
	sbbw $0xff80,%ax; sbbw $0xff80,%bx; sbbw $0xff80,(%esi)
	sbbw $0xffff,%ax; sbbw $0xffff,%bx; sbbw $0xffff,(%esi)
	sbbw $-1,%ax; sbbw $-1,%bx; sbbw $-1,(%esi)
	sbbb $0,%al; sbbb $0,%dl; sbbb $0,(%esi)
	sbbb $1,%al; sbbb $1,%dl; sbbb $1,(%esi)
	sbbb $127,%al; sbbb $127,%dl; sbbb $127,(%esi)
	sbbb $128,%al; sbbb $128,%dl; sbbb $128,(%esi)
	sbbb $-128,%al; sbbb $-128,%dl; sbbb $-128,(%esi)
	sbbb $255,%al; sbbb $255,%dl; sbbb $255,(%esi)
	sbbb $-1,%al; sbbb $-1,%dl; sbbb $-1,(%esi)
	sbbl $data1,%eax; sbbl $data1,%edx; sbb $SMALL,%ecx; sbb $BIG,%ecx; sbbl $SMALL,%eax
	andl %eax,%ebx; andl %ebx,%eax; andl (%eax),%ecx; andl %edx,(%esi); andl 4(%esp),%edi; andl %ebp,-4(%ebp)
	andw %ax,%bx; andw (%eax),%cx; andw %dx,(%esi); andb %al,%bl; andb (%eax),%ch; andb %dh,(%esi)
	and %eax,%ebx; and %ax,%si; and %al,%ah
	andl $0,%eax; andl $0,%ecx; andl $0,(%ebx); andl $0,4(%esp)
	andl $1,%eax; andl $1,%ecx; andl $1,(%ebx); andl $1,4(%esp)
	andl $127,%eax; andl $127,%ecx; andl $127,(%ebx); andl $127,4(%esp)
	andl $128,%eax; andl $128,%ecx; andl $128,(%ebx); andl $128,4(%esp)
	andl $-128,%eax; andl $-128,%ecx; andl $-128,(%ebx); andl $-128,4(%esp)
	andl $-129,%eax; andl $-129,%ecx; andl $-129,(%ebx); andl $-129,4(%esp)
	andl $255,%eax; andl $255,%ecx; andl $255,(%ebx); andl $255,4(%esp)
	andl $256,%eax; andl $256,%ecx; andl $256,(%ebx); andl $256,4(%esp)
	andl $0x7fff,%eax; andl $0x7fff,%ecx; andl $0x7fff,(%ebx); andl $0x7fff,4(%esp)
	andl $0x8000,%eax; andl $0x8000,%ecx; andl $0x8000,(%ebx); andl $0x8000,4(%esp)
	andl $0xffff,%eax; andl $0xffff,%ecx; andl $0xffff,(%ebx); andl $0xffff,4(%esp)
	andl $-32768,%eax; andl $-32768,%ecx; andl $-32768,(%ebx); andl $-32768,4(%esp)
	andl $0x7fffffff,%eax; andl $0x7fffffff,%ecx; andl $0x7fffffff,(%ebx); andl $0x7fffffff,4(%esp)
	andl $0x80000000,%eax; andl $0x80000000,%ecx; andl $0x80000000,(%ebx); andl $0x80000000,4(%esp)
	andl $0xffffffff,%eax; andl $0xffffffff,%ecx; andl $0xffffffff,(%ebx); andl $0xffffffff,4(%esp)
	andl $-1,%eax; andl $-1,%ecx; andl $-1,(%ebx); andl $-1,4(%esp)
	andw $0,%ax; andw $0,%bx; andw $0,(%esi)
	andw $1,%ax; andw $1,%bx; andw $1,(%esi)
	andw $127,%ax; andw $127,%bx; andw $127,(%esi)
	andw $128,%ax; andw $128,%bx; andw $128,(%esi)
	andw $-128,%ax; andw $-128,%bx; andw $-128,(%esi)
	andw $-129,%ax; andw $-129,%bx; andw $-129,(%esi)
	andw $255,%ax; andw $255,%bx; andw $255,(%esi)
	andw $0x7fff,%ax; andw $0x7fff,%bx; andw $0x7fff,(%esi)
	andw $0xff80,%ax; andw $0xff80,%bx; andw $0xff80,(%esi)
	andw $0xffff,%ax; andw $0xffff,%bx; andw $0xffff,(%esi)
	andw $-1,%ax; andw $-1,%bx; andw $-1,(%esi)
	andb $0,%al; andb $0,%dl; andb $0,(%esi)
	andb $1,%al; andb $1,%dl; andb $1,(%esi)
	andb $127,%al; andb $127,%dl; andb $127,(%esi)
	andb $128,%al; andb $128,%dl; andb $128,(%esi)
	andb $-128,%al; andb $-128,%dl; andb $-128,(%esi)
	andb $255,%al; andb $255,%dl; andb $255,(%esi)
	andb $-1,%al; andb $-1,%dl; andb $-1,(%esi)
	andl $data1,%eax; andl $data1,%edx; and $SMALL,%ecx; and $BIG,%ecx; andl $SMALL,%eax
	subl %eax,%ebx; subl %ebx,%eax; subl (%eax),%ecx; subl %edx,(%esi); subl 4(%esp),%edi; subl %ebp,-4(%ebp)
	subw %ax,%bx; subw (%eax),%cx; subw %dx,(%esi); subb %al,%bl; subb (%eax),%ch; subb %dh,(%esi)
	sub %eax,%ebx; sub %ax,%si; sub %al,%ah
	subl $0,%eax; subl $0,%ecx; subl $0,(%ebx); subl $0,4(%esp)
	subl $1,%eax; subl $1,%ecx; subl $1,(%ebx); subl $1,4(%esp)
	subl $127,%eax; subl $127,%ecx; subl $127,(%ebx); subl $127,4(%esp)
	subl $128,%eax; subl $128,%ecx; subl $128,(%ebx); subl $128,4(%esp)
	subl $-128,%eax; subl $-128,%ecx; subl $-128,(%ebx); subl $-128,4(%esp)
	subl $-129,%eax; subl $-129,%ecx; subl $-129,(%ebx); subl $-129,4(%esp)
	subl $255,%eax; subl $255,%ecx; subl $255,(%ebx); subl $255,4(%esp)
	subl $256,%eax; subl $256,%ecx; subl $256,(%ebx); subl $256,4(%esp)
	subl $0x7fff,%eax; subl $0x7fff,%ecx; subl $0x7fff,(%ebx); subl $0x7fff,4(%esp)
	subl $0x8000,%eax; subl $0x8000,%ecx; subl $0x8000,(%ebx); subl $0x8000,4(%esp)
	subl $0xffff,%eax; subl $0xffff,%ecx; subl $0xffff,(%ebx); subl $0xffff,4(%esp)
	subl $-32768,%eax; subl $-32768,%ecx; subl $-32768,(%ebx); subl $-32768,4(%esp)
	subl $0x7fffffff,%eax; subl $0x7fffffff,%ecx; subl $0x7fffffff,(%ebx); subl $0x7fffffff,4(%esp)
	subl $0x80000000,%eax; subl $0x80000000,%ecx; subl $0x80000000,(%ebx); subl $0x80000000,4(%esp)
	subl $0xffffffff,%eax; subl $0xffffffff,%ecx; subl $0xffffffff,(%ebx); subl $0xffffffff,4(%esp)
	subl $-1,%eax; subl $-1,%ecx; subl $-1,(%ebx); subl $-1,4(%esp)
	subw $0,%ax; subw $0,%bx; subw $0,(%esi)
	subw $1,%ax; subw $1,%bx; subw $1,(%esi)
	subw $127,%ax; subw $127,%bx; subw $127,(%esi)
	subw $128,%ax; subw $128,%bx; subw $128,(%esi)
	subw $-128,%ax; subw $-128,%bx; subw $-128,(%esi)
	subw $-129,%ax; subw $-129,%bx; subw $-129,(%esi)
	subw $255,%ax; subw $255,%bx; subw $255,(%esi)
	subw $0x7fff,%ax; subw $0x7fff,%bx; subw $0x7fff,(%esi)
	subw $0xff80,%ax; subw $0xff80,%bx; subw $0xff80,(%esi)
	subw $0xffff,%ax; subw $0xffff,%bx; subw $0xffff,(%esi)
	subw $-1,%ax; subw $-1,%bx; subw $-1,(%esi)
	subb $0,%al; subb $0,%dl; subb $0,(%esi)
	subb $1,%al; subb $1,%dl; subb $1,(%esi)
	subb $127,%al; subb $127,%dl; subb $127,(%esi)
	subb $128,%al; subb $128,%dl; subb $128,(%esi)
	subb $-128,%al; subb $-128,%dl; subb $-128,(%esi)
	subb $255,%al; subb $255,%dl; subb $255,(%esi)
	subb $-1,%al; subb $-1,%dl; subb $-1,(%esi)
	subl $data1,%eax; subl $data1,%edx; sub $SMALL,%ecx; sub $BIG,%ecx; subl $SMALL,%eax
	xorl %eax,%ebx; xorl %ebx,%eax; xorl (%eax),%ecx; xorl %edx,(%esi); xorl 4(%esp),%edi; xorl %ebp,-4(%ebp)
	xorw %ax,%bx; xorw (%eax),%cx; xorw %dx,(%esi); xorb %al,%bl; xorb (%eax),%ch; xorb %dh,(%esi)
	xor %eax,%ebx; xor %ax,%si; xor %al,%ah
	xorl $0,%eax; xorl $0,%ecx; xorl $0,(%ebx); xorl $0,4(%esp)
	xorl $1,%eax; xorl $1,%ecx; xorl $1,(%ebx); xorl $1,4(%esp)
	xorl $127,%eax; xorl $127,%ecx; xorl $127,(%ebx); xorl $127,4(%esp)
	xorl $128,%eax; xorl $128,%ecx; xorl $128,(%ebx); xorl $128,4(%esp)
	xorl $-128,%eax; xorl $-128,%ecx; xorl $-128,(%ebx); xorl $-128,4(%esp)
	xorl $-129,%eax; xorl $-129,%ecx; xorl $-129,(%ebx); xorl $-129,4(%esp)
	xorl $255,%eax; xorl $255,%ecx; xorl $255,(%ebx); xorl $255,4(%esp)
	xorl $256,%eax; xorl $256,%ecx; xorl $256,(%ebx); xorl $256,4(%esp)
	xorl $0x7fff,%eax; xorl $0x7fff,%ecx; xorl $0x7fff,(%ebx); xorl $0x7fff,4(%esp)
	xorl $0x8000,%eax; xorl $0x8000,%ecx; xorl $0x8000,(%ebx); xorl $0x8000,4(%esp)
	xorl $0xffff,%eax; xorl $0xffff,%ecx; xorl $0xffff,(%ebx); xorl $0xffff,4(%esp)
	xorl $-32768,%eax; xorl $-32768,%ecx; xorl $-32768,(%ebx); xorl $-32768,4(%esp)
	xorl $0x7fffffff,%eax; xorl $0x7fffffff,%ecx; xorl $0x7fffffff,(%ebx); xorl $0x7fffffff,4(%esp)
	xorl $0x80000000,%eax; xorl $0x80000000,%ecx; xorl $0x80000000,(%ebx); xorl $0x80000000,4(%esp)
	xorl $0xffffffff,%eax; xorl $0xffffffff,%ecx; xorl $0xffffffff,(%ebx); xorl $0xffffffff,4(%esp)
	xorl $-1,%eax; xorl $-1,%ecx; xorl $-1,(%ebx); xorl $-1,4(%esp)
	xorw $0,%ax; xorw $0,%bx; xorw $0,(%esi)
	xorw $1,%ax; xorw $1,%bx; xorw $1,(%esi)
	xorw $127,%ax; xorw $127,%bx; xorw $127,(%esi)
	xorw $128,%ax; xorw $128,%bx; xorw $128,(%esi)
	xorw $-128,%ax; xorw $-128,%bx; xorw $-128,(%esi)
	xorw $-129,%ax; xorw $-129,%bx; xorw $-129,(%esi)
	xorw $255,%ax; xorw $255,%bx; xorw $255,(%esi)
	xorw $0x7fff,%ax; xorw $0x7fff,%bx; xorw $0x7fff,(%esi)
	xorw $0xff80,%ax; xorw $0xff80,%bx; xorw $0xff80,(%esi)
	xorw $0xffff,%ax; xorw $0xffff,%bx; xorw $0xffff,(%esi)
	xorw $-1,%ax; xorw $-1,%bx; xorw $-1,(%esi)
	xorb $0,%al; xorb $0,%dl; xorb $0,(%esi)
	xorb $1,%al; xorb $1,%dl; xorb $1,(%esi)
	xorb $127,%al; xorb $127,%dl; xorb $127,(%esi)
	xorb $128,%al; xorb $128,%dl; xorb $128,(%esi)
	xorb $-128,%al; xorb $-128,%dl; xorb $-128,(%esi)
	xorb $255,%al; xorb $255,%dl; xorb $255,(%esi)
	xorb $-1,%al; xorb $-1,%dl; xorb $-1,(%esi)
	xorl $data1,%eax; xorl $data1,%edx; xor $SMALL,%ecx; xor $BIG,%ecx; xorl $SMALL,%eax
	cmpl %eax,%ebx; cmpl %ebx,%eax; cmpl (%eax),%ecx; cmpl %edx,(%esi); cmpl 4(%esp),%edi; cmpl %ebp,-4(%ebp)
	cmpw %ax,%bx; cmpw (%eax),%cx; cmpw %dx,(%esi); cmpb %al,%bl; cmpb (%eax),%ch; cmpb %dh,(%esi)
	cmp %eax,%ebx; cmp %ax,%si; cmp %al,%ah
	cmpl $0,%eax; cmpl $0,%ecx; cmpl $0,(%ebx); cmpl $0,4(%esp)
	cmpl $1,%eax; cmpl $1,%ecx; cmpl $1,(%ebx); cmpl $1,4(%esp)
	cmpl $127,%eax; cmpl $127,%ecx; cmpl $127,(%ebx); cmpl $127,4(%esp)
	cmpl $128,%eax; cmpl $128,%ecx; cmpl $128,(%ebx); cmpl $128,4(%esp)
	cmpl $-128,%eax; cmpl $-128,%ecx; cmpl $-128,(%ebx); cmpl $-128,4(%esp)
	cmpl $-129,%eax; cmpl $-129,%ecx; cmpl $-129,(%ebx); cmpl $-129,4(%esp)
	cmpl $255,%eax; cmpl $255,%ecx; cmpl $255,(%ebx); cmpl $255,4(%esp)
	cmpl $256,%eax; cmpl $256,%ecx; cmpl $256,(%ebx); cmpl $256,4(%esp)
	cmpl $0x7fff,%eax; cmpl $0x7fff,%ecx; cmpl $0x7fff,(%ebx); cmpl $0x7fff,4(%esp)
	cmpl $0x8000,%eax; cmpl $0x8000,%ecx; cmpl $0x8000,(%ebx); cmpl $0x8000,4(%esp)
	cmpl $0xffff,%eax; cmpl $0xffff,%ecx; cmpl $0xffff,(%ebx); cmpl $0xffff,4(%esp)
	cmpl $-32768,%eax; cmpl $-32768,%ecx; cmpl $-32768,(%ebx); cmpl $-32768,4(%esp)
	cmpl $0x7fffffff,%eax; cmpl $0x7fffffff,%ecx; cmpl $0x7fffffff,(%ebx); cmpl $0x7fffffff,4(%esp)
	cmpl $0x80000000,%eax; cmpl $0x80000000,%ecx; cmpl $0x80000000,(%ebx); cmpl $0x80000000,4(%esp)
	cmpl $0xffffffff,%eax; cmpl $0xffffffff,%ecx; cmpl $0xffffffff,(%ebx); cmpl $0xffffffff,4(%esp)
	cmpl $-1,%eax; cmpl $-1,%ecx; cmpl $-1,(%ebx); cmpl $-1,4(%esp)
	cmpw $0,%ax; cmpw $0,%bx; cmpw $0,(%esi)
	cmpw $1,%ax; cmpw $1,%bx; cmpw $1,(%esi)
	cmpw $127,%ax; cmpw $127,%bx; cmpw $127,(%esi)
	cmpw $128,%ax; cmpw $128,%bx; cmpw $128,(%esi)
	cmpw $-128,%ax; cmpw $-128,%bx; cmpw $-128,(%esi)
	cmpw $-129,%ax; cmpw $-129,%bx; cmpw $-129,(%esi)
	cmpw $255,%ax; cmpw $255,%bx; cmpw $255,(%esi)
	cmpw $0x7fff,%ax; cmpw $0x7fff,%bx; cmpw $0x7fff,(%esi)
	cmpw $0xff80,%ax; cmpw $0xff80,%bx; cmpw $0xff80,(%esi)
	cmpw $0xffff,%ax; cmpw $0xffff,%bx; cmpw $0xffff,(%esi)
	cmpw $-1,%ax; cmpw $-1,%bx; cmpw $-1,(%esi)
	cmpb $0,%al; cmpb $0,%dl; cmpb $0,(%esi)
	cmpb $1,%al; cmpb $1,%dl; cmpb $1,(%esi)
	cmpb $127,%al; cmpb $127,%dl; cmpb $127,(%esi)
	cmpb $128,%al; cmpb $128,%dl; cmpb $128,(%esi)
	cmpb $-128,%al; cmpb $-128,%dl; cmpb $-128,(%esi)
	cmpb $255,%al; cmpb $255,%dl; cmpb $255,(%esi)
	cmpb $-1,%al; cmpb $-1,%dl; cmpb $-1,(%esi)
	cmpl $data1,%eax; cmpl $data1,%edx; cmp $SMALL,%ecx; cmp $BIG,%ecx; cmpl $SMALL,%eax

# ---- test
	testl %eax,%ebx; testl %ebx,%eax; testl %eax,(%ebx); testl (%ebx),%eax; test %ecx,%ecx
	testw %ax,%bx; testw (%esi),%dx; testb %al,%bl; testb (%esi),%dl; test %ah,%bh
	testl $0,%eax; testl $0,%ebx; testl $0,(%ebx)
	testl $1,%eax; testl $1,%ebx; testl $1,(%ebx)
	testl $127,%eax; testl $127,%ebx; testl $127,(%ebx)
	testl $128,%eax; testl $128,%ebx; testl $128,(%ebx)
	testl $-1,%eax; testl $-1,%ebx; testl $-1,(%ebx)
	testl $0xffffffff,%eax; testl $0xffffffff,%ebx; testl $0xffffffff,(%ebx)
	testw $0,%ax; testw $0,%bx
	testw $1,%ax; testw $1,%bx
	testw $0x7fff,%ax; testw $0x7fff,%bx
	testw $0xffff,%ax; testw $0xffff,%bx
	testb $0,%al; testb $0,%bl; testb $0,(%esi)
	testb $1,%al; testb $1,%bl; testb $1,(%esi)
	testb $0x80,%al; testb $0x80,%bl; testb $0x80,(%esi)
	testb $0xff,%al; testb $0xff,%bl; testb $0xff,(%esi)

# ---- inc dec neg not mul imul div idiv
	incl %eax; decl %eax; inc %eax; dec %eax
	incl %ecx; decl %ecx; inc %ecx; dec %ecx
	incl %edx; decl %edx; inc %edx; dec %edx
	incl %ebx; decl %ebx; inc %ebx; dec %ebx
	incl %esp; decl %esp; inc %esp; dec %esp
	incl %ebp; decl %ebp; inc %ebp; dec %ebp
	incl %esi; decl %esi; inc %esi; dec %esi
	incl %edi; decl %edi; inc %edi; dec %edi
	incw %ax; decw %ax
	incw %cx; decw %cx
	incw %dx; decw %dx
	incw %bx; decw %bx
	incw %sp; decw %sp
	incw %bp; decw %bp
	incw %si; decw %si
	incw %di; decw %di
	incb %al; decb %al
	incb %cl; decb %cl
	incb %dl; decb %dl
	incb %bl; decb %bl
	incb %ah; decb %ah
	incb %ch; decb %ch
	incb %dh; decb %dh
	incb %bh; decb %bh
	incl (%eax); decl 4(%esp); incw (%ebx); decw (%ebx); incb (%esi); decb -1(%ebp)
	negl %eax; negl %edi; negl (%ebx); negw %ax; negw (%ebx); negb %al; negb %bh; negb (%ecx); neg %ecx
	notl %eax; notl %edi; notl (%ebx); notw %ax; notw (%ebx); notb %al; notb %bh; notb (%ecx); not %ecx
	mull %eax; mull %edi; mull (%ebx); mulw %ax; mulw (%ebx); mulb %al; mulb %bh; mulb (%ecx); mul %ecx
	imull %eax; imull %edi; imull (%ebx); imulw %ax; imulw (%ebx); imulb %al; imulb %bh; imulb (%ecx); imul %ecx
	divl %eax; divl %edi; divl (%ebx); divw %ax; divw (%ebx); divb %al; divb %bh; divb (%ecx); div %ecx
	idivl %eax; idivl %edi; idivl (%ebx); idivw %ax; idivw (%ebx); idivb %al; idivb %bh; idivb (%ecx); idiv %ecx

# ---- imul two and three operands
	imul %ebx,%eax; imull (%ebx),%ecx; imul 4(%esp),%edx; imulw %bx,%ax; imulw (%esi),%di
	imul $0,%eax; imull $0,%ebx,%ecx; imul $0,(%esi),%edx; imull $0,4(%esp),%edi
	imul $1,%eax; imull $1,%ebx,%ecx; imul $1,(%esi),%edx; imull $1,4(%esp),%edi
	imul $127,%eax; imull $127,%ebx,%ecx; imul $127,(%esi),%edx; imull $127,4(%esp),%edi
	imul $128,%eax; imull $128,%ebx,%ecx; imul $128,(%esi),%edx; imull $128,4(%esp),%edi
	imul $-128,%eax; imull $-128,%ebx,%ecx; imul $-128,(%esi),%edx; imull $-128,4(%esp),%edi
	imul $-129,%eax; imull $-129,%ebx,%ecx; imul $-129,(%esi),%edx; imull $-129,4(%esp),%edi
	imul $0x7fffffff,%eax; imull $0x7fffffff,%ebx,%ecx; imul $0x7fffffff,(%esi),%edx; imull $0x7fffffff,4(%esp),%edi
	imulw $1,%ax; imulw $1,%bx,%cx; imulw $1,(%esi),%dx
	imulw $127,%ax; imulw $127,%bx,%cx; imulw $127,(%esi),%dx
	imulw $128,%ax; imulw $128,%bx,%cx; imulw $128,(%esi),%dx
	imulw $-129,%ax; imulw $-129,%bx,%cx; imulw $-129,(%esi),%dx
	imulw $0x7fff,%ax; imulw $0x7fff,%bx,%cx; imulw $0x7fff,(%esi),%dx
	imul $SMALL,%eax; imul $BIG,%ebx,%eax

# ---- shifts and rotates
	shll %eax; shll $1,%ebx; shll $2,%ecx; shll $31,%edx; shll %cl,%esi; shll (%eax); shll $3,4(%esp); shll %cl,(%ebx)
	shlw %ax; shlw $1,%bx; shlw $5,%cx; shlw %cl,%dx; shlw (%eax)
	shlb %al; shlb $1,%bl; shlb $7,%ch; shlb %cl,%dh; shlb $1,(%eax); shl $4,%edi; shl %cl,%al
	sall %eax; sall $1,%ebx; sall $2,%ecx; sall $31,%edx; sall %cl,%esi; sall (%eax); sall $3,4(%esp); sall %cl,(%ebx)
	salw %ax; salw $1,%bx; salw $5,%cx; salw %cl,%dx; salw (%eax)
	salb %al; salb $1,%bl; salb $7,%ch; salb %cl,%dh; salb $1,(%eax); sal $4,%edi; sal %cl,%al
	shrl %eax; shrl $1,%ebx; shrl $2,%ecx; shrl $31,%edx; shrl %cl,%esi; shrl (%eax); shrl $3,4(%esp); shrl %cl,(%ebx)
	shrw %ax; shrw $1,%bx; shrw $5,%cx; shrw %cl,%dx; shrw (%eax)
	shrb %al; shrb $1,%bl; shrb $7,%ch; shrb %cl,%dh; shrb $1,(%eax); shr $4,%edi; shr %cl,%al
	sarl %eax; sarl $1,%ebx; sarl $2,%ecx; sarl $31,%edx; sarl %cl,%esi; sarl (%eax); sarl $3,4(%esp); sarl %cl,(%ebx)
	sarw %ax; sarw $1,%bx; sarw $5,%cx; sarw %cl,%dx; sarw (%eax)
	sarb %al; sarb $1,%bl; sarb $7,%ch; sarb %cl,%dh; sarb $1,(%eax); sar $4,%edi; sar %cl,%al
	roll %eax; roll $1,%ebx; roll $2,%ecx; roll $31,%edx; roll %cl,%esi; roll (%eax); roll $3,4(%esp); roll %cl,(%ebx)
	rolw %ax; rolw $1,%bx; rolw $5,%cx; rolw %cl,%dx; rolw (%eax)
	rolb %al; rolb $1,%bl; rolb $7,%ch; rolb %cl,%dh; rolb $1,(%eax); rol $4,%edi; rol %cl,%al
	rorl %eax; rorl $1,%ebx; rorl $2,%ecx; rorl $31,%edx; rorl %cl,%esi; rorl (%eax); rorl $3,4(%esp); rorl %cl,(%ebx)
	rorw %ax; rorw $1,%bx; rorw $5,%cx; rorw %cl,%dx; rorw (%eax)
	rorb %al; rorb $1,%bl; rorb $7,%ch; rorb %cl,%dh; rorb $1,(%eax); ror $4,%edi; ror %cl,%al
	rcll %eax; rcll $1,%ebx; rcll $2,%ecx; rcll $31,%edx; rcll %cl,%esi; rcll (%eax); rcll $3,4(%esp); rcll %cl,(%ebx)
	rclw %ax; rclw $1,%bx; rclw $5,%cx; rclw %cl,%dx; rclw (%eax)
	rclb %al; rclb $1,%bl; rclb $7,%ch; rclb %cl,%dh; rclb $1,(%eax); rcl $4,%edi; rcl %cl,%al
	rcrl %eax; rcrl $1,%ebx; rcrl $2,%ecx; rcrl $31,%edx; rcrl %cl,%esi; rcrl (%eax); rcrl $3,4(%esp); rcrl %cl,(%ebx)
	rcrw %ax; rcrw $1,%bx; rcrw $5,%cx; rcrw %cl,%dx; rcrw (%eax)
	rcrb %al; rcrb $1,%bl; rcrb $7,%ch; rcrb %cl,%dh; rcrb $1,(%eax); rcr $4,%edi; rcr %cl,%al

# ---- conversions
	cbw; cwde; cwtl; cwd; cwtd; cdq; cltd

# ---- flags and system
	cld; std; clc; stc; cmc; cli; sti; hlt; nop; ud2; cpuid; leave; int3; into
	int $0; int $3; int $0x80; int $255; int $SMALL
	iret; iretl; iretw; ret; ret $0; ret $8; ret $0xffff; retl; retw; retl $4
	lgdt (%eax); lgdt gdt_desc; lgdtl 6(%esp); lidt (%ebx); lidt idt_desc; sgdt (%ecx); sidt 4(%edx); sgdt gdt_desc
	ltr %ax; ltr %bx; ltr (%eax); ltrw 2(%ebx); str %ax; str %ecx; str (%eax); strw (%ebx)
	invlpg (%eax); invlpg 4(%ebx); invlpg data1; invlpg (%eax,%ecx,4)
	inb $0x60,%al; inw $0x60,%ax; inl $0x60,%eax; inb %dx,%al; inw %dx,%ax; inl %dx,%eax; in $0x20,%al; in %dx,%eax
	outb %al,$0x20; outw %ax,$0x20; outl %eax,$0x20; outb %al,%dx; outw %ax,%dx; outl %eax,%dx; out %al,$0xa0; out %ax,%dx
	inb $0x60; inl %dx; outb $0x21; outw %dx; in $255,%al

# ---- strings and rep prefixes
	movsb; movsw; movsl; stosb; stosw; stosl; lodsb; lodsw; lodsl; cmpsb; cmpsw; cmpsl; scasb; scasw; scasl
	rep movsb; rep movsl; rep movsw; rep stosb; rep stosl; rep stosw; rep lodsl
	repe cmpsb; repz cmpsl; repne scasb; repnz scasw; repe scasl; repne cmpsw
	rep; movsb; rep; stosl
	rep ret; rep nop

# ---- setcc and cmovcc, every condition
	seto %al; seto %bh; seto (%eax); seto 4(%esp); setob %cl
	cmovo %eax,%ebx; cmovol (%eax),%ecx; cmovo %ax,%bx; cmovow 2(%esi),%dx
	setno %al; setno %bh; setno (%eax); setno 4(%esp); setnob %cl
	cmovno %eax,%ebx; cmovnol (%eax),%ecx; cmovno %ax,%bx; cmovnow 2(%esi),%dx
	setb %al; setb %bh; setb (%eax); setb 4(%esp); setbb %cl
	cmovb %eax,%ebx; cmovbl (%eax),%ecx; cmovb %ax,%bx; cmovbw 2(%esi),%dx
	setc %al; setc %bh; setc (%eax); setc 4(%esp); setcb %cl
	cmovc %eax,%ebx; cmovcl (%eax),%ecx; cmovc %ax,%bx; cmovcw 2(%esi),%dx
	setnae %al; setnae %bh; setnae (%eax); setnae 4(%esp); setnaeb %cl
	cmovnae %eax,%ebx; cmovnael (%eax),%ecx; cmovnae %ax,%bx; cmovnaew 2(%esi),%dx
	setae %al; setae %bh; setae (%eax); setae 4(%esp); setaeb %cl
	cmovae %eax,%ebx; cmovael (%eax),%ecx; cmovae %ax,%bx; cmovaew 2(%esi),%dx
	setnb %al; setnb %bh; setnb (%eax); setnb 4(%esp); setnbb %cl
	cmovnb %eax,%ebx; cmovnbl (%eax),%ecx; cmovnb %ax,%bx; cmovnbw 2(%esi),%dx
	setnc %al; setnc %bh; setnc (%eax); setnc 4(%esp); setncb %cl
	cmovnc %eax,%ebx; cmovncl (%eax),%ecx; cmovnc %ax,%bx; cmovncw 2(%esi),%dx
	sete %al; sete %bh; sete (%eax); sete 4(%esp); seteb %cl
	cmove %eax,%ebx; cmovel (%eax),%ecx; cmove %ax,%bx; cmovew 2(%esi),%dx
	setz %al; setz %bh; setz (%eax); setz 4(%esp); setzb %cl
	cmovz %eax,%ebx; cmovzl (%eax),%ecx; cmovz %ax,%bx; cmovzw 2(%esi),%dx
	setne %al; setne %bh; setne (%eax); setne 4(%esp); setneb %cl
	cmovne %eax,%ebx; cmovnel (%eax),%ecx; cmovne %ax,%bx; cmovnew 2(%esi),%dx
	setnz %al; setnz %bh; setnz (%eax); setnz 4(%esp); setnzb %cl
	cmovnz %eax,%ebx; cmovnzl (%eax),%ecx; cmovnz %ax,%bx; cmovnzw 2(%esi),%dx
	setbe %al; setbe %bh; setbe (%eax); setbe 4(%esp); setbeb %cl
	cmovbe %eax,%ebx; cmovbel (%eax),%ecx; cmovbe %ax,%bx; cmovbew 2(%esi),%dx
	setna %al; setna %bh; setna (%eax); setna 4(%esp); setnab %cl
	cmovna %eax,%ebx; cmovnal (%eax),%ecx; cmovna %ax,%bx; cmovnaw 2(%esi),%dx
	seta %al; seta %bh; seta (%eax); seta 4(%esp); setab %cl
	cmova %eax,%ebx; cmoval (%eax),%ecx; cmova %ax,%bx; cmovaw 2(%esi),%dx
	setnbe %al; setnbe %bh; setnbe (%eax); setnbe 4(%esp); setnbeb %cl
	cmovnbe %eax,%ebx; cmovnbel (%eax),%ecx; cmovnbe %ax,%bx; cmovnbew 2(%esi),%dx
	sets %al; sets %bh; sets (%eax); sets 4(%esp); setsb %cl
	cmovs %eax,%ebx; cmovsl (%eax),%ecx; cmovs %ax,%bx; cmovsw 2(%esi),%dx
	setns %al; setns %bh; setns (%eax); setns 4(%esp); setnsb %cl
	cmovns %eax,%ebx; cmovnsl (%eax),%ecx; cmovns %ax,%bx; cmovnsw 2(%esi),%dx
	setp %al; setp %bh; setp (%eax); setp 4(%esp); setpb %cl
	cmovp %eax,%ebx; cmovpl (%eax),%ecx; cmovp %ax,%bx; cmovpw 2(%esi),%dx
	setpe %al; setpe %bh; setpe (%eax); setpe 4(%esp); setpeb %cl
	cmovpe %eax,%ebx; cmovpel (%eax),%ecx; cmovpe %ax,%bx; cmovpew 2(%esi),%dx
	setnp %al; setnp %bh; setnp (%eax); setnp 4(%esp); setnpb %cl
	cmovnp %eax,%ebx; cmovnpl (%eax),%ecx; cmovnp %ax,%bx; cmovnpw 2(%esi),%dx
	setpo %al; setpo %bh; setpo (%eax); setpo 4(%esp); setpob %cl
	cmovpo %eax,%ebx; cmovpol (%eax),%ecx; cmovpo %ax,%bx; cmovpow 2(%esi),%dx
	setl %al; setl %bh; setl (%eax); setl 4(%esp); setlb %cl
	cmovl %eax,%ebx; cmovll (%eax),%ecx; cmovl %ax,%bx; cmovlw 2(%esi),%dx
	setnge %al; setnge %bh; setnge (%eax); setnge 4(%esp); setngeb %cl
	cmovnge %eax,%ebx; cmovngel (%eax),%ecx; cmovnge %ax,%bx; cmovngew 2(%esi),%dx
	setge %al; setge %bh; setge (%eax); setge 4(%esp); setgeb %cl
	cmovge %eax,%ebx; cmovgel (%eax),%ecx; cmovge %ax,%bx; cmovgew 2(%esi),%dx
	setnl %al; setnl %bh; setnl (%eax); setnl 4(%esp); setnlb %cl
	cmovnl %eax,%ebx; cmovnll (%eax),%ecx; cmovnl %ax,%bx; cmovnlw 2(%esi),%dx
	setle %al; setle %bh; setle (%eax); setle 4(%esp); setleb %cl
	cmovle %eax,%ebx; cmovlel (%eax),%ecx; cmovle %ax,%bx; cmovlew 2(%esi),%dx
	setng %al; setng %bh; setng (%eax); setng 4(%esp); setngb %cl
	cmovng %eax,%ebx; cmovngl (%eax),%ecx; cmovng %ax,%bx; cmovngw 2(%esi),%dx
	setg %al; setg %bh; setg (%eax); setg 4(%esp); setgb %cl
	cmovg %eax,%ebx; cmovgl (%eax),%ecx; cmovg %ax,%bx; cmovgw 2(%esi),%dx
	setnle %al; setnle %bh; setnle (%eax); setnle 4(%esp); setnleb %cl
	cmovnle %eax,%ebx; cmovnlel (%eax),%ecx; cmovnle %ax,%bx; cmovnlew 2(%esi),%dx

# ---- indirect jmp and call
	jmp *%eax; call *%eax
	jmp *%ecx; call *%ecx
	jmp *%edx; call *%edx
	jmp *%ebx; call *%ebx
	jmp *%esp; call *%esp
	jmp *%ebp; call *%ebp
	jmp *%esi; call *%esi
	jmp *%edi; call *%edi
	jmp *(%eax); jmp *4(%esp); jmp *data1; jmp *table(,%eax,4); call *(%ebx); call *8(%ebp); call *data1; calll *(%eax)
	jmp *%es:(%eax); call *%fs:4(%ebx)

# ---- jumps: short, long, every condition, local labels
start:
	jmp start; jmp 1f; jmp 2f; call start; call far_label; calll 1f
1:
	jecxz 1b; loop 1b
	jo 1b; jo 2f; jo far_label
	jno 1b; jno 2f; jno far_label
	jb 1b; jb 2f; jb far_label
	jc 1b; jc 2f; jc far_label
	jnae 1b; jnae 2f; jnae far_label
	jae 1b; jae 2f; jae far_label
	jnb 1b; jnb 2f; jnb far_label
	jnc 1b; jnc 2f; jnc far_label
	je 1b; je 2f; je far_label
	jz 1b; jz 2f; jz far_label
	jne 1b; jne 2f; jne far_label
	jnz 1b; jnz 2f; jnz far_label
	jbe 1b; jbe 2f; jbe far_label
	jna 1b; jna 2f; jna far_label
	ja 1b; ja 2f; ja far_label
	jnbe 1b; jnbe 2f; jnbe far_label
	js 1b; js 2f; js far_label
	jns 1b; jns 2f; jns far_label
	jp 1b; jp 2f; jp far_label
	jpe 1b; jpe 2f; jpe far_label
	jnp 1b; jnp 2f; jnp far_label
	jpo 1b; jpo 2f; jpo far_label
	jl 1b; jl 2f; jl far_label
	jnge 1b; jnge 2f; jnge far_label
	jge 1b; jge 2f; jge far_label
	jnl 1b; jnl 2f; jnl far_label
	jle 1b; jle 2f; jle far_label
	jng 1b; jng 2f; jng far_label
	jg 1b; jg 2f; jg far_label
	jnle 1b; jnle 2f; jnle far_label
	loopl 2f; jecxz 2f
2:	jmp 2b; jmp .; jmp .+2; je .-10
	jmp start+3; jne 2b+1
	jmp 0x12345678; call 0x1000; je 0x2000
near_end:
	jmp far_label; jmp near_end; jmp 3f
	.space 100
3:	jmp 3b; jmp 4f
	.space 125
4:	jne 4b; jmp 4b
	.space 126
5:	jmp 5f
	.space 127
5:	jmp 5b
	.space 126
5:	jmp 5b
	jmp 6f; jmp 6f
	.space 124
6:	nop
# a chain where growing one jump pushes another out of reach
7:	.space 120
	jmp 7b; jmp 7b; jmp 7b; jmp 7b
	je 8f; je 8f; je 8f; je 8f
	.space 118
8:	nop

# ---- directives and expressions
	.byte 0, 1, 127, 128, 255, -1, -128, 0x7f, 017, 0b1010, 'A, 'b'
	.word 0, 1, 0x7fff, 0xffff, -1, -32768; .short 2; .value 3
	.long 0, 1, 0xffffffff, -1, 0x80000000, data1, data1+4, end-start, . - start, SMALL, BIG; .int 5
	.long 1+2*3, (1+2)*3, 1|2+3, 8>>1+1, 1-2<3, 3==3, 1&&2, 0||0, 5!1, !0, 1<>2, -7/2, -7%2, ~0, 1<<31, 6^3, 6&3, 2>=3, 2<=3, 3>2
	.long 0x10 % 3, (SMALL << 4) | 3, BIG - SMALL, SMALL > 4
	.ascii "hello, world\n\t\r\\\"\0\101\x41"; .asciz "abc", "de"; .string "s"
	.ascii "# not a comment; not a separator"
	.space 5; .skip 3, 0xaa; .space 2, -1
	.align 4; .byte 1; .align 8, 0; .byte 2; .balign 16; .byte 3; .balign 8,,3; .byte 4; .p2align 4
	.byte 5; .p2align 2, 0xcc; .byte 6; .align 8, 0x90; .align 32; .byte 7; .balign 64,,40; .align 128
	.globl start; .global data1, far_label; .code32; .text
data1:	.long 0x11223344, 0x55667788
gdt_desc: .word 23; .long data1
idt_desc: .word 2047; .long 0
table:	.long start, 1b, far_label
end:
SMALL = 5
	.set BIG, 0x12345
	.equ ALSO, SMALL + 1
	movl $ALSO, %eax; addl $ALSO, %eax; movl ALSO(%ebx), %eax; movl SMALL(%ebp), %eax
	movl $end - start, %ecx; addl $end - start, %ecx; movl $(data1 - table), %edx; addl $(idt_desc - gdt_desc), %edx
	movl (end - start)(%eax), %ecx; movl (idt_desc - gdt_desc)(%eax), %ecx
/* a C comment */ nop /* spanning
   two lines */ nop # and a hash comment
l1: l2: nop ; l3: nop

# ---- miscellany found by comparing random instructions with as
	shrl $0,%eax
	shll $1,(%eax)
	shlw $1,(%eax)
	imul $1,%eax
	sarw $1,%ax
	ret $-1
	int $-128
	push $0x80000000
	pushw $-1
	xchg %ah,%al
	testb $1,%ah
	movb %ah,(%esp)
	addl $lab - 5, %eax
	movl $lab, lab(,%eax,4)
	movl %eax, lab+4
	movw lab, %ax
	cmpb $-1, (%esi)
	andw $-2, %sp
	orl $0x80, %esp
	lea 0(%ebp), %eax
	lea 0(,%eax,1), %eax
	movl %ss:0(%esp), %eax
	movl %cs:lab, %eax
	movl %gs:(,%ebx,8), %eax
	setc %ah
	cmovbl 1(%eax), %esi
	jmp *%cs:lab
	call *lab(,%ecx,4)
lab: nop
	imul %eax, %eax
	imul $-1, %esp, %ebp
	movzx 4(%ebp), %ax
	movsbl lab, %eax
	inl $0, %eax
	outw %ax, $255
	in (%dx), %al
	.byte 'a', '\\, 'x' + 1
	div %si,%ax; divl (%eax),%eax; idivb (%eax),%al; idiv %ecx,%eax
	lgdtw (%eax); sidtw 4(%ebx); lidtl (%ecx)
	movzx %cx,%di; movsx %ax,%bx; movzx (%eax),%cx
	cmpw $0xffffffff,(%esp); addw $0xffffff80,%bx; rolw $0xffff,%ax; orb $0xffffffff,%al
	in (%dx),%al; inl (%dx),%eax; out %al,(%dx); outw %ax,(%dx)
	.space 200
far_label:
	ret

