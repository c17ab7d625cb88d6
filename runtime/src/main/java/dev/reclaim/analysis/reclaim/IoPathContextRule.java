package dev.reclaim.analysis.reclaim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.reclaim.findings.Related;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.Decl.Shrinker;
import dev.reclaim.model.Layer;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.Permission;

/**
 * {@code io-path-context}: a thread that serves an instance may allocate with a context holding
 * the guard of a source whose layer is at or above the served instance's layer. It judges
 * contexts only, whatever the sources wait on; unguarded sources never count. An allocation
 * without {@code direct} is not judged: it never reclaims, so its other bits admit nothing.
 *
 * <p>One finding per server thread, at its first such allocation in walk order, naming the first
 * admitted source in declaration order. The suggested scope is every permission minus the guards
 * of the served layer, the layers above it and the sources at or above it, named by the first
 * declared context equal to it (NOIO for the loop worker of the seed).
 *
 * <p>Per layer, the first source admitted by each permission is precomputed (layers × shrinkers,
 * layers being few), so each allocation is judged in O(permissions).
 */
final class IoPathContextRule {
    private IoPathContextRule() {
    }

    private static final class LayerIndex {
        PermSet mask = PermSet.NONE;
        final Shrinker[] first = new Shrinker[64];
    }

    static void check(Facts facts, ThreadWalker.Walks walks, FindingSink sink) {
        Map<String, LayerIndex> index = buildIndex(facts);
        for (Actor a : facts.actors()) {
            if (!a.isServer()) {
                continue;
            }
            String layer = facts.layerOf(a.serves());
            LayerIndex li = layer == null ? null : index.get(layer);
            if (li == null || li.mask.isEmpty()) {
                continue;
            }
            for (AllocSite site : walks.sitesByActor.getOrDefault(a, List.of())) {
                PermSet admitted = site.effective().and(li.mask);
                if (!facts.reclaims(site.effective()) || admitted.isEmpty()) {
                    continue;
                }
                Shrinker s = null;
                for (int bit = 0; bit < 64; bit++) {
                    Shrinker c = admitted.has(bit) ? li.first[bit] : null;
                    if (c != null && (s == null || facts.order(c) < facts.order(s))) {
                        s = c;
                    }
                }
                Permission guard = facts.guardOf(s);
                PermSet scope = facts.all().minus(facts.guardsAtOrAbove(List.of(layer))).minus(li.mask);
                String message = Messages.ioPathContext(site, layer, s, facts.layerOf(s.owner()), guard.name(),
                        facts.vocab().describe(scope));
                List<Related> related = new java.util.ArrayList<>(site.trail());
                related.add(new Related(a.name() + ", " + Messages.allocating(site) + ", effective "
                        + facts.vocab().describe(site.effective()), site.stmt().pos()));
                related.add(new Related("shrinker " + s.name() + " is guarded by " + guard.name(), s.pos()));
                sink.add(Rule.IO_PATH_CONTEXT, a.decl(), message, site.stmt().pos(), related);
                break;
            }
        }
    }

    private static Map<String, LayerIndex> buildIndex(Facts facts) {
        Map<String, LayerIndex> index = new HashMap<>();
        List<Layer> layers = facts.vocab().layers();
        for (Shrinker s : facts.sys().shrinkers()) {
            Permission guard = facts.guardOf(s);
            String sourceLayer = facts.layerOf(s.owner());
            if (guard == null || sourceLayer == null) {
                continue;
            }
            for (Layer l : layers) {
                if (facts.layers().atOrAbove(sourceLayer, l.name())) {
                    LayerIndex li = index.computeIfAbsent(l.name(), k -> new LayerIndex());
                    li.mask = li.mask.or(PermSet.of(guard.bit()));
                    if (li.first[guard.bit()] == null) {
                        li.first[guard.bit()] = s;
                    }
                }
            }
        }
        return index;
    }
}
