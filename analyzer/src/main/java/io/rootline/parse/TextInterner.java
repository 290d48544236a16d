package io.rootline.parse;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares one copy of texts that recur: the same exception line, logged 24,000 times, kept
 * as the evidence of 24,000 events, is one string rather than 24,000. Bounded, so that a
 * log whose lines all differ costs a fixed table, not a second copy of itself.
 */
final class TextInterner {

    private static final int MAX_TEXTS = 4096;

    private final Map<String, String> texts = new HashMap<>();

    String of(String text) {
        String shared = texts.get(text);
        if (shared != null) {
            return shared;
        }
        if (texts.size() < MAX_TEXTS) {
            texts.put(text, text);
        }
        return text;
    }
}
