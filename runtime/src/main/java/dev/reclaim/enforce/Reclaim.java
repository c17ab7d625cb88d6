package dev.reclaim.enforce;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The run-time enforcement facade: scopes, layer entry, checked allocation, held locks and the
 * shrinker registry of the installed {@link Policy}. See the package documentation for usage.
 *
 * <p>All state is per thread except the policy, the mode, the registry and the counters. Every
 * method is a no-op (returning its argument where it has one) when {@link #ENABLED} is false.
 */
public final class Reclaim {

    /**
     * Read once from the system property {@code reclaim.enforce} ({@code off} or {@code false}
     * disables; anything else, or unset, enables). A {@code static final} constant: when it is
     * false the JIT folds every check away.
     */
    public static final boolean ENABLED = enabledFromProperty();

    private static final Scope NOOP_SCOPE = new Scope(null);
    private static final LayerEntry NOOP_ENTRY = new LayerEntry(null);

    static {
        // Here rather than in Reporter so that the property is read at the same point as ENABLED.
        Reporter.mode(modeFromProperty());
    }

    private Reclaim() {
    }

    private static boolean enabledFromProperty() {
        String v = System.getProperty("reclaim.enforce", "on").trim().toLowerCase(Locale.ROOT);
        return !(v.equals("off") || v.equals("false"));
    }

    private static Mode modeFromProperty() {
        String v = System.getProperty("reclaim.mode", "report").trim().toUpperCase(Locale.ROOT);
        try {
            return Mode.valueOf(v);
        } catch (IllegalArgumentException e) {
            return Mode.REPORT;
        }
    }

    // ------------------------------------------------------------------ set-up

    /**
     * Installs a policy (once, at start-up; generated facades do it in their static initialiser),
     * with a fresh shrinker registry, and clears counters, reported sites and the calling thread's
     * state. Other threads' scopes and layer entries are kept.
     */
    public static void install(Policy p, Mode m) {
        Reporter.policy = Objects.requireNonNull(p);
        Reporter.registry = new ShrinkerRegistry(p);
        mode(m);
        Reporter.reset();
        ThreadStates.reset();
    }

    public static Policy policy() {
        return Reporter.policy;
    }

    public static Mode mode() {
        return Reporter.mode;
    }

    /** Changes the mode; scope entry sites are tracked only in {@link Mode#REPORT}. */
    public static void mode(Mode m) {
        Reporter.mode(Objects.requireNonNull(m));
    }

    /** Where {@link Mode#REPORT} sends reports (default: rendered to {@code System.err}). */
    public static void onReport(Consumer<Violation> s) {
        Reporter.sink = Objects.requireNonNull(s);
    }

    /** The shrinker registry of the installed policy. */
    public static ShrinkerRegistry shrinkers() {
        ShrinkerRegistry r = Reporter.registry;
        if (r == null) {
            throw new IllegalStateException("no policy installed: call Reclaim.install first");
        }
        return r;
    }

    /** Names a lock instance in messages (otherwise its {@code toString()}); held weakly. */
    public static <T> T name(T lock, String name) {
        Reporter.NAMES.put(lock, name);
        return lock;
    }

    /** How many violations of a kind were detected, in any mode. */
    public static long count(Violation.Kind kind) {
        return Reporter.COUNTS[kind.ordinal()].sum();
    }

    /** How many reports were sent to the sink (REPORT mode: one per distinct site). */
    public static long reports() {
        return Reporter.REPORTS.sum();
    }

    // ------------------------------------------------------------------ scopes

    /**
     * memalloc_*_save: narrows this thread's allocations to {@code mask} until the matching
     * {@link #restore}. Scopes only narrow: the effective mask is the AND of all open scopes.
     *
     * @return the token to pass to {@link #restore}
     */
    public static int save(int mask) {
        if (!ENABLED) {
            return 0;
        }
        return ThreadStates.get().push(mask, Reporter.trackSites);
    }

    /**
     * memalloc_*_restore: ends the scope {@code saved} came from. Restores must be LIFO; an
     * out-of-order restore is a {@code scope-order} violation, after which the thread's scopes are
     * unwound to the saved state as Linux would (the inner scopes' own restores are then ignored).
     * A restore of a scope that is not open is reported and ignored.
     */
    public static void restore(int saved) {
        if (!ENABLED) {
            return;
        }
        ThreadState s = ThreadStates.get();
        if (!s.popFast(saved)) {
            ScopeOrder.restoreSlow(s, saved);
        }
    }

    /** The try-with-resources form of {@link #save}/{@link #restore}. Allocation-free. */
    public static Scope scope(int mask) {
        if (!ENABLED) {
            return NOOP_SCOPE;
        }
        ThreadState s = ThreadStates.get();
        int t = s.push(mask, Reporter.trackSites);
        Scope h = s.scopeHandles[t & 0xFFFF];
        h.token = t;
        return h;
    }

    /** The thread's current scope mask (every bit set outside all scopes). */
    public static int current() {
        return ENABLED ? ThreadStates.get().mask : -1;
    }

    /** How many scopes are open on this thread. */
    public static int scopeDepth() {
        return ENABLED ? ThreadStates.get().depth : 0;
    }

    // ------------------------------------------------------------------ layers

    /** Declares that this thread now works for {@code instance} (pushes it on the layer stack). */
    public static LayerEntry enter(Instance instance) {
        return push(instance, false);
    }

    /**
     * Declares that this thread serves {@code instance}'s IO queue (a loop worker): pushes it on the
     * layer stack and subjects allocations to {@code io-path-context}.
     */
    public static LayerEntry serving(Instance instance) {
        return push(instance, true);
    }

    private static LayerEntry push(Instance instance, boolean serves) {
        if (!ENABLED) {
            return NOOP_ENTRY;
        }
        Policy p = Reporter.policy;
        if (p == null) {
            throw new IllegalStateException("no policy installed: call Reclaim.install first");
        }
        if (instance.layer() >= p.layerCount()) {
            throw new IllegalArgumentException(instance + ": layer index " + instance.layer()
                    + " is not declared by policy " + p.name());
        }
        ThreadState s = ThreadStates.get();
        int t = s.pushFrame(instance, serves, p);
        LayerEntry h = s.frameHandles[t & 0xFFFF];
        h.token = t;
        return h;
    }

    /** How many layer entries (including served instances) are active on this thread. */
    public static int layerDepth() {
        return ENABLED ? ThreadStates.get().fdepth : 0;
    }

    // ------------------------------------------------------------------ locks and IO waits

    /** Tell the detector this thread took {@code lock} (compared by identity). Allocation-free. */
    public static void locked(Object lock) {
        if (!ENABLED) {
            return;
        }
        Reporter.locked(ThreadStates.get(), lock);
    }

    /** Tell the detector this thread released {@code lock}. */
    public static void unlocked(Object lock) {
        if (!ENABLED) {
            return;
        }
        Reporter.unlocked(ThreadStates.get(), lock);
    }

    /** Tell the detector this thread waits for IO on {@code instance} (learnt inside shrinkers). */
    public static void waitingOnIo(Instance instance) {
        if (!ENABLED) {
            return;
        }
        Reporter.waitingOnIo(ThreadStates.get(), instance);
    }

    // ------------------------------------------------------------------ allocation

    /**
     * A checked allocation site: returns the effective context ({@code ctx} ∩ the open scopes),
     * after the run-time rules: {@code io-path-context}, {@code layering} and the lockdep-style
     * {@code reclaim-recursion}. In {@link Mode#ENFORCE} the result is narrowed to the safe context.
     * Allocations inside a shrinker never reclaim (PF_MEMALLOC) and are not checked.
     */
    public static int allocating(int ctx) {
        if (!ENABLED) {
            return ctx;
        }
        ThreadState s = ThreadStates.get();
        int eff = ctx & s.mask;
        if ((eff & s.check) == 0) {
            return eff;
        }
        return AllocationRules.allocatingSlow(s, ctx, eff);
    }

    static ThreadState state() {
        return ThreadStates.get();
    }

    // ------------------------------------------------------------------ handles

    /** An open scope; closing it is {@link Reclaim#restore}. Handles are per thread and reused. */
    public static final class Scope implements AutoCloseable {
        private final ThreadState owner;
        int token = -1;

        Scope(ThreadState owner) {
            this.owner = owner;
        }

        @Override
        public void close() {
            if (owner == null) {
                return;
            }
            int t = token;
            token = -1;
            if (owner.thread == Thread.currentThread() && owner.popFast(t)) {
                return; // never for t == -1: the tokens of open scopes are non-negative
            }
            ThreadState s = ThreadStates.get();
            ScopeOrder.restoreSlow(s, t == -1 || s != owner ? -1 : t);
        }
    }

    /** An active layer entry; closing it leaves the layer. Handles are per thread and reused. */
    public static final class LayerEntry implements AutoCloseable {
        private final ThreadState owner;
        int token = -1;

        LayerEntry(ThreadState owner) {
            this.owner = owner;
        }

        @Override
        public void close() {
            if (owner == null) {
                return;
            }
            int t = token;
            token = -1;
            ThreadState s = owner.thread == Thread.currentThread() ? owner : ThreadStates.get();
            Policy p = Reporter.policy;
            if (t == -1 || s != owner || !s.popFrameFast(t, p)) {
                ScopeOrder.leaveSlow(s, t == -1 || s != owner ? -1 : t);
            }
        }
    }
}
