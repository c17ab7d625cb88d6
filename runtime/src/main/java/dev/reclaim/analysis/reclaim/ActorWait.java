package dev.reclaim.analysis.reclaim;

import java.util.List;

import dev.reclaim.findings.Related;
import dev.reclaim.model.Decl.Op;
import dev.reclaim.model.Stmt;

/** A blocking statement a thread reaches outside reclaim, with what it holds meanwhile. */
record ActorWait(Actor actor, Stmt stmt, WaitTarget target, Held held, Frame frame) {
    Op op() {
        return frame.op();
    }

    List<Related> trail() {
        return frame.trail();
    }
}
