package dev.reclaim.doc;

import java.util.List;

/**
 * The documentation of a policy as plain data, built once by {@link PolicyDocBuilder} and written
 * by {@link MarkdownWriter}, {@link DotWriter} and {@link PolicyJsonWriter}. Every list is in a
 * fixed order (declaration order, or the order of {@code Rule}), so the same input gives the same
 * bytes. Strings are raw user text: each writer escapes them for its own target.
 */
public record PolicyDoc(List<String> files, List<PermDoc> permissions, List<ContextDoc> contexts,
                        List<LayerDoc> layers, Matrix matrix, List<SystemDoc> systems,
                        List<FindingDoc> fileFindings, List<RuleDoc> rules, String simBounds) {

    public record PermDoc(String name, String doc) {}

    /** {@code includes}: the contexts directly below this one in the inclusion lattice (Hasse edges). */
    public record ContextDoc(String name, List<String> permissions, String doc, List<String> includes) {}

    /** {@code above}: every layer that depends on this one (transitively through {@code below}). */
    public record LayerDoc(String name, String doc, String guard, List<String> below, List<String> above) {}

    /**
     * The recursion matrix: one row per (allocating layer, context), one cell per target layer.
     * {@code admitted}: reclaim from the context may enter the target's sources (unguarded, or the
     * guard is in the context); {@code forbidden}: admitted and the target is the allocating layer
     * or a layer above it.
     */
    public record Matrix(List<String> columns, List<Row> rows) {}

    public record Row(String layer, String context, List<Cell> cells) {}

    public record Cell(String target, boolean admitted, boolean forbidden) {}

    public record SystemDoc(String name, String file, String doc, List<InstanceDoc> instances,
                            List<ThreadDoc> threads, List<FindingDoc> findings, SimDoc simulation) {}

    public record InstanceDoc(String name, String layer, List<String> on, List<String> servedBy) {}

    /** {@code serves}: the instance a server thread serves, or null. */
    public record ThreadDoc(String name, String kind, String serves) {}

    public record FindingDoc(String ruleId, String severity, String status, String message, String file, int line,
                             int column, String declaration) {}

    /**
     * {@code verdict}: "deadlock" or "no deadlock"; {@code met}: against the system's expect, null
     * without one; {@code summary}, {@code kind} and {@code replay} are null without a deadlock.
     */
    public record SimDoc(String expect, String verdict, Boolean met, String kind, String summary, String replay,
                         String bound, List<StepDoc> trace, List<StackDoc> stacks) {}

    /** One scheduler step of the counterexample; {@code free} is -1 when the system declares no memory. */
    public record StepDoc(int step, int pid, String thread, String statement, String location, int free,
                          String note) {}

    /** A deadlocked thread's hung-task stack; {@code inCycle} false for one only blocked behind the cycle. */
    public record StackDoc(int pid, String command, boolean inCycle, List<FrameDoc> frames) {}

    public record FrameDoc(int index, String label, String location, String note) {}

    /**
     * {@code bad}: a minimal policy on which exactly this rule fires; {@code good}: its fixed
     * counterpart, on which it does not (both from {@link RuleExamples}, checked by a test).
     */
    public record RuleDoc(String id, String severity, String title, String rationale, String bad, String good) {}
}
