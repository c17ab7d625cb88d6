package dev.reclaim.analysis.reclaim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.reclaim.findings.Related;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.Decl.Shrinker;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.Permission;

/**
 * {@code layering} and {@code gate-unsound}, which share their question: which sources does
 * Chinner's rule forbid to this allocation?
 *
 * <p>{@code layering}: an allocation that runs direct reclaim belongs to the instances on its
 * layer stack; a shrinker with at least one wait under the allocation's effective context whose
 * owner is {@code on} one of them (transitively; never the instance itself) is forbidden. One
 * finding per thread, allocation statement and shrinker, naming the first stack instance (the
 * served one before the ops' owners) and the shortest {@code on} chain to it.
 *
 * <p>{@code gate-unsound}: the same site and shrinker, when the context has dropped every guard
 * of the stack's layers and the layers above them, yet keeps the shrinker's effective guard. When
 * those layers have no guard at all nothing was dropped and the rule stays silent: there is no
 * projection to call a lie, only a missing gate, which {@code layering} already reports.
 */
final class LayeringRules {
    private LayeringRules() {
    }

    static void check(Facts facts, ThreadWalker.Walks walks, SourceSummary sources, FindingSink sink) {
        Set<SiteKey> layered = new HashSet<>();
        Set<SiteKey> gated = new HashSet<>();
        for (AllocSite site : walks.sites) {
            if (site.stack().isEmpty() || !facts.reclaims(site.effective())) {
                continue;
            }
            SourceSummary.Summary sum = sources.under(site.effective());
            if (sum.withWaits.isEmpty()) {
                continue;
            }
            PermSet guards = null;
            for (String instance : new LinkedHashSet<>(site.stack())) {
                for (Shrinker s : sum.dependentsOf(instance, facts.io())) {
                    SiteKey key = new SiteKey(site.actor(), site.stmt(), s);
                    if (!layered.add(key)) {
                        continue;
                    }
                    List<String> chain = facts.io().onPath(s.owner(), instance);
                    if (chain.size() < 2) {
                        continue;
                    }
                    sink.add(Rule.LAYERING, site.actor().decl(), Messages.layering(site, instance, s, chain),
                            site.stmt().pos(), related(facts, site, s, sum));
                    if (guards == null) {
                        guards = stackGuards(facts, site);
                    }
                    Permission kept = facts.guardOf(s);
                    if (!guards.isEmpty() && site.effective().and(guards).isEmpty() && kept != null
                            && site.effective().has(kept) && gated.add(key)) {
                        sink.add(Rule.GATE_UNSOUND, site.actor().decl(),
                                Messages.gateUnsound(site, facts.vocab().names(guards), kept.name(), s, chain),
                                site.stmt().pos(), related(facts, site, s, sum));
                    }
                }
            }
        }
    }

    private static PermSet stackGuards(Facts facts, AllocSite site) {
        List<String> layers = new ArrayList<>();
        for (String instance : site.stack()) {
            String l = facts.layerOf(instance);
            if (l != null) {
                layers.add(l);
            }
        }
        return facts.guardsAtOrAbove(layers);
    }

    private static List<Related> related(Facts facts, AllocSite site, Shrinker s, SourceSummary.Summary sum) {
        List<Related> out = new ArrayList<>(site.trail());
        out.add(new Related(site.actor().name() + ", " + Messages.allocating(site) + ", runs direct reclaim",
                site.stmt().pos()));
        ShrinkWait w = sum.firstWait(s);
        if (w != null) {
            out.addAll(w.trail());
            out.add(new Related("shrinker " + s.name() + " may wait here under "
                    + facts.vocab().describe(site.effective()), w.stmt().pos()));
        }
        return out;
    }
}
