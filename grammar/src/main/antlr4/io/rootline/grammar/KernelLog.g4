/*
 * KernelLog: one line of the kernel ring buffer, as `dmesg` or `dmesg -T` print it.
 *
 * Sample (sos_commands/kernel/dmesg, then sos_commands/kernel/dmesg_-T):
 *
 *   [86330449.294600] nf_conntrack: table full, dropping packet
 *   [27772678.728802] net_ratelimit: 1367 callbacks suppressed
 *   [Sat May  8 12:40:51 2021] nf_conntrack: table full, dropping packet
 *   [Sat May  8 12:40:57 2021] net_ratelimit: 2189 callbacks suppressed
 *   <4>[  351.015025] ------------[ cut here ]------------
 *   [    0.000000] kernel: Linux version 5.4.0-99-generic ...
 *   nf_conntrack: table full, dropping packet.
 *
 * A line is an optional syslog level ("<4>"), an optional stamp (seconds since
 * boot, or the wall clock that `dmesg -T` prints), an optional "kernel:" tag
 * (Ubuntu's /var/log/dmesg) and a message. What a message means is data, not grammar:
 * the kernel message table (rules/messages/kernel.yaml) says which messages are events;
 * to the grammar every message is text, and every line of text is a valid line.
 */
grammar KernelLog;

line
    : LEVEL? stamp? KERNEL_TAG? message EOF
    ;

stamp
    : UPTIME_STAMP                                          # uptimeStamp
    | CLOCK_STAMP                                           # clockStamp
    ;

message
    : anyToken*
    ;

anyToken
    : WORD | NUMBER | UPTIME_STAMP | CLOCK_STAMP | LEVEL | KERNEL_TAG
    ;

// "<4>": the printk level that `dmesg -r` and kmsg captures keep.
LEVEL           : '<' [0-9]+ '>' ;

// "[86330449.294600]" or "[    0.000000]": seconds since boot.
UPTIME_STAMP    : '[' ' '* [0-9]+ '.' [0-9]+ ']' ;

// "[Sat May  8 12:40:51 2021]": the local wall clock as `dmesg -T` computes it.
CLOCK_STAMP     : '[' DAY_NAME ' ' MONTH_NAME ' '+ [0-9] [0-9]? ' ' CLOCK ' ' [0-9][0-9][0-9][0-9] ']' ;

// Ubuntu's /var/log/dmesg repeats the facility after the stamp.
KERNEL_TAG      : 'kernel: ' ;

NUMBER          : [0-9]+ ;

WORD            : ~[ \t\r\n]+ ;

// A carriage return inside a line (a file edited on Windows, a progress bar) is a blank.
SPACE           : [ \t\r]+ -> skip ;

fragment DAY_NAME   : 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun' ;
fragment MONTH_NAME : 'Jan' | 'Feb' | 'Mar' | 'Apr' | 'May' | 'Jun' | 'Jul' | 'Aug' | 'Sep' | 'Oct' | 'Nov' | 'Dec' ;
fragment CLOCK      : [0-9][0-9] ':' [0-9][0-9] ':' [0-9][0-9] ;
