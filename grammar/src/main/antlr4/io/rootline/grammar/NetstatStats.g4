/*
 * NetstatStats: one line of `netstat -s` (net-tools), any release, any section.
 *
 * Sample (sos_commands/networking/netstat_-s):
 *
 *   Ip:
 *       Forwarding: 2
 *       34522229676 total packets received
 *       1 dropped because of missing route
 *   Icmp:
 *       ICMP input histogram:
 *           destination unreachable: 187293
 *   IcmpMsg:
 *           InType0: 1889155
 *   UdpLite:
 *   TcpExt:
 *       Quick ack mode was activated 464190 times
 *       TCPTimeWaitOverflow: 4515359237
 *
 * Four shapes of line exist:
 *   - a section header at column 0 ("Ip:", "TcpExt:", "MPTcpExt:");
 *   - a labelled counter: one or more words, a colon, a number
 *     ("TCPLostRetransmit: 85", "destination unreachable: 187293");
 *   - a sub-heading: words and a colon without a number ("ICMP input histogram:");
 *   - a prose counter: words with the number anywhere among them
 *     ("42 dropped because of missing route", "Quick ack mode was activated 464190 times").
 * The words around a prose counter's number are its wording; the analyzer maps
 * each wording (old and new net-tools spellings alike) to the kernel's MIB name.
 */
grammar NetstatStats;

line
    : header=SECTION EOF                                   # sectionHeader
    | INDENT label COLON value=NUMBER EOF                  # labelledCounter
    | INDENT label COLON EOF                               # subHeading
    | INDENT prose EOF                                     # proseCounter
    | INDENT? EOF                                          # blank
    ;

label
    : WORD+
    ;

// The number may stand first, last or in the middle; at least one word goes with it.
prose
    : before+=WORD* value=NUMBER after+=WORD*
    ;

// A section name at column 0: "Ip:", "TcpExt:", "MPTcpExt:".
SECTION : {getCharPositionInLine() == 0}? [A-Za-z][A-Za-z0-9]* ':' ;

INDENT  : {getCharPositionInLine() == 0}? [ \t]+ ;

NUMBER  : [0-9]+ ;

COLON   : ':' ;

// Words never start with a digit and never hold a colon: "SYN_RECV", "out-of-window", "received."
WORD    : ~[ \t\r\n:0-9] ~[ \t\r\n:]* ;

SPACE   : [ \t]+ -> skip ;
