package dev.reclaim.analysis.discipline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reclaim.findings.Finding;
import dev.reclaim.testing.FindingText;
import dev.reclaim.testing.TestSystems;

class MempoolDoubleTest {

    private static List<String> check(String text) {
        return FindingText.of(Discipline.mempoolDouble(TestSystems.parse(text)));
    }

    @Test
    void secondTakeWhileHoldingOne() {
        List<Finding> f = Discipline.mempoolDouble(TestSystems.parse("""
                system s {
                    dm crypt
                    mempool crypt_pool in crypt size 2
                    thread kcryptd task {
                        take crypt_pool
                        take crypt_pool
                        give crypt_pool
                        give crypt_pool
                    }
                }
                """));
        assertEquals(List.of("mempool-double:6: thread kcryptd may take a second element of pool crypt_pool while "
                + "holding one (first taken at line 5)"), FindingText.of(f));
        assertEquals("s/thread kcryptd", f.get(0).declaration());
        assertEquals(5, f.get(0).related().get(0).pos().line());
    }

    @Test
    void theDmCryptFixHoldsOneLockAcrossBothTakes() {
        assertEquals(List.of(), check("""
                system s {
                    dm crypt
                    mutex crypt_lock in crypt
                    mempool crypt_pool in crypt size 2
                    thread kcryptd task {
                        lock crypt_lock
                        take crypt_pool
                        take crypt_pool
                        unlock crypt_lock
                        give crypt_pool
                        give crypt_pool
                    }
                    thread kcryptd2 task {
                        lock crypt_lock
                        take crypt_pool
                        call again
                        unlock crypt_lock
                        give crypt_pool
                    }
                    op again in crypt { take crypt_pool give crypt_pool }
                }
                """));
    }

    @Test
    void giveBeforeTheNextTakeIsFine() {
        assertEquals(List.of(), check("""
                system s {
                    dm crypt
                    mempool p in crypt size 1
                    mempool q in crypt size 1
                    thread t task { take p give p take p take q give q give p give p }
                }
                """));
    }

    @Test
    void secondTakeInsideACalledOpIsLocatedInTheOp() {
        List<Finding> f = Discipline.mempoolDouble(TestSystems.parse("""
                system s {
                    dm crypt
                    mempool p in crypt size 2
                    thread t task { if io { take p } call again give p }
                    thread u task { take p call again give p }
                    op again in crypt { take p give p }
                }
                """));
        assertEquals(List.of("mempool-double:6: thread t may take a second element of pool p while holding one "
                + "(first taken at line 4 in thread t)"), FindingText.of(f));
        assertEquals("s/op again", f.get(0).declaration());
    }

    @Test
    void aLockDroppedBetweenTheTakesDoesNotCover() {
        assertEquals(List.of("mempool-double:5: thread t may take a second element of pool p while holding one "
                + "(first taken at line 5)"), check("""
                system s {
                    dm crypt
                    mutex l in crypt
                    mempool p in crypt size 2
                    thread t task { lock l take p unlock l lock l take p unlock l give p give p }
                }
                """));
    }

    @Test
    void differentLocksInDifferentThreadsDoNotSerialise() {
        assertEquals(List.of(
                "mempool-double:6: thread a may take a second element of pool p while holding one (first taken at "
                        + "line 6); it holds la across both takes, but no one lock is held across every double take "
                        + "of p",
                "mempool-double:7: scan of shrinker sh may take a second element of pool p while holding one (first "
                        + "taken at line 7); it holds lb across both takes, but no one lock is held across every "
                        + "double take of p"), check("""
                system s {
                    dm crypt
                    mutex la in crypt
                    mutex lb in crypt
                    mempool p in crypt size 2
                    thread a task { lock la take p take p give p give p unlock la }
                    shrinker sh in crypt { scan { trylock lb else stop take p take p give p give p unlock lb } }
                }
                """));
    }
}
