/*
 * AppLog: one line of an application log: log4j/logback/Spring Boot layouts, ISO-8601
 * stamps, console prefixes, rsyslog-forwarded Java output, and Java stack traces.
 *
 * Sample (var/log/app/app.log and captures alike):
 *
 *   2021-05-08 12:40:51,204 ERROR [http-nio-8080-exec-7] c.e.o.OrderClient - call to inventory failed
 *   java.net.UnknownHostException: inventory.svc.example.internal: Name or service not known
 *   	at java.base/java.net.Inet6AddressImpl.lookupAllHostAddr(Native Method)
 *   	... 23 more
 *   Caused by: java.net.SocketTimeoutException: Read timed out
 *   2018-10-30 09:31:11.015 ERROR [DubboServerHandler-10.0.32.12:10900-thread-76] c.m.d.AbstractRedisCacheImpl - get error.
 *   2020-12-07 18:55:18.922 ERROR 6 --- [llEventLoop-5-1] p.g.s.f.CasTicketValidationGatewayFilter : message
 *   [2022-01-18T22:26:11.357Z] Caused by: java.net.UnknownHostException: test-host: Name or service not known
 *   2026-05-25T03:59:38.189924+02:00 lcg-lrz-dcache0 dcache@nfs[3456]: #011at java.base/java.net.InetAddress.getAllByName(InetAddress.java:1688)
 *   12:40:51.204 [main] ERROR c.e.App - logback's default layout has no date
 *
 * A line is an optional stamp (bare, or in brackets as console prefixes write it),
 * then its content: a stack frame, a "... N more" trailer, a "Caused by:" line,
 * an exception line (a qualified class name ending in Exception or Error), or a
 * message. Lines without a stamp continue the record above them.
 */
grammar AppLog;

line
    : stamp? syslogTag? content EOF
    ;

// "lcg-lrz-dcache0 dcache@nfs[3456]:" when rsyslog forwards the application's output.
syslogTag
    : host=WORD program=WORD (LBRACKET pid=WORD RBRACKET)? COLON
    ;

stamp
    : DATE_TIME                                             # dateTimeStamp
    | LBRACKET DATE_TIME RBRACKET                           # bracketedStamp
    | TIME_ONLY                                             # timeOnlyStamp
    ;

content
    : FRAME_AT anyToken*                                    # stackFrame
    | MORE_FRAMES                                           # moreFrames
    | CAUSED_BY exception=EXCEPTION_NAME anyToken*          # causedBy
    | exception=EXCEPTION_NAME (COLON anyToken*)?           # exceptionLine
    | level=LEVEL? anyToken*                                # message
    ;

anyToken
    : WORD | EXCEPTION_NAME | LEVEL | COLON | LBRACKET | RBRACKET | DATE_TIME | TIME_ONLY
    | FRAME_AT | MORE_FRAMES | CAUSED_BY
    ;

// "2021-05-08 12:40:51,204", "2021-05-08T12:40:51.357Z", "2026-05-25T03:59:38.189924+02:00"
DATE_TIME       : DATE ('T' | ' ') CLOCK FRACTION? ZONE? ;

// "12:40:51.204": logback's default pattern (%d{HH:mm:ss.SSS}) prints no date. Only
// the parser's `stamp` rule, at the start of a line, makes it a stamp. (No lexer
// predicate here: a predicate keeps ANTLR from caching the lexer's DFA, which made
// every line ten times slower.)
TIME_ONLY       : CLOCK FRACTION ;

LBRACKET        : '[' ;
RBRACKET        : ']' ;

// "\tat com.example.Foo.bar(Foo.java:42)"; rsyslog escapes the tab as "#011".
FRAME_AT        : ('#011' | [ \t]+ | [ \t]* '#011') 'at ' ;

// "\t... 23 more"
MORE_FRAMES     : ('#011' | [ \t]*) '... ' [0-9]+ ' more' ;

CAUSED_BY       : ('#011' | [ \t]*) 'Caused by:' ;

// "java.net.UnknownHostException", "redis.clients.jedis.exceptions.JedisConnectionException",
// "java.lang.OutOfMemoryError", and the bare "java.lang.Exception" and "java.lang.Error":
// a package, then a class whose name starts with a capital and ends in Exception or Error.
EXCEPTION_NAME  : (JAVA_IDENT '.')+ CLASS_NAME_HEAD? ('Exception' | 'Error') ;

LEVEL           : 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'WARNING' | 'ERROR' | 'FATAL' | 'SEVERE' ;

COLON           : ':' ;

WORD            : ~[ \t\r\n:[\]]+ ;

// A carriage return inside a line (a file edited on Windows, a progress bar) is a blank.
SPACE           : [ \t\r]+ -> skip ;

fragment DATE           : [0-9][0-9][0-9][0-9] '-' [0-9][0-9] '-' [0-9][0-9] ;
fragment CLOCK          : [0-9][0-9] ':' [0-9][0-9] ':' [0-9][0-9] ;
fragment FRACTION       : [.,] [0-9]+ ;
fragment ZONE           : 'Z' | [+-] [0-9][0-9] ':'? [0-9][0-9] ;
fragment JAVA_IDENT     : [a-zA-Z_$] [a-zA-Z0-9_$]* ;
fragment CLASS_NAME_HEAD : [A-Z] [a-zA-Z0-9_$]* ;
