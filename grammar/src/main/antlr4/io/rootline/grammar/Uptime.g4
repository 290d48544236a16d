/*
 * Uptime: the output of `uptime` (procps) and `uptime -p`.
 *
 * Sample (sos_commands/host/uptime):
 *
 *    12:45:10 up 120 days,  3:12,  2 users,  load average: 0.00, 0.01, 0.05
 *    19:23:40 up 25 min,  1 user,  load average: 0.83, 0.73, 0.76
 *    09:39:55 up 11:01,  1 user,  load average: 2.00, 1.45, 1.28
 *   up 3 hours, 26 minutes
 *
 * The clock is local and to the second; the uptime itself is to the minute,
 * so it is the weakest clock evidence the analyzer accepts.
 */
grammar Uptime;

line
    : clock=CLOCK UP duration (COMMA users)? (COMMA? load)? EOF       # classic
    | UP prettyPart (COMMA prettyPart)* EOF                            # pretty
    | EOF                                                              # blank
    ;

duration
    : (days=NUMBER DAYS COMMA)? (hoursMinutes=SHORT_CLOCK | minutes=NUMBER MINUTES)
    | days=NUMBER DAYS
    ;

users
    : NUMBER USERS
    ;

load
    : LOAD_AVERAGE DECIMAL COMMA DECIMAL COMMA DECIMAL
    ;

prettyPart
    : NUMBER unit=(YEARS | WEEKS | DAYS | HOURS | MINUTES)
    ;

UP              : 'up' | 'Up' ;
CLOCK           : [0-9][0-9] ':' [0-9][0-9] ':' [0-9][0-9] ;
SHORT_CLOCK     : [0-9][0-9]? ':' [0-9][0-9] ;
DECIMAL         : [0-9]+ '.' [0-9]+ ;
NUMBER          : [0-9]+ ;
YEARS           : 'year' 's'? ;
WEEKS           : 'week' 's'? ;
DAYS            : 'day' 's'? ;
HOURS           : 'hour' 's'? ;
MINUTES         : 'min' | 'minute' 's'? ;
USERS           : 'user' 's'? ;
LOAD_AVERAGE    : 'load average:' ;
COMMA           : ',' ;
SPACE           : [ \t]+ -> skip ;
