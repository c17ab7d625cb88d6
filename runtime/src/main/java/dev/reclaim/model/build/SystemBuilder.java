package dev.reclaim.model.build;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

import dev.reclaim.model.Ctx;
import dev.reclaim.model.Decl;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.SystemModel;
import dev.reclaim.model.Vocabulary;

/**
 * Builds one {@link SystemModel}: call the declaration methods in declaration order (the order of
 * each kind is kept: shrinkers run in it, PIDs follow threads), then {@link #build()}. Bodies are
 * lambdas over a {@link BodyBuilder}. Docs may be null everywhere.
 */
public final class SystemBuilder {
    private final String name;
    private final String doc;
    private final SourcePos pos;
    private final Vocabulary vocab;
    private SystemModel.Memory memory;
    private SystemModel.Expect expect;
    private SystemModel.ExpectFindings expectFindings;
    private final List<Decl.Instance> instances = new ArrayList<>();
    private final List<Decl.LockDecl> locks = new ArrayList<>();
    private final List<Decl.Mempool> mempools = new ArrayList<>();
    private final List<Decl.Workqueue> workqueues = new ArrayList<>();
    private final List<Decl.ThreadDecl> threads = new ArrayList<>();
    private final List<Decl.Op> ops = new ArrayList<>();
    private final List<Decl.Shrinker> shrinkers = new ArrayList<>();
    private final List<SystemModel.Cache> caches = new ArrayList<>();
    private final List<SystemModel.Waiver> waivers = new ArrayList<>();

    private SystemBuilder(String name, String doc, SourcePos pos, Vocabulary vocab) {
        this.name = name;
        this.doc = doc;
        this.pos = pos;
        this.vocab = vocab;
    }

    /** A system called {@code name} over {@code vocab}; {@code pos} is where its name is written. */
    public static SystemBuilder create(String name, String doc, SourcePos pos, Vocabulary vocab) {
        return new SystemBuilder(name, doc, pos, vocab);
    }

    /**
     * A context expression as written at a use site ({@code alloc 1 NOFS - io}): its source text,
     * which messages quote, and the permissions it resolves to.
     *
     * @throws IllegalArgumentException when a permission is not in the vocabulary
     */
    public Ctx ctx(String text, String... permissions) {
        return new Ctx(VocabularyBuilder.perms(vocab, permissions), text);
    }

    /** {@code memory N pages min A low B high C}. */
    public SystemBuilder memory(int total, int min, int low, int high, SourcePos at) {
        memory = new SystemModel.Memory(total, min, low, high, at);
        return this;
    }

    /** {@code expect deadlock} when {@code deadlock}, else {@code expect no deadlock}. */
    public SystemBuilder expect(boolean deadlock, SourcePos at) {
        expect = new SystemModel.Expect(deadlock, at);
        return this;
    }

    /** {@code expect findings "a", "b"}: the exact set of rule ids. */
    public SystemBuilder expectFindings(SourcePos at, String... ruleIds) {
        expectFindings = new SystemModel.ExpectFindings(new LinkedHashSet<>(List.of(ruleIds)), at);
        return this;
    }

    /** {@code LAYER NAME on ... served by ...}: an instance of {@code layer}. */
    public SystemBuilder instance(String instance, String layer, List<String> on, List<String> servedBy,
                                  String doc, SourcePos at) {
        instances.add(new Decl.Instance(instance, layer, on, servedBy, doc, at));
        return this;
    }

    /** {@code mutex NAME in OWNER}. */
    public SystemBuilder mutex(String lock, String owner, String doc, SourcePos at) {
        locks.add(new Decl.LockDecl(lock, Decl.LockKind.MUTEX, owner, false, doc, at));
        return this;
    }

    /** {@code rwsem NAME in OWNER}, writer-preferring unless {@code writerPreferring} is false. */
    public SystemBuilder rwsem(String lock, String owner, boolean writerPreferring, String doc, SourcePos at) {
        locks.add(new Decl.LockDecl(lock, Decl.LockKind.RWSEM, owner, writerPreferring, doc, at));
        return this;
    }

