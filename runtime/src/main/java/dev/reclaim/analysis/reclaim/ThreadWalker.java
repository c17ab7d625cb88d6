package dev.reclaim.analysis.reclaim;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.reclaim.model.Ctx;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.Stmt;

/**
 * Walks every thread and workqueue body once (following calls into ops) and records its
 * allocation sites and blocking waits, plus who reclaims under which context.
 *
 * <p>A body is walked once, not as a loop: what a path still holds at its end is a
 * {@code lock-unbalanced} error reported elsewhere. kswapd threads have no body; each counts as a
 * reclaimer with every declared permission. A workqueue's implicit start-up allocation (plain
 * queues allocate one KERNEL page first) is not an allocation site here: the worker holds nothing
 * and serves nothing at that point, so it cannot close a wait and has no layer stack.
 */
final class ThreadWalker {
    /** The result: sites and waits in walk order, threads in declaration order. */
    static final class Walks {
        final List<AllocSite> sites = new ArrayList<>();
        final List<ActorWait> waits = new ArrayList<>();
        final Map<Actor, List<AllocSite>> sitesByActor = new LinkedHashMap<>();
        /** Per effective context with {@code direct}, the threads that reclaim under it (by order). */
        final Map<PermSet, BitSet> reclaimers = new LinkedHashMap<>();
        private final Map<PermSet, int[]> sortedReclaimers = new HashMap<>();

        /** The reclaimers under a context, in declaration order. */
        int[] reclaimers(PermSet ctx) {
            return sortedReclaimers.computeIfAbsent(ctx, c -> {
                BitSet b = reclaimers.get(c);
                return b == null ? new int[0] : b.stream().toArray();
            });
        }

        boolean reclaimsUnder(int actorOrder, PermSet ctx) {
            BitSet b = reclaimers.get(ctx);
            return b != null && b.get(actorOrder);
        }

        /** The distinct reclaim contexts, kswapd's first when there is one. */
        Set<PermSet> contexts() {
            return new LinkedHashSet<>(reclaimers.keySet());
        }
    }

    private ThreadWalker() {
    }

    static Walks walk(Facts facts) {
        Walks w = new Walks();
        for (Actor a : facts.actors()) {
            if (a.kind() == Actor.Kind.KSWAPD) {
                w.reclaimers.computeIfAbsent(facts.all(), k -> new BitSet()).set(a.order());
            }
        }
        for (Actor a : facts.actors()) {
            if (a.kind() == Actor.Kind.KSWAPD) {
                continue;
            }
            List<AllocSite> own = new ArrayList<>();
            Walker walker = new Walker(facts, new Walker.Visitor() {
                @Override
                public void alloc(Frame f, Stmt site, Held held) {
                    Ctx c = site instanceof Stmt.Fill fill ? fill.ctx() : ((Stmt.Alloc) site).ctx();
                    PermSet e = (c == null ? PermSet.NONE : c.perms()).and(f.mask());
                    String narrowed = c == null || e.equals(c.perms()) ? null : facts.vocab().describe(e);
                    AllocSite s = new AllocSite(a, site, e, narrowed, held, f);
                    own.add(s);
                    if (facts.reclaims(e)) {
                        w.reclaimers.computeIfAbsent(e, k -> new BitSet()).set(a.order());
                    }
                }

                @Override
                public void waitFor(Frame f, Stmt at, WaitTarget target, Held held) {
                    w.waits.add(new ActorWait(a, at, target, held, f));
                }
            });
            walker.walk(a.body(), Frame.thread(a), Set.of(Held.EMPTY));
            w.sites.addAll(own);
            w.sitesByActor.put(a, own);
        }
        return w;
    }
}
