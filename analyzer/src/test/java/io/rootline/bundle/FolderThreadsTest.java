package io.rootline.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder's files are read on two threads. An error on either (the heap running out) must
 * reach the caller, who can say so in one line; it used to end the helper thread with a
 * stack trace, and the report went on without that thread's files.
 */
class FolderThreadsTest {

    @TempDir
    Path dir;

    @RepeatedTest(20)
    void anErrorOnEitherThreadReachesTheCaller() throws IOException {
        for (String failing : new String[] {"big.log", "small.log"}) {
            Files.writeString(dir.resolve("big.log"), "x\n".repeat(100_000));
            Files.writeString(dir.resolve("small.log"), "y\n");
            BundleVisitor visitor = entry -> {
                entry.content().readAllBytes();
                if (entry.path().equals(failing)) {
                    throw new OutOfMemoryError("planted on " + Thread.currentThread().getName());
                }
            };
            OutOfMemoryError e = assertThrows(OutOfMemoryError.class,
                    () -> new BundleReader(Limits.DEFAULTS).read(dir, visitor), failing);
            assertEquals("planted on", e.getMessage().substring(0, "planted on".length()));
        }
    }
}
