/*
 * Sysctl: one line of `sysctl -a`.
 *
 * Sample (sos_commands/kernel/sysctl_-a):
 *
 *   net.netfilter.nf_conntrack_buckets = 65536
 *   net.netfilter.nf_conntrack_max = 262144
 *   net.ipv4.tcp_rmem = 4096	87380	6291456
 *   dev.cdrom.info = drive name:		sr0
 *   dev.cdrom.info =
 *   sysctl: permission denied on key 'fs.protected_fifos'
 *
 * A key, " = ", and the rest of the line as the value (which may be empty or
 * hold tabs). Lines that sysctl writes to stderr are notes, not settings.
 */
grammar Sysctl;

line
    : key=KEY assigned=ASSIGNED_VALUE EOF                  # setting
    | SYSCTL_NOTE EOF                                      # note
    | EOF                                                  # blank
    ;

SYSCTL_NOTE : 'sysctl: ' ~[\r\n]* ;

KEY         : ~[ \t\r\n=]+ ;

// " = 4096	87380	6291456": the equals sign and the rest of the line; the value
// is what follows "= " (it may be empty, or hold tabs and spaces).
ASSIGNED_VALUE : [ \t]* '=' ~[\r\n]* ;
