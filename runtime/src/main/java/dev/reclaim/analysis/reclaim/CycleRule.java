package dev.reclaim.analysis.reclaim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.reclaim.findings.Related;
import dev.reclaim.findings.Rule;
import dev.reclaim.graph.DistinctAssignment;
import dev.reclaim.graph.SimpleCycles;
import dev.reclaim.model.Decl;
import dev.reclaim.model.SourcePos;

/**
 * {@code reclaim-cycle}: a cycle of the {@link WaitGraph} that passes through reclaim and that
 * pairwise distinct threads can close (a thread waits for one thing at a time).
 *
 * <p>Elementary cycles are enumerated inside non-trivial strongly connected components only, each
 * once (see {@link SimpleCycles}), up to {@link #MAX_NODES} nodes and a fixed budget of arc visits,
 * so that a dense graph cannot make the checker hang; the cycles that matter in practice have two
 * to four steps. A cycle becomes steps (an arc, or an entry into reclaim and the wait it reaches,
 * which is one step of one thread); it needs at least two steps and a step that comes from reclaim
 * (an entry, or a wait on a lock taken inside a shrinker). Threads are then matched to steps
 * ({@link DistinctAssignment}), preferring earlier-declared threads: kswapd, declared first in the
 * seed, takes the in-shrinker step rather than a task that also reclaims.
 *
 * <p>Writer preference of rwsems is part of the graph ({@link WaitGraph}): a thread's shared
 * request on a writer-preferring rwsem may be a step that waits for a queued writer ("loop0_worker,
 * serving loop0, waits for iolock shared in op image_io, queued behind image_truncate's exclusive
 * request"), followed by that writer's step, which waits for a shared holder ("image_truncate
 * waits for iolock in op image_setattr, held shared by xfs_reader"). The writer is one more thread
 * of the distinct assignment. The two-step cycle of a thread that holds L shared and whose reclaim
 * requests L shared again behind a writer is left to {@code reclaim-recursion}, which reports it
 * at the same allocation.
 *
 * <p>The report starts at the step of the earliest-declared thread; cycles are reported shortest
 * first, and two cycles that read the same (an rwsem seen through its shared and exclusive nodes)
 * once. It is located at the first allocation in that order and declared on its thread; a cycle
 * whose only reclaim is inside a shrinker is declared on that step's thread (kswapd, typically).
 */
final class CycleRule {
    static final int MAX_NODES = 24;
    static final long BUDGET = 2_000_000;

    private CycleRule() {
    }

    private record StepArcs(WaitGraph.Arc arc, WaitGraph.Arc exit) {
        boolean entersReclaim() {
            return exit != null;
        }
    }

    private record Step(Actor actor, String text, Related related, AllocSite site, boolean inShrinker) {
    }

    static void check(Facts facts, ThreadWalker.Walks walks, SourceSummary sources, FindingSink sink) {
        WaitGraph g = WaitGraph.build(facts, walks, sources);
        List<int[]> found = new ArrayList<>();
        SimpleCycles.enumerate(g.graph, MAX_NODES, BUDGET, found::add);
        List<List<Step>> cycles = new ArrayList<>();
        for (int[] nodes : found) {
            List<Step> steps = resolve(facts, walks, g, nodes);
            if (steps != null) {
                cycles.add(steps);
            }
        }
        cycles.sort(Comparator.comparingInt(List::size));
        Set<String> seen = new HashSet<>();
        for (List<Step> steps : cycles) {
            List<String> texts = new ArrayList<>();
            List<Related> related = new ArrayList<>();
            for (Step s : steps) {
                texts.add(s.text());
                related.add(s.related());
            }
            String message = String.join("; ", texts);
            if (!seen.add(message)) {
                continue;
            }
            Step at = steps.stream().filter(s -> s.site() != null).findFirst()
                    .orElse(steps.stream().filter(Step::inShrinker).findFirst().orElse(steps.get(0)));
            Decl decl = at.actor().decl();
            SourcePos pos = at.site() != null ? at.site().stmt().pos() : decl.pos();
            sink.add(Rule.RECLAIM_CYCLE, decl, message, pos, related);
        }
    }

    /** The steps of a node cycle with a thread each, rotated to the earliest thread; null when not a report. */
    private static List<Step> resolve(Facts facts, ThreadWalker.Walks walks, WaitGraph g, int[] nodes) {
        List<StepArcs> arcs = split(g, nodes);
        int k = arcs.size();
        if (k < 2) {
            return null;
        }
        for (StepArcs sa : arcs) {
            if (sa.entersReclaim() && recursiveRead(g, sa)) {
                return null;
            }
        }
        int[][] candidates = new int[k][];
        int[][] inShrinker = new int[k][];
        boolean reclaim = false;
        for (int j = 0; j < k; j++) {
            StepArcs sa = arcs.get(j);
            TreeSet<Integer> all = new TreeSet<>();
            TreeSet<Integer> shrink = new TreeSet<>();
            for (WaitGraph.Label l : sa.arc().labels) {
                if (l instanceof WaitGraph.Entry e) {
                    all.add(e.site().actor().order());
                } else if (l instanceof WaitGraph.Ordinary o) {
                    all.add(o.waitAt().actor().order());
                } else if (l instanceof WaitGraph.InShrinker s) {
                    int[] rs = walks.reclaimers(s.ctx());
                    for (int i = 0; i < Math.min(k, rs.length); i++) {
                        shrink.add(rs[i]);
                    }
                }
            }
            all.addAll(shrink);
            candidates[j] = first(all, k);
            inShrinker[j] = first(shrink, k);
            reclaim |= sa.entersReclaim();
        }
        int forced = -1;
        int[] chosen = reclaim ? DistinctAssignment.assign(candidates) : null;
        for (int j = 0; !reclaim && j < k && chosen == null; j++) {
            if (inShrinker[j].length > 0) {
                int[][] c = candidates.clone();
                c[j] = inShrinker[j];
                chosen = DistinctAssignment.assign(c);
                forced = j;
            }
        }
        if (chosen == null) {
            return null;
        }
        List<Step> steps = new ArrayList<>(k);
        int firstIndex = 0;
        for (int j = 0; j < k; j++) {
            Step step = render(facts, walks, g, arcs.get(j), facts.actors().get(chosen[j]),
                    facts.actors().get(chosen[(j + 1) % k]), j == forced);
            if (step == null) {
                return null;
            }
            steps.add(step);
            if (chosen[j] < chosen[firstIndex]) {
                firstIndex = j;
            }
        }
        List<Step> rotated = new ArrayList<>(steps.subList(firstIndex, k));
        rotated.addAll(steps.subList(0, firstIndex));
        return rotated;
    }

