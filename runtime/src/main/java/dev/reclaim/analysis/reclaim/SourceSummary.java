package dev.reclaim.analysis.reclaim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.reclaim.findings.Related;
import dev.reclaim.model.Decl.Shrinker;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.Stmt;

/**
 * What reclaim under a context may wait on: each shrinker's {@code count} then {@code scan}, with
 * {@code if PERM} decided by the reclaim context, collecting every blocking wait with what the
 * shrinker holds at that moment. Summaries are memoised per distinct context and indexed (by lock,
 * by served instance, by the instances a source depends on), so each allocation site looks up
 * the few waits that concern it instead of scanning every shrinker: the cost is
 * O(shrinkers) per distinct context plus O(1) lookups per site.
 *
 * <p>Paths of {@code count} that do not {@code stop} go on into {@code scan} with what they hold
 * (a balanced count holds nothing). Every shrinker is entered whatever its guard: Linux does not
 * filter shrinkers by gfp mask, so only the shrinker's own tests decide what it waits on. An
 * allocation inside a shrinker neither waits nor reclaims (PF_MEMALLOC); a wait counts even when
 * its IO goes to a device that completes by itself, for "adds a wait" (it is a blocking path
 * under that context), though such a wait can never close a cycle.
 */
final class SourceSummary {
    /** The waits of every shrinker under one context. */
    static final class Summary {
        final PermSet ctx;
        final List<ShrinkWait> waits = new ArrayList<>();
        /** Shrinkers with at least one wait, in declaration order. */
        final List<Shrinker> withWaits = new ArrayList<>();
        private final Map<Shrinker, ShrinkWait> firstWait = new IdentityHashMap<>();
        private final Map<String, List<ShrinkWait>> byLock = new HashMap<>();
        private final Map<String, List<ShrinkWait>> byServed = new HashMap<>();
        private Map<String, List<Shrinker>> dependents;

        Summary(PermSet ctx) {
            this.ctx = ctx;
        }

        /** The shrinker's first wait in walk order, or null when it has none under this context. */
        ShrinkWait firstWait(Shrinker s) {
            return firstWait.get(s);
        }

        /** Waits for a lock, in walk order. */
        List<ShrinkWait> onLock(String lock) {
            return byLock.getOrDefault(lock, List.of());
        }

        /** Waits whose IO queues for the servers of {@code instance}, in walk order. */
        List<ShrinkWait> onServed(String instance) {
            return byServed.getOrDefault(instance, List.of());
        }

        /**
         * The shrinkers with waits whose owner is {@code on} {@code instance}, directly or
         * transitively, in declaration order: the sources {@code layering} forbids to an
         * allocation that belongs to it. Built once per context from each source's {@code on}
         * closure.
         */
        List<Shrinker> dependentsOf(String instance, IoRouting io) {
            if (dependents == null) {
                dependents = new HashMap<>();
                for (Shrinker s : withWaits) {
                    for (String below : io.onClosure(s.owner())) {
                        dependents.computeIfAbsent(below, k -> new ArrayList<>()).add(s);
                    }
                }
            }
            return dependents.getOrDefault(instance, List.of());
        }
    }

    private final Facts facts;
    private final Map<PermSet, Summary> memo = new LinkedHashMap<>();

    SourceSummary(Facts facts) {
        this.facts = facts;
    }

    Summary under(PermSet ctx) {
        Summary s = memo.get(ctx);
        if (s == null) {
            s = build(ctx);
            memo.put(ctx, s);
        }
        return s;
    }

    private Summary build(PermSet ctx) {
        Summary sum = new Summary(ctx);
        for (Shrinker s : facts.sys().shrinkers()) {
            int before = sum.waits.size();
            Walker walker = new Walker(facts, new Walker.Visitor() {
                @Override
                public void waitFor(Frame f, Stmt at, WaitTarget target, Held held) {
                    sum.waits.add(new ShrinkWait(sum.waits.size(), s, at, target, held, f));
                }
            });
            Set<Held> states = Set.of(Held.EMPTY);
            if (s.count() != null) {
                states = walker.walk(s.count(), part(s, "count", s.countPos(), ctx), states);
            }
            walker.walk(s.scan(), part(s, "scan", s.scanPos(), ctx), states);
            if (sum.waits.size() > before) {
                sum.withWaits.add(s);
            }
        }
        for (ShrinkWait w : sum.waits) {
            sum.firstWait.putIfAbsent(w.shrinker(), w);
            if (w.target() instanceof WaitTarget.OnLock l) {
                sum.byLock.computeIfAbsent(l.lock(), k -> new ArrayList<>()).add(w);
            } else if (w.target() instanceof WaitTarget.OnIo io) {
                for (String served : new LinkedHashSet<>(io.served())) {
                    sum.byServed.computeIfAbsent(served, k -> new ArrayList<>()).add(w);
                }
            }
        }
        return sum;
    }

    private Frame part(Shrinker s, String part, SourcePos pos, PermSet ctx) {
        return Frame.shrinker(s, ctx, facts.all(), new Related("shrinker " + s.name() + " " + part,
                pos == null ? s.pos() : pos));
    }
}
