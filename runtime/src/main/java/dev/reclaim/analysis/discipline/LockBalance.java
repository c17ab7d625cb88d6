package dev.reclaim.analysis.discipline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Related;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.Stmt;
import dev.reclaim.model.SystemModel;

/**
 * {@code lock-unbalanced}: every path through a body must release exactly the locks it takes.
 *
 * <p>Each body is judged on its own. A {@code call} runs the op in place so that the caller's view
 * of what it holds stays right, but what happens inside the op is reported only when the op itself
 * is checked: an op that takes a lock its caller releases is unbalanced in the op. A lock taken
 * again while held is reported here too, since locks are not re-entrant; when the second take is
 * inside a called op, the finding is at the call. A {@code trylock} of a lock the path already holds
 * can only fail.
 */
final class LockBalance extends PathEngine<LockBalance.State> {

    /** Where a held lock was taken. */
    record Held(Stmt at, Site site) {}

    /**
     * One side of a branch, quoted in messages to say which path a finding is on. Once the branch
     * joins, {@code holds} and {@code lacks} name the locks whose state this side decided: held here
     * as on no path of the other side, or not held here though held on every path of the other side.
     * Before the join (the path stopped, or the finding is inside the branch) both are null and the
     * decision always matters.
     */
    record Decision(Stmt at, String text, Set<String> holds, Set<String> lacks) {
        boolean explains(String lock, boolean held) {
            return holds == null || (held ? holds : lacks).contains(lock);
        }
    }

    /** The locks a path holds; the witness is not part of the identity, so equal holdings merge. */
    static final class State {
        final Map<String, Held> held;
        final List<Decision> witness;

        State(Map<String, Held> held, List<Decision> witness) {
            this.held = held;
            this.witness = witness;
        }

        State with(String lock, Held h) {
            Map<String, Held> m = new LinkedHashMap<>(held);
            m.put(lock, h);
            return new State(m, witness);
        }

        State without(String lock) {
            Map<String, Held> m = new LinkedHashMap<>(held);
            m.remove(lock);
            return new State(m, witness);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && s.held.equals(held);
        }

        @Override
        public int hashCode() {
            return Objects.hash(held);
        }
    }

    private static final Comparator<Finding> SOURCE_ORDER =
            Comparator.comparingInt((Finding f) -> f.pos().line()).thenComparingInt(f -> f.pos().column());

    private final List<Finding> findings;
    private final Set<List<Object>> reported = new HashSet<>();
    private Body body;

    private LockBalance(SystemModel sys, List<Finding> findings) {
        super(sys);
        this.findings = findings;
    }

    static List<Finding> check(SystemModel sys) {
        List<Finding> findings = new ArrayList<>();
        LockBalance lb = new LockBalance(sys, findings);
        for (Body b : Body.of(sys)) {
            if (namesUnknownLock(sys, b)) {
                continue; // its unknown-name error comes first; a balance finding would only echo the typo
            }
            lb.body = b;
            int from = findings.size();
            lb.run(b, new State(Map.of(), List.of()));
            // Paths are explored breadth-first; report a body's findings in source order.
            findings.subList(from, findings.size()).sort(SOURCE_ORDER);
        }
        return findings;
    }

    /** Whether the body locks, unlocks or trylocks a lock the system does not declare. */
    private static boolean namesUnknownLock(SystemModel sys, Body b) {
        boolean[] unknown = { false };
        dev.reclaim.analysis.structure.Stmts.forEach(b.stmts(), s -> {
            String lock = s instanceof Stmt.Lock l ? l.lock()
                    : s instanceof Stmt.Unlock u ? u.lock()
                    : s instanceof Stmt.TryLock t ? t.lock() : null;
            if (s instanceof Stmt.Lock || s instanceof Stmt.Unlock || s instanceof Stmt.TryLock) {
                unknown[0] |= lock == null || sys.lock(lock).isEmpty();
            }
        });
        return unknown[0];
    }

    @Override
    protected State step(State st, Stmt s, Site site) {
        if (s instanceof Stmt.Lock l) {
            Held prev = st.held.get(l.lock());
            if (prev != null) {
                reentrant(st, l, prev, site);
                return st;
            }
            return st.with(l.lock(), new Held(s, site));
        }
        if (s instanceof Stmt.Unlock u) {
            if (!st.held.containsKey(u.lock())) {
                if (!site.inlined()) {
                    String why = body.kind() == Body.Kind.OP
                            ? ": an op is checked on its own, so a lock its caller holds does not count" : "";
                    report(s, "unlock", body.subject() + " unlocks " + u.lock() + ", which it does not hold"
                            + path(st, u.lock(), false) + why, List.of());
                }
                return st;
            }
            return st.without(u.lock());
        }
        return st;
    }

