# The kernel half, in its own file.
entry:  pushal
        popal
        movl  $5, %eax, %ebx
        iret
