package dev.reclaim.enforce;

/** What a run-time check does when an allocation breaks a rule. */
public enum Mode {
    /** Narrow the allocation to the safe context and count the violation; never report or throw. */
    ENFORCE,
    /** Leave the context as it is; report each distinct site once (stack and scope entry sites). */
    REPORT,
    /** Throw {@link ReclaimViolation}. */
    FAIL
}
