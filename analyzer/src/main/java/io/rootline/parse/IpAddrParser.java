package io.rootline.parse;

import io.rootline.grammar.IpAddrLexer;
import io.rootline.grammar.IpAddrParser.AddressLineContext;
import io.rootline.grammar.IpAddrParser.LineContext;
import io.rootline.grammar.IpAddrParser.LinkHeaderContext;
import io.rootline.grammar.IpAddrParser.OneLineContext;
import io.rootline.model.Fact;
import io.rootline.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code ip addr} (and {@code ip -d address}, {@code ip -o addr}): the addresses of
 * each interface. It holds no counters: {@code ip -s link} does, and is a format of its own.
 *
 * <p>For the grammar's sample it yields the table {@code ip-addr.addresses} with the rows
 * {@code {iface: ens3, family: inet, address: 10.6.3.201/16}},
 * {@code {iface: ens3, family: inet6, address: fe80::f816:3eff:fe1f:96bd/64}} and, from the
 * one-line form, {@code {iface: ens3, family: inet, address: 10.6.3.201/16}} again; and the
 * fact {@code ip-addr.interfaces = 2} (each link header and each one-line address's link, counted once per name).
 */
final class IpAddrParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.IpAddrParser> grammar =
            GrammarDriver.of(IpAddrLexer::new, io.rootline.grammar.IpAddrParser::new);
    private final List<Map<String, String>> addresses = new ArrayList<>();
    private final java.util.Set<String> interfaces = new java.util.LinkedHashSet<>();
    private String link;

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.IpAddrParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
        } else if (line instanceof LinkHeaderContext header) {
            String name = header.name.getText();
            link = name.substring(0, name.length() - 1);
            int at = link.indexOf('@');
            link = at > 0 ? link.substring(0, at) : link;
            interfaces.add(link);
        } else if (line instanceof OneLineContext one) {
            interfaces.add(one.name.getText());
            addresses.add(Map.of("iface", one.name.getText(), "family", one.family.getText(), "address", one.address.getText()));
        } else if (line instanceof AddressLineContext address) {
            if (link == null) {
                out.unknownLine(number, text, "an address before any link");
                return;
            }
            addresses.add(Map.of("iface", link, "family", address.family.getText(), "address", address.address.getText()));
        }
    }

    @Override
    public void finish(ArtifactBuilder out) {
        out.fact(Fact.number("ip-addr.interfaces", interfaces.size(), null));
        out.table(new Table("ip-addr.addresses", addresses));
    }

    /** A link header or a one-line address first, and an address within the head: what {@code ip -s link} never has. */
    @Override
    public boolean recognizes(List<String> head) {
        boolean first = true;
        boolean address = false;
        for (String text : head) {
            if (text.isBlank()) {
                continue;
            }
            LineContext line = grammar.parse(text, io.rootline.grammar.IpAddrParser::line);
            if (line == null || first && !(line instanceof LinkHeaderContext || line instanceof OneLineContext)) {
                return false;
            }
            first = false;
            address |= line instanceof AddressLineContext || line instanceof OneLineContext;
        }
        return address;
    }
}
