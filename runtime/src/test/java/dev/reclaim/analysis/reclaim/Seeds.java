package dev.reclaim.analysis.reclaim;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.reclaim.findings.Finding;
import dev.reclaim.model.SystemModel;

/** The seed systems of LANGUAGE.md §2 and §5, and small helpers for asserting on findings. */
final class Seeds {
    private Seeds() {
    }

    static final String SEED_BUFIO = """
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

    static final String SEED_WRITER = """
                thread writer task {
                    lock bufio_lock
                    dirty thin0 4
                    unlock bufio_lock
                }
            """;

    static final String SEED_DIRECT_IO = """
                op direct_io in xfs_host {
                    alloc 1 KERNEL
                    write sda
                    free 1
                }
            """;

    /** The seed system with its variable parts replaced. */
    static String seed(String name, String loopScope, String writer, String directIo, String bufio, String extra) {
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

    static SystemModel seed2019Buggy() {
        return TestPolicy.system(seed("seed_2019_buggy", "", SEED_WRITER, SEED_DIRECT_IO, SEED_BUFIO, ""));
    }

    static SystemModel before2014() {
        return TestPolicy.system(seed("before_2014", "", SEED_WRITER, SEED_DIRECT_IO,
                SEED_BUFIO.replace("if fs", "if io"), ""));
    }

    static SystemModel trylockOnly2019() {
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
        return TestPolicy.system(seed("trylock_2019", "", writer, SEED_DIRECT_IO, bufio, ""));
    }

    static SystemModel loopUnderNoio() {
        return TestPolicy.system(seed("loop_noio", " scope NOIO", SEED_WRITER, SEED_DIRECT_IO, SEED_BUFIO, ""));
    }

    static SystemModel mikulas2020() {
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
        return TestPolicy.system(seed("mikulas_2020", " scope NOIO", SEED_WRITER, directIo, bufio, extra));
    }

    static SystemModel deferredToWorkqueue() {
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
        return TestPolicy.system(seed("deferred_wq", "", SEED_WRITER, SEED_DIRECT_IO, bufio, ""));
    }

    static Set<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static List<String> messages(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.ruleId().equals(rule)).map(Finding::message).toList();
    }

    static List<Finding> of(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.ruleId().equals(rule)).toList();
    }
}
