package dev.reclaim.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.reclaim.model.Decl.Instance;
import dev.reclaim.model.Decl.LockDecl;
import dev.reclaim.model.Decl.Mempool;
import dev.reclaim.model.Decl.Op;
import dev.reclaim.model.Decl.Shrinker;
import dev.reclaim.model.Decl.ThreadDecl;
import dev.reclaim.model.Decl.Workqueue;

/**
 * One {@code system}: the IR that checks and the simulator run on. Lists keep declaration order
 * (shrinkers run in it); lookups by name are by the maps built once here.
 */
public final class SystemModel {
    /** {@code memory N pages min A low B high C}. */
    public record Memory(int total, int min, int low, int high, SourcePos pos) {}

    /** {@code expect deadlock} / {@code expect no deadlock}. */
    public record Expect(boolean deadlock, SourcePos pos) {}

    /** {@code expect findings "a", "b"}: the exact set of rule ids. */
    public record ExpectFindings(Set<String> ruleIds, SourcePos pos) {
        public ExpectFindings {
            ruleIds = Set.copyOf(ruleIds);
        }
    }

    /** {@code cache INST N}. */
    public record Cache(String instance, int pages, SourcePos pos) {}

    /** {@code allow "rule" "reason"}; {@code declPath} is the declaration it waives findings on. */
    public record Waiver(String ruleId, String reason, String declPath, SourcePos pos) {}

    private final String name;
    private final String doc;
    private final SourcePos pos;
    private final Vocabulary vocab;
    private final Memory memory;
    private final Expect expect;
    private final ExpectFindings expectFindings;
    private final List<Instance> instances;
    private final List<LockDecl> locks;
    private final List<Mempool> mempools;
    private final List<Workqueue> workqueues;
    private final List<ThreadDecl> threads;
    private final List<Op> ops;
    private final List<Shrinker> shrinkers;
    private final List<Cache> caches;
    private final List<Waiver> waivers;

    private final Map<String, Instance> instanceByName;
    private final Map<String, LockDecl> lockByName;
    private final Map<String, Mempool> mempoolByName;
    private final Map<String, Workqueue> workqueueByName;
    private final Map<String, ThreadDecl> threadByName;
    private final Map<String, Op> opByName;
    private final Map<String, Shrinker> shrinkerByName;

    public SystemModel(String name, String doc, SourcePos pos, Vocabulary vocab, Memory memory, Expect expect,
                       ExpectFindings expectFindings, List<Instance> instances, List<LockDecl> locks,
                       List<Mempool> mempools, List<Workqueue> workqueues, List<ThreadDecl> threads, List<Op> ops,
                       List<Shrinker> shrinkers, List<Cache> caches, List<Waiver> waivers) {
        this.name = name;
        this.doc = doc;
        this.pos = pos;
        this.vocab = vocab;
        this.memory = memory;
        this.expect = expect;
        this.expectFindings = expectFindings;
        this.instances = List.copyOf(instances);
        this.locks = List.copyOf(locks);
        this.mempools = List.copyOf(mempools);
        this.workqueues = List.copyOf(workqueues);
        this.threads = List.copyOf(threads);
        this.ops = List.copyOf(ops);
        this.shrinkers = List.copyOf(shrinkers);
        this.caches = List.copyOf(caches);
        this.waivers = List.copyOf(waivers);
        this.instanceByName = index(this.instances, Instance::name);
        this.lockByName = index(this.locks, LockDecl::name);
        this.mempoolByName = index(this.mempools, Mempool::name);
        this.workqueueByName = index(this.workqueues, Workqueue::name);
        this.threadByName = index(this.threads, ThreadDecl::name);
        this.opByName = index(this.ops, Op::name);
        this.shrinkerByName = index(this.shrinkers, Shrinker::name);
    }

    /** First declaration wins: duplicates are a structural error reported by the front end. */
    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, t -> t, (a, b) -> a, LinkedHashMap::new));
    }

    public String name() { return name; }
    public String doc() { return doc; }
    public SourcePos pos() { return pos; }
    public Vocabulary vocab() { return vocab; }
    public Memory memory() { return memory; }
    public Expect expect() { return expect; }
    public ExpectFindings expectFindings() { return expectFindings; }
    public List<Instance> instances() { return instances; }
    public List<LockDecl> locks() { return locks; }
    public List<Mempool> mempools() { return mempools; }
    public List<Workqueue> workqueues() { return workqueues; }
    public List<ThreadDecl> threads() { return threads; }
    public List<Op> ops() { return ops; }
    public List<Shrinker> shrinkers() { return shrinkers; }
    public List<Cache> caches() { return caches; }
    public List<Waiver> waivers() { return waivers; }

    public Optional<Instance> instance(String n) { return Optional.ofNullable(instanceByName.get(n)); }
    public Optional<LockDecl> lock(String n) { return Optional.ofNullable(lockByName.get(n)); }
    public Optional<Mempool> mempool(String n) { return Optional.ofNullable(mempoolByName.get(n)); }
    public Optional<Workqueue> workqueue(String n) { return Optional.ofNullable(workqueueByName.get(n)); }
    public Optional<ThreadDecl> thread(String n) { return Optional.ofNullable(threadByName.get(n)); }
    public Optional<Op> op(String n) { return Optional.ofNullable(opByName.get(n)); }
    public Optional<Shrinker> shrinker(String n) { return Optional.ofNullable(shrinkerByName.get(n)); }

    /** The stable path of a declaration of this system, e.g. {@code seed_2019_buggy/thread loop0_worker}. */
    public String pathOf(Decl d) {
        return d.path(name);
    }
}
