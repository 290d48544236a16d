/*
 * SosVersion: sos's version.txt, at the top of every report sos 3.x and 4.x write.
 *
 * Sample (version.txt, sos 4.2; the file has no newline at its end):
 *
 *   sosreport: 4.2
 *
 * One "name: value" line: the program that wrote the report and its release. The
 * release's first number is the layout's generation (sos 3 and sos 4 keep some
 * artifacts at different paths), which the report states.
 */
grammar SosVersion;

line
    : program=PROGRAM COLON release=RELEASE EOF             # version
    | EOF                                                   # blank
    ;

// "sosreport" (sos 3.x and 4.x), "sos" (some 4.x builds)
PROGRAM : 'sosreport' | 'sos' ;
COLON   : ':' ;
// "4.2", "3.9.1", "4.5.6-1ubuntu1"
RELEASE : [0-9]+ ('.' [0-9]+)* ([-+~] [0-9A-Za-z.+~-]*)? ;
SPACE   : [ \t]+ -> skip ;
