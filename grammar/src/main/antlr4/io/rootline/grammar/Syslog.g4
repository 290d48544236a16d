/*
 * Syslog: one line of a syslog file (/var/log/messages, syslog, kern.log), of
 * `journalctl` in its default short output, or of OpenWrt's `logread`.
 *
 * Sample (var/log/messages, kern.log, journalctl --no-pager, logread):
 *
 *   Feb 23 16:44:36 jobs kernel: [38775494.393661] nf_conntrack: table full, dropping packet
 *   Dec 20 00:41:01 fw01 kernel: Neighbour table overflow.
 *   Dec 20 00:41:01 fw01 last message repeated 20 times
 *   Feb 10 00:00:01 compute4 systemd[1]: logrotate.service: Succeeded.
 *   Feb 10 00:00:02 compute4 kernel: message repeated 3 times: [ nf_conntrack: table full, dropping packet]
 *   2024-02-01T08:00:02.461756+08:00 benchhost kernel: nf_conntrack: table full, dropping packet
 *   Wed Feb 24 00:35:21 2021 kern.info kernel: [16300.998425] neighbour: arp_cache: neighbor table overflow!
 *   Feb 29 19:54:23 kernel: TCP: TCP: Possible SYN flooding on port 4646. Dropping request.
 *   kernel: nf_conntrack: table full, dropping packet.
 *   -- Logs begin at Fri 2022-02-04 09:34:04 UTC, end at Thu 2022-02-10 16:19:19 UTC. --
 *   -- Reboot --
 *
 * A line is a header (a stamp, OpenWrt's facility.level, the host, which routers
 * leave out), the program's tag ("kernel:", "systemd[1]:") and its message, which
 * this grammar keeps whole: a kernel message is read by KernelLog.g4. Syslog
 * daemons add two lines of their own, "last message repeated N times" (the line
 * before, N more times) and "-- MARK --"; journalctl adds notes that start with
 * "--" (the journal's span, reboots, catalog entries). A line stripped of its
 * header (pasted "kernel: ..." lines) is read when its tag is the kernel's.
 */
grammar Syslog;

line
    : header tag repeats? message? EOF                      # tagged
    | KERNEL repeats? message? EOF                          # headless
    | header REPEATED EOF                                   # repeated
    | header? NOTE EOF                                      # note
    | EOF                                                   # empty
    ;

header
    : stamp FACILITY? HOST?
    ;

stamp
    : SYSLOG_STAMP                                          # yearlessStamp
    | ISO_STAMP                                             # isoStamp
    | LOGREAD_STAMP                                         # logreadStamp
    ;

tag
    : KERNEL | TAG
    ;

// rsyslog's own repeat reduction: "message repeated 3 times: [ MSG]".
repeats
    : REPEATS
    ;

// The message, kept whole by the reader (from its first token to the end of the line):
// its words may look like any of the tokens above.
message
    : anyToken+
    ;

anyToken
    : SYSLOG_STAMP | ISO_STAMP | LOGREAD_STAMP | FACILITY | REPEATED | REPEATS | NOTE | KERNEL | TAG | HOST | WORD
    ;

// "Feb  4 09:34:10", "Feb 04 09:34:04" (journalctl), "Feb 04 09:34:04.123456" (short-precise).
// No year: the bundle's capture date supplies it.
SYSLOG_STAMP    : MONTH_NAME ' '+ [0-9] [0-9]? ' ' CLOCK FRACTION? ;

// RFC 3339, as rsyslog writes it with high-precision stamps (Ubuntu 24.04's default) and
// journalctl -o short-iso: "2024-02-01T08:00:02.461756+08:00", "2022-02-04T09:34:04+0000".
ISO_STAMP       : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT 'T' CLOCK FRACTION?
                  ('Z' | [+-] DIGIT DIGIT ':'? DIGIT DIGIT) ;

// OpenWrt's logread: "Wed Feb 24 00:35:21 2021", a year included.
LOGREAD_STAMP   : DAY_NAME ' ' MONTH_NAME ' '+ [0-9] [0-9]? ' ' CLOCK ' ' DIGIT DIGIT DIGIT DIGIT ;

// logread's facility.level ("kern.info", "daemon.notice"), between the stamp and the tag.
FACILITY        : ('kern' | 'user' | 'mail' | 'daemon' | 'auth' | 'syslog' | 'lpr' | 'news' | 'uucp' | 'cron'
                  | 'authpriv' | 'ftp' | 'local' [0-7]) '.'
                  ('emerg' | 'alert' | 'crit' | 'err' | 'warn' | 'warning' | 'notice' | 'info' | 'debug') ;

REPEATED        : 'last message repeated ' DIGIT+ ' time' 's'? ;

// "-- MARK --" from syslogd, and journalctl's notes: "-- Logs begin at ...", "-- Reboot --",
// "-- No entries --", and the "-- Subject:" lines of --catalog.
NOTE            : '--' ([ \t] ~[\r\n]*)? ;

KERNEL          : 'kernel:' ;

// The program and its pid, then a colon: "kernel:", "systemd[1]:", "CRON[1234]:". Any name
// without a blank, a colon or a bracket.
TAG             : ~[ \t\r\n:[]+ ('[' ~[\] \t\r\n]* ']')? ':' ;

// The host that sent the line: a name without a colon (which would make it a tag).
HOST            : ~[ \t\r\n:[]+ ;

// rsyslog's own repeat reduction, before the message it repeats.
REPEATS         : 'message repeated ' DIGIT+ ' time' 's'? ': [' ;

// Any other run of non-blanks, in a message.
WORD            : ~[ \t\r\n]+ ;

BLANK           : [ \t\r]+ -> skip ;

fragment DAY_NAME   : 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun' ;
fragment MONTH_NAME : 'Jan' | 'Feb' | 'Mar' | 'Apr' | 'May' | 'Jun' | 'Jul' | 'Aug' | 'Sep' | 'Oct' | 'Nov' | 'Dec' ;
fragment CLOCK      : DIGIT DIGIT ':' DIGIT DIGIT ':' DIGIT DIGIT ;
fragment FRACTION   : '.' DIGIT+ ;
fragment DIGIT      : [0-9] ;
