package dev.reclaim.enforce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The LANGUAGE.md §1 vocabulary as generated code would emit it, plus test helpers. */
final class Storage {
    static final int DIRECT = 1 << 0;
    static final int KSWAPD = 1 << 1;
    static final int IO = 1 << 2;
    static final int FS = 1 << 3;

    static final int KERNEL = DIRECT | KSWAPD | IO | FS;
    static final int NOFS = KERNEL & ~FS;
    static final int NOIO = NOFS & ~IO;
    static final int NOWAIT = KSWAPD;
    static final int NONE = 0;

    static final int L_FS = 0;
    static final int L_DM = 1;
    static final int L_BLOCK = 2;
    static final int L_DEVICE = 3;

    static final Policy POLICY = Policy.builder("linux.storage")
            .permission("direct").permission("kswapd").permission("io").permission("fs")
            .context("KERNEL", KERNEL).context("NOFS", NOFS).context("NOIO", NOIO).context("NOWAIT", NOWAIT)
            .context("NONE", NONE)
            .layer("fs", FS)
            .layer("dm", IO, L_FS)
            .layer("block", IO, L_DM)
            .layer("device", 0, L_BLOCK)
            .build();

    private Storage() {
    }

    /** Installs the policy in {@code mode} and collects reports into the returned list. */
    static List<Violation> install(Mode mode) {
        Reclaim.install(POLICY, mode);
        List<Violation> reports = Collections.synchronizedList(new ArrayList<>());
        Reclaim.onReport(reports::add);
        return reports;
    }

    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} on a fresh thread named {@code name} (messages name the thread). */
    static void inThread(String name, Body body) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, name);
        t.start();
        t.join();
        Throwable e = failure.get();
        if (e instanceof Exception ex) {
            throw ex;
        }
        if (e instanceof Error er) {
            throw er;
        }
    }
}
