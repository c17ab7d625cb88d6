package dev.reclaim.analysis.discipline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Related;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.Stmt;
import dev.reclaim.model.SystemModel;

/**
 * {@code mempool-double}: a body takes an element of a pool while a path still holds one it took.
 *
 * <p>The exemption (the dm-crypt fix) needs one lock that every double take of the pool, in every
 * body, holds continuously from the first take to the second: otherwise two holders can each be
 * mid-sequence and exhaust the reserve. So the covers (locks held across both takes) are
 * intersected per pool over the whole system before anything is reported.
 *
 * <p>Threads, work items and shrinker bodies are walked, following calls; ops are judged through
 * their callers only, since an op runs on whatever thread calls it. One iteration of a thread's
 * loop is one path: an element still held at its end may be given back by another thread (an IO
 * completion), which this check cannot see. A {@code give} of a pool the path holds nothing of
 * is such a hand-over and is ignored.
 */
final class MempoolDouble extends PathEngine<MempoolDouble.State> {

    /** A held element: where it was taken and the locks held continuously since. */
    record Elem(String pool, Stmt.Take at, Site site, Set<String> cover) {}

    record State(Set<String> locks, List<Elem> elems) {}

    /** One double take on one path. */
    private record Occurrence(Body body, Stmt.Take second, Site site, Elem first) {}

    private final List<Occurrence> occurrences = new ArrayList<>();
    private Body body;

    private MempoolDouble(SystemModel sys) {
        super(sys);
    }

    static List<Finding> check(SystemModel sys) {
        MempoolDouble md = new MempoolDouble(sys);
        for (Body b : Body.of(sys)) {
            if (b.kind() != Body.Kind.OP) {
                md.body = b;
                md.run(b, new State(Set.of(), List.of()));
            }
        }
        return md.report();
    }

    @Override
    protected State step(State st, Stmt s, Site site) {
        if (s instanceof Stmt.Lock l) {
            return new State(plus(st.locks(), l.lock()), st.elems());
        }
        if (s instanceof Stmt.Unlock u) {
            Set<String> locks = new LinkedHashSet<>(st.locks());
            locks.remove(u.lock());
            List<Elem> elems = new ArrayList<>();
            for (Elem e : st.elems()) {
                Set<String> cover = new LinkedHashSet<>(e.cover());
                cover.remove(u.lock());
                elems.add(new Elem(e.pool(), e.at(), e.site(), Set.copyOf(cover)));
            }
            return new State(Set.copyOf(locks), List.copyOf(elems));
        }
        if (s instanceof Stmt.Take t) {
            for (Elem e : st.elems()) {
                if (e.pool().equals(t.pool())) {
                    occurrences.add(new Occurrence(body, t, site, e));
                }
            }
            List<Elem> elems = new ArrayList<>(st.elems());
            elems.add(new Elem(t.pool(), t, site, st.locks()));
            return new State(st.locks(), List.copyOf(elems));
        }
        if (s instanceof Stmt.Give g) {
            List<Elem> elems = new ArrayList<>(st.elems());
            for (int i = elems.size() - 1; i >= 0; i--) {
                if (elems.get(i).pool().equals(g.pool())) {
                    elems.remove(i);
                    break;
                }
            }
            return new State(st.locks(), List.copyOf(elems));
        }
        return st;
    }

    @Override
    protected Optional<State> tryLockSucceeds(State st, Stmt.TryLock t, Site site) {
        return st.locks().contains(t.lock()) ? Optional.empty()
                : Optional.of(new State(plus(st.locks(), t.lock()), st.elems()));
    }

    private static Set<String> plus(Set<String> set, String item) {
        Set<String> out = new LinkedHashSet<>(set);
        out.add(item);
        return Set.copyOf(out);
    }

    private List<Finding> report() {
        Map<String, Set<String>> common = new LinkedHashMap<>();
        for (Occurrence o : occurrences) {
            common.merge(o.second().pool(), new HashSet<>(o.first().cover()), (a, b) -> {
                a.retainAll(b);
                return a;
            });
        }
        // Per second take (an op's take may be reached from several bodies), the occurrence with
        // the smallest cover explains best why it fires.
        Map<Stmt.Take, Occurrence> worst = new LinkedHashMap<>();
        for (Occurrence o : occurrences) {
            if (common.get(o.second().pool()).isEmpty()) {
                worst.merge(o.second(), o, (a, b) -> b.first().cover().size() < a.first().cover().size() ? b : a);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Occurrence o : worst.values()) {
            findings.add(finding(o));
        }
        return findings;
    }

    private Finding finding(Occurrence o) {
        Elem first = o.first();
        String where = first.site().decl() == o.site().decl() ? ""
                : " in " + first.site().decl().kind() + " " + first.site().decl().name();
        String pool = o.second().pool();
        StringBuilder msg = new StringBuilder(o.body().subject() + " may take a second element of pool " + pool
                + " while holding one (first taken at line " + first.at().pos().line() + where + ")");
        if (!first.cover().isEmpty()) {
            msg.append("; it holds ").append(String.join(", ", first.cover().stream().sorted().toList()))
                    .append(" across both takes, but no one lock is held across every double take of ").append(pool);
        }
        return new Finding(Rule.MEMPOOL_DOUBLE, msg.toString(), o.second().pos(),
                List.of(new Related("first take of " + pool, first.at().pos())), sys.pathOf(o.site().decl()),
                sys.name());
    }
}
