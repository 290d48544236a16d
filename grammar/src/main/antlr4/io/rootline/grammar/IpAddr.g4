/*
 * IpAddr: one line of `ip addr`, `ip -d address` or `ip -o addr` (iproute2, any release).
 *
 * Sample (sos_commands/networking/ip_-d_address, then ip_-o_addr):
 *
 *   2: ens3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 8958 qdisc fq_codel state UP group default qlen 1000
 *       link/ether fa:16:3e:1f:96:bd brd ff:ff:ff:ff:ff:ff promiscuity 0 minmtu 68 maxmtu 8958
 *       vxlan id 1 local 10.6.3.201 dev ens3 srcport 0 0 dstport 8472 nolearning ttl auto ageing 300
 *       inet 10.6.3.201/16 brd 10.6.255.255 scope global dynamic ens3
 *          valid_lft 84872sec preferred_lft 84872sec
 *       inet6 fe80::f816:3eff:fe1f:96bd/64 scope link
 *   2: ens3    inet 10.6.3.201/16 brd 10.6.255.255 scope global dynamic ens3\       valid_lft 84872sec preferred_lft 84872sec
 *
 * A link starts at column 0 with its index and name, as in `ip link`; indented lines
 * follow: an address ("inet", "inet6") and its details. `ip -o` writes each address on
 * one line after the link's index and name, its details joined by a backslash. Unlike
 * `ip -s link`, no line holds a counter.
 */
grammar IpAddr;

line
    : index=LINK_INDEX name=IFNAME flags=FLAGS attribute* EOF                          # linkHeader
    | index=LINK_INDEX name=WORD family=FAMILY address=WORD attribute* EOF             # oneLine
    | INDENT family=FAMILY address=WORD attribute* EOF                                 # addressLine
    | INDENT attribute+ EOF                                                            # detail
    | EOF                                                                              # blank
    ;

attribute
    : WORD | IFNAME | FLAGS | FAMILY
    ;

LINK_INDEX : {getCharPositionInLine() == 0}? [0-9]+ ':' ;

INDENT     : {getCharPositionInLine() == 0}? [ \t]+ ;

FAMILY     : 'inet' | 'inet6' ;

// "eth0:", "eth0@if27:"
IFNAME     : ~[ \t\r\n:<]+ ':' ;

FLAGS      : '<' [A-Z0-9_,-]* '>' ;

WORD       : ~[ \t\r\n]+ ;

SPACE      : [ \t]+ -> skip ;
