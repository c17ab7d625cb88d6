package dev.reclaim.bench;

/**
 * Generates a policy whose one system holds {@code units} copies of the seed stack (device, XFS,
 * loop, dm-thin; a loop worker under NOIO and a writer per copy): four instances and two threads a
 * unit, plus kswapd and a reader. Used by the benchmark and the fuzz tests' seed corpus.
 */
public final class SyntheticStack {
    private SyntheticStack() {
    }

    public static String policy(int units) {
        StringBuilder b = new StringBuilder(units * 600 + 1024);
        b.append("policy bench.stack").append(units).append('\n');
        b.append("""
                permission direct
                permission kswapd
                permission io
                permission fs
                context KERNEL = direct + kswapd + io + fs
                context NOFS = KERNEL - fs
                context NOIO = NOFS - io
                layer fs guarded by fs
                layer dm below fs guarded by io
                layer block below dm guarded by io
                layer device below block
                """);
        b.append("system stack").append(units).append(" {\n");
        b.append("    memory ").append(256 + units * 64).append(" pages min 16 low 32 high 48\n");
        b.append("    thread kswapd0 kswapd\n");
        for (int i = 0; i < units; i++) {
            String n = Integer.toString(i);
            b.append("    device sd").append(n).append('\n');
            b.append("    fs xfs").append(n).append(" on sd").append(n).append('\n');
            b.append("    block loop").append(n).append(" on xfs").append(n).append(" served by loop").append(n)
                    .append("_worker\n");
            b.append("    dm thin").append(n).append(" on loop").append(n).append('\n');
            b.append("    mutex bufio_lock").append(n).append(" in thin").append(n).append('\n');
            b.append("    cache xfs").append(n).append(" 8\n");
            b.append("    cache thin").append(n).append(" 4\n");
            b.append("    thread loop").append(n).append("_worker serves loop").append(n)
                    .append(" scope NOIO { call direct_io").append(n).append(" }\n");
            b.append("    thread writer").append(n).append(" task { lock bufio_lock").append(n).append(" dirty thin")
                    .append(n).append(" 1 unlock bufio_lock").append(n).append(" }\n");
            b.append("    op direct_io").append(n).append(" in xfs").append(n).append(" { alloc 1 KERNEL write sd")
                    .append(n).append(" free 1 }\n");
            b.append("    shrinker bufio").append(n).append(" in thin").append(n).append(" {\n");
            b.append("        scan { trylock bufio_lock").append(n).append(" else stop if io { clean thin").append(n)
                    .append(" } unlock bufio_lock").append(n).append(" }\n");
            b.append("    }\n");
        }
        b.append("    thread reader task { fill xfs0 4 KERNEL }\n");
        b.append("}\n");
        return b.toString();
    }

    /** Instances plus threads of a policy of {@code units} units. */
    public static int size(int units) {
        return units * 6 + 2;
    }
}
