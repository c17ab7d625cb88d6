package dev.reclaim.doc;

import dev.reclaim.doc.PolicyDoc.Cell;
import dev.reclaim.doc.PolicyDoc.ContextDoc;
import dev.reclaim.doc.PolicyDoc.FindingDoc;
import dev.reclaim.doc.PolicyDoc.InstanceDoc;
import dev.reclaim.doc.PolicyDoc.LayerDoc;
import dev.reclaim.doc.PolicyDoc.Matrix;
import dev.reclaim.doc.PolicyDoc.PermDoc;
import dev.reclaim.doc.PolicyDoc.Row;
import dev.reclaim.doc.PolicyDoc.RuleDoc;
import dev.reclaim.doc.PolicyDoc.SimDoc;
import dev.reclaim.doc.PolicyDoc.SystemDoc;
import dev.reclaim.doc.PolicyDoc.ThreadDoc;
import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.dsl.compile.Reported;
import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.ContextDef;
import dev.reclaim.model.Decl;
import dev.reclaim.model.Layer;
import dev.reclaim.model.Permission;
import dev.reclaim.model.SystemModel;
import dev.reclaim.model.Vocabulary;
import dev.reclaim.sim.Progress;
import dev.reclaim.sim.SimResult;
import dev.reclaim.sim.Simulator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link PolicyDoc} of checked files: the vocabulary (merged by name over the files'
 * systems, first declaration wins), the context lattice, the recursion matrix, and per system its
 * stack, findings and simulation verdict.
 */
public final class PolicyDocBuilder {
    /** The simulation bounds the documentation runs with: both modes, modest so that docs stay quick. */
    public static final int RUNS = 50;
    public static final int STEPS = Simulator.DEFAULT_STEPS;
    public static final int MAX_STATES = 200_000;

    private final Simulator.Options options = new Simulator.Options(Simulator.Mode.DEFAULT, Simulator.DEFAULT_SEED,
            RUNS, STEPS, MAX_STATES, Simulator.DEFAULT_MAX_DEPTH, new int[0]);

