package dev.reclaim.enforce;

/**
 * The allocation-time rules behind {@link Reclaim#allocating}: {@code io-path-context},
 * {@code layering} and the lockdep-style {@code reclaim-recursion}. Only reached from the slow path,
 * once the thread's check mask says some rule may apply; each rule sees the context as narrowed by
 * the rules before it (in {@link Mode#ENFORCE}), so their order is part of the behaviour.
 */
final class AllocationRules {

    private AllocationRules() {
    }

    static int allocatingSlow(ThreadState s, int ctx, int eff) {
        Policy p = Reporter.policy;
        if (p == null || (eff & p.direct()) == 0) {
            return eff;
        }
        int written = ctx & p.all();
        int ioBad = eff & s.ioForbid[s.fdepth];
        if (ioBad != 0) {
            int safe = eff & ~s.ioForbid[s.fdepth];
            if (!Reporter.enforcing(Violation.Kind.IO_PATH_CONTEXT)) {
                int f = innermost(s, p, ioBad, true);
                Instance served = s.frames[f];
                String msg = "io-path-context: " + s.thread.getName() + " serves " + served + " (layer "
                        + p.layerName(served.layer()) + ") but allocates " + ctxText(p, written, eff) + ", which admits "
                        + target(p, served.layer(), ioBad) + ": wrap it in scope "
                        + p.describe(p.all() & ~p.guardsAtOrAbove(served.layer()));
                Reporter.reportOrFail(s, Violation.Kind.IO_PATH_CONTEXT, msg, written + "/" + eff, null, null, null);
            } else {
                eff = safe;
            }
        }
        int layerBad = eff & s.forbid[s.fdepth] & ~s.ioForbid[s.fdepth];
        if (layerBad != 0 && (eff & p.direct()) != 0) {
            int safe = eff & ~s.forbid[s.fdepth];
            if (!Reporter.enforcing(Violation.Kind.LAYERING)) {
                int f = innermost(s, p, layerBad, false);
                Instance inst = s.frames[f];
                String msg = "layering: " + s.thread.getName() + ", allocating " + ctxText(p, written, eff) + " for "
                        + inst + " (layer " + p.layerName(inst.layer()) + "), may enter "
                        + target(p, inst.layer(), layerBad) + ", at or above " + inst + "'s layer: narrow it to "
                        + p.describe(safe);
                Reporter.reportOrFail(s, Violation.Kind.LAYERING, msg, written + "/" + eff, null, null, null);
            } else {
                eff = safe;
            }
        }
        if (s.nheld + s.nserving > 0 && (eff & p.direct()) != 0) {
            eff = lockdep(s, p, written, eff);
        }
        return eff;
    }

    private static int lockdep(ThreadState s, Policy p, int written, int eff) {
        ShrinkerRegistry reg = Reporter.registry;
        if (reg == null || !reg.hasWaiters()) {
            return eff;
        }
        for (int i = 0; i < s.nheld; i++) {
            eff = recursion(s, p, reg.waitersOn(s.held[i]), false, written, eff);
        }
        for (int f = 0; f < s.fdepth; f++) {
            if (s.serves[f]) {
                eff = recursion(s, p, reg.waitersOn(s.frames[f]), true, written, eff);
            }
        }
        return eff;
    }

    private static int recursion(ThreadState s, Policy p, ShrinkerRegistry.Dep[] deps, boolean io, int written,
                                 int eff) {
        if (deps == null) {
            return eff;
        }
        for (ShrinkerRegistry.Dep d : deps) {
            ShrinkerRegistry.Registration r = d.shrinker;
            if (d.io != io || r.removed || (eff & p.direct()) == 0 || (r.guard & ~eff) != 0) {
                continue;
            }
            if (Reporter.enforcing(Violation.Kind.RECLAIM_RECURSION)) {
                eff &= ~(r.guard != 0 ? r.guard : p.direct());
                continue;
            }
            String t = s.thread.getName();
            String what = io ? "waits for IO on " + d.resource + " (served by " + t + ")"
                    : "takes " + Reporter.nameOf(d.resource) + " (held by " + t + ")";
            String msg = "reclaim-recursion: " + t + ", allocating " + ctxText(p, written, eff)
                    + ", may enter shrinker " + r.name() + " of " + r.owner() + ", which " + what
                    + ": it would wait for itself";
            String label = "shrinker " + r.name() + (io ? " waits for IO on " + d.resource : " takes "
                    + Reporter.nameOf(d.resource)) + " at";
            Reporter.reportOrFail(s, Violation.Kind.RECLAIM_RECURSION, msg, null, d.reported, label, d.stack);
        }
        return eff;
    }

    /** The innermost frame whose at-or-above guards meet {@code bad} (served frames only when asked). */
    private static int innermost(ThreadState s, Policy p, int bad, boolean served) {
        for (int f = s.fdepth - 1; f >= 0; f--) {
            if ((!served || s.serves[f]) && (p.guardsAtOrAbove(s.frames[f].layer()) & bad) != 0) {
                return f;
            }
        }
        return s.fdepth - 1;
    }

    /**
     * What reclaim may enter at or above {@code layer} through the forbidden bits {@code bad}: the
     * first registered shrinker there whose guard is among them ("shrinker bufio of thin0 (layer dm, guarded by io)"), else the first
     * such layer ("layer fs (guarded by fs)").
     */
    private static String target(Policy p, int layer, int bad) {
        ShrinkerRegistry reg = Reporter.registry;
        if (reg != null) {
            for (ShrinkerRegistry.Registration r : reg.registrations()) {
                if (!r.removed && r.guard() != 0 && (r.guard() & ~bad) == 0
                        && p.isAtOrAbove(r.owner().layer(), layer)) {
                    return "shrinker " + r.name() + " of " + r.owner() + " (layer "
                            + p.layerName(r.owner().layer()) + ", guarded by " + p.permissionNames(r.guard()) + ")";
                }
            }
        }
        for (int j = 0; j < p.layerCount(); j++) {
            if (p.isAtOrAbove(j, layer) && (p.guard(j) & bad) != 0) {
                return "layer " + p.layerName(j) + " (guarded by " + p.permissionNames(p.guard(j)) + ")";
            }
        }
        return "layer " + p.layerName(layer);
    }

    /** "KERNEL", or "KERNEL (effective NOFS)" when scopes narrowed it (the static checker's words). */
    private static String ctxText(Policy p, int written, int eff) {
        return written == (eff & p.all()) ? p.describe(written)
                : p.describe(written) + " (effective " + p.describe(eff) + ")";
    }
}
