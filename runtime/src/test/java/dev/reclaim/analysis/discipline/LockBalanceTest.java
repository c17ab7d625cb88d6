package dev.reclaim.analysis.discipline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reclaim.findings.Finding;
import dev.reclaim.testing.FindingText;
import dev.reclaim.testing.Seeds;
import dev.reclaim.testing.TestSystems;

class LockBalanceTest {

    private static List<String> check(String text) {
        return FindingText.of(Discipline.lockBalance(TestSystems.parse(text)));
    }

    @Test
    void seedBodiesAreBalanced() {
        assertEquals(List.of(), Discipline.check(TestSystems.parse(Seeds.SEED_2019_BUGGY)));
    }

    @Test
    void threadEndsItsLoopHoldingALock() {
        List<Finding> f = Discipline.lockBalance(TestSystems.parse("""
                system s {
                    dm thin0
                    mutex bufio_lock in thin0
                    thread writer task {
                        lock bufio_lock
                        dirty thin0 4
                    }
                }
                """));
        assertEquals(List.of("lock-unbalanced:5: thread writer ends its loop holding bufio_lock (taken at line 5)"),
                FindingText.of(f));
        assertEquals("s/thread writer", f.get(0).declaration());
    }

    @Test
    void aBranchThatDoesNotMatterIsNotNamed() {
        assertEquals(List.of("lock-unbalanced:5: thread writer ends its loop holding m (taken at line 5)"), check("""
                system s {
                    dm thin0
                    mutex m in thin0
                    thread writer task { if fs { dirty thin0 1 } else { clean thin0 }
                        lock m
                    }
                }
                """));
    }

    @Test
    void unlockNotHeldOnOnePath() {
        List<Finding> f = Discipline.lockBalance(TestSystems.parse("""
                system s {
                    dm thin0
                    mutex bufio_lock in thin0
                    shrinker bufio in thin0 {
                        scan {
                            if fs { lock bufio_lock }
                            unlock bufio_lock
                        }
                    }
                }
                """));
        assertEquals(List.of("lock-unbalanced:7: scan of shrinker bufio unlocks bufio_lock, which it does not hold "
                + "on the path where fs is off at line 6"), FindingText.of(f));
        assertEquals("s/shrinker bufio", f.get(0).declaration());
    }

    @Test
    void onlyTheDecisionsThatExplainTheLockAreNamed() {
        assertEquals(List.of(
                "lock-unbalanced:5: thread t ends its loop holding a (taken at line 5) on the path where fs is off "
                        + "at line 7",
                "lock-unbalanced:9: thread t unlocks b, which it does not hold on the path where io is off at line 8"),
                check("""
                system s {
                    dm d
                    mutex a in d
                    mutex b in d
                    thread t task { lock a
                        if kswapd { dirty d 1 } else { clean d }
                        if fs { unlock a } if direct { dirty d 2 }
                        if io { lock b } else { dirty d 1 }
                        unlock b
                        if fs { dirty d 3 }
                    }
                }
                """));
    }

    @Test
    void stopWhileHoldingALock() {
        assertEquals(List.of("lock-unbalanced:5: count of shrinker sh returns SHRINK_STOP holding a (taken at line 5) "
                + "on the path where trylock b fails at line 6"), check("""
                system s {
                    dm d
                    mutex a in d
                    mutex b in d
                    shrinker sh in d { count { lock a
                        trylock b else stop
                        unlock b
                        unlock a
                    } scan { } }
                }
                """));
    }

    @Test
    void trylockElseBlockRunsWithoutTheLock() {
        assertEquals(List.of("lock-unbalanced:7: work item of workqueue w unlocks m, which it does not hold on the "
                + "path where trylock m fails at line 5"), check("""
                system s {
                    dm d
                    mutex m in d
                    workqueue w memreclaim {
                        trylock m else {
                            dirty d 1
                        } unlock m
                    }
                }
                """));
    }

    @Test
    void opIsCheckedOnItsOwnAndItsCallerSeesItsEffect() {
        List<Finding> f = Discipline.lockBalance(TestSystems.parse("""
                system s {
                    dm d
                    mutex m in d
                    op take_it in d { lock m }
                    op drop_it in d { unlock m }
                    thread t task {
                        call take_it
                        call drop_it
                    }
                }
                """));
        assertEquals(List.of(
                "lock-unbalanced:4: op take_it ends holding m (taken at line 4): an op must release what it takes, "
                        + "even when its caller unlocks it",
                "lock-unbalanced:5: op drop_it unlocks m, which it does not hold: an op is checked on its own, so a "
                        + "lock its caller holds does not count"), FindingText.of(f));
        assertEquals(List.of("s/op take_it", "s/op drop_it"), f.stream().map(Finding::declaration).toList());
    }

    @Test
    void lockTakenTwice() {
        assertEquals(List.of(
                "lock-unbalanced:6: thread t takes m again while holding it (taken at line 5): locks are not "
                        + "re-entrant",
                "lock-unbalanced:7: thread t takes m again through call relock while holding it (taken at line 5): "
                        + "locks are not re-entrant",
                // relock's own unlock released m
                "lock-unbalanced:8: thread t unlocks m, which it does not hold"), check("""
                system s {
                    dm d
                    mutex m in d
                    thread t task {
                        lock m
                        lock m
                        call relock
                        unlock m
                    }
                    op relock in d { lock m unlock m }
                }
                """));
    }

    @Test
    void trylockOfAHeldLockOnlyFails() {
        assertEquals(List.of(), check("""
                system s {
                    dm d
                    mutex m in d
                    shrinker sh in d { scan {
                        lock m
                        trylock m else { dirty d 1 }
                        unlock m
                    } }
                }
                """));
    }

    @Test
    void balancedBodiesWithBranchesScopesAndRecursion() {
        assertEquals(List.of(), check("""
                system s {
                    dm d
                    mutex a in d
                    rwsem r in d
                    thread t task {
                        scope NOIO { lock a }
                        if io { lock r shared unlock r } else { trylock r else { lock r } unlock r }
                        unlock a
                        call rec
                    }
                    op rec in d { lock a call rec unlock a }
                    workqueue w memreclaim { call rec }
                }
                """));
    }

    @Test
    void stateCapKeepsDivergentBodiesLinear() {
        StringBuilder text = new StringBuilder("system s {\ndm d\n");
        for (int k = 0; k < 20; k++) {
            text.append("mutex l").append(k).append(" in d\n");
        }
        text.append("thread t task {\n");
        for (int k = 0; k < 20; k++) {
            text.append("if fs { lock l").append(k).append(" }\n");
        }
        text.append("}\n}\n");
        List<String> f = check(text.toString());
        assertEquals(20, f.size());
        assertEquals("lock-unbalanced:24: thread t ends its loop holding l0 (taken at line 24) on the path where fs "
                + "is on at line 24", f.get(0));
    }
}
