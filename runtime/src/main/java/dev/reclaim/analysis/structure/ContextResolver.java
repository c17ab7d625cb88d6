package dev.reclaim.analysis.structure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Related;
import dev.reclaim.findings.Rule;
import dev.reclaim.graph.Digraph;
import dev.reclaim.model.ContextDef;
import dev.reclaim.model.Ctx;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.Permission;
import dev.reclaim.model.Vocabulary;

/**
 * Resolves the {@code context} definitions of one file to permission sets (LANGUAGE.md §1) and
 * evaluates context expressions written in place at use sites.
 *
 * <p>Permissions and contexts share one namespace inside expressions, so a context named like a
 * permission is a {@code duplicate-name} error and the name keeps meaning the permission. Names
 * neither defined here nor a permission fall back to contexts already in the vocabulary (imports).
 * Members of a definition cycle resolve to the empty set; definitions that merely use them resolve
 * normally, so one cycle yields one finding.
 */
public final class ContextResolver {

    /** The resolved sets by context name (declaration order) and the findings of the definitions. */
    public record Resolution(Map<String, PermSet> contexts, List<Finding> findings) {
        public Resolution {
            contexts = Collections.unmodifiableMap(new LinkedHashMap<>(contexts));
            findings = List.copyOf(findings);
        }
    }

    private final Vocabulary vocab;
    private final String owner;
    /** First definition of each name: later duplicates are reported and ignored. */
    private final Map<String, ContextDefinition> defs = new LinkedHashMap<>();
    private final List<ContextDefinition> all;
    private Resolution resolution;

    /**
     * @param vocab the permissions (and imported contexts) visible to the definitions
     * @param owner what finding declaration paths start with (the policy's qualified name), or null
     */
    public ContextResolver(Vocabulary vocab, List<ContextDefinition> definitions, String owner) {
        this.vocab = vocab;
        this.owner = owner;
        this.all = List.copyOf(definitions);
        for (ContextDefinition d : all) {
            defs.putIfAbsent(d.name(), d);
        }
    }

    public Resolution resolve() {
        if (resolution == null) {
            resolution = doResolve();
        }
        return resolution;
    }

    /** The resolved definitions as model records, for {@link Vocabulary#addContext}. */
    public List<ContextDef> contextDefs() {
        Map<String, PermSet> sets = resolve().contexts();
        List<ContextDef> out = new ArrayList<>();
        for (ContextDefinition d : defs.values()) {
            out.add(new ContextDef(d.name(), sets.get(d.name()), d.doc(), d.pos()));
        }
        return out;
    }

    /**
     * The set a use-site expression denotes. Unknown names count as the empty set: the front end
     * reports them at the use site (see {@link #unknownNames}).
     */
    public PermSet evaluate(Expr e) {
        Map<String, PermSet> sets = resolve().contexts();
        return eval(e, name -> Optional.ofNullable(sets.get(name)));
    }

    /** A use-site expression as the model's {@link Ctx}: its set and the user's own text. */
    public Ctx ctx(Expr e) {
        return new Ctx(evaluate(e), render(e));
    }

    /** The operands of {@code e} that name neither a permission nor a visible context. */
    public List<Expr.Ref> unknownNames(Expr e) {
        List<Expr.Ref> out = new ArrayList<>();
        collectRefs(e, out);
        out.removeIf(r -> vocab.permission(r.name()).isPresent() || defs.containsKey(r.name())
                || vocab.context(r.name()).isPresent());
        return out;
    }

    /** The expression in source syntax, e.g. {@code KERNEL - fs + io}. */
    public static String render(Expr e) {
        if (e instanceof Expr.None) {
            return "none";
        }
        if (e instanceof Expr.Ref r) {
            return r.name();
        }
        Expr.Binary b = (Expr.Binary) e;
        return render(b.left()) + (b.op() == Expr.Op.ADD ? " + " : " - ") + render(b.right());
    }

    private Resolution doResolve() {
        List<Finding> findings = new ArrayList<>();
        reportDuplicates(findings);
        reportUnknownOperands(findings);
        if (!defs.isEmpty() && vocab.permission("direct").isEmpty()) {
            ContextDefinition first = all.get(0);
            findings.add(finding(Rule.NO_DIRECT, first,
                    "contexts are declared but no permission is named 'direct' (it plays __GFP_DIRECT_RECLAIM)",
                    List.of()));
        }

        List<ContextDefinition> order = new ArrayList<>(defs.values());
        Map<String, Integer> node = new HashMap<>();
        Digraph g = new Digraph();
        for (ContextDefinition d : order) {
            node.put(d.name(), g.addNode());
        }
        for (ContextDefinition d : order) {
            List<Expr.Ref> refs = new ArrayList<>();
            collectRefs(d.expr(), refs);
            for (Expr.Ref r : refs) {
                // A permission of the same name shadows the context in expressions: no edge.
                if (vocab.permission(r.name()).isEmpty() && node.containsKey(r.name())) {
                    g.addEdge(node.get(d.name()), node.get(r.name()));
                }
            }
        }

        Map<String, PermSet> sets = new LinkedHashMap<>();
        reportCycles(g, order, sets, findings);
        for (ContextDefinition d : order) {
            resolveDef(d, sets);
        }
        Map<String, PermSet> ordered = new LinkedHashMap<>();
        for (ContextDefinition d : order) {
            ordered.put(d.name(), sets.get(d.name()));
        }
        return new Resolution(ordered, findings);
    }

