/*
 * IpLink: one line of `ip -s link`, `ip -s -d link` or `ip -s -s link` (iproute2, any release).
 *
 * Sample (sos_commands/networking/ip_-s_-d_link):
 *
 *   2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP mode DEFAULT group default qlen 1000
 *       link/ether 00:16:3e:08:b9:bb brd ff:ff:ff:ff:ff:ff
 *       RX: bytes  packets  errors  dropped overrun mcast
 *       7367887086237 35377694745 0       0       0       0
 *       RX errors: length   crc     frame   fifo    missed
 *                  0        0       0       0       0
 *       TX: bytes  packets  errors  dropped carrier collsns
 *       6167526060846 32372059145 0       0       0       0
 *       vf 0     link/ether 6e:cc:c3:fe:ad:7f brd ff:ff:ff:ff:ff:ff, spoof checking on, link-state auto, trust off
 *       altname enx5254003637ea
 *
 * A link starts at column 0 with its index and name; indented lines follow:
 * statistics headers (RX:/TX:, "RX errors:"), the row of numbers under each
 * header, per-VF headers, and detail lines (link/ether, bond_slave, vxlan, altname...).
 * Column names are read from each header, so old ("overrun") and new ("missed")
 * layouts parse alike.
 */
grammar IpLink;

line
    : index=LINK_INDEX name=IFNAME flags=FLAGS attribute* EOF         # linkHeader
    | INDENT direction=STATS_DIRECTION column+=WORD+ EOF              # statsHeader
    | INDENT value+=NUMBER+ EOF                                       # statsValues
    | INDENT VF number=NUMBER attribute* EOF                          # vfHeader
    | INDENT attribute+ EOF                                           # detail
    | EOF                                                             # blank
    ;

attribute
    : WORD | NUMBER | IFNAME | FLAGS | STATS_DIRECTION | VF
    ;

LINK_INDEX      : {getCharPositionInLine() == 0}? [0-9]+ ':' ;

INDENT          : {getCharPositionInLine() == 0}? [ \t]+ ;

// "RX:", "TX:", "RX errors:", "TX errors:"
STATS_DIRECTION : ('RX' | 'TX') (' errors')? ':' ;

VF              : 'vf' ;

// "eth0:", "eth0@if27:", "tun-0A650024-0@NONE:"
IFNAME          : ~[ \t\r\n:<]+ ':' ;

FLAGS           : '<' [A-Z0-9_,-]* '>' ;

NUMBER          : [0-9]+ ;

WORD            : ~[ \t\r\n]+ ;

SPACE           : [ \t]+ -> skip ;
