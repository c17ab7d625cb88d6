package dev.reclaim.gen.render;

import java.util.List;

import dev.reclaim.gen.model.GenModel.ContextConst;
import dev.reclaim.gen.model.GenModel.LayerConst;
import dev.reclaim.gen.model.GenModel.PermConst;
import dev.reclaim.gen.model.GenModel.PolicyUnit;

/**
 * Prints a policy's facade: the {@code dev.reclaim.enforce.Policy} tables built once (installed by
 * the static initialiser, so that touching the facade is enough), the scope and allocation calls
 * user code makes, and one instance factory per layer, whose Javadoc is the layer's doc comment.
 * Each method only delegates: the facade adds names, not behaviour.
 */
final class FacadeRenderer {
    private final PolicyUnit p;
    private final JavaText t;

    FacadeRenderer(PolicyUnit p) {
        this.p = p;
        this.t = PolicyRenderer.start(p);
    }

    String render() {
        t.line("import dev.reclaim.enforce.Instance;");
        t.line("import dev.reclaim.enforce.Mode;");
        t.line("import dev.reclaim.enforce.Policy;");
        t.line("import dev.reclaim.enforce.Reclaim;");
        t.line("import dev.reclaim.enforce.Shrinker;");
        t.line("import dev.reclaim.enforce.ShrinkerRegistry;");
        t.line("");
        ContextConst widest = widest(p.contexts(), null);
        ContextConst narrower = widest(p.contexts(), widest);
        String alloc = widest == null ? "KERNEL" : widest.constant();
        String scope = narrower == null ? alloc : narrower.constant();
        t.javadoc(List.of("Run-time enforcement of policy " + JavaText.code(p.policy()) + ".",
                p.doc() == null ? "" : JavaText.doc(p.doc()),
                "Constants: {@link " + p.permissionsClass() + "}, {@link " + p.contextsClass() + "}, {@link "
                        + p.layersClass() + "}. Loading this class installs {@link #POLICY} in the mode of the "
                        + "{@code reclaim.mode} system property (see {@code dev.reclaim.enforce}).",
                "<pre>{@code\nint saved = " + p.facade() + ".save(" + p.contextsClass() + "." + scope
                        + ");\ntry {\n    allocate(" + p.facade() + ".allocating(" + p.contextsClass() + "." + alloc
                        + "));\n} finally {\n    " + p.facade() + ".restore(saved);\n}\n}</pre>"));
        t.line("public final class " + p.facade() + " {").in();
        policyTables();
        t.line("/** Not instantiated: static members only. */");
        t.line("private " + p.facade() + "() {").line("}");
        t.line("");
        delegates();
        for (LayerConst l : p.layers()) {
            t.line("");
            t.javadoc(List.of("An instance of layer " + JavaText.code(l.name()) + "."
                            + (l.doc() == null ? "" : " " + JavaText.doc(l.doc())),
                    "@param name how messages name the instance",
                    "@return the instance, for {@link #enter}, {@link #serving} and {@link #register}"));
            t.line("public static Instance " + l.method() + "(String name) {").in();
            t.line("return Instance.of(" + p.layersClass() + "." + l.constant() + ", name);");
            t.out().line("}");
        }
        t.out().line("}");
        return t.toString();
    }

    private void policyTables() {
        t.javadoc("The policy tables: permissions in bit order, named contexts, layers with guard and "
                + "{@code below} order.");
        t.line("public static final Policy POLICY = Policy.builder(" + JavaText.literal(p.policy()) + ")").in().in();
        for (PermConst c : p.permissions()) {
            t.line(".permission(" + JavaText.literal(c.name()) + ")");
        }
        for (ContextConst c : p.contexts()) {
            t.line(".context(" + JavaText.literal(c.name()) + ", " + p.contextsClass() + "." + c.constant() + ")");
        }
        for (LayerConst l : p.layers()) {
            StringBuilder b = new StringBuilder(".layer(" + JavaText.literal(l.name()) + ", "
                    + (l.guard() == null ? "0" : p.permissionsClass() + "." + l.guard()));
            for (String below : l.below()) {
                b.append(", ").append(p.layersClass()).append('.').append(below);
            }
            t.line(b.append(")").toString());
        }
        t.line(".build();").out().out();
        t.line("");
        t.line("static {").in();
        t.line("Reclaim.install(POLICY, Reclaim.mode());");
        t.out().line("}");
        t.line("");
    }

