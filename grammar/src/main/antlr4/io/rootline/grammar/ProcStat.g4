/*
 * ProcStat: one line of /proc/stat.
 *
 * Sample (proc/stat):
 *
 *   cpu  10132153 290696 3084719 46828483 16683 0 25195 0 0 0
 *   cpu0 1393280 32966 572056 13343292 6130 0 17875 0 0 0
 *   intr 1462898 0 0 0
 *   ctxt 1990473
 *   btime 1620441510
 *   processes 2915
 *   procs_running 1
 *
 * A name and one or more numbers. "btime" is the boot time in seconds since the
 * epoch: with it, raw dmesg stamps become wall-clock times.
 */
grammar ProcStat;

line
    : name=NAME value+=NUMBER+ EOF                         # counters
    | EOF                                                  # blank
    ;

NAME    : [a-z_] [a-z0-9_]* ;
NUMBER  : [0-9]+ ;
SPACE   : [ \t]+ -> skip ;
