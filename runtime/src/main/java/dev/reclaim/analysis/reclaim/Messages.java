package dev.reclaim.analysis.reclaim;

import java.util.List;

import dev.reclaim.model.Decl.Op;
import dev.reclaim.model.Decl.Shrinker;

/**
 * The wording of every finding of this package, in the user's own names. Kept in one place so
 * that the phrases that recur across rules ("allocating 1 KERNEL in op direct_io", "waits for IO
 * on thin0 (served by loop0_worker)") read the same everywhere.
 */
final class Messages {
    private Messages() {
    }

    /** "allocating 1 KERNEL in op direct_io" / "filling xfs_host with 4 KERNEL". */
    static String allocating(AllocSite s) {
        String what = s.filled() != null
                ? "filling " + s.filled() + " with " + s.pages() + " " + s.ctxWithEffective()
                : "allocating " + s.pages() + " " + s.ctxWithEffective();
        return what + inOp(s);
    }

    /** "may allocate 1 KERNEL in op direct_io" / "may fill xfs_host with 4 KERNEL". */
    static String mayAllocate(AllocSite s) {
        String what = s.filled() != null
                ? "may fill " + s.filled() + " with " + s.pages() + " " + s.ctxWithEffective()
                : "may allocate " + s.pages() + " " + s.ctxWithEffective();
        return what + inOp(s);
    }

    private static String inOp(AllocSite s) {
        return inOp(s.op());
    }

    /** " in op direct_io", or nothing outside ops. */
    static String inOp(Op op) {
        return op == null ? "" : " in op " + op.name();
    }

    /** Where an allocation is, for a sentence about its context: "in op xfs_write of xfs_host". */
    static String where(AllocSite s) {
        if (s.op() != null) {
            return "in op " + s.op().name() + " of " + s.op().owner();
        }
        return "in " + (s.actor().kind() == Actor.Kind.WORK ? "workqueue " : "thread ") + s.actor().name();
    }

    /** The object of "waits for ...": "bufio_lock", "iolock shared", "IO on thin0 (served by loop0_worker)". */
    static String waitObject(WaitTarget t, Res node, IoRouting io) {
        if (t instanceof WaitTarget.OnLock l) {
            return l.lock() + (l.shared() ? " shared" : "");
        }
        if (t instanceof WaitTarget.OnIo o) {
            String served = node != null && node.kind() == Res.Kind.SERVE ? node.name()
                    : o.served().isEmpty() ? null : o.served().get(0);
            List<String> servers = served == null ? List.of() : io.servers(served);
            return "IO on " + o.instance()
                    + (servers.isEmpty() ? "" : " (served by " + String.join(", ", servers) + ")");
        }
        return "an element of " + ((WaitTarget.OnPool) t).pool();
    }

    /** The clause after "which": "takes bufio_lock", "waits for IO on thin0 (served by loop0_worker)". */
    static String which(WaitTarget t, Res node, IoRouting io) {
        if (t instanceof WaitTarget.OnLock l) {
            return "takes " + l.lock() + (l.shared() ? " shared" : "");
        }
        if (t instanceof WaitTarget.OnPool p) {
            return "takes an element of " + p.pool();
        }
        return "waits for " + waitObject(t, node, io);
    }

    /**
     * The subject of a step, by what the thread holds: "kswapd0 holds bufio_lock and",
     * "loop0_worker, serving loop0,".
     */
    static String holder(String thread, Res held) {
        return switch (held.kind()) {
            case SERVE -> thread + ", serving " + held.name() + ",";
            case LOCK -> thread + " holds " + held.name() + " and";
            case LOCK_SHARED -> thread + " holds " + held.name() + " shared and";
            case POOL -> thread + " holds an element of " + held.name() + " and";
            case QUEUED_WRITER, RECLAIM -> thread;
        };
    }

    /**
     * A step that waits outside reclaim ("loop0_worker, serving loop0, waits for xfs_lock in op
     * direct_io"), or inside a shrinker on a lock the shrinker took ("kswapd0 holds bufio_lock and
     * waits for IO on thin0 (served by loop0_worker)").
     */
    static String waitStep(String thread, Res held, WaitTarget t, Res node, IoRouting io) {
        return holder(thread, held) + " waits for " + waitObject(t, node, io);
    }

    /**
     * What a shared request on a writer-preferring rwsem waits for, when a writer is queued:
     * ", queued behind image_truncate's exclusive request" (appended to the step that waits).
     */
    static String queuedBehind(String writer) {
        return ", queued behind " + writer + "'s exclusive request";
    }