    private void reportDuplicates(List<Finding> findings) {
        Map<String, ContextDefinition> seen = new HashMap<>();
        for (ContextDefinition d : all) {
            Optional<Permission> p = vocab.permission(d.name());
            ContextDefinition first = seen.putIfAbsent(d.name(), d);
            if (first != null) {
                findings.add(finding(Rule.DUPLICATE_NAME, d, "duplicate context name '" + d.name()
                        + "' (first declared at line " + first.pos().line() + ")",
                        List.of(new Related("first declaration", first.pos()))));
            } else if (p.isPresent()) {
                findings.add(finding(Rule.DUPLICATE_NAME, d, "context '" + d.name()
                        + "' has the name of a permission: permissions and contexts share one namespace in "
                        + "expressions, where '" + d.name() + "' means the permission",
                        List.of(new Related("permission " + d.name(), p.get().pos()))));
            }
        }
    }

    private void reportUnknownOperands(List<Finding> findings) {
        for (ContextDefinition d : defs.values()) {
            for (Expr.Ref r : unknownNames(d.expr())) {
                findings.add(new Finding(Rule.UNKNOWN_NAME, "unknown permission or context '" + r.name() + "'",
                        r.pos(), List.of(), declaration(d), null));
            }
        }
    }

    /** One finding per cycle, at its first context in declaration order; its members become empty. */
    private void reportCycles(Digraph g, List<ContextDefinition> order, Map<String, PermSet> sets,
                              List<Finding> findings) {
        boolean[] cyclic = g.onCycles(g.components());
        for (int v = 0; v < g.size(); v++) {
            if (cyclic[v]) {
                sets.put(order.get(v).name(), PermSet.NONE);
            }
        }
        for (List<Integer> cycle : g.cyclePerComponent()) {
            List<String> names = new ArrayList<>();
            List<Related> related = new ArrayList<>();
            for (int i = 0; i < cycle.size(); i++) {
                ContextDefinition d = order.get(cycle.get(i));
                names.add(d.name());
                if (i + 1 < cycle.size()) {
                    related.add(new Related(d.name() + " uses " + order.get(cycle.get(i + 1)).name(), d.pos()));
                }
            }
            ContextDefinition first = order.get(cycle.get(0));
            findings.add(finding(Rule.CONTEXT_CYCLE, first, "context " + first.name()
                    + " is defined through itself: " + String.join(" -> ", names), related));
        }
    }

    private PermSet resolveDef(ContextDefinition d, Map<String, PermSet> sets) {
        PermSet done = sets.get(d.name());
        if (done != null) {
            return done;
        }
        // Cycle members are already in sets, so this recursion follows an acyclic graph.
        PermSet value = eval(d.expr(), name -> {
            ContextDefinition dep = defs.get(name);
            return dep == null ? Optional.empty() : Optional.of(resolveDef(dep, sets));
        });
        sets.put(d.name(), value);
        return value;
    }

    private PermSet eval(Expr e, Function<String, Optional<PermSet>> local) {
        if (e instanceof Expr.None) {
            return PermSet.NONE;
        }
        if (e instanceof Expr.Ref r) {
            Optional<Permission> p = vocab.permission(r.name());
            if (p.isPresent()) {
                return PermSet.of(p.get().bit());
            }
            return local.apply(r.name())
                    .or(() -> vocab.context(r.name()).map(ContextDef::perms))
                    .orElse(PermSet.NONE);
        }
        Expr.Binary b = (Expr.Binary) e;
        PermSet left = eval(b.left(), local);
        PermSet right = eval(b.right(), local);
        return b.op() == Expr.Op.ADD ? left.or(right) : left.minus(right);
    }

    private static void collectRefs(Expr e, List<Expr.Ref> out) {
        if (e instanceof Expr.Ref r) {
            out.add(r);
        } else if (e instanceof Expr.Binary b) {
            collectRefs(b.left(), out);
            collectRefs(b.right(), out);
        }
    }

    private Finding finding(Rule rule, ContextDefinition d, String message, List<Related> related) {
        return new Finding(rule, message, d.pos(), related, declaration(d), null);
    }

    private String declaration(ContextDefinition d) {
        return owner == null ? "context " + d.name() : owner + "/context " + d.name();
    }
}
