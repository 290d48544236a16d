package io.rootline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rootline.bundle.ReadProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress line's text, and that it leaves nothing behind on the terminal. */
class ProgressLineTest {

    @Test
    void theLineSaysTheShareReadWhenTheSizeIsKnown() {
        assertEquals("rootline: reading b.tar.zst: 40% (40 of 98 MiB)", ProgressLine.text("b.tar.zst", 42_000_000, 102_760_448));
        assertEquals("rootline: reading up: 0% (0 of 1 MiB)", ProgressLine.text("up", 0, 1_048_576));
        // read ahead of the count of a file that shrank while it was read: never past 100 %
        assertEquals("rootline: reading f: 100% (2 of 1 MiB)", ProgressLine.text("f", 2_097_152, 1_048_576));
        assertEquals("rootline: reading upload: 12 MiB", ProgressLine.text("upload", 12_582_912, -1));
    }

    @Test
    void aShortReadShowsNothing() {
        StringWriter out = new StringWriter();
        ReadProgress progress = new ReadProgress();
        ProgressLine.start(new PrintWriter(out), "b", progress).close();
        assertEquals("", out.toString());
    }

    @Test
    void theLineIsRedrawnInPlaceAndWipedAtTheEnd() throws InterruptedException {
        StringWriter out = new StringWriter();
        ReadProgress progress = new ReadProgress();
        ProgressLine line = ProgressLine.start(new PrintWriter(out), 0, "b", progress);
        for (int i = 0; i < 200 && !out.toString().contains("\r"); i++) {
            Thread.sleep(10);
        }
        line.close();
        String shown = out.toString();
        String text = "rootline: reading b: 0 MiB";
        assertTrue(shown.startsWith("\r" + text), shown);
        assertTrue(shown.endsWith("\r" + " ".repeat(text.length()) + "\r"), shown);
        assertTrue(!shown.contains("\n"), "the line never moves the cursor down");
    }
}
