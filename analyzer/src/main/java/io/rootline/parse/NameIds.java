package io.rootline.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Numbers the few distinct names a big artifact repeats millions of times (conntrack's
 * protocols, states, flags and ports), looking them up straight from a line's bytes: a
 * name becomes a string once, when first met, and every later occurrence costs a hash and
 * a comparison. Counts can then live in arrays indexed by id.
 */
final class NameIds {

    private byte[][] keys = new byte[16][];
    private String[] names = new String[16];
    private int[] hashes = new int[16];
    /** Open addressing: id + 1 of the name in each slot, 0 when empty. */
    private int[] slots = new int[32];
    private int size;

    /** The id of the name spelled by {@code b[from, to)}, ASCII or UTF-8. */
    int id(byte[] b, int from, int to) {
        int hash = hash(b, from, to);
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int held = slots[slot];
            if (held == 0) {
                byte[] key = Arrays.copyOfRange(b, from, to);
                return add(slot, hash, key, new String(key, StandardCharsets.UTF_8));
            }
            if (hashes[held - 1] == hash && same(keys[held - 1], b, from, to)) {
                return held - 1;
            }
        }
    }

    /**
     * A byte loop rather than {@code Arrays.equals}: names are a few bytes long, and the
     * library's vectorized comparison costs more in calls than it saves on so few.
     */
    private static boolean same(byte[] key, byte[] b, int from, int to) {
        if (key.length != to - from) {
            return false;
        }
        for (int k = 0; k < key.length; k++) {
            if (key[k] != b[from + k]) {
                return false;
            }
        }
        return true;
    }

    /** The id of a name the grammar path read. */
    int id(String name) {
        byte[] key = name.getBytes(StandardCharsets.UTF_8);
        return id(key, 0, key.length);
    }

    String name(int id) {
        return names[id];
    }

    int size() {
        return size;
    }

    private int add(int slot, int hash, byte[] key, String name) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            names = Arrays.copyOf(names, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        keys[size] = key;
        names[size] = name;
        hashes[size] = hash;
        slots[slot] = ++size;
        if (size * 2 > slots.length) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
        }
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }
}
