package dev.reclaim.analysis.reclaim;

import java.util.List;

import dev.reclaim.findings.Related;
import dev.reclaim.model.Decl.Shrinker;
import dev.reclaim.model.Stmt;

/**
 * A wait a shrinker may reach under one reclaim context. {@code inside} is what the shrinker
 * itself holds at that point (taken in its count or scan); its frame's trail is the shrinker part
 * and the calls that led to {@code stmt}; {@code seq} orders waits in walk order across shrinkers.
 */
record ShrinkWait(int seq, Shrinker shrinker, Stmt stmt, WaitTarget target, Held inside, Frame frame) {
    List<Related> trail() {
        return frame.trail();
    }
}
