package dev.reclaim.analysis.reclaim;

/** Generated systems for scale checks. */
final class Generated {
    private Generated() {
    }

    /**
     * {@code n} copies of the seed's stack (disk, filesystem, loop device with its worker, dm-thin
     * with a bufio-like shrinker and a writer), side by side under one kswapd: 4n instances and
     * 2n+1 threads.
     */
    static String stacks(int n) {
        return stacks(n, false);
    }

    /** As {@link #stacks(int)}; {@code fixed} applies the d0a255e795ab fix and gates bufio on io: no findings. */
    static String stacks(int n, boolean fixed) {
        StringBuilder b = new StringBuilder("system stacks {\n  memory 256 pages min 16 low 32 high 48\n");
        b.append("  thread kswapd0 kswapd\n");
        for (int i = 0; i < n; i++) {
            b.append("""
                      device sda_%1$d
                      fs xfs_%1$d on sda_%1$d
                      block loop_%1$d on xfs_%1$d served by worker_%1$d
                      dm thin_%1$d on loop_%1$d
                      mutex lock_%1$d in thin_%1$d
                      thread worker_%1$d serves loop_%1$d%2$s { call dio_%1$d }
                      thread writer_%1$d task { lock lock_%1$d  dirty thin_%1$d 4  unlock lock_%1$d }
                      op dio_%1$d in xfs_%1$d { alloc 1 KERNEL  write sda_%1$d  free 1 }
                      shrinker bufio_%1$d in thin_%1$d {
                          count { if %3$s { lock lock_%1$d } else { trylock lock_%1$d else stop }  unlock lock_%1$d }
                          scan { if %3$s { lock lock_%1$d } else { trylock lock_%1$d else stop }
                                 if %3$s { clean thin_%1$d }  unlock lock_%1$d }
                      }
                    """.formatted(i, fixed ? " scope NOIO" : "", fixed ? "io" : "fs"));
        }
        return b.append("}\n").toString();
    }
}
