/*
 * Meminfo: one line of /proc/meminfo.
 *
 * Sample (proc/meminfo):
 *
 *   MemTotal:        4026036 kB
 *   MemAvailable:    2775844 kB
 *   Active(anon):     800388 kB
 *   HugePages_Total:       0
 *
 * A field name, a colon, a number and an optional unit (always kB in practice).
 */
grammar Meminfo;

line
    : name=FIELD value=NUMBER unit=UNIT? EOF               # field
    | EOF                                                  # blank
    ;

FIELD   : [A-Za-z_] [A-Za-z0-9_()]* ':' ;
NUMBER  : [0-9]+ ;
UNIT    : 'kB' | 'KB' | 'MB' | 'GB' ;
SPACE   : [ \t]+ -> skip ;
