package io.rootline.parse;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.commons.io.input.ReaderInputStream;

/**
 * Artifacts are UTF-8 or ASCII in practice; {@link LineReader} reads Latin-1 bytes line
 * by line. UTF-16 (captures saved by Windows tools) is recognised here, by its byte
 * order mark or by the zero bytes of ASCII text, and decoded to UTF-8 with a note.
 */
final class Encodings {

    private Encodings() {
    }

    static InputStream decodeToUtf8(InputStream content, ArtifactBuilder out) throws IOException {
        BufferedInputStream in = content instanceof BufferedInputStream b ? b : new BufferedInputStream(content, 1 << 16);
        byte[] head = new byte[64];
        in.mark(head.length);
        int n = in.readNBytes(head, 0, head.length);
        in.reset();
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3); // a UTF-8 byte order mark
            return in;
        }
        Charset charset = utf16(head, n);
        if (charset == null) {
            return in;
        }
        if (n >= 2 && ((head[0] & 0xFF) + (head[1] & 0xFF)) == 0xFF + 0xFE) {
            in.skipNBytes(2); // the UTF-16 byte order mark
        }
        out.note("decoded as " + charset.name());
        return ReaderInputStream.builder().setReader(new InputStreamReader(in, charset)).setCharset(StandardCharsets.UTF_8).get();
    }

    private static Charset utf16(byte[] head, int n) {
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (n < 16) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i + 1 < n; i += 2) {
            evenZeros += head[i] == 0 ? 1 : 0;
            oddZeros += head[i + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        if (oddZeros * 10 >= pairs * 9 && evenZeros == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros * 10 >= pairs * 9 && oddZeros == 0) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }
}