    /** {@code mempool NAME in OWNER size N}. */
    public SystemBuilder mempool(String pool, String owner, int size, String doc, SourcePos at) {
        mempools.add(new Decl.Mempool(pool, owner, size, doc, at));
        return this;
    }

    /** {@code workqueue NAME [memreclaim] { BODY }}. */
    public SystemBuilder workqueue(String workqueue, boolean memreclaim, String doc, SourcePos at,
                                   Consumer<BodyBuilder> body) {
        workqueues.add(new Decl.Workqueue(workqueue, memreclaim, BodyBuilder.of(body), doc, at));
        return this;
    }

    /** {@code thread NAME kswapd}. */
    public SystemBuilder kswapd(String thread, String doc, SourcePos at) {
        threads.add(new Decl.ThreadDecl(thread, Decl.ThreadKind.KSWAPD, null, null, List.of(), doc, at));
        return this;
    }

    /** {@code thread NAME serves INST [scope CTX] { BODY }}; {@code scope} is null without one. */
    public SystemBuilder server(String thread, String serves, Ctx scope, String doc, SourcePos at,
                                Consumer<BodyBuilder> body) {
        threads.add(new Decl.ThreadDecl(thread, Decl.ThreadKind.SERVER, serves, scope, BodyBuilder.of(body), doc,
                at));
        return this;
    }

    /** {@code thread NAME task [scope CTX] { BODY }}; {@code scope} is null without one. */
    public SystemBuilder task(String thread, Ctx scope, String doc, SourcePos at, Consumer<BodyBuilder> body) {
        threads.add(new Decl.ThreadDecl(thread, Decl.ThreadKind.TASK, null, scope, BodyBuilder.of(body), doc, at));
        return this;
    }

    /** {@code op NAME in OWNER { BODY }}. */
    public SystemBuilder op(String op, String owner, String doc, SourcePos at, Consumer<BodyBuilder> body) {
        ops.add(new Decl.Op(op, owner, BodyBuilder.of(body), doc, at));
        return this;
    }

    /** {@code shrinker NAME in OWNER { scan { BODY } }}, guarded by its owner's layer guard. */
    public SystemBuilder shrinker(String shrinker, String owner, String doc, SourcePos at, SourcePos scanAt,
                                  Consumer<BodyBuilder> scan) {
        return shrinker(shrinker, owner, Decl.GuardMode.LAYER, null, doc, at, null, null, scanAt, scan);
    }

    /**
     * A shrinker in full: {@code guardMode} LAYER (its owner's layer guard), PERMISSION ({@code guard})
     * or UNGUARDED; {@code count} and {@code countAt} are null without a {@code count} body.
     */
    public SystemBuilder shrinker(String shrinker, String owner, Decl.GuardMode guardMode, String guard, String doc,
                                  SourcePos at, SourcePos countAt, Consumer<BodyBuilder> count, SourcePos scanAt,
                                  Consumer<BodyBuilder> scan) {
        shrinkers.add(new Decl.Shrinker(shrinker, owner, guardMode, guard,
                count == null ? null : BodyBuilder.of(count), BodyBuilder.of(scan), countAt, scanAt, doc, at));
        return this;
    }

    /** {@code cache INST N}. */
    public SystemBuilder cache(String instance, int pages, SourcePos at) {
        caches.add(new SystemModel.Cache(instance, pages, at));
        return this;
    }

    /**
     * {@code allow "rule" "reason"}, waiving that rule's findings on the declaration with the stable
     * path {@code declPath} ({@code "system/kind name"}, or the system's name for the whole system).
     */
    public SystemBuilder allow(String ruleId, String reason, String declPath, SourcePos at) {
        waivers.add(new SystemModel.Waiver(ruleId, reason, declPath, at));
        return this;
    }

    /** The system as declared so far. */
    public SystemModel build() {
        return new SystemModel(name, doc, pos, vocab, memory, expect, expectFindings, instances, locks, mempools,
                workqueues, threads, ops, shrinkers, caches, waivers);
    }
}
