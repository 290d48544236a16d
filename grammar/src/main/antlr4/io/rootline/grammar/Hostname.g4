/*
 * Hostname: the output of `hostname` (or /etc/hostname).
 *
 * Sample (sos_commands/host/hostname):
 *
 *   93-44-159-aliyun-core
 *
 * One name: letters, digits, hyphens and dots.
 */
grammar Hostname;

line
    : name=HOST_NAME EOF                                   # hostName
    | EOF                                                  # blank
    ;

HOST_NAME : [A-Za-z0-9_] [A-Za-z0-9_.-]* ;
SPACE     : [ \t]+ -> skip ;
