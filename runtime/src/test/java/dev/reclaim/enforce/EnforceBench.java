package dev.reclaim.enforce;

import java.lang.management.ManagementFactory;

/**
 * A plain benchmark (not a test; run by hand): ns/op and bytes/op of the hot paths against a plain
 * ThreadLocal read measured in the same run. Run with
 * {@code java -cp runtime/target/classes:runtime/target/test-classes dev.reclaim.enforce.EnforceBench}.
 * Figures are indicative only (no JMH fork/blackhole control); ratios to the baseline are what to read.
 */
@SuppressWarnings("try") // scope and layer handles are held for their extent, not referenced
public final class EnforceBench {
    private static final ThreadLocal<int[]> BASELINE = ThreadLocal.withInitial(() -> new int[] {-1});
    private static final int N = 20_000_000;
    private static int sink;

    private EnforceBench() {
    }

    interface Op {
        int run(int i);
    }

    public static void main(String[] args) {
        Reclaim.install(Storage.POLICY, Mode.ENFORCE);
        Instance ext4 = Instance.of(Storage.L_FS, "ext4");
        Instance thin0 = Instance.of(Storage.L_DM, "thin0");
        Instance xfs = Instance.of(Storage.L_FS, "xfs");
        ShrinkerRegistry reg = Reclaim.shrinkers();
        reg.register("pagecache", xfs, 0, n -> 1);
        reg.register("bufio", thin0, n -> 2);
        reg.register("inode", ext4, n -> 4);

        Op baseline = i -> BASELINE.get()[0] & i;
        Op alloc = i -> Reclaim.allocating(Storage.KERNEL | i & 1);
        Op saveRestore = i -> {
            int t = Reclaim.save(Storage.NOFS);
            Reclaim.restore(t);
            return t;
        };
        Op scopeTwr = i -> {
            try (var s = Reclaim.scope(Storage.NOFS)) {
                return i;
            }
        };
        Op pass = i -> (int) reg.shrink(Storage.NOFS, 32);

        String[] names = {"ThreadLocal read (baseline)", "allocating(KERNEL), no layer", "allocating(KERNEL) in ext4 + NOFS scope",
            "save + restore", "scope() try-with-resources", "shrinker pass (3 registered, 2 admitted)"};
        double[] ns = new double[names.length];
        double[] bytes = new double[names.length];
        for (int round = 0; round < 5; round++) {
            measure(0, baseline, ns, bytes, round);
            measure(1, alloc, ns, bytes, round);
            try (var l = Reclaim.enter(ext4); var s = Reclaim.scope(Storage.NOFS)) {
                measure(2, alloc, ns, bytes, round);
            }
            measure(3, saveRestore, ns, bytes, round);
            measure(4, scopeTwr, ns, bytes, round);
            measure(5, pass, ns, bytes, round);
        }
        System.out.printf("ENABLED=%s, %d ops per measurement, best of 5 rounds%n", Reclaim.ENABLED, N);
        for (int i = 0; i < names.length; i++) {
            System.out.printf("%-45s %7.2f ns/op  %5.2fx baseline  %6.3f B/op%n", names[i], ns[i], ns[i] / ns[0],
                    bytes[i]);
        }
        System.out.println("(sink " + sink + ")");
    }

    private static void measure(int slot, Op op, double[] ns, double[] bytes, int round) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        int acc = 0;
        long b0 = mx.getThreadAllocatedBytes(id);
        long t0 = System.nanoTime();
        for (int i = 0; i < N; i++) {
            acc += op.run(i);
        }
        long t1 = System.nanoTime();
        long b1 = mx.getThreadAllocatedBytes(id);
        sink += acc;
        double perOp = (t1 - t0) / (double) N;
        if (round == 0 || perOp < ns[slot]) {
            ns[slot] = perOp;
        }
        bytes[slot] = (b1 - b0) / (double) N;
    }
}
