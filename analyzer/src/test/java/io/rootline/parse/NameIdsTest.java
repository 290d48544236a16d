package io.rootline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NameIdsTest {

    @Test
    void aNameHasOneIdWhetherReadFromBytesOrFromAString() {
        NameIds ids = new NameIds();
        byte[] line = "dport=443 dport=8080 dport=443".getBytes(StandardCharsets.US_ASCII);
        int https = ids.id(line, 6, 9);
        int other = ids.id(line, 16, 20);
        assertEquals(https, ids.id(line, 27, 30));
        assertEquals(https, ids.id("443"));
        assertEquals(other, ids.id("8080"));
        assertEquals("8080", ids.name(other));
        assertEquals(2, ids.size());
        assertEquals("é", ids.name(ids.id("é")));
    }

    @Test
    void keepsEveryNameApartAsTheTableGrows() {
        NameIds ids = new NameIds();
        for (int port = 0; port < 70_000; port++) {
            assertEquals(port, ids.id(Integer.toString(port)));
        }
        for (int port = 0; port < 70_000; port += 997) {
            byte[] bytes = ("x" + port).getBytes(StandardCharsets.US_ASCII);
            assertEquals(port, ids.id(bytes, 1, bytes.length));
            assertEquals(Integer.toString(port), ids.name(port));
        }
        assertEquals(70_000, ids.size());
    }
}
