package dev.reclaim.dsl.lowering;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import dev.reclaim.dsl.reclaim.Allow;
import dev.reclaim.dsl.reclaim.Cache;
import dev.reclaim.dsl.reclaim.ExpectDeadlock;
import dev.reclaim.dsl.reclaim.ExpectFindings;
import dev.reclaim.dsl.reclaim.Instance;
import dev.reclaim.dsl.reclaim.Member;
import dev.reclaim.dsl.reclaim.Memory;
import dev.reclaim.dsl.reclaim.Mempool;
import dev.reclaim.dsl.reclaim.Mutex;
import dev.reclaim.dsl.reclaim.Op;
import dev.reclaim.dsl.reclaim.ReclaimPackage;
import dev.reclaim.dsl.reclaim.Rwsem;
import dev.reclaim.dsl.reclaim.RwsemPreference;
import dev.reclaim.dsl.reclaim.Shrinker;
import dev.reclaim.dsl.reclaim.Thread;
import dev.reclaim.dsl.reclaim.ThreadKind;
import dev.reclaim.dsl.reclaim.Workqueue;
import dev.reclaim.model.Decl;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.SystemModel;
import dev.reclaim.model.Vocabulary;

/**
 * Lowers one {@code system} to {@link SystemModel}. A system-level {@code allow} waives findings
 * on the declaration just before it, or on the whole system when it comes first.
 */
final class SystemLowering {
    private static final ReclaimPackage P = ReclaimPackage.eINSTANCE;

    private final Positions positions;
    private final ContextLowering contexts;
    private final Docs docs;
    private final Vocabulary vocab;

    private final List<Decl.Instance> instances = new ArrayList<>();
    private final List<Decl.LockDecl> locks = new ArrayList<>();
    private final List<Decl.Mempool> mempools = new ArrayList<>();
    private final List<Decl.Workqueue> workqueues = new ArrayList<>();
    private final List<Decl.ThreadDecl> threads = new ArrayList<>();
    private final List<Decl.Op> ops = new ArrayList<>();
    private final List<Decl.Shrinker> shrinkers = new ArrayList<>();
    private final List<SystemModel.Cache> caches = new ArrayList<>();
    private final List<SystemModel.Waiver> waivers = new ArrayList<>();
    private SystemModel.Memory memory;
    private SystemModel.Expect expect;
    private SystemModel.ExpectFindings expectFindings;
    private String systemName;

    SystemLowering(Positions positions, ContextLowering contexts, Docs docs, Vocabulary vocab) {
        this.positions = positions;
        this.contexts = contexts;
        this.docs = docs;
        this.vocab = vocab;
    }

    SystemModel lower(dev.reclaim.dsl.reclaim.System system) {
        systemName = system.getName() == null ? "" : system.getName();
        String lastPath = systemName;
        for (Member m : system.getMembers()) {
            if (m instanceof Allow a) {
                waive(a, lastPath);
                continue;
            }
            Decl d = member(m);
            if (d != null) {
                lastPath = d.path(systemName);
            }
        }
        return new SystemModel(systemName, docs.of(system), positions.of(system, P.getSystem_Name()), vocab, memory,
                expect, expectFindings, instances, locks, mempools, workqueues, threads, ops, shrinkers, caches,
                waivers);
    }

    private void waive(Allow a, String declPath) {
        waivers.add(new SystemModel.Waiver(a.getRuleId(), a.getReason(), declPath, positions.of(a)));
    }

