/*
 * ProcUptime: /proc/uptime, seconds since boot and seconds all CPUs spent idle.
 *
 * Sample (proc/uptime):
 *
 *   46901.13 46856.66
 */
grammar ProcUptime;

line
    : up=SECONDS idle=SECONDS EOF                          # uptimeSeconds
    | EOF                                                  # blank
    ;

SECONDS : [0-9]+ ('.' [0-9]+)? ;
SPACE   : [ \t]+ -> skip ;