    @Override
    protected Optional<State> tryLockSucceeds(State st, Stmt.TryLock t, Site site) {
        return st.held.containsKey(t.lock()) ? Optional.empty() : Optional.of(st.with(t.lock(), new Held(t, site)));
    }

    @Override
    protected void stopped(State st, Stmt at, Site site) {
        if (!site.inlined()) {
            leftHeld(st, body.shrinker() ? " returns SHRINK_STOP holding " : " stops holding ");
        }
    }

    @Override
    protected void atEnd(State st) {
        leftHeld(st, body.kind() == Body.Kind.THREAD ? " ends its loop holding " : " ends holding ");
    }

    @Override
    protected State branch(State st, Stmt at, boolean taken) {
        String text;
        if (at instanceof Stmt.If i) {
            text = i.permission() + " is " + (taken ? "on" : "off") + " at line " + at.pos().line();
        } else {
            text = "trylock " + ((Stmt.TryLock) at).lock() + (taken ? " succeeds" : " fails") + " at line "
                    + at.pos().line();
        }
        List<Decision> w = new ArrayList<>(st.witness);
        w.add(new Decision(at, text, null, null));
        return new State(st.held, List.copyOf(w));
    }

    @Override
    protected State settle(State st, Stmt at, List<State> otherSide) {
        Set<String> holds = new TreeSet<>();
        for (Map.Entry<String, Held> e : st.held.entrySet()) {
            if (otherSide.stream().noneMatch(o -> e.getValue().equals(o.held.get(e.getKey())))) {
                holds.add(e.getKey());
            }
        }
        Set<String> lacks = new TreeSet<>();
        for (State o : otherSide) {
            for (String lock : o.held.keySet()) {
                if (!st.held.containsKey(lock) && otherSide.stream().allMatch(x -> x.held.containsKey(lock))) {
                    lacks.add(lock);
                }
            }
        }
        List<Decision> w = new ArrayList<>();
        for (Decision d : st.witness) {
            if (d.at() != at) {
                w.add(d);
            } else if (!holds.isEmpty() || !lacks.isEmpty()) {
                w.add(new Decision(at, d.text(), Set.copyOf(holds), Set.copyOf(lacks)));
            }
        }
        return new State(st.held, List.copyOf(w));
    }

    /** Locks the checked body took itself; those taken inside a called op are the op's to report. */
    private void leftHeld(State st, String verb) {
        for (Map.Entry<String, Held> e : st.held.entrySet()) {
            Held h = e.getValue();
            if (h.site().inlined()) {
                continue;
            }
            String why = body.kind() == Body.Kind.OP
                    ? ": an op must release what it takes, even when its caller unlocks it" : "";
            report(h.at(), verb, body.subject() + verb + e.getKey() + " (taken at line " + h.at().pos().line() + ")"
                    + path(st, e.getKey(), true) + why, List.of());
        }
    }

    private void reentrant(State st, Stmt.Lock l, Held prev, Site site) {
        // Both takes inside the same called op: the op's own check reports it.
        if (site.inlined() && prev.site().inlined() && prev.site().via() == site.via()) {
            return;
        }
        String where = prev.site().decl() == body.decl() ? "" : " in " + prev.site().decl().kind() + " "
                + prev.site().decl().name();
        String taken = " while holding it (taken at line " + prev.at().pos().line() + where + ")";
        if (site.inlined()) {
            report(site.via(), "relock " + l.lock(), body.subject() + " takes " + l.lock() + " again through call "
                    + site.via().op() + taken + path(st, l.lock(), true) + ": locks are not re-entrant",
                    List.of(new Related("lock " + l.lock() + " in op " + site.decl().name(), l.pos())));
        } else {
            report(l, "relock", body.subject() + " takes " + l.lock() + " again" + taken + path(st, l.lock(), true)
                    + ": locks are not re-entrant", List.of(new Related("first taken", prev.at().pos())));
        }
    }

    /** The decisions that explain why {@code lock} is (or is not) held on this path. */
    private static String path(State st, String lock, boolean held) {
        List<String> parts = new ArrayList<>();
        for (Decision d : st.witness) {
            if (d.explains(lock, held)) {
                parts.add(d.text());
            }
        }
        return parts.isEmpty() ? "" : " on the path where " + String.join(" and ", parts);
    }

    /** One finding per statement and message kind: further paths repeat it. */
    private void report(Stmt at, String kind, String message, List<Related> related) {
        if (reported.add(List.of(body, at, kind))) {
            findings.add(new Finding(Rule.LOCK_UNBALANCED, message, at.pos(), related, sys.pathOf(body.decl()),
                    sys.name()));
        }
    }
}