    /** Lowers a member; returns the declaration a following {@code allow} attaches to, if any. */
    private Decl member(Member m) {
        SourcePos pos = positions.of(m);
        if (m.eClass().getEStructuralFeature("name") != null && m.eGet(m.eClass().getEStructuralFeature("name")) == null) {
            return null; // a declaration the parser could not finish: its syntax error is reported already
        }
        if (m instanceof Memory mem) {
            memory = new SystemModel.Memory(mem.getTotal(), mem.getMin(), mem.getLow(), mem.getHigh(), pos);
        } else if (m instanceof ExpectDeadlock e) {
            expect = new SystemModel.Expect(e.isDeadlock(), pos);
        } else if (m instanceof ExpectFindings e) {
            expectFindings = new SystemModel.ExpectFindings(new LinkedHashSet<>(e.getRuleIds()), pos);
        } else if (m instanceof Cache c) {
            caches.add(new SystemModel.Cache(Positions.text(c, P.getCache_Instance()), c.getPages(), pos));
        } else if (m instanceof Instance i) {
            return add(instances, new Decl.Instance(i.getName(), Positions.text(i, P.getInstance_Layer()),
                    Positions.texts(i, P.getInstance_On()), Positions.texts(i, P.getInstance_ServedBy()), docs.of(i),
                    positions.of(i, P.getInstance_Name())));
        } else if (m instanceof Mutex x) {
            return add(locks, new Decl.LockDecl(x.getName(), Decl.LockKind.MUTEX, Positions.text(x, P.getLock_Owner()),
                    false, docs.of(x), positions.of(x, P.getLock_Name())));
        } else if (m instanceof Rwsem x) {
            return add(locks, new Decl.LockDecl(x.getName(), Decl.LockKind.RWSEM, Positions.text(x, P.getLock_Owner()),
                    x.getPreference() != RwsemPreference.READER, docs.of(x), positions.of(x, P.getLock_Name())));
        } else if (m instanceof Mempool x) {
            return add(mempools, new Decl.Mempool(x.getName(), Positions.text(x, P.getMempool_Owner()), x.getSize(),
                    docs.of(x), positions.of(x, P.getMempool_Name())));
        } else if (m instanceof Workqueue w) {
            String path = systemName + "/workqueue " + w.getName();
            return add(workqueues, new Decl.Workqueue(w.getName(), w.isMemreclaim(), body(w.getBody(), path),
                    docs.of(w), positions.of(w, P.getWorkqueue_Name())));
        } else if (m instanceof Thread t) {
            return add(threads, thread(t));
        } else if (m instanceof Op o) {
            String path = systemName + "/op " + o.getName();
            return add(ops, new Decl.Op(o.getName(), Positions.text(o, P.getOp_Owner()), body(o.getBody(), path),
                    docs.of(o), positions.of(o, P.getOp_Name())));
        } else if (m instanceof Shrinker s) {
            return add(shrinkers, shrinker(s));
        }
        return null;
    }

    private Decl.ThreadDecl thread(Thread t) {
        String path = systemName + "/thread " + t.getName();
        Decl.ThreadKind kind = switch (t.getKind() == null ? ThreadKind.KSWAPD : t.getKind()) {
            case KSWAPD -> Decl.ThreadKind.KSWAPD;
            case SERVER -> Decl.ThreadKind.SERVER;
            case TASK -> Decl.ThreadKind.TASK;
        };
        String serves = kind == Decl.ThreadKind.SERVER ? Positions.text(t, P.getThread_Serves()) : null;
        return new Decl.ThreadDecl(t.getName(), kind, serves, contexts.use(t.getScope()), body(t.getBody(), path),
                docs.of(t), positions.of(t, P.getThread_Name()));
    }

    private Decl.Shrinker shrinker(Shrinker s) {
        String path = systemName + "/shrinker " + s.getName();
        Decl.GuardMode mode = s.isUnguarded() ? Decl.GuardMode.UNGUARDED
                : s.getGuard() != null ? Decl.GuardMode.PERMISSION : Decl.GuardMode.LAYER;
        String guard = mode == Decl.GuardMode.PERMISSION ? Positions.text(s, P.getShrinker_Guard()) : null;
        for (Allow a : s.getAllows()) {
            waive(a, path);
        }
        return new Decl.Shrinker(s.getName(), Positions.text(s, P.getShrinker_Owner()), mode, guard,
                s.getCount() == null ? null : body(s.getCount(), path), body(s.getScan(), path),
                s.getCount() == null ? null : positions.of(s.getCount()), positions.of(s.getScan()), docs.of(s),
                positions.of(s, P.getShrinker_Name()));
    }

    private List<dev.reclaim.model.Stmt> body(dev.reclaim.dsl.reclaim.Block block, String declPath) {
        return new StatementLowering(positions, contexts, a -> waive(a, declPath)).block(block);
    }

    private static <T> T add(List<? super T> list, T item) {
        list.add(item);
        return item;
    }
}
