package dev.reclaim.analysis.reclaim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.reclaim.findings.Related;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.Decl.Shrinker;
import dev.reclaim.model.PermSet;

/**
 * {@code reclaim-recursion}: an allocation whose reclaim may wait for something the allocating
 * thread itself holds. Two kinds of self-wait count: a lock the thread holds that the shrinker
 * requests in a conflicting mode (shared/shared does not conflict), and IO the shrinker waits for
 * that queues, through the {@code on} edges, for an instance the thread serves. Mempool elements
 * are left to {@code mempool-double} and {@code reclaim-cycle}: a pool with spare elements does
 * not block its holder.
 *
 * <p>Recursive read on a writer-preferring rwsem: a thread that holds L shared and whose reclaim
 * requests L shared again does not conflict with itself, but Linux queues that request behind any
 * writer already waiting for L, and the writer waits for the thread's own shared hold. This is
 * reported here, like lockdep reports recursive {@code down_read}, when the system has another
 * thread that may request L exclusively: a thread or workqueue with an exclusive {@code lock L},
 * or another thread (kswapd included) that reclaims under a context in which a shrinker requests L
 * exclusively. The message names the earliest-declared such writer. Without one, or on a
 * reader-preferring rwsem, shared/shared is never reported: the system declares every thread, so
 * no writer can appear. {@code reclaim-cycle} leaves that two-thread cycle (the reader and the
 * writer) to this rule, so it is reported once, at the allocation.
 *
 * <p>One finding per thread, allocation statement and shrinker, naming the first offending wait
 * of that shrinker in walk order; it is declared on the thread even when the allocation is in an
 * op, because the thread's situation (what it holds, what it serves) makes it wrong.
 */
final class RecursionRule {
    private RecursionRule() {
    }

    /** {@code writer} is set for a recursive read that queues behind that writer. */
    private record Offense(ShrinkWait waitAt, HeldItem lock, Writer writer) {
    }

    /** A thread that may request a lock exclusively, where (for the related locations). */
    private record Writer(Actor actor, Related where) {
    }

    /**
     * The threads that may wait for each writer-preferring rwsem exclusively, computed on first
     * use: per lock the two earliest-declared, which is enough to find one other than any thread.
     */
    private static final class Writers {
        private final Facts facts;
        private final ThreadWalker.Walks walks;
        private final SourceSummary sources;
        private Map<String, TreeMap<Integer, Writer>> byLock;

        Writers(Facts facts, ThreadWalker.Walks walks, SourceSummary sources) {
            this.facts = facts;
            this.walks = walks;
            this.sources = sources;
        }

        /** The earliest-declared writer of {@code lock} other than {@code self}, or null. */
        Writer other(String lock, Actor self) {
            if (byLock == null) {
                build();
            }
            TreeMap<Integer, Writer> ws = byLock.get(lock);
            if (ws != null) {
                for (Writer w : ws.values()) {
                    if (w.actor() != self) {
                        return w;
                    }
                }
            }
            return null;
        }

        private void build() {
            byLock = new HashMap<>();
            for (ActorWait w : walks.waits) {
                if (w.target() instanceof WaitTarget.OnLock l && l.queuesAsWriter()) {
                    put(l.lock(), new Writer(w.actor(), new Related(w.actor().name() + " requests " + l.lock()
                            + " exclusively here", w.stmt().pos())));
                }
            }
            for (PermSet ctx : walks.contexts()) {
                for (ShrinkWait w : sources.under(ctx).waits) {
                    if (w.target() instanceof WaitTarget.OnLock l && l.queuesAsWriter()) {
                        for (int order : walks.reclaimers(ctx)) {
                            Actor a = facts.actors().get(order);
                            if (!put(l.lock(), new Writer(a, new Related(a.name() + ", in reclaim, may request "
                                    + l.lock() + " exclusively in shrinker " + w.shrinker().name(), w.stmt().pos())))) {
                                break;
                            }
                        }
                    }
                }
            }
        }