    /** Groups the arcs of a node cycle into steps: an arc into a reclaim node joins the arc out of it. */
    private static List<StepArcs> split(WaitGraph g, int[] nodes) {
        int m = nodes.length;
        int start = 0;
        while (start < m && g.isReclaim(nodes[start])) {
            start++;
        }
        List<StepArcs> out = new ArrayList<>();
        for (int i = 0; i < m; ) {
            int u = nodes[(start + i) % m];
            int v = nodes[(start + i + 1) % m];
            if (g.isReclaim(v)) {
                out.add(new StepArcs(g.arc(u, v), g.arc(v, nodes[(start + i + 2) % m])));
                i += 2;
            } else {
                out.add(new StepArcs(g.arc(u, v), null));
                i++;
            }
        }
        return out;
    }

    /**
     * A thread that holds L shared enters reclaim and requests L shared again, behind a queued
     * writer: the cycle is that thread and the writer alone, which {@code reclaim-recursion}
     * reports (see {@link RecursionRule}).
     */
    private static boolean recursiveRead(WaitGraph g, StepArcs sa) {
        Res from = g.node(sa.arc().from);
        Res to = g.node(sa.exit().to);
        return from.kind() == Res.Kind.LOCK_SHARED && to.kind() == Res.Kind.QUEUED_WRITER
                && from.name().equals(to.name());
    }

    /**
     * The step as taken by {@code actor}, or null when no reason of the step is that thread's.
     * {@code next} is the thread of the following step: a shared request that waits for a queued
     * writer names that writer, and a queued writer names the shared holder it waits for.
     */
    private static Step render(Facts facts, ThreadWalker.Walks walks, WaitGraph g, StepArcs sa, Actor actor,
                               Actor next, boolean forceInShrinker) {
        IoRouting io = facts.io();
        if (sa.entersReclaim()) {
            WaitGraph.Entry entry = null;
            for (WaitGraph.Label l : sa.arc().labels) {
                if (l instanceof WaitGraph.Entry e && e.site().actor() == actor) {
                    entry = e;
                    break;
                }
            }
            if (entry == null || !(sa.exit().labels.get(0) instanceof WaitGraph.Exit exit)) {
                return null;
            }
            Res to = g.node(sa.exit().to);
            String text = Messages.reclaimStep(entry.site(), entry.held(), exit.waitAt(), to, io)
                    + behindWriter(to, next);
            return new Step(actor, text, new Related(text, entry.site().stmt().pos()), entry.site(), false);
        }
        Res to = g.node(sa.arc().to);
        for (WaitGraph.Label l : sa.arc().labels) {
            if (l instanceof WaitGraph.Ordinary o && !forceInShrinker && o.waitAt().actor() == actor) {
                String text = o.held().kind() == Res.Kind.QUEUED_WRITER
                        ? Messages.queuedWriterStep(actor.name(), o.held().name(), Messages.inOp(o.waitAt().op()),
                                next.name())
                        : Messages.waitStep(actor.name(), o.held(), o.waitAt().target(), to, io)
                                + Messages.inOp(o.waitAt().op()) + behindWriter(to, next);
                return new Step(actor, text, new Related(text, o.waitAt().stmt().pos()), null, false);
            }
            if (l instanceof WaitGraph.InShrinker s && walks.reclaimsUnder(actor.order(), s.ctx())) {
                String text = s.held().kind() == Res.Kind.QUEUED_WRITER
                        ? Messages.queuedWriterStep(actor.name(), s.held().name(),
                                " in shrinker " + s.waitAt().shrinker().name(), next.name())
                        : Messages.waitStep(actor.name(), s.held(), s.waitAt().target(), to, io)
                                + behindWriter(to, next);
                return new Step(actor, text, new Related(text, s.waitAt().stmt().pos()), null, true);
            }
        }
        return null;
    }

    /** ", queued behind truncate's exclusive request" when the step waits for a queued writer. */
    private static String behindWriter(Res to, Actor next) {
        return to.kind() == Res.Kind.QUEUED_WRITER ? Messages.queuedBehind(next.name()) : "";
    }

    private static int[] first(TreeSet<Integer> set, int k) {
        int[] out = new int[Math.min(k, set.size())];
        int i = 0;
        for (int v : set) {
            if (i == out.length) {
                break;
            }
            out[i++] = v;
        }
        return out;
    }
}
