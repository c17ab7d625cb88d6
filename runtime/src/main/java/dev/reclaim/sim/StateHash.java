package dev.reclaim.sim;

/**
 * 64-bit fingerprints of machine states (one lane of MurmurHash3 x64, two state words per
 * round). Exhaustive search stores only fingerprints, as SPIN's hash compaction does: two distinct
 * states share one with probability about n^2 / 2^65 for n states (under 10^-6 for a few million),
 * which could only prune a branch, never invent a deadlock.
 */
public final class StateHash {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private StateHash() {
    }

    public static long of(int[] s) {
        return of(s, 0, s.length);
    }

    public static long of(int[] s, int from, int len) {
        long h = 0x9E3779B97F4A7C15L;
        int i = from;
        int end = from + len;
        for (; i + 1 < end; i += 2) {
            long k = (s[i] & 0xffffffffL) | ((long) s[i + 1] << 32);
            k *= C1;
            k = Long.rotateLeft(k, 31);
            k *= C2;
            h ^= k;
            h = Long.rotateLeft(h, 27) * 5 + 0x52dce729;
        }
        if (i < end) {
            long k = s[i] & 0xffffffffL;
            k *= C1;
            k = Long.rotateLeft(k, 31);
            k *= C2;
            h ^= k;
        }
        h ^= len;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
