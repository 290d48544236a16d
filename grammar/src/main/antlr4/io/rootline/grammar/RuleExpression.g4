/*
 * RuleExpression: the expressions rootline rules write in `fact:` conditions, `let:`
 * values, `when:` guards and inside {braces} of summaries and remediation text.
 *
 * Sample (rules/conntrack-table-full.yaml):
 *
 *   sysctl.net.netfilter.nf_conntrack_count / sysctl.net.netfilter.nf_conntrack_max >= 0.9
 *   round_pow2(host.ram_bytes / 16384 / (host.arch_bits / 32))
 *   max(suggested_max / 8, sysctl.net.netfilter.nf_conntrack_buckets)
 *   exists(conntrack.entries) and conntrack.state.TIME_WAIT > conntrack.entries * 0.3
 *   row.port
 *   any(softnet.dropped > 0)
 *   max(nic.rx_missed by iface where iface != 'lo')
 *
 * Names are dotted fact keys ("netstat.TcpExt.ListenDrops"), names bound by `let:`,
 * or fields of the current row ("row.port"). Arithmetic is exact decimal. An aggregate
 * (any, all, count, sum, max, min, top) ranges over the labels of the labelled facts in its
 * argument: `by` groups them first, `where` keeps the rows for which it holds, and inside it
 * a label's name ("iface", "cpu") is that row's label.
 */
grammar RuleExpression;

expression
    : expr EOF
    ;

expr
    : LPAREN expr RPAREN                                        # parenthesized
    | MINUS expr                                                # negate
    | NOT expr                                                  # not
    | left=expr op=(STAR | SLASH | PERCENT) right=expr          # multiplicative
    | left=expr op=(PLUS | MINUS) right=expr                    # additive
    | left=expr op=(LT | LE | GT | GE | EQ | NE) right=expr     # comparison
    | left=expr AND right=expr                                  # and
    | left=expr OR right=expr                                   # or
    | function=NAME LPAREN (args+=expr (COMMA args+=expr)*)?
          (BY labels+=NAME (COMMA labels+=NAME)*)? (WHERE where=expr)? RPAREN   # call
    | NUMBER                                                    # number
    | STRING                                                    # string
    | (TRUE | FALSE)                                            # bool
    | NAME                                                      # reference
    ;

AND     : 'and' ;
BY      : 'by' ;
WHERE   : 'where' ;
OR      : 'or' ;
NOT     : 'not' ;
TRUE    : 'true' ;
FALSE   : 'false' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
COMMA   : ',' ;
PLUS    : '+' ;
MINUS   : '-' ;
STAR    : '*' ;
SLASH   : '/' ;
PERCENT : '%' ;
LE      : '<=' ;
GE      : '>=' ;
LT      : '<' ;
GT      : '>' ;
EQ      : '==' ;
NE      : '!=' ;

NUMBER  : [0-9]+ ('.' [0-9]+)? ;

// 'text' or "text"
STRING  : '\'' ~['\r\n]* '\'' | '"' ~["\r\n]* '"' ;

// Fact keys and names: "sysctl.net.netfilter.nf_conntrack_max", "conntrack.state.TIME_WAIT", "row.port"
NAME    : [A-Za-z_] [A-Za-z0-9_]* ('.' [A-Za-z0-9_] [A-Za-z0-9_-]*)* ;

SPACE   : [ \t\r\n]+ -> skip ;
