package dev.reclaim.analysis.structure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Related;
import dev.reclaim.findings.Rule;
import dev.reclaim.graph.Digraph;
import dev.reclaim.model.Decl;
import dev.reclaim.model.Decl.Instance;
import dev.reclaim.model.Decl.ThreadDecl;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.Stmt;
import dev.reclaim.model.SystemModel;

/**
 * The structural errors of one system (LANGUAGE.md §3, "structural"): duplicate and unknown names,
 * instance {@code on} cycles, {@code serves}/{@code served by} disagreement, {@code memory}, mempool
 * sizes. Statement-level checks live in {@link BodyStructure}. The front end normally reports
 * unknown names first; these checks keep the analyses safe on a model built some other way.
 */
public final class SystemStructure {
    private final SystemModel sys;
    private final List<Finding> findings = new ArrayList<>();

    private SystemStructure(SystemModel sys) {
        this.sys = sys;
    }

    public static List<Finding> check(SystemModel sys) {
        SystemStructure s = new SystemStructure(sys);
        s.duplicates();
        s.declarationNames();
        s.instanceCycles();
        s.serves();
        s.memory();
        s.mempoolSizes();
        s.findings.addAll(BodyStructure.check(sys));
        return List.copyOf(s.findings);
    }

    private void duplicates() {
        duplicates("instance", sys.instances());
        duplicates("lock", sys.locks());
        duplicates("mempool", sys.mempools());
        duplicates("workqueue", sys.workqueues());
        duplicates("thread", sys.threads());
        duplicates("op", sys.ops());
        duplicates("shrinker", sys.shrinkers());
    }

    private void duplicates(String kind, List<? extends Decl> decls) {
        Map<String, Decl> first = new HashMap<>();
        for (Decl d : decls) {
            Decl prev = first.putIfAbsent(d.name(), d);
            if (prev != null) {
                add(Rule.DUPLICATE_NAME, d, "duplicate " + kind + " name '" + d.name() + "' (first declared at line "
                        + prev.pos().line() + ")", List.of(new Related("first declaration", prev.pos())));
            }
        }
    }

    private void declarationNames() {
        for (Instance i : sys.instances()) {
            if (sys.vocab().layer(i.layer()).isEmpty()) {
                add(Rule.UNKNOWN_NAME, i, "instance " + i.name() + " has unknown layer '" + i.layer() + "'");
            }
            for (String on : i.on()) {
                if (sys.instance(on).isEmpty()) {
                    add(Rule.UNKNOWN_NAME, i, "instance " + i.name() + " is on unknown instance '" + on + "'");
                }
            }
            for (String t : i.servedBy()) {
                if (sys.thread(t).isEmpty()) {
                    add(Rule.UNKNOWN_NAME, i, "instance " + i.name() + " is served by unknown thread '" + t + "'");
                }
            }
        }
        for (ThreadDecl t : sys.threads()) {
            if (t.serves() != null && sys.instance(t.serves()).isEmpty()) {
                add(Rule.UNKNOWN_NAME, t, "thread " + t.name() + " serves unknown instance '" + t.serves() + "'");
            }
        }
        sys.locks().forEach(l -> owner(l, l.owner()));
        sys.mempools().forEach(m -> owner(m, m.owner()));
        sys.ops().forEach(o -> owner(o, o.owner()));
        for (Decl.Shrinker s : sys.shrinkers()) {
            owner(s, s.owner());
            if (s.guardMode() == Decl.GuardMode.PERMISSION && sys.vocab().permission(s.guard()).isEmpty()) {
                add(Rule.UNKNOWN_NAME, s, "shrinker " + s.name() + " is guarded by unknown permission '"
                        + s.guard() + "'");
            }
        }
        for (SystemModel.Cache c : sys.caches()) {
            if (sys.instance(c.instance()).isEmpty()) {
                findings.add(new Finding(Rule.UNKNOWN_NAME, "cache of unknown instance '" + c.instance() + "'",
                        c.pos(), List.of(), sys.name(), sys.name()));
            }
        }
    }

    private void owner(Decl d, String owner) {
        if (sys.instance(owner).isEmpty()) {
            add(Rule.UNKNOWN_NAME, d, d.kind() + " " + d.name() + " is in unknown instance '" + owner + "'");
        }
    }

