package dev.reclaim.gen.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.model.ContextDef;
import dev.reclaim.model.Layer;
import dev.reclaim.model.Permission;
import dev.reclaim.model.SystemModel;
import dev.reclaim.model.Vocabulary;

/**
 * Decides every name of the output ({@link GenModel}) from checked files: packages, class names,
 * constant names. Inputs are taken in the order given and declarations in declaration order, so the
 * same input always gets the same names; a clash is resolved in favour of whoever came first.
 */
public final class GenModelBuilder {
    /** Run-time masks are {@code int}s (like {@code gfp_t}): the enforcement library's limit. */
    static final int MAX_PERMISSIONS = 32;

    /**
     * Simple names generated code imports or relies on from {@code java.lang}: a generated class
     * must not shadow them.
     */
    private static final String[] TAKEN_TYPES = { "Policy", "Reclaim", "Mode", "Instance", "Shrinker",
        "ShrinkerRegistry", "SystemModel", "Vocabulary", "SourceFile", "SystemBuilder", "VocabularyBuilder", "Decl",
        "Checker", "Simulator", "SimResult", "HungTaskDump", "Progress", "Test", "Assertions", "List", "Set", "TreeSet",
        "String", "Object", "System", "Override", "SuppressWarnings", "Deprecated", "Math", "Integer", "Long",
        "Boolean", "Character", "Byte", "Short", "Float", "Double", "Number", "Void", "StringBuilder", "Class",
        "Thread", "Runnable", "Throwable", "Exception", "RuntimeException", "Error", "Enum", "Record", "Iterable",
        "Comparable", "Runtime", "Process", "Module", "Package", "ClassLoader", "FunctionalInterface", "SafeVarargs" };

    /** The facade's own methods, and {@code Object}'s: a layer's factory method must not clash with them. */
    private static final String[] FACADE_METHODS = { "install", "policy", "save", "restore", "scope", "allocating",
        "current", "enter", "serving", "register", "shrinkers", "locked", "unlocked", "waitingOnIo", "name",
        "instance", "getClass", "hashCode", "equals", "toString", "notify", "notifyAll", "wait", "clone",
        "finalize" };

    /** A policy that cannot be generated although it checks clean, located at its file. */
    public static final class GenerateException extends Exception {
        private static final long serialVersionUID = 1L;

        GenerateException(String message) {
            super(message);
        }
    }

    private final String packageOverride;
    private final Map<String, JavaNames.Scope> types = new HashMap<>();

    /** @param packageOverride the {@code --package}, or null for each policy's own package */
    public GenModelBuilder(String packageOverride) {
        this.packageOverride = packageOverride;
    }

    public GenModel build(List<FileReport> reports) throws GenerateException {
        List<GenModel.PolicyUnit> units = new ArrayList<>();
        for (FileReport r : reports) {
            units.add(policy(r));
        }
        return new GenModel(units);
    }

    private GenModel.PolicyUnit policy(FileReport r) throws GenerateException {
        FileReport.Policy p = r.policy();
        if (p == null || p.name() == null) {
            throw new GenerateException(r.file() + ": no policy to generate");
        }
        Vocabulary v = p.vocab();
        if (v.permissions().size() > MAX_PERMISSIONS) {
            throw new GenerateException(r.file() + ": policy " + p.name() + " declares " + v.permissions().size()
                    + " permissions; run-time enforcement masks are ints and hold at most " + MAX_PERMISSIONS);
        }
        if (v.permission("direct").isEmpty()) {
            throw new GenerateException(r.file() + ": policy " + p.name() + " declares no permission 'direct': "
                    + "run-time enforcement needs it (an allocation reclaims only with it)");
        }
        String pkg = packageOverride != null ? packageOverride : JavaNames.packageOf(p.name());
        JavaNames.Scope typeScope = types.computeIfAbsent(pkg, k -> new JavaNames.Scope("", TAKEN_TYPES));
        String[] segments = p.name().split("\\.");
        String stem = typeScope.claimGroup(JavaNames.type(segments[segments.length - 1]), "", "Permissions",
                "Contexts", "Layers");

        JavaNames.Scope permNames = new JavaNames.Scope("_");
        Map<String, String> permConst = new LinkedHashMap<>();
        List<GenModel.PermConst> perms = new ArrayList<>();
        for (Permission perm : v.permissions()) {
            String c = permNames.claim(JavaNames.constant(perm.name()));
            permConst.put(perm.name(), c);
            perms.add(new GenModel.PermConst(perm.name(), c, perm.bit(), perm.doc()));
        }
        JavaNames.Scope ctxNames = new JavaNames.Scope("_");
        List<GenModel.ContextConst> contexts = new ArrayList<>();
        for (ContextDef c : v.contexts()) {
            List<String> in = new ArrayList<>();
            for (Permission perm : v.permissions()) {
                if (c.perms().has(perm)) {
                    in.add(permConst.get(perm.name()));
                }
            }
            contexts.add(new GenModel.ContextConst(c.name(), ctxNames.claim(JavaNames.constant(c.name())), in,
                    c.doc()));
        }
        List<GenModel.LayerConst> layers = layers(v, permConst);

        List<GenModel.SystemUnit> systems = new ArrayList<>();
        for (SystemModel s : r.systems()) {
            String sys = typeScope.claimGroup(JavaNames.type(s.name()) + "System", "", "Test");
            systems.add(new GenModel.SystemUnit(s.name(), sys, sys + "Test", s));
        }
        Path file = Path.of(r.file()).getFileName();
        return new GenModel.PolicyUnit(p.name(), p.doc(), file == null ? r.file() : file.toString(), pkg, stem, stem + "Permissions",
                stem + "Contexts", stem + "Layers", perms, contexts, layers, systems);
    }

    /**
     * Layers in declaration order, except that a layer waits until every layer it is below has been
     * placed: the enforcement library's builder refers to those by index. The checker rejects
     * {@code below} cycles, so every layer is placed; unknown names are skipped.
     */
    private static List<GenModel.LayerConst> layers(Vocabulary v, Map<String, String> permConst) {
        List<Layer> pending = new ArrayList<>(v.layers());
        Map<String, String> placed = new LinkedHashMap<>();
        List<GenModel.LayerConst> out = new ArrayList<>();
        JavaNames.Scope constants = new JavaNames.Scope("_");
        JavaNames.Scope methods = new JavaNames.Scope("_", FACADE_METHODS);
        while (!pending.isEmpty()) {
            Layer next = pending.stream().filter(l -> l.below().stream()
                    .allMatch(b -> placed.containsKey(b) || v.layer(b).isEmpty())).findFirst().orElse(pending.get(0));
            pending.remove(next);
            String c = constants.claim(JavaNames.constant(next.name()));
            List<String> below = next.below().stream().filter(placed::containsKey).map(placed::get).toList();
            out.add(new GenModel.LayerConst(next.name(), c, methods.claim(JavaNames.method(next.name())),
                    out.size(), next.guard() == null ? null : permConst.get(next.guard()), below, next.doc()));
            placed.put(next.name(), c);
        }
        return out;
    }
}
