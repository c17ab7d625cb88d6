package dev.reclaim.analysis.reclaim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.reclaim.graph.Digraph;
import dev.reclaim.model.PermSet;

/**
 * The may-wait-for graph over resources: an arc X → Y means "some thread may hold X while it
 * waits for Y". Each arc keeps every reason (label) it was added for, in the order found, because
 * a cycle is only real when its steps can be taken by pairwise distinct threads and the labels
 * say which threads can take each step.
 *
 * <p>Reclaim is compressed through one virtual node per distinct reclaim context E (with kswapd's
 * widest context among them): a thread that holds X where it allocates under E gives X → R(E)
 * ({@link Entry}), and every wait the shrinkers have under E gives R(E) → Y ({@link Exit}). A
 * path X → R(E) → Y is one step, taken by the allocating thread, and it is exact: whoever reclaims
 * under E can reach every wait of the summary for E. This keeps the graph linear in sites plus
 * shrinker waits instead of their product. Inside a shrinker, a lock L the shrinker took while it
 * waits for Y gives L → Y ({@link InShrinker}), a step any thread reclaiming under E may take.
 * Reclaim nodes get the lowest node numbers so that cycle enumeration starts at them.
 *
 * <p>Writer preference of an rwsem L (LANGUAGE.md §2: a {@code shared} request blocks while a
 * writer holds L <em>or waits for it</em>) goes through a virtual node {@code QUEUED(L)}, "a
 * writer queued on L", that a thread provides while it waits for L exclusively: every exclusive
 * request on a writer-preferring L gives QUEUED(L) → L-shared, labelled with the requesting thread
 * ({@link Ordinary}) or, in a shrinker, with whoever reclaims under the context
 * ({@link InShrinker}); every shared request on such an L waits for QUEUED(L) besides the
 * exclusive node. A shared waiter, a queued writer and a shared holder are then three steps that
 * need three distinct threads, as in Linux. QUEUED(L) leads only to the shared node: a queued
 * writer also waits for an exclusive holder, but the shared waiter behind it waits for that holder
 * directly, so such a path would only repeat a shorter cycle with one more thread. Mutexes and
 * reader-preferring rwsems have no such node and are modelled exactly as before.
 *
 * <p>A server always holds the service of its instance, so each of its waits and allocations is
 * also an arc from {@code SERVE(I)}. Self-loops (a thread waiting for what it holds itself) are
 * left out: that is {@code reclaim-recursion}'s business, or a plain self-deadlock.
 */
final class WaitGraph {
    sealed interface Label {
    }

    /**
     * {@code waitAt.actor()} holds {@code held} and waits, outside reclaim; {@code held} is
     * QUEUED(L) when the wait is the thread's exclusive request on L itself.
     */
    record Ordinary(ActorWait waitAt, Res held) implements Label {
    }

    /** {@code site.actor()} holds {@code held} and allocates: it enters reclaim. */
    record Entry(AllocSite site, Res held) implements Label {
    }

    /** Reclaim under the context may reach {@code waitAt}. */
    record Exit(ShrinkWait waitAt) implements Label {
    }

    /**
     * A thread reclaiming under {@code ctx} holds {@code held}, taken in the shrinker, at
     * {@code waitAt}; or {@code held} is QUEUED(L) and {@code waitAt} is the shrinker's exclusive
     * request on L.
     */
    record InShrinker(ShrinkWait waitAt, Res held, PermSet ctx) implements Label {
    }

    static final class Arc {
        final int from;
        final int to;
        final List<Label> labels = new ArrayList<>();

        Arc(int from, int to) {
            this.from = from;
            this.to = to;
        }
    }

    final Digraph graph = new Digraph();
    private final List<Res> nodes = new ArrayList<>();
    private final Map<Res, Integer> ids = new HashMap<>();
    private final Map<Long, Arc> arcs = new HashMap<>();

    private WaitGraph() {
    }

    Res node(int id) {
        return nodes.get(id);
    }

    boolean isReclaim(int id) {
        return nodes.get(id).kind() == Res.Kind.RECLAIM;
    }

    Arc arc(int from, int to) {
        return arcs.get(key(from, to));
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    private int id(Res r) {
        Integer id = ids.get(r);
        if (id == null) {
            id = graph.addNode();
            nodes.add(r);
            ids.put(r, id);
        }
        return id;
    }

    private void add(Res x, Res y, Label label) {
        if (x.equals(y)) {
            return;
        }
        int from = id(x);
        int to = id(y);
        Arc a = arcs.get(key(from, to));
        if (a == null) {
            a = new Arc(from, to);
            arcs.put(key(from, to), a);
            graph.addEdge(from, to);
        }
        a.labels.add(label);
    }

    /** What a thread holds at a point: the service it provides, then its locks and pool elements. */
    private static List<Res> held(Actor a, Held h) {
        List<Res> out = new ArrayList<>(h.items().size() + 1);
        if (a.isServer()) {
            out.add(Res.serve(a.serves()));
        }
        for (HeldItem i : h.items()) {
            if (!out.contains(i.res())) {
                out.add(i.res());
            }
        }
        return out;
    }

    static WaitGraph build(Facts facts, ThreadWalker.Walks walks, SourceSummary sources) {
        WaitGraph g = new WaitGraph();
        for (PermSet e : walks.contexts()) {
            g.id(Res.reclaim(e.bits()));
        }
        for (ActorWait w : walks.waits) {
            if (w.target() instanceof WaitTarget.OnLock l && l.queuesAsWriter()) {
                Res queued = Res.queuedWriter(l.lock());
                g.add(queued, Res.lock(l.lock(), true), new Ordinary(w, queued));
            }
            List<Res> targets = w.target().nodes();
            if (targets.isEmpty()) {
                continue;
            }
            for (Res x : held(w.actor(), w.held())) {
                for (Res y : targets) {
                    g.add(x, y, new Ordinary(w, x));
                }
            }
        }
        for (AllocSite s : walks.sites) {
            if (!facts.reclaims(s.effective())) {
                continue;
            }
            Res r = Res.reclaim(s.effective().bits());
            for (Res x : held(s.actor(), s.held())) {
                g.add(x, r, new Entry(s, x));
            }
        }
        for (PermSet e : walks.contexts()) {
            Res r = Res.reclaim(e.bits());
            for (ShrinkWait w : sources.under(e).waits) {
                if (w.target() instanceof WaitTarget.OnLock l && l.queuesAsWriter()) {
                    Res queued = Res.queuedWriter(l.lock());
                    g.add(queued, Res.lock(l.lock(), true), new InShrinker(w, queued, e));
                }
                for (Res y : w.target().nodes()) {
                    g.add(r, y, new Exit(w));
                    for (HeldItem h : w.inside().items()) {
                        g.add(h.res(), y, new InShrinker(w, h.res(), e));
                    }
                }
            }
        }
        return g;
    }
}
