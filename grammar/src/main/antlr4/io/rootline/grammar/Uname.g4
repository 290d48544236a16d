/*
 * Uname: the output of `uname -a`.
 *
 * Sample (sos_commands/kernel/uname_-a):
 *
 *   Linux 93-44-159-aliyun-core 3.10.0-957.el7.x86_64 #1 SMP Thu Nov 8 23:39:32 UTC 2018 x86_64 x86_64 x86_64 GNU/Linux
 *
 * The kernel build string holds spaces, so the line is read as its fixed head
 * (kernel name, host, release) and its fixed tail: the machine architecture,
 * which tells whether the host is 32 or 64 bit, then the operating system.
 */
grammar Uname;

line
    : kernel=WORD host=WORD release=WORD build+=(WORD | MACHINE)* machine=MACHINE (MACHINE | WORD)* EOF   # unameAll
    | EOF                                                                                               # blank
    ;

MACHINE : 'x86_64' | 'aarch64' | 'arm64' | 'ppc64le' | 'ppc64' | 's390x' | 'riscv64' | 'mips64'
        | 'i386' | 'i486' | 'i586' | 'i686' | 'armv6l' | 'armv7l' | 'armv8l' | 'mips' | 'unknown' ;
WORD    : ~[ \t\r\n]+ ;
SPACE   : [ \t]+ -> skip ;