    /** One finding per strongly connected component, at its first instance in declaration order. */
    private void instanceCycles() {
        List<Instance> insts = sys.instances();
        Map<String, Integer> node = new HashMap<>();
        Digraph g = new Digraph();
        for (Instance i : insts) {
            node.putIfAbsent(i.name(), g.addNode());
        }
        // Duplicates share the first one's node; their edges still count.
        List<Instance> byNode = new ArrayList<>();
        for (Instance i : insts) {
            if (node.get(i.name()) == byNode.size()) {
                byNode.add(i);
            }
        }
        for (Instance i : insts) {
            for (String on : i.on()) {
                Integer to = node.get(on);
                if (to != null) {
                    g.addEdge(node.get(i.name()), to);
                }
            }
        }
        for (List<Integer> cycle : g.cyclePerComponent()) {
            List<String> names = new ArrayList<>();
            List<Related> related = new ArrayList<>();
            for (int k = 0; k < cycle.size(); k++) {
                Instance i = byNode.get(cycle.get(k));
                names.add(i.name());
                if (k + 1 < cycle.size()) {
                    related.add(new Related(i.name() + " on " + byNode.get(cycle.get(k + 1)).name(), i.pos()));
                }
            }
            add(Rule.INSTANCE_CYCLE, byNode.get(cycle.get(0)), "instance on-edges form a cycle: "
                    + String.join(" on ", names), related);
        }
    }

    private void serves() {
        for (ThreadDecl t : sys.threads()) {
            if (t.serves() == null) {
                continue;
            }
            sys.instance(t.serves()).ifPresent(i -> {
                if (!i.servedBy().contains(t.name())) {
                    add(Rule.SERVES_MISMATCH, t, "thread " + t.name() + " serves " + i.name() + ", but " + i.name()
                            + " does not list it in 'served by'",
                            List.of(new Related("instance " + i.name(), i.pos())));
                }
            });
        }
        for (Instance i : sys.instances()) {
            for (String name : i.servedBy()) {
                sys.thread(name).ifPresent(t -> {
                    if (!i.name().equals(t.serves())) {
                        add(Rule.SERVES_MISMATCH, i, i.name() + " is served by " + t.name() + ", but thread "
                                + t.name() + " does not serve it", List.of(new Related("thread " + t.name(), t.pos())));
                    }
                });
            }
        }
    }

    private void memory() {
        SystemModel.Memory m = sys.memory();
        if (m == null) {
            needsMemory().ifPresent(why -> findings.add(new Finding(Rule.MEMORY, "system " + sys.name() + " " + why
                    + " but declares no memory: add 'memory N pages min A low B high C'", sys.pos(), List.of(),
                    sys.name(), sys.name())));
            return;
        }
        if (!(m.min() <= m.low() && m.low() <= m.high() && m.high() <= m.total())) {
            findings.add(new Finding(Rule.MEMORY, "watermarks out of order: need min <= low <= high <= pages, got min "
                    + m.min() + " low " + m.low() + " high " + m.high() + " with " + m.total() + " pages", m.pos(),
                    List.of(), sys.name(), sys.name()));
        }
    }

    /** Why the system needs {@code memory}: its first allocation, else its first cache, else a plain workqueue. */
    private Optional<String> needsMemory() {
        List<Stmt> allocs = new ArrayList<>();
        allBodies().forEach(b -> Stmts.forEach(b, s -> {
            if (s instanceof Stmt.Alloc || s instanceof Stmt.Fill) {
                allocs.add(s);
            }
        }));
        Optional<Stmt> first = allocs.stream().min(Comparator.comparing(Stmt::pos, POS_ORDER));
        if (first.isPresent()) {
            String what = first.get() instanceof Stmt.Alloc ? "alloc" : "fill";
            return Optional.of("allocates (" + what + " at line " + first.get().pos().line() + ")");
        }
        if (!sys.caches().isEmpty()) {
            return Optional.of("caches pages (cache at line " + sys.caches().get(0).pos().line() + ")");
        }
        List<String> queued = new ArrayList<>();
        allBodies().forEach(b -> Stmts.forEach(b, s -> {
            if (s instanceof Stmt.Queue q) {
                queued.add(q.workqueue());
            }
        }));
        return sys.workqueues().stream().filter(w -> !w.memreclaim() && queued.contains(w.name())).findFirst()
                .map(w -> "allocates (workqueue " + w.name() + " is not memreclaim: its worker allocates a page to "
                        + "start)");
    }

    private Stream<List<Stmt>> allBodies() {
        return Stream.of(sys.threads().stream().map(ThreadDecl::body), sys.ops().stream().map(Decl.Op::body),
                        sys.workqueues().stream().map(Decl.Workqueue::body),
                        sys.shrinkers().stream().map(Decl.Shrinker::count),
                        sys.shrinkers().stream().map(Decl.Shrinker::scan))
                .flatMap(s -> s);
    }

    private static final Comparator<SourcePos> POS_ORDER =
            Comparator.comparing(SourcePos::file).thenComparingInt(SourcePos::line).thenComparingInt(SourcePos::column);

    private void mempoolSizes() {
        for (Decl.Mempool m : sys.mempools()) {
            if (m.size() < 1) {
                add(Rule.INVALID, m, "mempool " + m.name() + " has size " + m.size()
                        + ": a mempool needs at least one element");
            }
        }
    }

    private void add(Rule rule, Decl d, String message) {
        add(rule, d, message, List.of());
    }

    private void add(Rule rule, Decl d, String message, List<Related> related) {
        findings.add(new Finding(rule, message, d.pos(), related, sys.pathOf(d), sys.name()));
    }
}
