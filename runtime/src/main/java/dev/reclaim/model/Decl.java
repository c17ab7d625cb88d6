package dev.reclaim.model;

import java.util.List;

/**
 * The declarations of a system. Each has a stable {@link #path()} ("system/kind name") that
 * findings, waivers and baselines key on instead of line numbers.
 */
public sealed interface Decl {
    String name();

    String doc();

    SourcePos pos();

    String kind();

    default String path(String system) {
        return system + "/" + kind() + " " + name();
    }

    /** {@code layer} is the name of the instance's layer. */
    record Instance(String name, String layer, List<String> on, List<String> servedBy, String doc, SourcePos pos)
            implements Decl {
        public Instance {
            on = List.copyOf(on);
            servedBy = List.copyOf(servedBy);
        }

        public String kind() {
            return "instance";
        }
    }

    enum LockKind { MUTEX, RWSEM }

    record LockDecl(String name, LockKind lockKind, String owner, boolean writerPreferring, String doc, SourcePos pos)
            implements Decl {
        public String kind() {
            return lockKind == LockKind.MUTEX ? "mutex" : "rwsem";
        }
    }

    record Mempool(String name, String owner, int size, String doc, SourcePos pos) implements Decl {
        public String kind() {
            return "mempool";
        }
    }

    record Workqueue(String name, boolean memreclaim, List<Stmt> body, String doc, SourcePos pos) implements Decl {
        public Workqueue {
            body = List.copyOf(body);
        }

        public String kind() {
            return "workqueue";
        }
    }

    enum ThreadKind { KSWAPD, SERVER, TASK }

    /** {@code serves} is null unless a server; {@code scope} is null without {@code scope CTX}. */
    record ThreadDecl(String name, ThreadKind threadKind, String serves, Ctx scope, List<Stmt> body, String doc,
                      SourcePos pos) implements Decl {
        public ThreadDecl {
            body = List.copyOf(body);
        }

        public String kind() {
            return "thread";
        }
    }

    record Op(String name, String owner, List<Stmt> body, String doc, SourcePos pos) implements Decl {
        public Op {
            body = List.copyOf(body);
        }

        public String kind() {
            return "op";
        }
    }

    enum GuardMode { LAYER, PERMISSION, UNGUARDED }

    /**
     * {@code guardMode} LAYER uses the owner's layer guard; PERMISSION uses {@code guard};
     * {@code count} is null when absent.
     */
    record Shrinker(String name, String owner, GuardMode guardMode, String guard, List<Stmt> count, List<Stmt> scan,
                    SourcePos countPos, SourcePos scanPos, String doc, SourcePos pos) implements Decl {
        public Shrinker {
            count = count == null ? null : List.copyOf(count);
            scan = List.copyOf(scan);
        }

        public String kind() {
            return "shrinker";
        }
    }
}
