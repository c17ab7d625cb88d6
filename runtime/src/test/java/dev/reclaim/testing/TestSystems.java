package dev.reclaim.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.reclaim.analysis.structure.ContextDefinition;
import dev.reclaim.analysis.structure.ContextResolver;
import dev.reclaim.analysis.structure.Expr;
import dev.reclaim.model.ContextDef;
import dev.reclaim.model.Ctx;
import dev.reclaim.model.Decl;
import dev.reclaim.model.Layer;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.Stmt;
import dev.reclaim.model.SystemModel;
import dev.reclaim.model.Vocabulary;

/**
 * A hand-rolled reader of the system syntax of LANGUAGE.md §2, for tests only: it builds a
 * {@link SystemModel} over the vocabulary of §1 (permissions direct, kswapd, io, fs; contexts
 * KERNEL, NOFS, NOIO, NOWAIT, NONE; layers fs, dm, block, device) without validating names, so
 * tests can also build broken models. Positions are the first token of each element, in file
 * {@value #FILE}, lines counted from the first line of the text.
 *
 * <p>{@link #parsePolicy} also reads the vocabulary declarations of §1 ({@code permission},
 * {@code context}, {@code layer}) and any number of systems from one text, so a test can bring its
 * own vocabulary.
 */
public final class TestSystems {
    public static final String FILE = "test.reclaim";

    private final List<Tokens.Token> toks;
    private int i;
    private final Vocabulary vocab;
    private final ContextResolver contexts;
    private String sysName;
    private String lastDecl;

    private TestSystems(String text, Vocabulary vocab) {
        this.toks = Tokens.lex(text, FILE);
        this.vocab = vocab;
        this.contexts = new ContextResolver(vocab, List.of(), null);
    }

    /**
     * The vocabulary of LANGUAGE.md §1 as text for {@link #parsePolicy}. Unlike
     * {@link #linuxVocabulary()} it has no context NONE, and its declarations have positions.
     */
    public static final String LINUX_VOCABULARY_TEXT = """
            permission direct
            permission kswapd
            permission io
            permission fs
            context KERNEL = direct + kswapd + io + fs
            context NOFS   = KERNEL - fs
            context NOIO   = NOFS - io
            context NOWAIT = kswapd
            layer fs guarded by fs
            layer dm below fs guarded by io
            layer block below dm guarded by io
            layer device below block
            """;

    /** The vocabulary of LANGUAGE.md §1. */
    public static Vocabulary linuxVocabulary() {
        Vocabulary v = new Vocabulary();
        for (String p : List.of("direct", "kswapd", "io", "fs")) {
            v.addPermission(p, null, SourcePos.UNKNOWN);
        }
        List<ContextDefinition> defs = List.of(
                def("KERNEL", bin(bin(bin(ref("direct"), Expr.Op.ADD, ref("kswapd")), Expr.Op.ADD, ref("io")),
                        Expr.Op.ADD, ref("fs"))),
                def("NOFS", bin(ref("KERNEL"), Expr.Op.REMOVE, ref("fs"))),
                def("NOIO", bin(ref("NOFS"), Expr.Op.REMOVE, ref("io"))),
                def("NOWAIT", ref("kswapd")),
                def("NONE", new Expr.None(SourcePos.UNKNOWN)));
        new ContextResolver(v, defs, "linux.storage").contextDefs().forEach(v::addContext);
        v.addLayer(new Layer("fs", List.of(), "fs", null, SourcePos.UNKNOWN));
        v.addLayer(new Layer("dm", List.of("fs"), "io", null, SourcePos.UNKNOWN));
        v.addLayer(new Layer("block", List.of("dm"), "io", null, SourcePos.UNKNOWN));
        v.addLayer(new Layer("device", List.of("block"), null, null, SourcePos.UNKNOWN));
        return v;
    }

    public static Expr.Ref ref(String name) {
        return new Expr.Ref(name, SourcePos.UNKNOWN);
    }

    public static Expr bin(Expr l, Expr.Op op, Expr r) {
        return new Expr.Binary(l, op, r);
    }

