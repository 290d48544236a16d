package io.rootline.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The merge sort of places agrees with the JDK's stable sort, ties included. */
class PositionsTest {

    @Test
    void sortsAsTheJdksStableSortDoesWithManyTies() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(300);
            int artifacts = 1 + round % 3; // one artifact is kept apart: its places hold no artifact numbers
            int[][] keys = new int[2 + artifacts][];
            for (int a = 2; a < 2 + artifacts; a++) {
                keys[a] = new int[n];
                for (int i = 0; i < n; i++) {
                    keys[a][i] = random.nextInt(1 + round % 20);
                }
            }
            Positions positions = new Positions(artifacts * n);
            List<int[]> expected = new ArrayList<>();
            for (int a = 2; a < 2 + artifacts; a++) {
                for (int i = 0; i < n; i++) {
                    positions.add(a, i);
                    expected.add(new int[] {a, i});
                }
            }
            expected.sort(Comparator.comparingInt(p -> keys[p[0]][p[1]]));
            positions.sort((a, i, b, j) -> Integer.compare(keys[a][i], keys[b][j]));
            for (int k = 0; k < expected.size(); k++) {
                assertEquals(expected.get(k)[0], positions.artifact(k), "round " + round + ", place " + k);
                assertEquals(expected.get(k)[1], positions.position(k), "round " + round + ", place " + k);
            }
        }
    }
}
