package dev.reclaim.sim;

/** Every system of examples/ as {file, system, expect}. */
final class Examples {
    private Examples() {
    }

    static final String[][] ALL = {
        { "dm_crypt/page_pool.reclaim", "crypt_pool_unlocked", "deadlock" },
        { "dm_crypt/page_pool.reclaim", "crypt_pool_locked", "no deadlock" },
        { "ext4_journal/journal.reclaim", "ext4_journal_kernel", "deadlock" },
        { "ext4_journal/journal.reclaim", "ext4_journal_nofs", "no deadlock" },
        { "nbd/nbd_daemon.reclaim", "nbd_daemon_kernel", "deadlock" },
        { "nbd/nbd_daemon.reclaim", "nbd_daemon_io_flusher", "no deadlock" },
        { "nbd/swap_over_nbd.reclaim", "nbd_swap_kernel", "deadlock" },
        { "nbd/swap_over_nbd.reclaim", "nbd_swap_noio", "no deadlock" },
        { "rwsem_cycle/loop_iolock.reclaim", "loop_iolock_cycle", "deadlock" },
        { "rwsem_cycle/loop_iolock.reclaim", "loop_iolock_prefault", "no deadlock" },
        { "seed/seed_2019_buggy.reclaim", "seed_2019_buggy", "deadlock" },
        { "seed/seed_2019_noio_fix.reclaim", "seed_2019_noio_fix", "no deadlock" },
        { "seed/seed_2019_trylock.reclaim", "seed_2019_trylock", "deadlock" },
        { "seed/seed_2020_mikulas.reclaim", "seed_2020_mikulas", "deadlock" },
        { "seed/seed_before_2014.reclaim", "seed_before_2014", "deadlock" },
        { "seed/seed_wq_deferred.reclaim", "seed_wq_deferred", "no deadlock" },
    };
}
