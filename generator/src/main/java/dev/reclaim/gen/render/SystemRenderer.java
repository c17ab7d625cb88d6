package dev.reclaim.gen.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.reclaim.gen.model.GenModel.PolicyUnit;
import dev.reclaim.gen.model.GenModel.SystemUnit;
import dev.reclaim.model.ContextDef;
import dev.reclaim.model.Ctx;
import dev.reclaim.model.Decl;
import dev.reclaim.model.Layer;
import dev.reclaim.model.Permission;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.SystemModel;
import dev.reclaim.model.Vocabulary;

/**
 * Prints the class that builds one system through {@code dev.reclaim.model.build}: one builder call
 * per declaration, in declaration order, with the positions of the source (by file base name, so
 * the output does not depend on where the input lies), which the checker's findings and the
 * simulator's stacks show.
 */
final class SystemRenderer {
    /** At most this many declarations, and about this many characters of them, per part. */
    static final int PART_STATEMENTS = 200;
    static final int PART_CHARS = 40_000;

    private final PolicyUnit p;
    private final SystemUnit u;
    /** Source file base name to the local variable that names it, per method. */
    private final Map<String, String> files = new LinkedHashMap<>();

    SystemRenderer(PolicyUnit p, SystemUnit u) {
        this.p = p;
        this.u = u;
    }

    JavaFile render() {
        SystemModel s = u.model();
        JavaText t = PolicyRenderer.start(p);
        t.line("import java.util.List;");
        t.line("");
        t.line("import dev.reclaim.model.Decl;");
        t.line("import dev.reclaim.model.SystemModel;");
        t.line("import dev.reclaim.model.Vocabulary;");
        t.line("import dev.reclaim.model.build.SourceFile;");
        t.line("import dev.reclaim.model.build.SystemBuilder;");
        t.line("import dev.reclaim.model.build.VocabularyBuilder;");
        t.line("");
        t.javadoc(List.of("System " + JavaText.code(s.name()) + " of policy " + JavaText.code(p.policy())
                        + ", built on the runtime model for the checker ({@code dev.reclaim.analysis.Checker}) "
                        + "and the simulator ({@code dev.reclaim.sim.Simulator}).",
                s.doc() == null ? "" : JavaText.doc(s.doc())));
        t.line("public final class " + u.className() + " {").in();
        t.line("/** Not instantiated: static members only. */");
        t.line("private " + u.className() + "() {").line("}");
        t.line("");
        t.javadoc("The vocabulary visible to the system: its file's and its imports'.",
                "@return a new vocabulary");
        t.line("public static Vocabulary vocabulary() {").in();
        method(t, vocabulary(s.vocab()));
        t.out().line("}");
        t.line("");
        t.javadoc("Builds the system.", "@return a new model of the system");
        t.line("public static SystemModel build() {").in();
        String head = "SystemBuilder s = SystemBuilder.create(" + str(s.name()) + ", " + doc(s.doc()) + ", "
                + pos(s.pos()) + ", vocabulary());";
        int headFiles = files.size();
        List<List<String>> statements = statements(s);
        List<List<List<String>>> parts = parts(statements);
        if (parts.size() <= 1) {
            declareFiles(t, files.size());
            t.line(head);
            statements.forEach(st -> st.forEach(t::line));
        } else {
            declareFiles(t, headFiles);
            t.line(head);
            for (int i = 0; i < parts.size(); i++) {
                t.line("Part" + i + ".apply(s);");
            }
        }
        t.line("return s.build();");
        t.out().line("}");
        if (parts.size() > 1) {
            for (int i = 0; i < parts.size(); i++) {
                t.line("");
                t.line("/** Declarations " + (i + 1) + " of " + parts.size() + ": a class of its own, for its own constant pool. */");
                t.line("private static final class Part" + i + " {").in();
                t.line("/** Not instantiated: static members only. */");
                t.line("private Part" + i + "() {").line("}");
                t.line("");
                t.javadoc("Adds these declarations to {@code s}, in source order.", "@param s the system being built");
                t.line("static void apply(SystemBuilder s) {").in();
                declareFiles(t, files.size());
                parts.get(i).forEach(st -> st.forEach(t::line));
                t.out().line("}");
                t.out().line("}");
            }
        }
        files.clear();
        t.out().line("}");
        return new JavaFile(p.pkg(), u.className(), false, t.toString());
    }

