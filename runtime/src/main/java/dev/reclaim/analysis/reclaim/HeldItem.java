package dev.reclaim.analysis.reclaim;

import dev.reclaim.model.SourcePos;

/**
 * A lock or mempool element a thread holds on some path: {@code at} is where it was taken and
 * {@code op} the op that took it (null in a thread's own body), for messages. Both take part in
 * equality so that paths that took the same lock in different places stay apart.
 */
record HeldItem(Res res, SourcePos at, String op) {
    boolean shared() {
        return res.kind() == Res.Kind.LOCK_SHARED;
    }
}