    private static ContextDefinition def(String name, Expr e) {
        return new ContextDefinition(name, e, null, SourcePos.UNKNOWN);
    }

    /** Reads one {@code system NAME { ... }} over {@link #linuxVocabulary()}. */
    public static SystemModel parse(String text) {
        return parse(text, linuxVocabulary());
    }

    public static SystemModel parse(String text, Vocabulary vocab) {
        return new TestSystems(text, vocab).system();
    }

    /**
     * Reads one system after {@link #LINUX_VOCABULARY_TEXT}: its lines count from the first line of
     * the vocabulary.
     */
    public static SystemModel parseAfterVocabulary(String text) {
        return parsePolicy(LINUX_VOCABULARY_TEXT + text).get(0);
    }

    /**
     * Reads a text of vocabulary declarations ({@code policy NAME}, {@code permission NAME},
     * {@code context NAME = EXPR}, {@code layer NAME [below NAME, ...] [guarded by PERM]}) and
     * systems, in any order, over one fresh vocabulary: the systems in text order.
     */
    public static List<SystemModel> parsePolicy(String text) {
        return new TestSystems(text, new Vocabulary()).policy();
    }

    private List<SystemModel> policy() {
        List<SystemModel> systems = new ArrayList<>();
        while (i < toks.size()) {
            if (peek("system")) {
                systems.add(system());
                continue;
            }
            Tokens.Token t = next();
            switch (t.text()) {
                case "policy" -> {
                    do {
                        name();
                    } while (accept("."));
                }
                case "permission" -> vocab.addPermission(name(), null, t.pos());
                case "context" -> {
                    String n = name();
                    expect("=");
                    vocab.addContext(new ContextDef(n, ctx().perms(), null, t.pos()));
                }
                case "layer" -> {
                    String n = name();
                    List<String> below = accept("below") ? names() : List.of();
                    String guard = null;
                    if (accept("guarded")) {
                        expect("by");
                        guard = name();
                    }
                    vocab.addLayer(new Layer(n, below, guard, null, t.pos()));
                }
                default -> throw error(t, "declaration");
            }
        }
        return systems;
    }

    private SystemModel system() {
        SourcePos pos = expect("system").pos();
        sysName = name();
        lastDecl = sysName;
        expect("{");
        SystemModel.Memory memory = null;
        SystemModel.Expect exp = null;
        SystemModel.ExpectFindings ef = null;
        List<Decl.Instance> insts = new ArrayList<>();
        List<Decl.LockDecl> locks = new ArrayList<>();
        List<Decl.Mempool> pools = new ArrayList<>();
        List<Decl.Workqueue> wqs = new ArrayList<>();
        List<Decl.ThreadDecl> threads = new ArrayList<>();
        List<Decl.Op> ops = new ArrayList<>();
        List<Decl.Shrinker> shrinkers = new ArrayList<>();
        List<SystemModel.Cache> caches = new ArrayList<>();
        List<SystemModel.Waiver> waivers = new ArrayList<>();
        while (!peek("}")) {
            Tokens.Token t = next();
            SourcePos p = t.pos();
            switch (t.text()) {
                case "memory" -> {
                    int n = num();
                    expect("pages");
                    expect("min");
                    int min = num();
                    expect("low");
                    int low = num();
                    expect("high");
                    memory = new SystemModel.Memory(n, min, low, num(), p);
                }
                case "expect" -> {
                    if (accept("findings")) {
                        Set<String> ids = new LinkedHashSet<>();
                        do {
                            ids.add(string());
                        } while (accept(","));
                        ef = new SystemModel.ExpectFindings(ids, p);
                    } else {
                        exp = new SystemModel.Expect(!accept("no"), p);
                        expect("deadlock");
                    }
                }
                case "allow" -> waivers.add(new SystemModel.Waiver(string(), string(), lastDecl, p));
                case "mutex", "rwsem" -> {
                    String n = name();
                    expect("in");
                    String owner = name();
                    boolean writer = true;
                    if (t.text().equals("rwsem") && (peek("writer") || peek("reader"))) {
                        writer = next().text().equals("writer");
                        expect("-");
                        expect("preferring");
                    }
                    locks.add(decl(new Decl.LockDecl(n, t.text().equals("mutex") ? Decl.LockKind.MUTEX
                            : Decl.LockKind.RWSEM, owner, writer, null, p)));
                }
                case "mempool" -> {
                    String n = name();
                    expect("in");
                    String owner = name();
                    expect("size");
                    pools.add(decl(new Decl.Mempool(n, owner, num(), null, p)));
                }
                case "workqueue" -> {
                    String n = name();
                    boolean mr = accept("memreclaim");
                    lastDecl = sysName + "/workqueue " + n;
                    wqs.add(decl(new Decl.Workqueue(n, mr, block(waivers), null, p)));
                }
                case "thread" -> threads.add(thread(p, waivers));
                case "op" -> {
                    String n = name();
                    expect("in");
                    String owner = name();
                    lastDecl = sysName + "/op " + n;
                    ops.add(decl(new Decl.Op(n, owner, block(waivers), null, p)));
                }
                case "shrinker" -> shrinkers.add(shrinker(p, waivers));
                case "cache" -> caches.add(new SystemModel.Cache(name(), num(), p));
                default -> insts.add(instance(t));
            }
        }
        expect("}");
        return new SystemModel(sysName, null, pos, vocab, memory, exp, ef, insts, locks, pools, wqs, threads, ops,
                shrinkers, caches, waivers);
    }

