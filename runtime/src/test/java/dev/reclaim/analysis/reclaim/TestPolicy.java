package dev.reclaim.analysis.reclaim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.reclaim.model.ContextDef;
import dev.reclaim.model.Ctx;
import dev.reclaim.model.Decl;
import dev.reclaim.model.Decl.Instance;
import dev.reclaim.model.Decl.LockDecl;
import dev.reclaim.model.Decl.Mempool;
import dev.reclaim.model.Decl.Op;
import dev.reclaim.model.Decl.Shrinker;
import dev.reclaim.model.Decl.ThreadDecl;
import dev.reclaim.model.Decl.Workqueue;
import dev.reclaim.model.Layer;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.Stmt;
import dev.reclaim.model.SystemModel;
import dev.reclaim.model.Vocabulary;

/**
 * A test-only reader for the subset of the policy language these tests need, so that test systems
 * can be written as in LANGUAGE.md instead of as nested constructor calls. It is not the front end
 * (that is the Xtext grammar in dsl/): no error recovery, no imports, no documentation comments,
 * and names are not checked, which lets tests feed the analysis unknown names on purpose.
 */
final class TestPolicy {
    /** The vocabulary of LANGUAGE.md §1. */
    static final String VOCAB = """
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

    private record Tok(String text, boolean word, int line, int col) {
    }

    private final List<Tok> toks = new ArrayList<>();
    private int at;
    private final Vocabulary vocab = new Vocabulary();

    private TestPolicy(String text) {
        lex(text);
    }

    /** The first system of VOCAB followed by {@code text}. */
    static SystemModel system(String text) {
        return parse(VOCAB + text).get(0);
    }

    static List<SystemModel> parse(String text) {
        return new TestPolicy(text).file();
    }

    // ---- lexer -------------------------------------------------------------------------------

    private void lex(String s) {
        int line = 1;
        int col = 1;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                col = 1;
                i++;
            } else if (Character.isWhitespace(c)) {
                col++;
                i++;
            } else if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (; i < end; i++) {
                    if (s.charAt(i) == '\n') {
                        line++;
                        col = 1;
                    } else {
                        col++;
                    }
                }
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_'
                        || s.charAt(j) == '.')) {
                    j++;
                }
                toks.add(new Tok(s.substring(i, j), true, line, col));
                col += j - i;
                i = j;
            } else if (c == '"') {
                int j = s.indexOf('"', i + 1);
                toks.add(new Tok(s.substring(i + 1, j), false, line, col));
                col += j + 1 - i;
                i = j + 1;
            } else {
                toks.add(new Tok(String.valueOf(c), false, line, col));
                col++;
                i++;
            }
        }
    }

    private boolean peek(String t) {
        return at < toks.size() && toks.get(at).text().equals(t);
    }

    private boolean accept(String t) {
        if (peek(t)) {
            at++;
            return true;
        }
        return false;
    }

    private Tok next() {
        return toks.get(at++);
    }

    private void expect(String t) {
        Tok k = next();
        if (!k.text().equals(t)) {
            throw new IllegalArgumentException("expected " + t + " at " + k.line() + ":" + k.col() + ", got " + k.text());
        }
    }

    private String name() {
        return next().text();
    }

    private int number() {
        return Integer.parseInt(next().text());
    }

    private SourcePos pos(Tok from) {
        Tok last = toks.get(at - 1);
        return new SourcePos("test.reclaim", from.line(), from.col(), last.line(), last.col() + last.text().length());
    }

    private List<String> names() {
        List<String> out = new ArrayList<>();
        do {
            out.add(name());
        } while (accept(","));
        return out;
    }

    // ---- vocabulary ----------------------------------------------------------------------------

    private List<SystemModel> file() {
        List<SystemModel> systems = new ArrayList<>();
        while (at < toks.size()) {
            Tok k = next();
            switch (k.text()) {
                case "policy" -> name();
                case "permission" -> vocab.addPermission(name(), null, pos(k));
                case "context" -> {
                    String n = name();
                    expect("=");
                    vocab.addContext(new ContextDef(n, ctx().perms(), null, pos(k)));
                }
                case "layer" -> {
                    String n = name();
                    List<String> below = accept("below") ? names() : List.of();
                    String guard = null;
                    if (accept("guarded")) {
                        expect("by");
                        guard = name();
                    }
                    vocab.addLayer(new Layer(n, below, guard, null, pos(k)));
                }
                case "system" -> systems.add(system(k));
                default -> throw new IllegalArgumentException("unexpected " + k.text() + " at line " + k.line());
            }
        }
        return systems;
    }

    private Ctx ctx() {
        int from = at;
        PermSet set = term();
        while (peek("+") || peek("-")) {
            boolean plus = next().text().equals("+");
            PermSet t = term();
            set = plus ? set.or(t) : set.minus(t);
        }
        List<String> text = new ArrayList<>();
        for (int i = from; i < at; i++) {
            text.add(toks.get(i).text());
        }
        return new Ctx(set, String.join(" ", text));
    }

    private PermSet term() {
        String n = name();
        if (n.equals("none")) {
            return PermSet.NONE;
        }
        return vocab.context(n).map(ContextDef::perms)
                .orElseGet(() -> vocab.permission(n).map(p -> PermSet.of(p.bit())).orElse(PermSet.NONE));
    }

    // ---- systems -------------------------------------------------------------------------------

    private SystemModel system(Tok start) {
        String sysName = name();
        expect("{");
        List<Instance> instances = new ArrayList<>();
        List<LockDecl> locks = new ArrayList<>();
        List<Mempool> pools = new ArrayList<>();
        List<Workqueue> wqs = new ArrayList<>();
        List<ThreadDecl> threads = new ArrayList<>();
        List<Op> ops = new ArrayList<>();
        List<Shrinker> shrinkers = new ArrayList<>();
        List<SystemModel.Cache> caches = new ArrayList<>();
        SystemModel.Memory memory = null;
        while (!accept("}")) {
            Tok k = next();
            switch (k.text()) {
                case "memory" -> {
                    int total = number();
                    expect("pages");
                    expect("min");
                    int min = number();
                    expect("low");
                    int low = number();
                    expect("high");
                    memory = new SystemModel.Memory(total, min, low, number(), pos(k));
                }
                case "expect" -> {
                    if (accept("findings")) {
                        names();
                    } else {
                        accept("no");
                        expect("deadlock");
                    }
                }
                case "allow" -> {
                    name();
                    name();
                }
                case "mutex", "rwsem" -> {
                    String n = name();
                    expect("in");
                    String owner = name();
                    boolean writerPref = true;
                    if (peek("writer") || peek("reader")) {
                        writerPref = next().text().equals("writer");
                        expect("-");
                        expect("preferring");
                    }
                    locks.add(new LockDecl(n, k.text().equals("mutex") ? Decl.LockKind.MUTEX : Decl.LockKind.RWSEM,
                            owner, writerPref, null, pos(k)));
                }
                case "mempool" -> {
                    String n = name();
                    expect("in");
                    String owner = name();
                    expect("size");
                    pools.add(new Mempool(n, owner, number(), null, pos(k)));
                }
                case "cache" -> {
                    String n = name();
                    caches.add(new SystemModel.Cache(n, number(), pos(k)));
                }
                case "workqueue" -> {
                    String n = name();
                    boolean mr = accept("memreclaim");
                    wqs.add(new Workqueue(n, mr, block(), null, pos(k)));
                }
                case "thread" -> threads.add(thread(k));
                case "op" -> {
                    String n = name();
                    expect("in");
                    String owner = name();
                    ops.add(new Op(n, owner, block(), null, pos(k)));
                }
                case "shrinker" -> shrinkers.add(shrinker(k));
                default -> {
                    String n = name();
                    List<String> on = accept("on") ? names() : List.of();
                    List<String> servedBy = List.of();
                    if (accept("served")) {
                        expect("by");
                        servedBy = names();
                    }
                    instances.add(new Instance(n, k.text(), on, servedBy, null, pos(k)));
                }
            }
        }
        return new SystemModel(sysName, null, pos(start), vocab, memory, null, new SystemModel.ExpectFindings(Set.of(),
                pos(start)), instances, locks, pools, wqs, threads, ops, shrinkers, caches, List.of());
    }

    private ThreadDecl thread(Tok k) {
        String n = name();
        String kind = name();
        if (kind.equals("kswapd")) {
            return new ThreadDecl(n, Decl.ThreadKind.KSWAPD, null, null, List.of(), null, pos(k));
        }
        String serves = kind.equals("serves") ? name() : null;
        Ctx scope = accept("scope") ? ctx() : null;
        SourcePos p = pos(k);
        return new ThreadDecl(n, serves != null ? Decl.ThreadKind.SERVER : Decl.ThreadKind.TASK, serves, scope, block(),
                null, p);
    }

    private Shrinker shrinker(Tok k) {
        String n = name();
        expect("in");
        String owner = name();
        Decl.GuardMode mode = Decl.GuardMode.LAYER;
        String guard = null;
        if (accept("guarded")) {
            expect("by");
            mode = Decl.GuardMode.PERMISSION;
            guard = name();
        } else if (accept("unguarded")) {
            mode = Decl.GuardMode.UNGUARDED;
        }
        SourcePos p = pos(k);
        expect("{");
        List<Stmt> count = null;
        SourcePos countPos = null;
        if (peek("count")) {
            Tok c = next();
            countPos = pos(c);
            count = block();
        }
        Tok s = next();
        SourcePos scanPos = pos(s);
        List<Stmt> scan = block();
        expect("}");
        return new Shrinker(n, owner, mode, guard, count, scan, countPos, scanPos, null, p);
    }

    private List<Stmt> block() {
        expect("{");
        List<Stmt> out = new ArrayList<>();
        while (!accept("}")) {
            out.add(stmt());
        }
        return out;
    }

    private Stmt stmt() {
        Tok k = next();
        switch (k.text()) {
            case "alloc": {
                int n = number();
                Ctx c = ctx();
                return new Stmt.Alloc(n, c, pos(k));
            }
            case "free":
                return new Stmt.Free(number(), pos(k));
            case "lock": {
                String l = name();
                boolean shared = accept("shared");
                return new Stmt.Lock(l, shared, pos(k));
            }
            case "unlock":
                return new Stmt.Unlock(name(), pos(k));
            case "trylock": {
                String l = name();
                expect("else");
                if (accept("stop")) {
                    return new Stmt.TryLock(l, null, pos(k));
                }
                SourcePos p = pos(k);
                return new Stmt.TryLock(l, block(), p);
            }
            case "write":
                return new Stmt.Write(name(), pos(k));
            case "submit":
                return new Stmt.Submit(name(), pos(k));
            case "wait":
                return new Stmt.Wait(name(), pos(k));
            case "clean":
                return new Stmt.Clean(name(), pos(k));
            case "fill": {
                String i = name();
                int n = number();
                Ctx c = ctx();
                return new Stmt.Fill(i, n, c, pos(k));
            }
            case "dirty": {
                String i = name();
                return new Stmt.Dirty(i, number(), pos(k));
            }
            case "call":
                return new Stmt.Call(name(), pos(k));
            case "scope": {
                Ctx c = ctx();
                SourcePos p = pos(k);
                return new Stmt.Scope(c, block(), p);
            }
            case "if": {
                String perm = name();
                SourcePos p = pos(k);
                List<Stmt> then = block();
                List<Stmt> orElse = accept("else") ? block() : List.of();
                return new Stmt.If(perm, then, orElse, p);
            }
            case "queue":
                return new Stmt.Queue(name(), pos(k));
            case "take":
                return new Stmt.Take(name(), pos(k));
            case "give":
                return new Stmt.Give(name(), pos(k));
            case "stop":
                return new Stmt.Stop(pos(k));
            default:
                throw new IllegalArgumentException("unknown statement " + k.text() + " at line " + k.line());
        }
    }
}
