package dev.reclaim.testing;

/** The systems of LANGUAGE.md, as text for {@link TestSystems}. */
public final class Seeds {
    private Seeds() {
    }

    public static final String SEED_2019_BUGGY = """
            system seed_2019_buggy {
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
                thread loop0_worker serves loop0 {
                    call direct_io
                }
                thread reader task {
                    fill xfs_host 4 KERNEL
                }
                thread writer task {
                    lock bufio_lock
                    dirty thin0 4
                    unlock bufio_lock
                }

                op direct_io in xfs_host {
                    alloc 1 KERNEL
                    write sda
                    free 1
                }

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
                shrinker pagecache in xfs_host unguarded {
                    scan { }
                }
            }
            """;
}
