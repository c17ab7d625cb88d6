package dev.reclaim.model;

/**
 * A set of permissions of one vocabulary, as a bit mask (at most 64 permissions per vocabulary,
 * enforced when the vocabulary is built).
 */
public record PermSet(long bits) {

    public static final PermSet NONE = new PermSet(0L);

    public boolean has(int bit) {
        return (bits & (1L << bit)) != 0;
    }

    public boolean has(Permission p) {
        return has(p.bit());
    }

    public PermSet and(PermSet o) {
        return new PermSet(bits & o.bits);
    }

    public PermSet or(PermSet o) {
        return new PermSet(bits | o.bits);
    }

    public PermSet minus(PermSet o) {
        return new PermSet(bits & ~o.bits);
    }

    public boolean subsetOf(PermSet o) {
        return (bits & ~o.bits) == 0;
    }

    public boolean isEmpty() {
        return bits == 0;
    }

    public static PermSet of(int bit) {
        return new PermSet(1L << bit);
    }
}
