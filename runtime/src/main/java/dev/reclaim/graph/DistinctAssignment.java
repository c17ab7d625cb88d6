package dev.reclaim.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Assigns each of k slots one of its candidate values so that no two slots share a value
 * (bipartite matching, Kuhn's augmenting paths). Slots are served in order and candidates are
 * tried in the order given, so callers that list candidates by preference get the preferred
 * assignment whenever one exists with it.
 *
 * <p>A slot never needs more than k candidates: the other k-1 slots use at most k-1 values, so
 * one of its first k is always free. Callers may therefore truncate long candidate lists to k.
 */
public final class DistinctAssignment {
    private DistinctAssignment() {
    }

    /** The value chosen for every slot, or null when no assignment with distinct values exists. */
    public static int[] assign(int[][] candidates) {
        int k = candidates.length;
        Map<Integer, Integer> owner = new HashMap<>();
        int[] chosen = new int[k];
        Arrays.fill(chosen, -1);
        for (int slot = 0; slot < k; slot++) {
            if (!augment(slot, candidates, owner, chosen, new boolean[k])) {
                return null;
            }
        }
        return chosen;
    }

    private static boolean augment(int slot, int[][] candidates, Map<Integer, Integer> owner, int[] chosen,
                                   boolean[] visited) {
        if (visited[slot]) {
            return false;
        }
        visited[slot] = true;
        for (int value : candidates[slot]) {
            Integer other = owner.get(value);
            if (other == null || augment(other, candidates, owner, chosen, visited)) {
                owner.put(value, slot);
                chosen[slot] = value;
                return true;
            }
        }
        return false;
    }
}
