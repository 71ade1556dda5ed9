# A tiny kernel shared by scenarios: compute 6 * 7.
kmain:  movl  $6, %eax
        movl  $7, %ecx
        imull %ecx, %eax
kdone:  jmp   kdone
