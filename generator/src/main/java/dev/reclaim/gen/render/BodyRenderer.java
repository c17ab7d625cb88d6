package dev.reclaim.gen.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.reclaim.model.Ctx;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.Stmt;

/**
 * Prints builder calls whose arguments include bodies, as nested lambdas: a body's statements go one
 * per line, two indentation levels (a continuation) deeper than the line its lambda starts on, so
 * the generated code nests the way the {@code .reclaim} source does. Lambda parameters are numbered
 * by depth ({@code b0}, {@code b1}, ...) because Java forbids shadowing them.
 */
final class BodyRenderer {
    private static final String CONTINUATION = "        ";
    /** At most this many statements of a body per lambda. */
    static final int GROUP = 200;

    private final Function<SourcePos, String> pos;
    private final Function<Ctx, String> ctx;
    private final List<String> lines = new ArrayList<>();
    private StringBuilder cur;

    BodyRenderer(Function<SourcePos, String> pos, Function<Ctx, String> ctx) {
        this.pos = pos;
        this.ctx = ctx;
    }

    /**
     * The lines of {@code head}, the arguments (a {@code String} is printed as it is; a {@code List}
     * of statements as a lambda), then {@code tail}: one Java statement, continuation lines indented
     * relative to its first.
     */
    List<String> call(String head, List<?> args, String tail) {
        lines.clear();
        cur = new StringBuilder(head);
        arguments(args, 0, 0);
        cur.append(tail);
        lines.add(cur.toString());
        return List.copyOf(lines);
    }

    private void arguments(List<?> args, int depth, int indent) {
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                cur.append(", ");
            }
            if (args.get(i) instanceof List<?> body) {
                body(body, depth, indent);
            } else {
                cur.append(args.get(i));
            }
        }
    }

    private void body(List<?> stmts, int depth, int indent) {
        String b = "b" + depth;
        if (stmts.isEmpty()) {
            cur.append(b).append(" -> { }");
            return;
        }
        cur.append(b).append(" -> ").append(b);
        if (stmts.size() > GROUP) {
            // One lambda is one method: a long body goes out in groups (BodyBuilder.group).
            for (int from = 0; from < stmts.size(); from += GROUP) {
                lines.add(cur.toString());
                cur = new StringBuilder(CONTINUATION.repeat(indent + 1)).append(".group(");
                body(stmts.subList(from, Math.min(stmts.size(), from + GROUP)), depth + 1, indent + 1);
                cur.append(')');
            }
            return;
        }
        for (Object o : stmts) {
            lines.add(cur.toString());
            cur = new StringBuilder(CONTINUATION.repeat(indent + 1));
            statement((Stmt) o, depth + 1, indent + 1);
        }
    }

    /** {@code .name(args)}, nested bodies at {@code depth}; bodies come last, as the builder takes them. */
    private void statement(Stmt s, int depth, int indent) {
        List<Object> args = new ArrayList<>();
        List<List<Stmt>> bodies = new ArrayList<>();
        String name;
        if (s instanceof Stmt.Alloc x) {
            name = "alloc";
            args.add(x.pages());
            args.add(ctx.apply(x.ctx()));
        } else if (s instanceof Stmt.Free x) {
            name = "free";
            args.add(x.pages());
        } else if (s instanceof Stmt.Lock x) {
            name = "lock";
            args.add(str(x.lock()));
            args.add(x.shared());
        } else if (s instanceof Stmt.Unlock x) {
            name = "unlock";
            args.add(str(x.lock()));
        } else if (s instanceof Stmt.TryLock x) {
            name = x.elseStop() ? "trylockElseStop" : "trylock";
            args.add(str(x.lock()));
            if (!x.elseStop()) {
                bodies.add(x.orElse());
            }
        } else if (s instanceof Stmt.Write x) {
            name = "write";
            args.add(str(x.instance()));
        } else if (s instanceof Stmt.Submit x) {
            name = "submit";
            args.add(str(x.instance()));
        } else if (s instanceof Stmt.Wait x) {
            name = "await";
            args.add(str(x.instance()));
        } else if (s instanceof Stmt.Fill x) {
            name = "fill";
            args.add(str(x.instance()));
            args.add(x.pages());
            args.add(ctx.apply(x.ctx()));
        } else if (s instanceof Stmt.Dirty x) {
            name = "dirty";
            args.add(str(x.instance()));
            args.add(x.pages());
        } else if (s instanceof Stmt.Clean x) {
            name = "clean";
            args.add(str(x.instance()));
        } else if (s instanceof Stmt.Call x) {
            name = "call";
            args.add(str(x.op()));
        } else if (s instanceof Stmt.Scope x) {
            name = "scope";
            args.add(ctx.apply(x.ctx()));
            bodies.add(x.body());
        } else if (s instanceof Stmt.If x) {
            name = "when";
            args.add(str(x.permission()));
            bodies.add(x.then());
            if (!x.orElse().isEmpty()) {
                bodies.add(x.orElse());
            }
        } else if (s instanceof Stmt.Queue x) {
            name = "queue";
            args.add(str(x.workqueue()));
        } else if (s instanceof Stmt.Take x) {
            name = "take";
            args.add(str(x.pool()));
        } else if (s instanceof Stmt.Give x) {
            name = "give";
            args.add(str(x.pool()));
        } else if (s instanceof Stmt.Stop) {
            name = "stop";
        } else {
            throw new IllegalArgumentException("no builder call for " + s);
        }
        args.add(pos.apply(s.pos()));
        args.addAll(bodies);
        cur.append('.').append(name).append('(');
        arguments(args, depth, indent);
        cur.append(')');
    }

    private static String str(String s) {
        return JavaText.literal(s);
    }
}