    private <D extends Decl> D decl(D d) {
        lastDecl = sysName + "/" + d.kind() + " " + d.name();
        return d;
    }

    private Decl.Instance instance(Tokens.Token layer) {
        String n = name();
        List<String> on = new ArrayList<>();
        List<String> servedBy = new ArrayList<>();
        if (accept("on")) {
            on = names();
        }
        if (accept("served")) {
            expect("by");
            servedBy = names();
        }
        return decl(new Decl.Instance(n, layer.text(), on, servedBy, null, layer.pos()));
    }

    private Decl.ThreadDecl thread(SourcePos p, List<SystemModel.Waiver> waivers) {
        String n = name();
        lastDecl = sysName + "/thread " + n;
        if (accept("kswapd")) {
            return decl(new Decl.ThreadDecl(n, Decl.ThreadKind.KSWAPD, null, null, List.of(), null, p));
        }
        String serves = null;
        Decl.ThreadKind kind = Decl.ThreadKind.TASK;
        if (accept("serves")) {
            kind = Decl.ThreadKind.SERVER;
            serves = name();
        } else {
            expect("task");
        }
        Ctx scope = accept("scope") ? ctx() : null;
        return decl(new Decl.ThreadDecl(n, kind, serves, scope, block(waivers), null, p));
    }

    private Decl.Shrinker shrinker(SourcePos p, List<SystemModel.Waiver> waivers) {
        String n = name();
        expect("in");
        String owner = name();
        Decl.GuardMode mode = Decl.GuardMode.LAYER;
        String guard = null;
        if (accept("unguarded")) {
            mode = Decl.GuardMode.UNGUARDED;
        } else if (accept("guarded")) {
            expect("by");
            mode = Decl.GuardMode.PERMISSION;
            guard = name();
        }
        lastDecl = sysName + "/shrinker " + n;
        expect("{");
        List<Stmt> count = null;
        SourcePos countPos = null;
        while (accept("allow")) {
            waivers.add(new SystemModel.Waiver(string(), string(), lastDecl, toks.get(i - 3).pos()));
        }
        if (peek("count")) {
            countPos = next().pos();
            count = block(waivers);
        }
        SourcePos scanPos = expect("scan").pos();
        List<Stmt> scan = block(waivers);
        while (accept("allow")) {
            waivers.add(new SystemModel.Waiver(string(), string(), lastDecl, toks.get(i - 3).pos()));
        }
        expect("}");
        return decl(new Decl.Shrinker(n, owner, mode, guard, count, scan, countPos, scanPos, null, p));
    }