    /**
     * Splits a system's declarations into groups small enough for one method and one class: the JVM
     * limits a method to 64 KiB of bytecode and a class to 65,535 constants, which a system of a few
     * thousand declarations in one {@code build()} exceeds. Greedy and by text size, so the split is
     * the same for the same input.
     */
    static <T extends List<String>> List<List<T>> parts(List<T> statements) {
        List<List<T>> parts = new ArrayList<>();
        List<T> cur = new ArrayList<>();
        int chars = 0;
        for (T st : statements) {
            int size = st.stream().mapToInt(String::length).sum();
            if (!cur.isEmpty() && (cur.size() >= PART_STATEMENTS || chars + size > PART_CHARS)) {
                parts.add(cur);
                cur = new ArrayList<>();
                chars = 0;
            }
            cur.add(st);
            chars += size;
        }
        if (!cur.isEmpty()) {
            parts.add(cur);
        }
        return parts;
    }

    /** Declares the first {@code n} source files named so far. */
    private void declareFiles(JavaText t, int n) {
        files.entrySet().stream().limit(n).forEach(e ->
                t.line("SourceFile " + e.getValue() + " = SourceFile.of(" + JavaText.literal(e.getKey()) + ");"));
    }

    /** Declares the method's source files, then its body; starts a fresh file table for the next. */
    private void method(JavaText t, JavaText body) {
        declareFiles(t, files.size());
        t.append(body);
        files.clear();
    }

    private JavaText vocabulary(Vocabulary v) {
        JavaText t = new JavaText(2);
        t.line("return VocabularyBuilder.create()").in().in();
        for (Permission x : v.permissions()) {
            t.line(".permission(" + str(x.name()) + ", " + doc(x.doc()) + ", " + pos(x.pos()) + ")");
        }
        for (ContextDef c : v.contexts()) {
            t.line(".context(" + str(c.name()) + ", " + doc(c.doc()) + ", " + pos(c.pos())
                    + perms(v, c.perms()) + ")");
        }
        for (Layer l : v.layers()) {
            t.line(".layer(" + str(l.name()) + ", " + str(l.guard()) + ", " + list(l.below()) + ", " + doc(l.doc())
                    + ", " + pos(l.pos()) + ")");
        }
        return t.line(".build();");
    }

