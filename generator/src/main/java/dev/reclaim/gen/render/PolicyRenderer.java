package dev.reclaim.gen.render;

import java.util.ArrayList;
import java.util.List;

import dev.reclaim.gen.model.GenModel.ContextConst;
import dev.reclaim.gen.model.GenModel.LayerConst;
import dev.reclaim.gen.model.GenModel.PermConst;
import dev.reclaim.gen.model.GenModel.PolicyUnit;

/**
 * Prints a policy's enforcement code: its permission, context and layer constants (one class each,
 * because names of different kinds may coincide: {@code permission fs} and {@code layer fs}) and
 * the facade over {@code dev.reclaim.enforce} that builds the policy tables once.
 */
final class PolicyRenderer {

    List<JavaFile> render(PolicyUnit p) {
        return List.of(permissions(p), contexts(p), layers(p), facade(p));
    }

    static JavaText start(PolicyUnit p) {
        JavaText t = new JavaText();
        t.line(JavaFile.MARK + JavaText.doc(p.file()) + ". Do not edit.");
        t.line("package " + p.pkg() + ";");
        t.line("");
        return t;
    }

    private JavaFile permissions(PolicyUnit p) {
        JavaText t = start(p);
        t.javadoc("The permissions of policy " + JavaText.code(p.policy()) + " as bit masks: bit {@code i} is the "
                + "{@code i}-th declared permission, as in every mask " + JavaText.code("dev.reclaim.enforce")
                + " takes.");
        t.line("public final class " + p.permissionsClass() + " {").in();
        for (PermConst c : p.permissions()) {
            t.javadoc(List.of("Permission " + JavaText.code(c.name()) + " (bit " + c.bit() + ")."
                    + (c.doc() == null ? "" : " " + JavaText.doc(c.doc()))));
            t.line("public static final int " + c.constant() + " = 1 << " + c.bit() + ";");
            t.line("");
        }
        t.line("/** Not instantiated: static members only. */");
        t.line("private " + p.permissionsClass() + "() {").line("}");
        t.out().line("}");
        return new JavaFile(p.pkg(), p.permissionsClass(), false, t.toString());
    }

    private JavaFile contexts(PolicyUnit p) {
        JavaText t = start(p);
        t.line("import static " + p.pkg() + "." + p.permissionsClass() + ".*;");
        t.line("");
        t.javadoc("The named contexts of policy " + JavaText.code(p.policy()) + ": sets of permissions of "
                + "{@link " + p.permissionsClass() + "}, for {@code save}, {@code scope} and {@code allocating}.");
        t.line("public final class " + p.contextsClass() + " {").in();
        for (ContextConst c : p.contexts()) {
            String perms = c.permissions().isEmpty() ? "none" : String.join(" + ", c.permissions());
            t.javadoc(List.of("Context " + JavaText.code(c.name()) + ": " + perms + "."
                    + (c.doc() == null ? "" : " " + JavaText.doc(c.doc()))));
            t.line("public static final int " + c.constant() + " = "
                    + (c.permissions().isEmpty() ? "0" : String.join(" | ", c.permissions())) + ";");
            t.line("");
        }
        t.line("/** Not instantiated: static members only. */");
        t.line("private " + p.contextsClass() + "() {").line("}");
        t.out().line("}");
        return new JavaFile(p.pkg(), p.contextsClass(), false, t.toString());
    }

    private JavaFile layers(PolicyUnit p) {
        JavaText t = start(p);
        t.javadoc("The layers of policy " + JavaText.code(p.policy()) + " as indices (a layer comes after every "
                + "layer it is below), and the guard table: the permission reclaim into a layer's sources requires.");
        t.line("public final class " + p.layersClass() + " {").in();
        for (LayerConst l : p.layers()) {
            String where = l.below().isEmpty() ? "" : ", below "
                    + String.join(", ", l.below().stream().map(b -> "{@link #" + b + "}").toList());
            String guard = l.guard() == null ? "unguarded"
                    : "guarded by {@link " + p.permissionsClass() + "#" + l.guard() + "}";
            t.javadoc(List.of("Layer " + JavaText.code(l.name()) + " (" + guard + where + ")."
                    + (l.doc() == null ? "" : " " + JavaText.doc(l.doc()))));
            t.line("public static final int " + l.constant() + " = " + l.index() + ";");
            t.line("");
        }
        t.line("/** Guard permission mask per layer index; 0 when unguarded. */");
        List<String> guards = new ArrayList<>();
        for (LayerConst l : p.layers()) {
            guards.add(l.guard() == null ? "0" : p.permissionsClass() + "." + l.guard());
        }
        t.line("private static final int[] GUARDS = { " + String.join(", ", guards) + (guards.isEmpty() ? "" : " ")
                + "};");
        t.line("");
        t.line("/** Not instantiated: static members only. */");
        t.line("private " + p.layersClass() + "() {").line("}");
        t.line("");
        t.javadoc("The guard permission mask of {@code layer} (0: unguarded).",
                "@param layer one of this class's constants",
                "@return the mask of {@link " + p.permissionsClass() + "} bits");
        t.line("public static int guard(int layer) {").in();
        t.line("return GUARDS[layer];");
        t.out().line("}");
        t.out().line("}");
        return new JavaFile(p.pkg(), p.layersClass(), false, t.toString());
    }

    private JavaFile facade(PolicyUnit p) {
        return new JavaFile(p.pkg(), p.facade(), false, new FacadeRenderer(p).render());
    }
}