    public PolicyDoc build(List<FileReport> reports) {
        Map<String, PermDoc> perms = new LinkedHashMap<>();
        Map<String, List<String>> contextPerms = new LinkedHashMap<>();
        Map<String, String> contextDocs = new LinkedHashMap<>();
        Map<String, Layer> layers = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        List<SystemDoc> systems = new ArrayList<>();
        List<FindingDoc> fileFindings = new ArrayList<>();
        for (FileReport r : reports) {
            files.add(r.file());
            for (SystemModel s : r.systems()) {
                Vocabulary v = s.vocab();
                for (Permission p : v.permissions()) {
                    perms.putIfAbsent(p.name(), new PermDoc(p.name(), p.doc()));
                }
                for (ContextDef c : v.contexts()) {
                    contextPerms.putIfAbsent(c.name(), v.names(c.perms()));
                    contextDocs.putIfAbsent(c.name(), c.doc());
                }
                for (Layer l : v.layers()) {
                    layers.putIfAbsent(l.name(), l);
                }
                systems.add(system(r, s));
            }
            for (Reported f : r.findings()) {
                if (f.finding().system() == null) {
                    fileFindings.add(finding(f));
                }
            }
        }
        List<ContextDoc> contexts = lattice(contextPerms, contextDocs);
        Map<String, List<String>> above = new LinkedHashMap<>();
        List<LayerDoc> layerDocs = new ArrayList<>();
        for (Layer l : layers.values()) {
            List<String> up = above(l.name(), layers);
            above.put(l.name(), up);
            layerDocs.add(new LayerDoc(l.name(), l.doc(), l.guard(), l.below(), up));
        }
        List<RuleDoc> rules = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            rules.add(new RuleDoc(rule.id(), lower(rule.severity()), rule.title(), rule.rationale(),
                    RuleExamples.bad(rule.id()), RuleExamples.good(rule.id())));
        }
        return new PolicyDoc(files, List.copyOf(perms.values()), contexts, layerDocs,
                matrix(layers, above, contextPerms), systems, fileFindings, rules, bounds());
    }

    /** The simulation bounds in words, for the documents. */
    public static String bounds() {
        return "random: " + RUNS + " runs of at most " + STEPS + " steps from seed " + Simulator.DEFAULT_SEED
                + "; exhaustive: at most " + MAX_STATES + " states, no depth bound";
    }

    /** The layers that depend on {@code name}: reachable through {@code below} (the layers directly above). */
    private static List<String> above(String name, Map<String, Layer> layers) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(name);
        while (!todo.isEmpty()) {
            Layer l = layers.get(todo.poll());
            if (l == null) {
                continue;
            }
            for (String b : l.below()) {
                if (seen.add(b)) {
                    todo.add(b);
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String l : layers.keySet()) {
            if (seen.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }

    private static Matrix matrix(Map<String, Layer> layers, Map<String, List<String>> above,
                                 Map<String, List<String>> contexts) {
        List<String> columns = List.copyOf(layers.keySet());
        List<Row> rows = new ArrayList<>();
        for (String from : columns) {
            for (Map.Entry<String, List<String>> c : contexts.entrySet()) {
                List<Cell> cells = new ArrayList<>();
                for (String to : columns) {
                    String guard = layers.get(to).guard();
                    boolean admitted = guard == null || c.getValue().contains(guard);
                    boolean upward = to.equals(from) || above.get(from).contains(to);
                    cells.add(new Cell(to, admitted, admitted && upward));
                }
                rows.add(new Row(from, c.getKey(), cells));
            }
        }
        return new Matrix(columns, rows);
    }

    /** Each context with the contexts directly below it: strict subsets with nothing strictly between. */
    private static List<ContextDoc> lattice(Map<String, List<String>> perms, Map<String, String> docs) {
        List<ContextDoc> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> a : perms.entrySet()) {
            List<String> includes = new ArrayList<>();
            for (Map.Entry<String, List<String>> b : perms.entrySet()) {
                if (!strictSubset(b.getValue(), a.getValue())) {
                    continue;
                }
                boolean direct = true;
                for (List<String> c : perms.values()) {
                    if (strictSubset(b.getValue(), c) && strictSubset(c, a.getValue())) {
                        direct = false;
                        break;
                    }
                }
                if (direct) {
                    includes.add(b.getKey());
                }
            }
            out.add(new ContextDoc(a.getKey(), a.getValue(), docs.get(a.getKey()), includes));
        }
        return out;
    }

    private static boolean strictSubset(List<String> a, List<String> b) {
        return b.containsAll(a) && !a.containsAll(b);
    }

    private SystemDoc system(FileReport r, SystemModel s) {
        List<InstanceDoc> instances = new ArrayList<>();
        for (Decl.Instance i : s.instances()) {
            instances.add(new InstanceDoc(i.name(), i.layer(), i.on(), i.servedBy()));
        }
        List<ThreadDoc> threads = new ArrayList<>();
        for (Decl.ThreadDecl t : s.threads()) {
            threads.add(new ThreadDoc(t.name(), lower(t.threadKind()), t.serves()));
        }
        List<FindingDoc> findings = new ArrayList<>();
        for (Reported f : r.findings()) {
            if (s.name().equals(f.finding().system())) {
                findings.add(finding(f));
            }
        }
        return new SystemDoc(s.name(), r.file(), s.doc(), instances, threads, findings, simulate(r.file(), s));
    }

    private SimDoc simulate(String file, SystemModel s) {
        SimResult res;
        try {
            res = Simulator.simulate(s, options, Progress.NONE);
        } catch (RuntimeException e) {
            return new SimDoc(null, "not simulated", null, null, e.getMessage(), null, null, List.of(), List.of());
        }
        String verdict = res.deadlock() ? "deadlock" : "no deadlock";
        SimResult.Found f = res.found();
        if (f == null) {
            return new SimDoc(res.expect(), verdict, res.met(), null, null, null, res.bound(), List.of(), List.of());
        }
        StringBuilder sched = new StringBuilder();
        for (int pid : f.schedule()) {
            sched.append(sched.length() == 0 ? "" : ",").append(pid);
        }
        String replay = "reclaimc simulate " + file + " --system " + s.name() + " --schedule " + sched;
        List<PolicyDoc.StepDoc> trace = f.trace().stream().map(t -> new PolicyDoc.StepDoc(t.step(), t.pid(),
                t.thread(), t.statement(), t.location(), t.free(), t.note())).toList();
        List<PolicyDoc.StackDoc> stacks = f.stacks().stream().map(st -> new PolicyDoc.StackDoc(st.pid(), st.command(),
                st.inCycle(), st.frames().stream().map(fr -> new PolicyDoc.FrameDoc(fr.index(), fr.label(),
                        fr.location(), fr.note())).toList())).toList();
        return new SimDoc(res.expect(), verdict, res.met(), f.kind(), f.summary(), replay, res.bound(), trace, stacks);
    }

    private static FindingDoc finding(Reported r) {
        Finding f = r.finding();
        return new FindingDoc(f.ruleId(), lower(f.severity()), lower(r.status()), f.message(), f.pos().file(),
                f.pos().line(), f.pos().column(), f.declaration());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