        /** Keeps the two earliest actors per lock; false when {@code w} (and later ones) cannot be kept. */
        private boolean put(String lock, Writer w) {
            TreeMap<Integer, Writer> ws = byLock.computeIfAbsent(lock, k -> new TreeMap<>());
            ws.putIfAbsent(w.actor().order(), w);
            if (ws.size() > 2) {
                int last = ws.lastKey();
                ws.remove(last);
                return last != w.actor().order();
            }
            return true;
        }
    }

    static void check(Facts facts, ThreadWalker.Walks walks, SourceSummary sources, FindingSink sink) {
        Set<SiteKey> done = new HashSet<>();
        Writers writers = new Writers(facts, walks, sources);
        for (AllocSite site : walks.sites) {
            if (!facts.reclaims(site.effective())) {
                continue;
            }
            SourceSummary.Summary sum = sources.under(site.effective());
            if (sum.waits.isEmpty()) {
                continue;
            }
            Map<Shrinker, Offense> first = new IdentityHashMap<>();
            for (HeldItem h : site.held().items()) {
                if (!h.res().isLock()) {
                    continue;
                }
                for (ShrinkWait w : sum.onLock(h.res().name())) {
                    WaitTarget.OnLock l = (WaitTarget.OnLock) w.target();
                    if (l.conflictsWith(h)) {
                        offer(first, new Offense(w, h, null));
                    } else if (h.shared() && l.queuesBehindWriters()) {
                        Writer writer = writers.other(l.lock(), site.actor());
                        if (writer != null) {
                            offer(first, new Offense(w, h, writer));
                        }
                    }
                }
            }
            if (site.actor().isServer()) {
                for (ShrinkWait w : sum.onServed(site.actor().serves())) {
                    offer(first, new Offense(w, null, null));
                }
            }
            List<Offense> found = new ArrayList<>(first.values());
            found.sort(Comparator.comparingInt(o -> facts.order(o.waitAt().shrinker())));
            for (Offense o : found) {
                if (done.add(new SiteKey(site.actor(), site.stmt(), o.waitAt().shrinker()))) {
                    report(facts, site, o, sink);
                }
            }
        }
    }

    private static void offer(Map<Shrinker, Offense> first, Offense o) {
        first.merge(o.waitAt().shrinker(), o, (a, b) -> a.waitAt().seq() <= b.waitAt().seq() ? a : b);
    }

    private static void report(Facts facts, AllocSite site, Offense o, FindingSink sink) {
        ShrinkWait w = o.waitAt();
        List<Related> related = new ArrayList<>(site.trail());
        related.add(new Related(site.actor().name() + ", " + Messages.allocating(site) + ", runs direct reclaim",
                site.stmt().pos()));
        related.addAll(w.trail());
        String message;
        if (o.lock() != null) {
            related.add(new Related("shrinker " + w.shrinker().name() + " waits for " + o.lock().res().name(),
                    w.stmt().pos()));
            related.add(new Related(site.actor().name() + " took " + o.lock().res().name() + " here", o.lock().at()));
            if (o.writer() != null) {
                related.add(o.writer().where());
            }
            message = Messages.recursionOnLock(site, w, o.lock(), o.writer() == null ? null : o.writer().actor().name());
        } else {
            String instance = ((WaitTarget.OnIo) w.target()).instance();
            List<String> hops = facts.io().ioPath(instance, site.actor().serves());
            if (hops.isEmpty()) {
                hops = List.of(instance, site.actor().serves());
            }
            related.add(new Related("shrinker " + w.shrinker().name() + " waits for IO on " + instance
                    + ", which queues for " + site.actor().name(), w.stmt().pos()));
            message = Messages.recursionOnIo(site, w, hops);
        }
        sink.add(Rule.RECLAIM_RECURSION, site.actor().decl(), message, site.stmt().pos(), related);
    }
}
