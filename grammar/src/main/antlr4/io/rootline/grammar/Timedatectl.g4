/*
 * Timedatectl: one line of `timedatectl` / `timedatectl status` (systemd), in any locale.
 *
 * Sample (sos_commands/systemd/timedatectl):
 *
 *                  Local time: Sat 2021-05-08 12:45:10 CST
 *              Universal time: Sat 2021-05-08 04:45:10 UTC
 *                    RTC time: Sat 2021-05-08 04:45:09
 *                   Time zone: Asia/Shanghai (CST, +0800)
 *   System clock synchronized: yes
 *                 NTP service: active
 *
 * Keys are right-aligned; weekday names follow the locale ("Do", "Mi"), so they
 * are read as plain words. "Time zone:" carries the Olson name and the offset.
 */
grammar Timedatectl;

line
    : LOCAL_TIME WORD? date=DATE time=CLOCK zone=WORD? EOF                        # localTime
    | UNIVERSAL_TIME WORD? date=DATE time=CLOCK zone=WORD? EOF                    # universalTime
    | TIME_ZONE name=WORD LPAREN abbreviation=WORD COMMA offset=OFFSET RPAREN EOF  # timeZone
    | key=KEY value+=(WORD | DATE | CLOCK | OFFSET | COMMA | LPAREN | RPAREN)* EOF # otherSetting
    | EOF                                                                         # blank
    ;

LOCAL_TIME      : [ \t]* 'Local time:' ;
UNIVERSAL_TIME  : [ \t]* 'Universal time:' ;
TIME_ZONE       : [ \t]* 'Time zone:' ;
KEY             : [ \t]* [A-Za-z] [A-Za-z ]* ':' ;
DATE            : [0-9][0-9][0-9][0-9] '-' [0-9][0-9] '-' [0-9][0-9] ;
CLOCK           : [0-9][0-9] ':' [0-9][0-9] ':' [0-9][0-9] ;
OFFSET          : [+-] [0-9][0-9][0-9][0-9] ;
LPAREN          : '(' ;
RPAREN          : ')' ;
COMMA           : ',' ;
WORD            : ~[ \t\r\n(),]+ ;
SPACE           : [ \t]+ -> skip ;
