package dev.reclaim.testing;

/**
 * The seed systems of LANGUAGE.md §2 and §5, as text for {@link TestSystems}: the 2019 bug and
 * its variants, each the seed with some of its parts replaced.
 */
public final class Seeds {
    private Seeds() {
    }

    public static final String SEED_BUFIO = """
                shrinker bufio in thin0 {
                    count {
                        if fs { lock bufio_lock } else { trylock bufio_lock else stop }
                        unlock bufio_lock
                    }
                    scan {
                        if fs { lock bufio_lock } else { trylock bufio_lock else stop }
                        if fs { clean thin0 }
                        unlock bufio_lock
                    }
                }
            """;

    public static final String SEED_WRITER = """
                thread writer task {
                    lock bufio_lock
                    dirty thin0 4
                    unlock bufio_lock
                }
            """;

    public static final String SEED_DIRECT_IO = """
                op direct_io in xfs_host {
                    alloc 1 KERNEL
                    write sda
                    free 1
                }
            """;

    /** The seed system with its variable parts replaced. */
    public static String seed(String name, String loopScope, String writer, String directIo, String bufio,
                              String extra) {
        return """
                system %s {
                    memory 256 pages min 16 low 32 high 48
                    expect deadlock

                    device sda
                    fs     xfs_host on sda
                    block  loop0 on xfs_host served by loop0_worker
                    dm     thin0 on loop0

                    mutex bufio_lock in thin0
                    cache xfs_host 120
                    cache thin0 16

                    thread kswapd0 kswapd
                    thread loop0_worker serves loop0%s {
                        call direct_io
                    }
                    thread reader task {
                        fill xfs_host 4 KERNEL
                    }
                %s
                %s
                %s
                    shrinker pagecache in xfs_host unguarded {
                        scan { }
                    }
                %s
                }
                """.formatted(name, loopScope, writer, directIo, bufio, extra);
    }

    /** The seed as LANGUAGE.md §2 writes it: the 2019 bug. */
    public static final String SEED_2019_BUGGY = seed("seed_2019_buggy", "", SEED_WRITER, SEED_DIRECT_IO, SEED_BUFIO,
            "");

    /** Before 2014: bufio gated on io, not fs. */
    public static String before2014() {
        return seed("before_2014", "", SEED_WRITER, SEED_DIRECT_IO,
                SEED_BUFIO.replace("if fs", "if io"), "");
    }

    /** bufio only ever trylocks; the writer submits its dirty pages while holding the lock. */
    public static String trylockOnly2019() {
        String bufio = """
                    shrinker bufio in thin0 {
                        count {
                            trylock bufio_lock else stop
                            unlock bufio_lock
                        }
                        scan {
                            trylock bufio_lock else stop
                            if fs { clean thin0 }
                            unlock bufio_lock
                        }
                    }
                """;
        String writer = """
                    thread writer task {
                        lock bufio_lock
                        dirty thin0 4
                        submit thin0
                        unlock bufio_lock
                    }
                """;
        return seed("trylock_2019", "", writer, SEED_DIRECT_IO, bufio, "");
    }

    /** The loop worker under scope NOIO. */
    public static String loopUnderNoio() {
        return seed("loop_noio", " scope NOIO", SEED_WRITER, SEED_DIRECT_IO, SEED_BUFIO, "");
    }

    /** The loop worker under NOIO, bufio gated on io, and an xfs lock taken around NOFS allocations. */
    public static String mikulas2020() {
        String bufio = SEED_BUFIO.replace("if fs", "if io");
        String directIo = """
                    mutex xfs_lock in xfs_host
                    op direct_io in xfs_host {
                        lock xfs_lock
                        alloc 1 KERNEL
                        write sda
                        unlock xfs_lock
                        free 1
                    }
                """;
        String extra = """
                    thread mkfs task {
                        call xfs_write
                    }
                    op xfs_write in xfs_host {
                        lock xfs_lock
                        alloc 1 NOFS
                        free 1
                        unlock xfs_lock
                    }
                """;
        return seed("mikulas_2020", " scope NOIO", SEED_WRITER, directIo, bufio, extra);
    }

    /** bufio's scan deferred to a memreclaim workqueue. */
    public static String deferredToWorkqueue() {
        String bufio = """
                    shrinker bufio in thin0 {
                        count {
                            trylock bufio_lock else stop
                            unlock bufio_lock
                        }
                        scan {
                            queue bufio_wq
                        }
                    }
                    workqueue bufio_wq memreclaim {
                        lock bufio_lock
                        clean thin0
                        unlock bufio_lock
                    }
                """;
        return seed("deferred_wq", "", SEED_WRITER, SEED_DIRECT_IO, bufio, "");
    }
}
