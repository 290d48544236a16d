/*
 * Timezone: /etc/timezone (Debian, Ubuntu), the host's Olson zone name.
 *
 * Sample (etc/timezone):
 *
 *   Asia/Shanghai
 *
 * One name: areas and locations separated by '/', as in the tz database
 * ("America/Argentina/Buenos_Aires", "Etc/GMT+8", "UTC").
 */
grammar Timezone;

line
    : name=ZONE_NAME EOF                                   # zoneName
    | EOF                                                  # blank
    ;

ZONE_NAME : [A-Za-z_] [A-Za-z0-9_+-]* ('/' [A-Za-z0-9_+-]+)* ;
SPACE     : [ \t]+ -> skip ;
