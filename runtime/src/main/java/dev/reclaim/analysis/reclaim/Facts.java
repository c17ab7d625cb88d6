package dev.reclaim.analysis.reclaim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.reclaim.model.Decl;
import dev.reclaim.model.Decl.Instance;
import dev.reclaim.model.Decl.Shrinker;
import dev.reclaim.model.Decl.ThreadDecl;
import dev.reclaim.model.Decl.ThreadKind;
import dev.reclaim.model.Decl.Workqueue;
import dev.reclaim.model.Permission;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.SystemModel;
import dev.reclaim.model.Vocabulary;

/**
 * What every rule needs to know about a system, computed once: the vocabulary's {@code direct}
 * bit, the layer order, IO routing, the threads to walk, effective guards and declaration order.
 *
 * <p>Declaration order is source order (line, then column) of the threads, workqueues and
 * shrinkers findings are declared on; ties (hand-built models without positions) fall back to
 * threads, then workqueues, then shrinkers, each in list order.
 */
final class Facts {
    private final SystemModel sys;
    private final Vocabulary vocab;
    private final PermSet all;
    private final int directBit;
    private final LayerOrder layers;
    private final IoRouting io;
    private final List<Actor> actors = new ArrayList<>();
    private final Map<Decl, Integer> order = new IdentityHashMap<>();

    Facts(SystemModel sys) {
        this.sys = sys;
        this.vocab = sys.vocab();
        this.all = vocab.all();
        this.directBit = vocab.permission("direct").map(Permission::bit).orElse(-1);
        this.layers = new LayerOrder(vocab);
        this.io = new IoRouting(sys);
        List<Decl> decls = new ArrayList<>();
        decls.addAll(sys.threads());
        decls.addAll(sys.workqueues());
        decls.addAll(sys.shrinkers());
        List<Decl> sorted = new ArrayList<>(decls);
        sorted.sort(Comparator.comparingInt((Decl d) -> line(d.pos())).thenComparingInt(d -> column(d.pos())));
        for (Decl d : sorted) {
            order.putIfAbsent(d, order.size());
            if (d instanceof ThreadDecl t) {
                actors.add(new Actor(actors.size(), t.name(), t, kind(t.threadKind()), t.serves(),
                        t.scope() == null ? all : t.scope().perms(), t.body()));
            } else if (d instanceof Workqueue w) {
                actors.add(new Actor(actors.size(), w.name(), w, Actor.Kind.WORK, null, all, w.body()));
            }
        }
    }

    private static Actor.Kind kind(ThreadKind k) {
        if (k == null) {
            return Actor.Kind.TASK;
        }
        return switch (k) {
            case KSWAPD -> Actor.Kind.KSWAPD;
            case SERVER -> Actor.Kind.SERVER;
            case TASK -> Actor.Kind.TASK;
        };
    }

    private static int line(SourcePos p) {
        return p == null ? 0 : p.line();
    }

    private static int column(SourcePos p) {
        return p == null ? 0 : p.column();
    }

    SystemModel sys() {
        return sys;
    }

    Vocabulary vocab() {
        return vocab;
    }

    PermSet all() {
        return all;
    }

    LayerOrder layers() {
        return layers;
    }

    IoRouting io() {
        return io;
    }

    /** Threads and workqueue workers in declaration order. */
    List<Actor> actors() {
        return actors;
    }

    int order(Decl d) {
        return order.getOrDefault(d, Integer.MAX_VALUE);
    }

    /** Whether an allocation with this effective context runs direct reclaim. */
    boolean reclaims(PermSet effective) {
        return directBit >= 0 && effective.has(directBit);
    }

    /** The layer of an instance, or null when the instance is unknown. */
    String layerOf(String instance) {
        return sys.instance(instance).map(Instance::layer).orElse(null);
    }

    /** A shrinker's effective guard: its own, none when unguarded, else its owner's layer's (maybe none). */
    Permission guardOf(Shrinker s) {
        String name = switch (s.guardMode() == null ? Decl.GuardMode.LAYER : s.guardMode()) {
            case PERMISSION -> s.guard();
            case UNGUARDED -> null;
            case LAYER -> layers.guard(layerOf(s.owner()));
        };
        return name == null ? null : vocab.permission(name).orElse(null);
    }

    /** The guard permissions of the given layers and of every layer above them. */
    PermSet guardsAtOrAbove(Iterable<String> layerNames) {
        PermSet out = PermSet.NONE;
        for (String l : layerNames) {
            out = out.or(guardBit(l));
            for (String up : layers.above(l)) {
                out = out.or(guardBit(up));
            }
        }
        return out;
    }

    private PermSet guardBit(String layer) {
        String g = layers.guard(layer);
        return g == null ? PermSet.NONE
                : vocab.permission(g).map(p -> PermSet.of(p.bit())).orElse(PermSet.NONE);
    }

    String path(Decl d) {
        return sys.pathOf(d);
    }
}
