package io.rootline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rootline.model.Phrase;
import io.rootline.model.Phrase.Part;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text report's fixes: prose wraps at the width, a command never breaks. */
class WrapTest {

    private static final Phrase FIX = new Phrase(List.of(
            new Part("Stop tracking udp/53, 1171 entries (37.5% of the dump, mostly REPLIED): ", false),
            new Part("iptables -t raw -A PREROUTING -p udp --dport 53 -j NOTRACK", true),
            new Part(" and ", false),
            new Part("iptables -t raw -A OUTPUT -p udp --sport 53 -j NOTRACK", true),
            new Part(" (a service on this host). Only where no NAT or state rule needs these flows.", false)));

    @Test
    void proseWrapsAtTheWidthAndCommandsStayWhole() {
        for (int width = 40; width <= 120; width += 7) {
            List<String> lines = Wrap.lines(FIX, width, "  - ", "    ");
            String joined = String.join(" ", lines.stream().map(String::strip).toList()).replaceFirst("^- ", "");
            assertEquals(FIX.plain(), joined, "the words, in order, at width " + width);
            for (String code : FIX.code()) {
                assertTrue(lines.stream().anyMatch(l -> l.contains(code)), code + " whole on one line at width " + width + ": " + lines);
            }
            for (String line : lines) {
                boolean aCommandAlone = FIX.code().stream().anyMatch(line::contains);
                assertTrue(line.length() <= width || aCommandAlone, "line over " + width + ": " + line);
            }
        }
    }

    @Test
    void aHundredColumnsWhenNotTold() {
        System.clearProperty("rootline.columns");
        assertEquals(100, Wrap.columns());
    }
}