    /** One entry per builder call after {@code create}, each the lines of one Java statement. */
    private List<List<String>> statements(SystemModel s) {
        List<List<String>> t = new ArrayList<>();
        if (s.memory() != null) {
            SystemModel.Memory m = s.memory();
            add(t, "s.memory(" + m.total() + ", " + m.min() + ", " + m.low() + ", " + m.high() + ", " + pos(m.pos())
                    + ");");
        }
        if (s.expect() != null) {
            add(t, "s.expect(" + s.expect().deadlock() + ", " + pos(s.expect().pos()) + ");");
        }
        if (s.expectFindings() != null) {
            StringBuilder b = new StringBuilder("s.expectFindings(" + pos(s.expectFindings().pos()));
            s.expectFindings().ruleIds().stream().sorted().forEach(id -> b.append(", ").append(str(id)));
            add(t, b.append(");").toString());
        }
        for (Decl.Instance i : s.instances()) {
            add(t, "s.instance(" + str(i.name()) + ", " + str(i.layer()) + ", " + list(i.on()) + ", "
                    + list(i.servedBy()) + ", " + doc(i.doc()) + ", " + pos(i.pos()) + ");");
        }
        for (Decl.LockDecl l : s.locks()) {
            add(t, l.lockKind() == Decl.LockKind.MUTEX
                    ? "s.mutex(" + str(l.name()) + ", " + str(l.owner()) + ", " + doc(l.doc()) + ", " + pos(l.pos()) + ");"
                    : "s.rwsem(" + str(l.name()) + ", " + str(l.owner()) + ", " + l.writerPreferring() + ", "
                            + doc(l.doc()) + ", " + pos(l.pos()) + ");");
        }
        for (Decl.Mempool m : s.mempools()) {
            add(t, "s.mempool(" + str(m.name()) + ", " + str(m.owner()) + ", " + m.size() + ", " + doc(m.doc()) + ", "
                    + pos(m.pos()) + ");");
        }
        BodyRenderer bodies = new BodyRenderer(this::pos, this::ctx);
        for (Decl.Workqueue w : s.workqueues()) {
            t.add(bodies.call("s.workqueue(" + str(w.name()) + ", " + w.memreclaim() + ", " + doc(w.doc()) + ", "
                    + pos(w.pos()) + ", ", List.of(w.body()), ");"));
        }
        for (Decl.ThreadDecl th : s.threads()) {
            String head = switch (th.threadKind()) {
                case KSWAPD -> null;
                case SERVER -> "s.server(" + str(th.name()) + ", " + str(th.serves()) + ", " + ctx(th.scope()) + ", ";
                case TASK -> "s.task(" + str(th.name()) + ", " + ctx(th.scope()) + ", ";
            };
            if (head == null) {
                add(t, "s.kswapd(" + str(th.name()) + ", " + doc(th.doc()) + ", " + pos(th.pos()) + ");");
            } else {
                t.add(bodies.call(head + doc(th.doc()) + ", " + pos(th.pos()) + ", ", List.of(th.body()), ");"));
            }
        }
        for (Decl.Op o : s.ops()) {
            t.add(bodies.call("s.op(" + str(o.name()) + ", " + str(o.owner()) + ", " + doc(o.doc()) + ", " + pos(o.pos())
                    + ", ", List.of(o.body()), ");"));
        }
        for (Decl.Shrinker sh : s.shrinkers()) {
            String head = "s.shrinker(" + str(sh.name()) + ", " + str(sh.owner()) + ", Decl.GuardMode."
                    + sh.guardMode().name() + ", " + str(sh.guard()) + ", " + doc(sh.doc()) + ", " + pos(sh.pos()) + ", "
                    + pos(sh.countPos()) + ", ";
            List<Object> parts = new ArrayList<>();
            parts.add(sh.count() == null ? "null" : sh.count());
            parts.add(pos(sh.scanPos()));
            parts.add(sh.scan());
            t.add(bodies.call(head, parts, ");"));
        }
        for (SystemModel.Cache c : s.caches()) {
            add(t, "s.cache(" + str(c.instance()) + ", " + c.pages() + ", " + pos(c.pos()) + ");");
        }
        for (SystemModel.Waiver w : s.waivers()) {
            add(t, "s.allow(" + str(w.ruleId()) + ", " + str(w.reason()) + ", " + str(w.declPath()) + ", "
                    + pos(w.pos()) + ");");
        }
        return t;
    }

    private static void add(List<List<String>> statements, String line) {
        statements.add(List.of(line));
    }

    /** {@code s.ctx("NOFS - io", "direct", "kswapd")}, or {@code null}. */
    private String ctx(Ctx c) {
        return c == null ? "null" : "s.ctx(" + str(c.text()) + perms(u.model().vocab(), c.perms()) + ")";
    }

    private static String perms(Vocabulary v, dev.reclaim.model.PermSet set) {
        StringBuilder b = new StringBuilder();
        for (String n : v.names(set)) {
            b.append(", ").append(str(n));
        }
        return b.toString();
    }

    /** {@code f0.at(line, column, endLine, endColumn)}, naming the file by its base name. */
    String pos(SourcePos pos) {
        if (pos == null) {
            return "null";
        }
        String file = baseName(pos.file());
        String var = files.computeIfAbsent(file, k -> "f" + files.size());
        return var + ".at(" + pos.line() + ", " + pos.column() + ", " + pos.endLine() + ", " + pos.endColumn() + ")";
    }

    /** The last segment of a path with either separator (positions are not always real paths). */
    static String baseName(String path) {
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(cut + 1);
    }

    /** A doc comment as a Java expression (see {@link JavaText#text}). */
    private static String doc(String s) {
        return JavaText.text(s);
    }

    static String str(String s) {
        return JavaText.literal(s);
    }

    private static String list(List<String> names) {
        StringBuilder b = new StringBuilder("List.of(");
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(str(names.get(i)));
        }
        return b.append(')').toString();
    }
}
