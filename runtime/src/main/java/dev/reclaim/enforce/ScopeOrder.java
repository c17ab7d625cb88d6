package dev.reclaim.enforce;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code scope-order} rule: the slow paths of {@link Reclaim#restore} and of closing a
 * {@link Reclaim.Scope} or {@link Reclaim.LayerEntry}, taken only when the LIFO fast path failed.
 */
final class ScopeOrder {

    private ScopeOrder() {
    }

    static void restoreSlow(ThreadState s, int t) {
        int d = t & 0xFFFF;
        Policy p = Reporter.policy;
        String name = s.thread.getName();
        if (d < s.depth - 1 && s.token(d) == t) {
            List<String> inner = new ArrayList<>();
            for (int i = d + 1; i < s.depth; i++) {
                inner.add(describe(p, s.raw[i]));
            }
            String outer = describe(p, s.raw[d]);
            boolean enforce = Reporter.enforcing(Violation.Kind.SCOPE_ORDER);
            String msg = enforce ? null : "scope-order: " + name + " restores scope " + outer + " (depth " + (d + 1)
                    + ") while inner scope" + (inner.size() == 1 ? " " : "s ") + String.join(", ", inner)
                    + (inner.size() == 1 ? " is" : " are") + " still open: restores must be LIFO";
            if (!enforce) {
                try {
                    Reporter.reportOrFail(s, Violation.Kind.SCOPE_ORDER, msg, "order", null, null, null);
                } finally {
                    s.unwindTo(d);
                }
            } else {
                s.unwindTo(d);
            }
            return;
        }
        if (d < s.stack.length && d >= s.depth && s.token(d) == ~t) {
            return; // an inner scope already ended by an out-of-order restore, which was reported
        }
        if (!Reporter.enforcing(Violation.Kind.SCOPE_ORDER)) {
            Reporter.reportOrFail(s, Violation.Kind.SCOPE_ORDER, "scope-order: " + name
                    + " restores a scope that is not open (restored twice, or saved on another thread)",
                    "stale", null, null, null);
        }
    }

    static void leaveSlow(ThreadState s, int t) {
        int f = t & 0xFFFF;
        Policy p = Reporter.policy;
        String name = s.thread.getName();
        if (f < s.fdepth - 1 && s.frameTokens[f] == t) {
            Instance outer = s.frames[f];
            List<String> inner = new ArrayList<>();
            for (int i = f + 1; i < s.fdepth; i++) {
                inner.add(s.frames[i].name());
            }
            boolean enforce = Reporter.enforcing(Violation.Kind.SCOPE_ORDER);
            if (!enforce) {
                String msg = "scope-order: " + name + " leaves " + outer + " (layer " + p.layerName(outer.layer())
                        + ") while " + String.join(", ", inner) + (inner.size() == 1 ? " is" : " are")
                        + " still entered: layer entries must be left LIFO";
                try {
                    Reporter.reportOrFail(s, Violation.Kind.SCOPE_ORDER, msg, "leave", null, null, null);
                } finally {
                    s.unwindFramesTo(f, p);
                }
            } else {
                s.unwindFramesTo(f, p);
            }
            return;
        }
        if (!Reporter.enforcing(Violation.Kind.SCOPE_ORDER)) {
            Reporter.reportOrFail(s, Violation.Kind.SCOPE_ORDER, "scope-order: " + name
                    + " leaves a layer entry that is not active (left twice, or entered on another thread)",
                    "stale-leave", null, null, null);
        }
    }

    private static String describe(Policy p, int mask) {
        return p == null ? Integer.toHexString(mask) : p.describe(mask);
    }
}
