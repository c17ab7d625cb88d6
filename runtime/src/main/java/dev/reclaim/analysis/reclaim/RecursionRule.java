package dev.reclaim.analysis.reclaim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.reclaim.findings.Related;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.Decl.Shrinker;

/**
 * {@code reclaim-recursion}: an allocation whose reclaim may wait for something the allocating
 * thread itself holds. Two kinds of self-wait count: a lock the thread holds that the shrinker
 * requests in a conflicting mode (shared/shared does not conflict), and IO the shrinker waits for
 * that queues, through the {@code on} edges, for an instance the thread serves. Mempool elements
 * are left to {@code mempool-double} and {@code reclaim-cycle}: a pool with spare elements does
 * not block its holder.
 *
 * <p>One finding per thread, allocation statement and shrinker, naming the first offending wait
 * of that shrinker in walk order; it is declared on the thread even when the allocation is in an
 * op, because the thread's situation (what it holds, what it serves) makes it wrong.
 */
final class RecursionRule {
    private RecursionRule() {
    }

    private record Offense(ShrinkWait waitAt, HeldItem lock) {
    }

    static void check(Facts facts, ThreadWalker.Walks walks, SourceSummary sources, FindingSink sink) {
        Set<SiteKey> done = new HashSet<>();
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
                    if (((WaitTarget.OnLock) w.target()).conflictsWith(h)) {
                        offer(first, new Offense(w, h));
                    }
                }
            }
            if (site.actor().isServer()) {
                for (ShrinkWait w : sum.onServed(site.actor().serves())) {
                    offer(first, new Offense(w, null));
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
            message = Messages.recursionOnLock(site, w, o.lock());
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
