package dev.reclaim.analysis.reclaim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.reclaim.findings.Related;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.Decl.Shrinker;
import dev.reclaim.model.Permission;
import dev.reclaim.model.Stmt;

/**
 * {@code upward-gate}: a shrinker tests a permission that guards a layer strictly above its
 * owner's layer. Testing the guard of its own layer, or its own declared guard, is the normal
 * gate and never reported, even when a layer above happens to share that permission.
 *
 * <p>The rule reads the shrinker's own {@code count} and {@code scan} (nested blocks included) as
 * written, whatever any context would make of them: it judges gates, not waits. Tests inside ops
 * the shrinker calls are the ops' business and not counted. One finding per shrinker and
 * permission, at the first such {@code if}, with every such {@code if} as a related location.
 */
final class UpwardGateRule {
    private UpwardGateRule() {
    }

    static void check(Facts facts, FindingSink sink) {
        for (Shrinker s : facts.sys().shrinkers()) {
            String layer = facts.layerOf(s.owner());
            if (layer == null) {
                continue;
            }
            String ownGuard = facts.layers().guard(layer);
            Permission effective = facts.guardOf(s);
            Map<String, List<Stmt.If>> tests = new LinkedHashMap<>();
            if (s.count() != null) {
                collect(s.count(), tests);
            }
            collect(s.scan(), tests);
            for (Map.Entry<String, List<Stmt.If>> e : tests.entrySet()) {
                String perm = e.getKey();
                if (perm.equals(ownGuard) || (effective != null && perm.equals(effective.name()))) {
                    continue;
                }
                String above = facts.layers().nearestAboveGuardedBy(layer, perm);
                if (above == null) {
                    continue;
                }
                List<Related> related = new ArrayList<>();
                for (Stmt.If i : e.getValue()) {
                    related.add(new Related("shrinker " + s.name() + " tests " + perm, i.pos()));
                }
                sink.add(Rule.UPWARD_GATE, s, Messages.upwardGate(s, layer, perm, above),
                        e.getValue().get(0).pos(), related);
            }
        }
    }

    private static void collect(List<Stmt> body, Map<String, List<Stmt.If>> out) {
        for (Stmt st : body) {
            if (st instanceof Stmt.If i) {
                if (i.permission() != null) {
                    out.computeIfAbsent(i.permission(), k -> new ArrayList<>()).add(i);
                }
                collect(i.then(), out);
                collect(i.orElse(), out);
            } else if (st instanceof Stmt.Scope sc) {
                collect(sc.body(), out);
            } else if (st instanceof Stmt.TryLock t && t.orElse() != null) {
                collect(t.orElse(), out);
            }
        }
    }
}