    /**
     * The context with the most permissions (the first on a tie), among those strictly inside
     * {@code within} when it is given: the example allocates with the widest context inside a scope
     * of the next narrower one, as GFP_KERNEL inside memalloc_nofs_save.
     */
    static ContextConst widest(List<ContextConst> contexts, ContextConst within) {
        ContextConst best = null;
        for (ContextConst c : contexts) {
            boolean inside = within == null || within.permissions().containsAll(c.permissions())
                    && c.permissions().size() < within.permissions().size();
            if (inside && (best == null || c.permissions().size() > best.permissions().size())) {
                best = c;
            }
        }
        return best;
    }

    /** The enforcement calls, named as in {@code dev.reclaim.enforce.Reclaim}. */
    private void delegates() {
        method("Installs {@link #POLICY} again, with a fresh shrinker registry, in {@code mode}.",
                "@param mode what a violation does", "void install(Mode mode)", "Reclaim.install(POLICY, mode);");
        method("Opens a scope, like {@code memalloc_nofs_save}: allocations until the matching "
                        + "{@link #restore} are narrowed to {@code context}. Scopes only narrow.",
                "@param context a mask of {@link " + p.contextsClass() + "} or {@link " + p.permissionsClass() + "}",
                "@return the token to pass to {@link #restore}", "int save(int context)",
                "return Reclaim.save(context);");
        method("Closes the scope {@code saved} came from, like {@code memalloc_nofs_restore}; LIFO.",
                "@param saved the token {@link #save} returned", "void restore(int saved)", "Reclaim.restore(saved);");
        method("{@link #save} and {@link #restore} as try-with-resources.",
                "@param context the mask to narrow to", "@return the handle whose {@code close} restores",
                "Reclaim.Scope scope(int context)", "return Reclaim.scope(context);");
        method("The context an allocation asking for {@code context} may use: narrowed by every open scope, and "
                        + "checked against the policy in the installed mode.",
                "@param context the allocation's own mask, e.g. {@link " + p.contextsClass() + "}",
                "@return the effective mask to allocate with", "int allocating(int context)",
                "return Reclaim.allocating(context);");
        method("This thread now works for {@code instance} (its layer joins the thread's layer stack).",
                "@param instance from one of this class's layer factories",
                "@return the handle whose {@code close} leaves it", "Reclaim.LayerEntry enter(Instance instance)",
                "return Reclaim.enter(instance);");
        method("This thread serves {@code instance}'s IO queue (and works for it).",
                "@param instance the instance served", "@return the handle whose {@code close} stops serving",
                "Reclaim.LayerEntry serving(Instance instance)", "return Reclaim.serving(instance);");
        method("Registers a shrinker of {@code owner}, guarded by the guard of {@code owner}'s layer "
                        + "({@link " + p.layersClass() + "#guard}): a reclaim pass calls it only when its context "
                        + "holds that permission.",
                "@param name how messages name it", "@param owner the instance whose cache it shrinks",
                "@param shrinker frees up to the given number of pages",
                "@return the registration, to declare what it takes or to unregister",
                "ShrinkerRegistry.Registration register(String name, Instance owner, Shrinker shrinker)",
                "return Reclaim.shrinkers().register(name, owner, shrinker);");
        method("Registers a shrinker of {@code owner} with its own guard, as {@code shrinker ... guarded by P} "
                        + "or {@code unguarded} declares it.",
                "@param name how messages name it", "@param owner the instance whose cache it shrinks",
                "@param guard a {@link " + p.permissionsClass() + "} mask; 0 for unguarded (clean page cache)",
                "@param shrinker frees up to the given number of pages",
                "@return the registration, to declare what it takes or to unregister",
                "ShrinkerRegistry.Registration register(String name, Instance owner, int guard, Shrinker shrinker)",
                "return Reclaim.shrinkers().register(name, owner, guard, shrinker);");
    }

    private void method(String... parts) {
        String body = parts[parts.length - 1];
        String signature = parts[parts.length - 2];
        t.javadoc(List.of(parts).subList(0, parts.length - 2));
        t.line("public static " + signature + " {").in();
        t.line(body);
        t.out().line("}");
        if (!signature.contains("int guard")) {
            t.line("");
        }
    }
}