    /** {@code { STMT* }}; an {@code allow} inside waives on the declaration being read. */
    private List<Stmt> block(List<SystemModel.Waiver> waivers) {
        expect("{");
        List<Stmt> out = new ArrayList<>();
        while (!accept("}")) {
            Tokens.Token t = next();
            SourcePos p = t.pos();
            switch (t.text()) {
                case "alloc" -> out.add(new Stmt.Alloc(num(), ctx(), p));
                case "free" -> out.add(new Stmt.Free(num(), p));
                case "lock" -> out.add(new Stmt.Lock(name(), accept("shared"), p));
                case "unlock" -> out.add(new Stmt.Unlock(name(), p));
                case "trylock" -> {
                    String l = name();
                    expect("else");
                    out.add(new Stmt.TryLock(l, accept("stop") ? null : block(waivers), p));
                }
                case "write" -> out.add(new Stmt.Write(name(), p));
                case "submit" -> out.add(new Stmt.Submit(name(), p));
                case "wait" -> out.add(new Stmt.Wait(name(), p));
                case "fill" -> out.add(new Stmt.Fill(name(), num(), ctx(), p));
                case "dirty" -> out.add(new Stmt.Dirty(name(), num(), p));
                case "clean" -> out.add(new Stmt.Clean(name(), p));
                case "call" -> out.add(new Stmt.Call(name(), p));
                case "scope" -> {
                    Ctx c = ctx();
                    out.add(new Stmt.Scope(c, block(waivers), p));
                }
                case "if" -> {
                    String perm = name();
                    List<Stmt> then = block(waivers);
                    List<Stmt> orElse = accept("else") ? block(waivers) : List.of();
                    out.add(new Stmt.If(perm, then, orElse, p));
                }
                case "queue" -> out.add(new Stmt.Queue(name(), p));
                case "take" -> out.add(new Stmt.Take(name(), p));
                case "give" -> out.add(new Stmt.Give(name(), p));
                case "stop" -> out.add(new Stmt.Stop(p));
                case "allow" -> waivers.add(new SystemModel.Waiver(string(), string(), lastDecl, p));
                default -> throw error(t, "statement");
            }
        }
        return out;
    }

    private Ctx ctx() {
        Expr e = operand();
        while (peek("+") || peek("-")) {
            Expr.Op op = next().text().equals("+") ? Expr.Op.ADD : Expr.Op.REMOVE;
            e = new Expr.Binary(e, op, operand());
        }
        return contexts.ctx(e);
    }

    private Expr operand() {
        Tokens.Token t = next();
        return t.text().equals("none") ? new Expr.None(t.pos()) : new Expr.Ref(t.text(), t.pos());
    }

    private List<String> names() {
        List<String> out = new ArrayList<>();
        do {
            out.add(name());
        } while (accept(","));
        return out;
    }

    private String name() {
        return next().text();
    }

    private int num() {
        Tokens.Token t = next();
        try {
            return Integer.parseInt(t.text());
        } catch (NumberFormatException e) {
            throw error(t, "number");
        }
    }

    private String string() {
        Tokens.Token t = next();
        if (!t.text().startsWith("\"")) {
            throw error(t, "string");
        }
        return t.text().substring(1, t.text().length() - 1);
    }

    private Tokens.Token next() {
        if (i >= toks.size()) {
            throw new IllegalArgumentException("unexpected end of text");
        }
        return toks.get(i++);
    }

    private boolean peek(String text) {
        return i < toks.size() && toks.get(i).text().equals(text);
    }

    private boolean accept(String text) {
        if (peek(text)) {
            i++;
            return true;
        }
        return false;
    }

    private Tokens.Token expect(String text) {
        Tokens.Token t = next();
        if (!t.text().equals(text)) {
            throw error(t, "'" + text + "'");
        }
        return t;
    }

    private static IllegalArgumentException error(Tokens.Token t, String wanted) {
        return new IllegalArgumentException(t.pos() + ": expected " + wanted + ", got '" + t.text() + "'");
    }
}
