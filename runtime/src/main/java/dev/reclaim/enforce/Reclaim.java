package dev.reclaim.enforce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
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

    private static final ThreadLocal<ThreadState> STATE = ThreadLocal.withInitial(ThreadState::new);
    private static final Scope NOOP_SCOPE = new Scope(null);
    private static final LayerEntry NOOP_ENTRY = new LayerEntry(null);

    private static volatile Policy policy;
    private static volatile ShrinkerRegistry registry;
    private static volatile Mode mode = modeFromProperty();
    /** Plain (not volatile): read on every save; a mode change reaches other threads eventually. */
    private static boolean trackSites = mode == Mode.REPORT;
    private static volatile Consumer<Violation> sink = v -> System.err.print(v.render());
    private static final LongAdder[] COUNTS = new LongAdder[Violation.Kind.values().length];
    private static final LongAdder REPORTS = new LongAdder();
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();
    private static final Map<Object, String> NAMES = Collections.synchronizedMap(new WeakHashMap<>());

    static {
        for (int i = 0; i < COUNTS.length; i++) {
            COUNTS[i] = new LongAdder();
        }
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
        policy = Objects.requireNonNull(p);
        registry = new ShrinkerRegistry(p);
        mode(m);
        for (LongAdder c : COUNTS) {
            c.reset();
        }
        REPORTS.reset();
        REPORTED.clear();
        STATE.remove();
    }

    public static Policy policy() {
        return policy;
    }

    public static Mode mode() {
        return mode;
    }

    /** Changes the mode; scope entry sites are tracked only in {@link Mode#REPORT}. */
    public static void mode(Mode m) {
        mode = Objects.requireNonNull(m);
        trackSites = m == Mode.REPORT;
    }

    /** Where {@link Mode#REPORT} sends reports (default: rendered to {@code System.err}). */
    public static void onReport(Consumer<Violation> s) {
        sink = Objects.requireNonNull(s);
    }

    /** The shrinker registry of the installed policy. */
    public static ShrinkerRegistry shrinkers() {
        ShrinkerRegistry r = registry;
        if (r == null) {
            throw new IllegalStateException("no policy installed: call Reclaim.install first");
        }
        return r;
    }

    /** Names a lock instance in messages (otherwise its {@code toString()}); held weakly. */
    public static <T> T name(T lock, String name) {
        NAMES.put(lock, name);
        return lock;
    }

    /** How many violations of a kind were detected, in any mode. */
    public static long count(Violation.Kind kind) {
        return COUNTS[kind.ordinal()].sum();
    }

    /** How many reports were sent to the sink (REPORT mode: one per distinct site). */
    public static long reports() {
        return REPORTS.sum();
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
        return STATE.get().push(mask, trackSites);
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
        ThreadState s = STATE.get();
        if (!s.popFast(saved)) {
            restoreSlow(s, saved);
        }
    }

    /** The try-with-resources form of {@link #save}/{@link #restore}. Allocation-free. */
    public static Scope scope(int mask) {
        if (!ENABLED) {
            return NOOP_SCOPE;
        }
        ThreadState s = STATE.get();
        int t = s.push(mask, trackSites);
        Scope h = s.scopeHandles[t & 0xFFFF];
        h.token = t;
        return h;
    }

    /** The thread's current scope mask (every bit set outside all scopes). */
    public static int current() {
        return ENABLED ? STATE.get().mask : -1;
    }

    /** How many scopes are open on this thread. */
    public static int scopeDepth() {
        return ENABLED ? STATE.get().depth : 0;
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
        Policy p = policy;
        if (p == null) {
            throw new IllegalStateException("no policy installed: call Reclaim.install first");
        }
        if (instance.layer() >= p.layerCount()) {
            throw new IllegalArgumentException(instance + ": layer index " + instance.layer()
                    + " is not declared by policy " + p.name());
        }
        ThreadState s = STATE.get();
        int t = s.pushFrame(instance, serves, p);
        LayerEntry h = s.frameHandles[t & 0xFFFF];
        h.token = t;
        return h;
    }

    /** How many layer entries (including served instances) are active on this thread. */
    public static int layerDepth() {
        return ENABLED ? STATE.get().fdepth : 0;
    }

    // ------------------------------------------------------------------ locks and IO waits

    /** Tell the detector this thread took {@code lock} (compared by identity). Allocation-free. */
    public static void locked(Object lock) {
        if (!ENABLED) {
            return;
        }
        ThreadState s = STATE.get();
        ShrinkerRegistry.Registration r = s.inShrinker;
        if (r != null) {
            learn(r, lock, false);
        }
        Policy p = policy;
        s.lock(lock, p == null ? 0 : p.direct());
    }

    /** Tell the detector this thread released {@code lock}. */
    public static void unlocked(Object lock) {
        if (!ENABLED) {
            return;
        }
        Policy p = policy;
        STATE.get().unlock(lock, p == null ? 0 : p.direct());
    }

    /** Tell the detector this thread waits for IO on {@code instance} (learnt inside shrinkers). */
    public static void waitingOnIo(Instance instance) {
        if (!ENABLED) {
            return;
        }
        ShrinkerRegistry.Registration r = STATE.get().inShrinker;
        if (r != null) {
            learn(r, instance, true);
        }
    }

    private static void learn(ShrinkerRegistry.Registration r, Object resource, boolean io) {
        ShrinkerRegistry reg = registry;
        if (reg != null && !reg.knows(r, resource, io)) {
            reg.learn(r, resource, io, trim(new Throwable().getStackTrace()));
        }
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
        ThreadState s = STATE.get();
        int eff = ctx & s.mask;
        if ((eff & s.check) == 0) {
            return eff;
        }
        return allocatingSlow(s, ctx, eff);
    }

    private static int allocatingSlow(ThreadState s, int ctx, int eff) {
        Policy p = policy;
        if (p == null || (eff & p.direct()) == 0) {
            return eff;
        }
        int written = ctx & p.all();
        int ioBad = eff & s.ioForbid[s.fdepth];
        if (ioBad != 0) {
            int safe = eff & ~s.ioForbid[s.fdepth];
            if (!enforcing(Violation.Kind.IO_PATH_CONTEXT)) {
                int f = innermost(s, p, ioBad, true);
                Instance served = s.frames[f];
                String msg = "io-path-context: " + s.thread.getName() + " serves " + served + " (layer "
                        + p.layerName(served.layer()) + ") but allocates " + ctxText(p, written, eff) + ", which admits "
                        + target(p, served.layer(), ioBad) + ": wrap it in scope "
                        + p.describe(p.all() & ~p.guardsAtOrAbove(served.layer()));
                reportOrFail(s, Violation.Kind.IO_PATH_CONTEXT, msg, written + "/" + eff, null, null, null);
            } else {
                eff = safe;
            }
        }
        int layerBad = eff & s.forbid[s.fdepth] & ~s.ioForbid[s.fdepth];
        if (layerBad != 0 && (eff & p.direct()) != 0) {
            int safe = eff & ~s.forbid[s.fdepth];
            if (!enforcing(Violation.Kind.LAYERING)) {
                int f = innermost(s, p, layerBad, false);
                Instance inst = s.frames[f];
                String msg = "layering: " + s.thread.getName() + ", allocating " + ctxText(p, written, eff) + " for "
                        + inst + " (layer " + p.layerName(inst.layer()) + "), may enter "
                        + target(p, inst.layer(), layerBad) + ", at or above " + inst + "'s layer: narrow it to "
                        + p.describe(safe);
                reportOrFail(s, Violation.Kind.LAYERING, msg, written + "/" + eff, null, null, null);
            } else {
                eff = safe;
            }
        }
        if (s.nheld + s.nserving > 0 && (eff & p.direct()) != 0) {
            eff = lockdep(s, p, written, eff);
        }
        return eff;
    }

    private static int lockdep(ThreadState s, Policy p, int written, int eff) {
        ShrinkerRegistry reg = registry;
        if (reg == null || !reg.hasWaiters()) {
            return eff;
        }
        for (int i = 0; i < s.nheld; i++) {
            eff = recursion(s, p, reg.waitersOn(s.held[i]), false, written, eff);
        }
        for (int f = 0; f < s.fdepth; f++) {
            if (s.serves[f]) {
                eff = recursion(s, p, reg.waitersOn(s.frames[f]), true, written, eff);
            }
        }
        return eff;
    }

    private static int recursion(ThreadState s, Policy p, ShrinkerRegistry.Dep[] deps, boolean io, int written,
                                 int eff) {
        if (deps == null) {
            return eff;
        }
        for (ShrinkerRegistry.Dep d : deps) {
            ShrinkerRegistry.Registration r = d.shrinker;
            if (d.io != io || r.removed || (eff & p.direct()) == 0 || (r.guard & ~eff) != 0) {
                continue;
            }
            if (enforcing(Violation.Kind.RECLAIM_RECURSION)) {
                eff &= ~(r.guard != 0 ? r.guard : p.direct());
                continue;
            }
            String t = s.thread.getName();
            String what = io ? "waits for IO on " + d.resource + " (served by " + t + ")"
                    : "takes " + nameOf(d.resource) + " (held by " + t + ")";
            String msg = "reclaim-recursion: " + t + ", allocating " + ctxText(p, written, eff)
                    + ", may enter shrinker " + r.name() + " of " + r.owner() + ", which " + what
                    + ": it would wait for itself";
            String label = "shrinker " + r.name() + (io ? " waits for IO on " + d.resource : " takes "
                    + nameOf(d.resource)) + " at";
            reportOrFail(s, Violation.Kind.RECLAIM_RECURSION, msg, null, d.reported, label, d.stack);
        }
        return eff;
    }

    /** The innermost frame whose at-or-above guards meet {@code bad} (served frames only when asked). */
    private static int innermost(ThreadState s, Policy p, int bad, boolean served) {
        for (int f = s.fdepth - 1; f >= 0; f--) {
            if ((!served || s.serves[f]) && (p.guardsAtOrAbove(s.frames[f].layer()) & bad) != 0) {
                return f;
            }
        }
        return s.fdepth - 1;
    }

    /**
     * What reclaim may enter at or above {@code layer} through the forbidden bits {@code bad}: the
     * first registered shrinker there whose guard is among them ("shrinker bufio of thin0 (layer dm, guarded by io)"), else the first
     * such layer ("layer fs (guarded by fs)").
     */
    private static String target(Policy p, int layer, int bad) {
        ShrinkerRegistry reg = registry;
        if (reg != null) {
            for (ShrinkerRegistry.Registration r : reg.registrations()) {
                if (!r.removed && r.guard() != 0 && (r.guard() & ~bad) == 0
                        && p.isAtOrAbove(r.owner().layer(), layer)) {
                    return "shrinker " + r.name() + " of " + r.owner() + " (layer "
                            + p.layerName(r.owner().layer()) + ", guarded by " + p.permissionNames(r.guard()) + ")";
                }
            }
        }
        for (int j = 0; j < p.layerCount(); j++) {
            if (p.isAtOrAbove(j, layer) && (p.guard(j) & bad) != 0) {
                return "layer " + p.layerName(j) + " (guarded by " + p.permissionNames(p.guard(j)) + ")";
            }
        }
        return "layer " + p.layerName(layer);
    }

    /** "KERNEL", or "KERNEL (effective NOFS)" when scopes narrowed it (the static checker's words). */
    private static String ctxText(Policy p, int written, int eff) {
        return written == (eff & p.all()) ? p.describe(written)
                : p.describe(written) + " (effective " + p.describe(eff) + ")";
    }

    private static String nameOf(Object lock) {
        String n = NAMES.get(lock);
        return n != null ? n : String.valueOf(lock);
    }

    // ------------------------------------------------------------------ violations

    /** Counts the violation; true when the mode is ENFORCE (the caller narrows and goes on). */
    private static boolean enforcing(Violation.Kind kind) {
        COUNTS[kind.ordinal()].increment();
        return mode == Mode.ENFORCE;
    }

    /**
     * REPORT: sends one report per distinct site (the first frame outside this library, plus
     * {@code siteExtra}), or once per {@code once} flag; FAIL: throws.
     */
    private static void reportOrFail(ThreadState s, Violation.Kind kind, String msg, String siteExtra,
                                     AtomicBoolean once, String otherLabel, StackTraceElement[] other) {
        StackTraceElement[] stack = trim(new Throwable().getStackTrace());
        List<Violation.ScopeSite> scopes = new ArrayList<>();
        Policy p = policy;
        for (int i = 0; i < s.depth; i++) {
            StackTraceElement[] site = s.site(i);
            scopes.add(new Violation.ScopeSite(p == null ? Integer.toHexString(s.raw[i]) : p.describe(s.raw[i]),
                    site == null ? new StackTraceElement[0] : site));
        }
        Violation v = new Violation(kind, msg, s.thread.getName(), stack, List.copyOf(scopes), otherLabel, other);
        if (mode == Mode.FAIL) {
            throw new ReclaimViolation(v);
        }
        boolean first = once != null ? once.compareAndSet(false, true)
                : REPORTED.add(kind.id() + "|" + (stack.length == 0 ? "?" : stack[0].toString()) + "|" + siteExtra);
        if (first) {
            REPORTS.increment();
            sink.accept(v);
        }
    }

    private static void restoreSlow(ThreadState s, int t) {
        int d = t & 0xFFFF;
        Policy p = policy;
        String name = s.thread.getName();
        if (d < s.depth - 1 && s.token(d) == t) {
            List<String> inner = new ArrayList<>();
            for (int i = d + 1; i < s.depth; i++) {
                inner.add(describe(p, s.raw[i]));
            }
            String outer = describe(p, s.raw[d]);
            boolean enforce = enforcing(Violation.Kind.SCOPE_ORDER);
            String msg = enforce ? null : "scope-order: " + name + " restores scope " + outer + " (depth " + (d + 1)
                    + ") while inner scope" + (inner.size() == 1 ? " " : "s ") + String.join(", ", inner)
                    + (inner.size() == 1 ? " is" : " are") + " still open: restores must be LIFO";
            if (!enforce) {
                try {
                    reportOrFail(s, Violation.Kind.SCOPE_ORDER, msg, "order", null, null, null);
                } finally {
                    s.unwindTo(d);
                }
            } else {
                s.unwindTo(d);
            }
            return;
        }
        if (d < s.stack.length && d >= s.depth && s.token(d) == ~t) {
            return; // an inner scope already ended by an out-of-order restore, which was reported
        }
        if (!enforcing(Violation.Kind.SCOPE_ORDER)) {
            reportOrFail(s, Violation.Kind.SCOPE_ORDER, "scope-order: " + name
                    + " restores a scope that is not open (restored twice, or saved on another thread)",
                    "stale", null, null, null);
        }
    }

    private static void leaveSlow(ThreadState s, int t) {
        int f = t & 0xFFFF;
        Policy p = policy;
        String name = s.thread.getName();
        if (f < s.fdepth - 1 && s.frameTokens[f] == t) {
            Instance outer = s.frames[f];
            List<String> inner = new ArrayList<>();
            for (int i = f + 1; i < s.fdepth; i++) {
                inner.add(s.frames[i].name());
            }
            boolean enforce = enforcing(Violation.Kind.SCOPE_ORDER);
            if (!enforce) {
                String msg = "scope-order: " + name + " leaves " + outer + " (layer " + p.layerName(outer.layer())
                        + ") while " + String.join(", ", inner) + (inner.size() == 1 ? " is" : " are")
                        + " still entered: layer entries must be left LIFO";
                try {
                    reportOrFail(s, Violation.Kind.SCOPE_ORDER, msg, "leave", null, null, null);
                } finally {
                    s.unwindFramesTo(f, p);
                }
            } else {
                s.unwindFramesTo(f, p);
            }
            return;
        }
        if (!enforcing(Violation.Kind.SCOPE_ORDER)) {
            reportOrFail(s, Violation.Kind.SCOPE_ORDER, "scope-order: " + name
                    + " leaves a layer entry that is not active (left twice, or entered on another thread)",
                    "stale-leave", null, null, null);
        }
    }

    private static String describe(Policy p, int mask) {
        return p == null ? Integer.toHexString(mask) : p.describe(mask);
    }

    static ThreadState state() {
        return STATE.get();
    }

    /** Drops the leading frames of this library (not of its users or tests). */
    static StackTraceElement[] trim(StackTraceElement[] st) {
        int i = 0;
        while (i < st.length && ours(st[i].getClassName())) {
            i++;
        }
        return java.util.Arrays.copyOfRange(st, i, st.length);
    }

    private static boolean ours(String cn) {
        return cn.equals(Reclaim.class.getName()) || cn.startsWith(Reclaim.class.getName() + "$")
                || cn.equals(ThreadState.class.getName()) || cn.equals(ShrinkerRegistry.class.getName())
                || cn.startsWith(ShrinkerRegistry.class.getName() + "$");
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
            ThreadState s = owner.thread == Thread.currentThread() ? owner : STATE.get();
            if (t == -1 || s != owner || !s.popFast(t)) {
                restoreSlow(s, t == -1 || s != owner ? -1 : t);
            }
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
            ThreadState s = owner.thread == Thread.currentThread() ? owner : STATE.get();
            Policy p = policy;
            if (t == -1 || s != owner || !s.popFrameFast(t, p)) {
                leaveSlow(s, t == -1 || s != owner ? -1 : t);
            }
        }
    }
}
