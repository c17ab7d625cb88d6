package dev.reclaim.enforce;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The registered reclaim sources of one policy. A reclaim pass ({@link #shrink}) calls, in
 * registration order, only the shrinkers whose guard permission is in the reclaim context
 * (unguarded ones always), so no shrinker has to look at context bits.
 *
 * <p>It also keeps what the lockdep-style detector knows: which lock instances a shrinker takes and
 * which instances' IO it waits on, declared at registration ({@link Registration#takes},
 * {@link Registration#waitsOnIo}) or learnt while it runs ({@link Reclaim#locked},
 * {@link Reclaim#waitingOnIo} called inside a pass). Dispatch does not allocate; registration and
 * learning copy on write.
 */
public final class ShrinkerRegistry {
    private final Policy policy;
    private volatile Registration[] entries = new Registration[0];
    /** Lock instance or {@link Instance} -> what shrinkers wait on it. Copy on write. */
    private volatile IdentityHashMap<Object, Dep[]> waiters = new IdentityHashMap<>();

    ShrinkerRegistry(Policy policy) {
        this.policy = policy;
    }

    /** Registers a shrinker of {@code owner}, guarded by its layer's guard. */
    public Registration register(String name, Instance owner, Shrinker shrinker) {
        return register(name, owner, policy.guard(owner.layer()), shrinker);
    }

    /**
     * Registers a shrinker with its own guard mask (the language's {@code guarded by P}); 0 means
     * unguarded (clean page cache: called under every context).
     */
    public synchronized Registration register(String name, Instance owner, int guard, Shrinker shrinker) {
        Registration r = new Registration(name, owner, guard, Objects.requireNonNull(shrinker));
        Registration[] next = Arrays.copyOf(entries, entries.length + 1);
        next[entries.length] = r;
        entries = next;
        return r;
    }

    /**
     * One reclaim pass: calls each admitted shrinker once with {@code nrToScan}.
     *
     * @return pages freed by the pass
     */
    public long shrink(int reclaimContext, int nrToScan) {
        Registration[] es = entries;
        ThreadState s = Reclaim.ENABLED ? Reclaim.state() : null;
        long freed = 0;
        for (Registration e : es) {
            if ((e.guard & ~reclaimContext) != 0 || e.removed) {
                continue;
            }
            if (s == null) {
                freed += e.shrinker.scan(nrToScan);
                continue;
            }
            Registration outer = s.inShrinker;
            s.enterShrinker(e);
            try {
                freed += e.shrinker.scan(nrToScan);
            } finally {
                s.leaveShrinker(outer);
            }
        }
        return freed;
    }

    /** The shrinkers a pass under {@code reclaimContext} would call, in order (for tests and tools). */
    public String[] admitted(int reclaimContext) {
        return Arrays.stream(entries).filter(e -> !e.removed && (e.guard & ~reclaimContext) == 0)
                .map(Registration::name).toArray(String[]::new);
    }

    Registration[] registrations() {
        return entries;
    }

    Dep[] waitersOn(Object resource) {
        return waiters.get(resource);
    }

    boolean hasWaiters() {
        return !waiters.isEmpty();
    }

    synchronized void learn(Registration r, Object resource, boolean io, StackTraceElement[] stack) {
        Dep[] old = waiters.get(resource);
        if (old != null) {
            for (Dep d : old) {
                if (d.shrinker == r && d.io == io) {
                    return;
                }
            }
        }
        Dep[] next = old == null ? new Dep[1] : Arrays.copyOf(old, old.length + 1);
        next[next.length - 1] = new Dep(r, resource, io, stack);
        IdentityHashMap<Object, Dep[]> copy = new IdentityHashMap<>(waiters);
        copy.put(resource, next);
        waiters = copy;
    }

    /** Whether {@code r} is known to wait on {@code resource} (lock, or IO when {@code io}). */
    boolean knows(Registration r, Object resource, boolean io) {
        Dep[] ds = waiters.get(resource);
        if (ds != null) {
            for (Dep d : ds) {
                if (d.shrinker == r && d.io == io) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A registered shrinker. */
    public final class Registration {
        private final String name;
        private final Instance owner;
        final int guard;
        final Shrinker shrinker;
        volatile boolean removed;

        private Registration(String name, Instance owner, int guard, Shrinker shrinker) {
            this.name = name;
            this.owner = owner;
            this.guard = guard;
            this.shrinker = shrinker;
        }

        public String name() {
            return name;
        }

        public Instance owner() {
            return owner;
        }

        public int guard() {
            return guard;
        }

        /** Declares that this shrinker takes {@code lock} (a lock instance, compared by identity). */
        public Registration takes(Object lock) {
            learn(this, lock, false, Reporter.trim(new Throwable().getStackTrace()));
            return this;
        }

        /** Declares that this shrinker waits for IO on {@code instance}. */
        public Registration waitsOnIo(Instance instance) {
            learn(this, instance, true, Reporter.trim(new Throwable().getStackTrace()));
            return this;
        }

        /** Stops calling it (what it was learnt to wait on is kept, and no longer reported). */
        public void unregister() {
            removed = true;
        }

        @Override
        public String toString() {
            return "shrinker " + name + " of " + owner;
        }
    }

    /** "Shrinker S waits on resource R" (a lock it takes, or IO on an instance), and where it was seen. */
    static final class Dep {
        final Registration shrinker;
        final Object resource;
        final boolean io;
        final StackTraceElement[] stack;
        final AtomicBoolean reported = new AtomicBoolean();

        Dep(Registration shrinker, Object resource, boolean io, StackTraceElement[] stack) {
            this.shrinker = shrinker;
            this.resource = resource;
            this.io = io;
            this.stack = stack;
        }
    }
}
