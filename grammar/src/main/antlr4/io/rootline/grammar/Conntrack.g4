/*
 * Conntrack: one connection-tracking entry, as /proc/net/nf_conntrack or `conntrack -L` print it.
 *
 * Sample (proc/net/nf_conntrack, then sos_commands/conntrack/conntrack_-L_-o_extended):
 *
 *   ipv4     2 tcp      6 431999 ESTABLISHED src=10.0.13.67 dst=10.0.13.109 sport=63473 dport=22 src=10.0.13.109 dst=10.0.13.67 sport=22 dport=63473 [ASSURED] mark=0 secctx=system_u:object_r:unlabeled_t:s0 zone=0 use=2
 *   ipv4     2 udp      17 171 src=192.168.11.1 dst=192.168.11.2 sport=45669 dport=53 src=192.168.11.2 dst=192.168.11.1 sport=53 dport=45669 [ASSURED] mark=0 secmark=0 use=2
 *   tcp      6 95 TIME_WAIT src=127.0.0.1 dst=127.0.0.1 sport=37234 dport=6881 src=127.0.0.1 dst=127.0.0.1 sport=6881 dport=37234 [ASSURED] mark=0 use=1
 *   udp      17 src=100.64.0.5 dst=8.8.8.8 sport=41510 dport=53 src=8.8.8.8 dst=192.168.122.222 sport=53 dport=12100 [OFFLOAD] mark=0 use=2
 *   conntrack v1.4.6 (conntrack-tools): 6 flow entries have been shown.
 *
 * An entry is: the layer-3 family and its number (only in /proc), the layer-4
 * protocol and its number, the seconds left before expiry (absent for offloaded
 * flows), the TCP/SCTP/DCCP state (absent for stateless protocols), then
 * key=value pairs and [FLAGS]. Keys appear at most twice: first the original
 * direction, then the reply. `conntrack` adds a summary line on stderr, before or after.
 */
grammar Conntrack;

line
    : entry EOF
    | toolNote EOF
    | EOF
    ;

entry
    : (family=NAME familyNumber=NUMBER)? protocol=NAME protocolNumber=NUMBER timeout=NUMBER? state=STATE? attribute+
    ;

attribute
    : KEY_VALUE
    | FLAG
    ;

toolNote
    : TOOL_PREFIX shown=NUMBER FLOWS_SHOWN                 # flowsShown
    | TOOL_PREFIX (NAME | NUMBER | STATE | WORD | KEY_VALUE | FLAG | FLOWS_SHOWN)*   # toolMessage
    ;

// "conntrack v1.4.6 (conntrack-tools):"
TOOL_PREFIX : 'conntrack v' [0-9.]+ ' (conntrack-tools):' ;
FLOWS_SHOWN : 'flow entries have been shown.' ;

// "src=10.0.0.1", "secctx=system_u:object_r:unlabeled_t:s0": one token, split at the first '='.
KEY_VALUE   : [a-z_]+ '=' ~[ \t\r\n]* ;

// "[ASSURED]", "[UNREPLIED]", "[OFFLOAD]", "[HW_OFFLOAD]"
FLAG        : '[' [A-Z_]+ ']' ;

NUMBER      : [0-9]+ ;

// Families and protocols: ipv4, ipv6, tcp, udp, icmp, icmpv6, sctp, dccp, gre, udplite, unknown.
NAME        : [a-z] [a-z0-9]* ;

// TCP states and their SCTP/DCCP cousins: ESTABLISHED, TIME_WAIT, SYN_SENT, CLOSE_WAIT, ...
STATE       : [A-Z] [A-Z_]* ;

WORD        : ~[ \t\r\n]+ ;

// A carriage return inside a line (a file edited on Windows, a progress bar) is a blank.
SPACE       : [ \t\r]+ -> skip ;
