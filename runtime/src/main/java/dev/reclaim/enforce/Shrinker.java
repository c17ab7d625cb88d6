package dev.reclaim.enforce;

/**
 * A reclaim source. It is never given the reclaim context: the {@link ShrinkerRegistry} calls it
 * only when its layer's guard permission is in that context, so it has no context bits to inspect.
 */
@FunctionalInterface
public interface Shrinker {
    /**
     * Frees up to {@code nrToScan} objects' worth of memory.
     *
     * @return pages freed (0 when nothing could be freed)
     */
    long scan(int nrToScan);
}
