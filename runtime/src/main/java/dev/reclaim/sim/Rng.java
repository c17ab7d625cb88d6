package dev.reclaim.sim;

/**
 * SplitMix64: a seeded generator whose whole state is one long, so a run is reproduced by its
 * seed alone and nothing global (such as java.util.Random's seed uniquifier) leaks in.
 */
final class Rng {
    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    void reseed(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, n) for n >= 1 (Lemire's multiply-shift; the bias is below 2^-32). */
    int nextInt(int n) {
        return (int) (((nextLong() >>> 32) * n) >>> 32);
    }

    /** The seed of run {@code run} of a session seeded with {@code seed}: run 0 uses the seed itself. */
    static long runSeed(long seed, int run) {
        if (run == 0) {
            return seed;
        }
        long z = seed + 0x9E3779B97F4A7C15L * (run + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
