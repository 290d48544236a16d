/*
 * ProcNetSnmp: /proc/net/snmp and /proc/net/netstat, the kernel's protocol counters
 * (the MIBs netstat -s and nstat print), as sos copies them.
 *
 * Sample (proc/net/snmp, then proc/net/netstat, cut short):
 *
 *   Ip: Forwarding DefaultTTL InReceives InHdrErrors InAddrErrors ForwDatagrams
 *   Ip: 1 64 265887 0 32 0
 *   Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails
 *   Tcp: 1 200 120000 -1 1103 9 8
 *   TcpExt: SyncookiesSent SyncookiesRecv SyncookiesFailed EmbryonicRsts ListenOverflows ListenDrops
 *   TcpExt: 0 0 0 0 19930900 20575047
 *
 * Each section is two lines with the same head: the counters' names, then their values
 * in the same order. Values are integers; Tcp's MaxConn is -1 (no limit).
 */
grammar ProcNetSnmp;

line
    : section=SECTION name+=NAME+ EOF                       # names
    | section=SECTION value+=NUMBER+ EOF                    # values
    | EOF                                                   # blank
    ;

// "Ip:", "TcpExt:", "MPTcpExt:"
SECTION : [A-Za-z] [A-Za-z0-9]* ':' ;
NUMBER  : '-'? [0-9]+ ;
NAME    : [A-Za-z_] [A-Za-z0-9_]* ;
SPACE   : [ \t]+ -> skip ;
