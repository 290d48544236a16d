package io.rootline.timeline;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Places in several artifacts' columns (an artifact's number and a position in it), held
 * as two arrays of numbers. Lists that gather one kind's events or bursts from every
 * artifact, or put all bursts in time order, refer to them this way instead of copying
 * them: each place costs eight bytes, or four while all are in one artifact.
 */
final class Positions {

    /** Orders two places. */
    interface Order {
        int compare(int artifactA, int positionA, int artifactB, int positionB);
    }

    /** Each place's artifact; null while all places are in {@link #soleArtifact}, as most kinds come from one. */
    private int[] artifact;
    private int soleArtifact = -1;
    private final int[] position;
    private int size;

    /** Room for exactly {@code capacity} places: callers count first, so that nothing is copied to grow. */
    Positions(int capacity) {
        position = new int[capacity];
    }

    void add(int a, int p) {
        if (artifact == null && soleArtifact >= 0 && a != soleArtifact) {
            artifact = new int[position.length];
            Arrays.fill(artifact, 0, size, soleArtifact);
        }
        if (artifact != null) {
            artifact[size] = a;
        } else {
            soleArtifact = a;
        }
        position[size] = p;
        size++;
    }

    int size() {
        return size;
    }

    int artifact(int k) {
        check(k);
        return artifact == null ? soleArtifact : artifact[k];
    }

    int position(int k) {
        check(k);
        return position[k];
    }

    /** The elements at these places, read from the artifacts' lists as they are asked for. */
    <T> List<T> view(List<? extends List<? extends T>> artifacts) {
        return new View<>(artifacts);
    }

    /** Sorts the places, keeping equal ones in the order they were added; skipped when already in order. */
    void sort(Order order) {
        boolean sorted = true;
        for (int k = 1; k < size && sorted; k++) {
            sorted = order.compare(artifact(k - 1), position[k - 1], artifact(k), position[k]) <= 0;
        }
        if (sorted) {
            return;
        }
        int[] artifacts = artifact;
        if (artifacts == null) {
            artifacts = new int[size];
            Arrays.fill(artifacts, soleArtifact);
        }
        mergeSort(artifacts, position, new int[size], new int[size], 0, size, order);
    }

    /** A top-down merge sort of [from, to): stable, and with no boxing of the places. */
    private static void mergeSort(int[] a, int[] p, int[] tmpA, int[] tmpP, int from, int to, Order order) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, p, tmpA, tmpP, from, mid, order);
        mergeSort(a, p, tmpA, tmpP, mid, to, order);
        if (order.compare(a[mid - 1], p[mid - 1], a[mid], p[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmpA, from, to - from);
        System.arraycopy(p, from, tmpP, from, to - from);
        int left = from;
        int right = mid;
        for (int k = from; k < to; k++) {
            boolean takeLeft = right >= to
                    || left < mid && order.compare(tmpA[left], tmpP[left], tmpA[right], tmpP[right]) <= 0;
            int from2 = takeLeft ? left++ : right++;
            a[k] = tmpA[from2];
            p[k] = tmpP[from2];
        }
    }

    private final class View<T> extends AbstractList<T> implements RandomAccess {
        private final List<? extends List<? extends T>> artifacts;

        View(List<? extends List<? extends T>> artifacts) {
            this.artifacts = artifacts;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public T get(int k) {
            return artifacts.get(artifact(k)).get(position(k));
        }
    }

    private void check(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException("place " + k + " of " + size);
        }
    }
}
