package dev.reclaim.enforce;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the hot paths, with a plain ThreadLocal read as the baseline in the same run.
 * Only compiled and run with {@code -Pjmh} (see docs/ENFORCEMENT.md); run once as is and once with
 * {@code -jvmArgsAppend -Dreclaim.enforce=off} for the disabled figures.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("try")
public class EnforceJmh {
    private static final ThreadLocal<int[]> BASELINE = ThreadLocal.withInitial(() -> new int[] {-1});

    /** Per benchmark thread: inside ext4 with a NOFS scope (the usual, safe case). */
    @State(Scope.Thread)
    public static class InLayer {
        Reclaim.LayerEntry entry;
        Reclaim.Scope scope;
        int ctx = Storage.KERNEL;

        @Setup(Level.Trial)
        public void setUp() {
            Shared.install();
            entry = Reclaim.enter(Shared.EXT4);
            scope = Reclaim.scope(Storage.NOFS);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            scope.close();
            entry.close();
        }
    }

    /** Process-wide: the policy and three shrinkers (one unguarded, one io, one fs). */
    @State(Scope.Benchmark)
    public static class Shared {
        static final Instance EXT4 = Instance.of(Storage.L_FS, "ext4");
        static final Instance THIN0 = Instance.of(Storage.L_DM, "thin0");
        static final Instance XFS = Instance.of(Storage.L_FS, "xfs");
        ShrinkerRegistry registry;
        int ctx = Storage.KERNEL;
        int nofs = Storage.NOFS;

        static synchronized void install() {
            if (Reclaim.policy() == null) {
                Reclaim.install(Storage.POLICY, Mode.ENFORCE);
                ShrinkerRegistry reg = Reclaim.shrinkers();
                reg.register("pagecache", XFS, 0, n -> 1);
                reg.register("bufio", THIN0, n -> 2);
                reg.register("inode", EXT4, n -> 4);
            }
        }

        @Setup(Level.Trial)
        public void setUp() {
            install();
            registry = Reclaim.shrinkers();
        }
    }

    @Benchmark
    public int baselineThreadLocalRead() {
        return BASELINE.get()[0];
    }

    /** What save + restore would cost in lookups alone if each found its state through a ThreadLocal. */
    @Benchmark
    public int baselineTwoThreadLocalReads() {
        int[] a = BASELINE.get();
        a[0] = a[0] & 0x7FFF_FFFF;
        return BASELINE.get()[0];
    }

    @Benchmark
    public int allocatingNoLayer(Shared s) {
        return Reclaim.allocating(s.ctx);
    }

    @Benchmark
    public int allocatingInLayerAndScope(InLayer l) {
        return Reclaim.allocating(l.ctx);
    }

    @Benchmark
    public int saveRestore(Shared s) {
        int t = Reclaim.save(s.nofs);
        Reclaim.restore(t);
        return t;
    }

    @Benchmark
    public int scopeTryWithResources(Shared s) {
        try (var sc = Reclaim.scope(s.nofs)) {
            return s.nofs;
        }
    }

    @Benchmark
    public long shrinkerPass(Shared s) {
        return s.registry.shrink(s.nofs, 32);
    }
}
