/*
 * Date: the output of `date` and `date --utc` (coreutils, C or en_US locale).
 *
 * Sample (sos_commands/date/date, sos_commands/date/date_--utc):
 *
 *   Sat May  8 12:45:10 CST 2021
 *   Sat May  8 04:45:10 UTC 2021
 *   Tue Jan  5 01:02:04 AM UTC 2021
 *   Sat 08 May 2021 12:45:10 PM CST
 *
 * The zone is an abbreviation, which alone is ambiguous (CST is UTC-6 in the
 * Americas and UTC+8 in China): the analyzer pairs `date` with `date --utc`
 * to learn the offset.
 */
grammar Date;

line
    : DAY_NAME month=MONTH_NAME day=NUMBER time=CLOCK meridiem=MERIDIEM? zone=ZONE_NAME? year=NUMBER EOF   # posixDate
    | DAY_NAME day=NUMBER month=MONTH_NAME year=NUMBER time=CLOCK meridiem=MERIDIEM? zone=ZONE_NAME? EOF  # localeDate
    | EOF                                                                                                 # blank
    ;

DAY_NAME    : 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun' ;
MONTH_NAME  : 'Jan' | 'Feb' | 'Mar' | 'Apr' | 'May' | 'Jun' | 'Jul' | 'Aug' | 'Sep' | 'Oct' | 'Nov' | 'Dec' ;
MERIDIEM    : 'AM' | 'PM' ;
CLOCK       : [0-9][0-9]? ':' [0-9][0-9] ':' [0-9][0-9] ;
NUMBER      : [0-9]+ ;
// "UTC", "CST", "CEST", "+08", "-0330"
ZONE_NAME   : [A-Z] [A-Z]+ | [+-] [0-9]+ ;
SPACE       : [ \t]+ -> skip ;
