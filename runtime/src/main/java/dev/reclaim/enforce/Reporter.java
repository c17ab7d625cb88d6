package dev.reclaim.enforce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The process-wide state behind {@link Reclaim} (installed policy and registry, mode, sink,
 * counters, lock names), what the lockdep-style detector learns from held locks and IO waits, and
 * how a violation is counted, reported or thrown. Rules live in {@link AllocationRules} and
 * {@link ScopeOrder}; they all report through here so that counting and de-duplication agree.
 */
final class Reporter {

    static volatile Policy policy;
    static volatile ShrinkerRegistry registry;
    /** Set by {@link Reclaim}'s initialiser from {@code reclaim.mode}, with {@link #trackSites}. */
    static volatile Mode mode;
    /** Plain (not volatile): read on every save; a mode change reaches other threads eventually. */
    static boolean trackSites;
    static volatile Consumer<Violation> sink = v -> System.err.print(v.render());
    static final LongAdder[] COUNTS = new LongAdder[Violation.Kind.values().length];
    static final LongAdder REPORTS = new LongAdder();
    static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();
    static final Map<Object, String> NAMES = Collections.synchronizedMap(new WeakHashMap<>());

    static {
        for (int i = 0; i < COUNTS.length; i++) {
            COUNTS[i] = new LongAdder();
        }
    }

    private Reporter() {
    }

    static void mode(Mode m) {
        mode = m;
        trackSites = m == Mode.REPORT;
    }

    /** Counters and reported sites start afresh with each installed policy. */
    static void reset() {
        for (LongAdder c : COUNTS) {
            c.reset();
        }
        REPORTS.reset();
        REPORTED.clear();
    }

    // ------------------------------------------------------------------ locks and IO waits

    static void locked(ThreadState s, Object lock) {
        ShrinkerRegistry.Registration r = s.inShrinker;
        if (r != null) {
            learn(r, lock, false);
        }
        Policy p = policy;
        s.lock(lock, p == null ? 0 : p.direct());
    }

    static void unlocked(ThreadState s, Object lock) {
        Policy p = policy;
        s.unlock(lock, p == null ? 0 : p.direct());
    }

    static void waitingOnIo(ThreadState s, Instance instance) {
        ShrinkerRegistry.Registration r = s.inShrinker;
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

    static String nameOf(Object lock) {
        String n = NAMES.get(lock);
        return n != null ? n : String.valueOf(lock);
    }

    // ------------------------------------------------------------------ violations

    /** Counts the violation; true when the mode is ENFORCE (the caller narrows and goes on). */
    static boolean enforcing(Violation.Kind kind) {
        COUNTS[kind.ordinal()].increment();
        return mode == Mode.ENFORCE;
    }

    /**
     * REPORT: sends one report per distinct site (the first frame outside this library, plus
     * {@code siteExtra}), or once per {@code once} flag; FAIL: throws.
     */
    static void reportOrFail(ThreadState s, Violation.Kind kind, String msg, String siteExtra,
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

    /** Drops the leading frames of this library (not of its users or tests). */
    static StackTraceElement[] trim(StackTraceElement[] st) {
        int i = 0;
        while (i < st.length && ours(st[i].getClassName())) {
            i++;
        }
        return Arrays.copyOfRange(st, i, st.length);
    }

    /** Every class a rule check or a report can be called through, so the site is the caller's. */
    private static boolean ours(String cn) {
        return cn.equals(Reclaim.class.getName()) || cn.startsWith(Reclaim.class.getName() + "$")
                || cn.equals(Reporter.class.getName()) || cn.equals(AllocationRules.class.getName())
                || cn.equals(ScopeOrder.class.getName())
                || cn.equals(ThreadState.class.getName()) || cn.equals(ShrinkerRegistry.class.getName())
                || cn.startsWith(ShrinkerRegistry.class.getName() + "$");
    }
}
