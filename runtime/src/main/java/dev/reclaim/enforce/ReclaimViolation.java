package dev.reclaim.enforce;

/** Thrown in {@link Mode#FAIL}; its message is the violation's ("layering: ..."). */
public final class ReclaimViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Violation violation;

    ReclaimViolation(Violation violation) {
        super(violation.message());
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }

    public Violation.Kind kind() {
        return violation.kind();
    }
}
