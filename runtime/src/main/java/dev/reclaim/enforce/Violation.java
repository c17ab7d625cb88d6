package dev.reclaim.enforce;

import java.util.List;

/**
 * One run-time violation, as reported in {@link Mode#REPORT} (and carried by
 * {@link ReclaimViolation} in {@link Mode#FAIL}).
 *
 * @param kind      the rule
 * @param message   "layering: writer, allocating KERNEL for ext4 (layer fs), ..." (rule id first)
 * @param thread    the name of the thread that broke the rule
 * @param stack     where it happened (frames of this package removed)
 * @param scopes    where each scope active at that point was entered, outermost first (empty unless
 *                  scope sites were tracked, that is in {@link Mode#REPORT})
 * @param otherLabel what {@code otherStack} shows ("shrinker ext4_inode took journal_lock at"), or null
 * @param otherStack the second stack of a lockdep-style report, or null
 */
public record Violation(Kind kind, String message, String thread, StackTraceElement[] stack,
                        List<ScopeSite> scopes, String otherLabel, StackTraceElement[] otherStack) {

    /** The rules checked at run time; ids are the static checker's (dev.reclaim.findings.Rule). */
    public enum Kind {
        /** An allocation admits reclaim into a layer at or above an active one. */
        LAYERING("layering"),
        /** A thread serving an instance admits reclaim into its own layer or above. */
        IO_PATH_CONTEXT("io-path-context"),
        /** Reclaim could enter a shrinker that takes a lock the thread holds, or waits on IO it serves. */
        RECLAIM_RECURSION("reclaim-recursion"),
        /** A scope or layer was left out of LIFO order (run-time only). */
        SCOPE_ORDER("scope-order");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** Where an active scope was entered. */
    public record ScopeSite(String context, StackTraceElement[] stack) {
    }

    /** The full report: message, stack, scope entry sites and the second stack. */
    public String render() {
        StringBuilder b = new StringBuilder("reclaim: ").append(message).append('\n');
        b.append("  in thread ").append(thread).append('\n');
        frames(b, stack, "    ");
        for (ScopeSite s : scopes) {
            b.append("  scope ").append(s.context()).append(" entered at:\n");
            frames(b, s.stack(), "    ");
        }
        if (otherStack != null) {
            b.append("  ").append(otherLabel).append(":\n");
            frames(b, otherStack, "    ");
        }
        return b.toString();
    }

    private static void frames(StringBuilder b, StackTraceElement[] st, String indent) {
        for (StackTraceElement e : st) {
            b.append(indent).append("at ").append(e).append('\n');
        }
    }
}