    /**
     * The step of a writer queued on an rwsem, which waits for a shared holder: "image_truncate
     * waits for iolock in op image_setattr, held shared by xfs_reader". {@code where} is
     * {@link #inOp} or " in shrinker NAME".
     */
    static String queuedWriterStep(String thread, String lock, String where, String sharedHolder) {
        return thread + " waits for " + lock + where + ", held shared by " + sharedHolder;
    }

    /** A step that enters reclaim: "loop0_worker, allocating ..., may enter shrinker bufio, which takes bufio_lock". */
    static String reclaimStep(AllocSite site, Res held, ShrinkWait w, Res node, IoRouting io) {
        String head = held.kind() == Res.Kind.SERVE
                ? site.actor().name() + ", " + allocating(site) + ","
                : holder(site.actor().name(), held) + ", " + allocating(site) + ",";
        return head + " may enter shrinker " + w.shrinker().name() + ", which " + which(w.target(), node, io);
    }

    static String recursionOnIo(AllocSite site, ShrinkWait w, List<String> hops) {
        String served = hops.get(hops.size() - 1);
        String through = hops.size() <= 1 ? "which " + site.actor().name() + " serves"
                : "through " + String.join(" to ", hops.subList(1, hops.size())) + ", which "
                        + site.actor().name() + " serves";
        String instance = ((WaitTarget.OnIo) w.target()).instance();
        return site.actor().name() + ", " + allocating(site) + ", may enter shrinker " + w.shrinker().name()
                + ", which waits for IO on " + (hops.size() <= 1 ? served : instance) + " (" + through
                + "): it would wait for itself";
    }

    /**
     * "t, allocating 1 KERNEL, may enter shrinker sh, which takes m (held by t): it would wait for
     * itself"; for a recursive read behind a queued writer ({@code writer} not null): "..., which
     * takes r shared (held shared by t), queued behind u's exclusive request: it would wait for
     * itself".
     */
    static String recursionOnLock(AllocSite site, ShrinkWait w, HeldItem held, String writer) {
        WaitTarget.OnLock l = (WaitTarget.OnLock) w.target();
        String since = held.op() == null ? "" : " since op " + held.op();
        String by = writer == null ? " (held by " : " (held shared by ";
        return site.actor().name() + ", " + allocating(site) + ", may enter shrinker " + w.shrinker().name()
                + ", which takes " + l.lock() + (l.shared() ? " shared" : "") + by + site.actor().name()
                + since + ")" + (writer == null ? "" : queuedBehind(writer)) + ": it would wait for itself";
    }

    static String layering(AllocSite site, String instance, Shrinker s, List<String> chain) {
        return site.actor().name() + ", " + allocating(site) + " for " + instance + ", may enter shrinker "
                + s.name() + " of " + s.owner() + ", which is on " + onChain(chain.subList(1, chain.size()));
    }

    static String gateUnsound(AllocSite site, List<String> dropped, String kept, Shrinker s, List<String> chain) {
        String ctx = site.narrowed() == null ? site.ctxText() : site.ctxText() + " narrowed to " + site.narrowed();
        return ctx + " " + where(site) + " drops " + and(dropped) + " but keeps " + kept
                + ", which admits shrinker " + s.name() + " of " + s.owner() + "; " + chain.get(0) + " is on "
                + onChain(chain.subList(1, chain.size())) + ": no permission bit can tell them apart";
    }

    static String upwardGate(Shrinker s, String ownLayer, String permission, String guardedLayer) {
        return "shrinker " + s.name() + " of " + s.owner() + " (layer " + ownLayer + ") tests " + permission
                + ", which guards layer " + guardedLayer + " above it: the allocating layer should narrow its own "
                + "context instead";
    }

    static String ioPathContext(AllocSite site, String layer, Shrinker s, String sourceLayer, String guard,
                                String scope) {
        return site.actor().name() + " serves " + site.actor().serves() + " (layer " + layer + ") but "
                + mayAllocate(site) + ", which admits shrinker " + s.name() + " of " + s.owner() + " (layer "
                + sourceLayer + ", guarded by " + guard + "): wrap it in scope " + scope;
    }

    /** An {@code on} chain: "loop0 on xfs_host". */
    static String onChain(List<String> instances) {
        return String.join(" on ", instances);
    }

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
