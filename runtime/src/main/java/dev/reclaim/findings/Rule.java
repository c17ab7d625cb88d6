package dev.reclaim.findings;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every rule id the tool reports, in one place: its severity, a one-line title and the rationale
 * that hovers, SARIF help and the docs show. The first group is LANGUAGE.md §3; the second the
 * structural errors; the third the checks on the policy file's own expectations.
 */
public enum Rule {
    RECLAIM_RECURSION("reclaim-recursion", Severity.ERROR,
            "An allocation may reclaim into a source that waits on the allocating thread itself",
            "Direct reclaim runs in the allocating thread. If a shrinker it may enter waits for a lock that "
                    + "thread holds, or for IO that thread serves (directly or through the instance's `on` chain), "
                    + "the thread waits for itself and never returns. Narrow the allocation (or a scope around it) "
                    + "so that the source's blocking paths are not taken."),
    RECLAIM_CYCLE("reclaim-cycle", Severity.ERROR,
            "A cycle in the may-wait-for graph passes through reclaim",
            "Thread A holds X and waits on Y while thread B provides Y and, via reclaim from one of its "
                    + "allocations, waits on X. kswapd counts as a thread that always reclaims with the widest "
                    + "context. Break the cycle where reclaim enters it: narrow the allocation's context or make "
                    + "the source non-blocking under it."),
    LAYERING("layering", Severity.ERROR,
            "Reclaim from an instance's allocation may enter a source of an instance that depends on it",
            "Reclaim from a layer's allocations must never recurse into a layer that depends on it "
                    + "(Chinner, linux-mm 2020-06-29). An allocation belongs to the instances on its thread's layer "
                    + "stack; a source of an instance that is `on` one of them, directly or transitively, needs that "
                    + "instance to make progress."),
    GATE_UNSOUND("gate-unsound", Severity.WARNING,
            "The permission bits cannot express what this stack needs",
            "The allocation has dropped the guards of its own layer and of every layer above it, yet still "
                    + "holds a permission that admits a source `layering` forbids for it. The two-bit projection "
                    + "(__GFP_FS, __GFP_IO) lies about a stack where block IO depends on a filesystem again (loop)."),
    UPWARD_GATE("upward-gate", Severity.WARNING,
            "A shrinker tests a permission that guards a layer above its own",
            "A shrinker that has to look at the context bits of layers above it is a layering violation: it "
                    + "guesses at what its callers hold (the 2014 dm-bufio change tested __GFP_FS). The fix belongs "
                    + "in the allocating layer, which should narrow its own context with a scope."),
    SCOPE_HANDOFF("scope-handoff", Severity.WARNING,
            "Work queued from inside a scope runs without it",
            "memalloc_*_save scopes are per task: a work item queued from inside a scope runs on a worker "
                    + "outside every scope, so its allocations may recurse where the queuing code could not."),
    SCOPE_WIDEN("scope-widen", Severity.NOTE,
            "A scope nested in a narrower one has no effect",
            "Scopes only narrow: memalloc_*_save keeps the flags already set, so a nested scope that is wider "
                    + "than the enclosing one changes nothing. It usually means the author expected it to widen."),
    LOCK_UNBALANCED("lock-unbalanced", Severity.ERROR,
            "A path ends holding a lock it took, or unlocks one it does not hold",
            "Every path through a thread's loop, an op, a shrinker's count or scan, or a work item must release "
                    + "the locks it takes and only those."),
    MEMPOOL_DOUBLE("mempool-double", Severity.ERROR,
            "A thread may take a second mempool element while holding one",
            "A mempool guarantees progress for one element per user. Taking a second while holding one can "
                    + "exhaust the reserve with every holder waiting for another; the dm-crypt fix serialises the "
                    + "sequence under one lock."),
    IO_PATH_CONTEXT("io-path-context", Severity.WARNING,
            "A thread that serves IO may allocate with a context that admits reclaim into its own or upper layers",
            "A thread on the IO path (a loop worker, an nbd receiver) must not let its allocations reclaim into "
                    + "layers whose writeback may queue IO for it. Wrap it in `scope NOIO` (memalloc_noio_save), as "
                    + "d0a255e795ab did for loop."),

    SYNTAX("syntax", Severity.ERROR, "Syntax error", "The file does not follow the grammar of LANGUAGE.md."),
    UNKNOWN_NAME("unknown-name", Severity.ERROR, "Unknown name",
            "A reference names nothing visible: vocabulary comes from the file and its direct imports, system "
                    + "members from their own system."),
    DUPLICATE_NAME("duplicate-name", Severity.ERROR, "Duplicate name",
            "Names of one kind must be unique in their scope."),
    IMPORT("import", Severity.ERROR, "Bad import",
            "An import must name a readable .reclaim file relative to the importing file, must not import itself "
                    + "back, and must not bring in a name that another import also provides."),
    LAYER_CYCLE("layer-cycle", Severity.ERROR, "Cycle in the layer order",
            "`below` gives a partial order of layers; a cycle leaves no rank to compare."),
    INSTANCE_CYCLE("instance-cycle", Severity.ERROR, "Cycle in instance `on` edges",
            "Instance `on` edges must be acyclic even when layers are not (loop: block on fs on block)."),
    CONTEXT_CYCLE("context-cycle", Severity.ERROR, "Context defined through itself",
            "A context's permissions are computed from its operands; a definition that reaches itself has none."),
    SERVES_MISMATCH("serves-mismatch", Severity.ERROR, "`serves` and `served by` disagree",
            "A thread that serves an instance must be listed in its `served by`, and every `served by` thread "
                    + "must serve it."),
    STOP_OUTSIDE_SHRINKER("stop-outside-shrinker", Severity.ERROR, "`stop` outside a shrinker",
            "`stop` returns SHRINK_STOP from a shrinker's count or scan; elsewhere it means nothing."),
    MEMORY("memory", Severity.ERROR, "Memory declaration missing or out of order",
            "A system that allocates or caches needs `memory N pages min A low B high C` with min ≤ low ≤ high ≤ N."),
    NO_DIRECT("no-direct-permission", Severity.ERROR, "No `direct` permission",
            "The permission named `direct` plays __GFP_DIRECT_RECLAIM; a policy that declares contexts without it "
                    + "cannot say which allocations may reclaim."),
    INVALID("invalid", Severity.ERROR, "Invalid declaration",
            "A declaration that is well-formed but meaningless (a lock owned by an unknown instance kind, a "
                    + "negative size, more than 64 permissions, an unknown rule id in `allow` or `expect findings`)."),

    EXPECT_FINDINGS("expect-findings", Severity.ERROR, "The findings differ from `expect findings`",
            "`expect findings` lists exactly the rule ids the static checks must report for the system."),
    UNUSED_WAIVER("unused-waiver", Severity.WARNING, "A waiver waives nothing",
            "An `allow` that matches no finding is stale: the problem it excused is gone, or it names the "
                    + "wrong declaration.");

    private final String id;
    private final Severity severity;
    private final String title;
    private final String rationale;

    Rule(String id, Severity severity, String title, String rationale) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.rationale = rationale;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    public String rationale() {
        return rationale;
    }

    /** Whether {@code allow} may waive it: structural and expectation errors cannot be waived. */
    public boolean waivable() {
        return ordinal() <= IO_PATH_CONTEXT.ordinal();
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
