package dev.reclaim.sim;

/**
 * Progress of a long search, for a status line. Called from the search loop at most a few times
 * a second; {@code queue} is the BFS frontier (0 in random mode).
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (mode, done, ratePerSecond, queue, elapsedNanos) -> { };

    void report(String mode, long done, double ratePerSecond, long queue, long elapsedNanos);
}
