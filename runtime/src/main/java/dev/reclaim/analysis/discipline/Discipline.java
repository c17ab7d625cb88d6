package dev.reclaim.analysis.discipline;

import java.util.ArrayList;
import java.util.List;

import dev.reclaim.findings.Finding;
import dev.reclaim.model.SystemModel;

/**
 * The body-discipline rules of one system: {@code lock-unbalanced}, {@code mempool-double},
 * {@code scope-handoff} and {@code scope-widen}. Each finding's declaration is the declaration
 * whose body holds the statement it is located at.
 */
public final class Discipline {
    private Discipline() {
    }

    public static List<Finding> check(SystemModel sys) {
        List<Finding> out = new ArrayList<>();
        out.addAll(lockBalance(sys));
        out.addAll(mempoolDouble(sys));
        out.addAll(scopes(sys));
        return out;
    }

    public static List<Finding> lockBalance(SystemModel sys) {
        return LockBalance.check(sys);
    }

    public static List<Finding> mempoolDouble(SystemModel sys) {
        return MempoolDouble.check(sys);
    }

    /** {@code scope-handoff} and {@code scope-widen}. */
    public static List<Finding> scopes(SystemModel sys) {
        return ScopeChecks.check(sys);
    }
}
