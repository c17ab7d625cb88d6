package dev.reclaim.sim;

/**
 * An open-addressing set of 64-bit fingerprints (linear probing, load at most 1/2, no boxing).
 * Fingerprints are already well mixed, so their low bits index the table directly; 0 is the empty
 * slot, and a fingerprint of 0 is stored as 1.
 */
public final class LongSet {
    private long[] table;
    private int mask;
    private int size;

    public LongSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        table = new long[cap];
        mask = cap - 1;
    }

    public int size() {
        return size;
    }

    /** Adds {@code fp}; returns false when it was already present. */
    public boolean add(long fp) {
        if (fp == 0) {
            fp = 1;
        }
        int i = (int) fp & mask;
        for (;;) {
            long v = table[i];
            if (v == 0) {
                table[i] = fp;
                if (++size * 2 > table.length) {
                    grow();
                }
                return true;
            }
            if (v == fp) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    public boolean contains(long fp) {
        if (fp == 0) {
            fp = 1;
        }
        int i = (int) fp & mask;
        for (;;) {
            long v = table[i];
            if (v == 0) {
                return false;
            }
            if (v == fp) {
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = table.length - 1;
        for (long v : old) {
            if (v != 0) {
                int i = (int) v & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = v;
            }
        }
    }
}
