/*
 * Free: one line of `free`, `free -m`, `free -h` or `free -w` (procps-ng).
 *
 * Sample (sos_commands/memory/free):
 *
 *                 total        used        free      shared  buff/cache   available
 *   Mem:        4026036      963044      127976        1256     2935016     2775572
 *   Swap:             0           0           0
 *   Mem:           3.7G        217M        3.2G         11M        267M        3.2G
 *
 * The header names the columns; each row is a label and one amount per column.
 * Amounts are KiB unless the capture used -m or -h (then they carry a unit or
 * the file name says so).
 */
grammar Free;

line
    : column+=COLUMN_NAME+ EOF                             # header
    | row=ROW_LABEL amount+=AMOUNT+ EOF                    # row
    | EOF                                                  # blank
    ;

ROW_LABEL   : 'Mem:' | 'Swap:' | 'Low:' | 'High:' | 'Total:' | '-/+ buffers/cache:' ;
AMOUNT      : [0-9]+ ('.' [0-9]+)? [BKMGTPi]* ;
COLUMN_NAME : [a-z] [a-z/]* ;
SPACE       : [ \t]+ -> skip ;
