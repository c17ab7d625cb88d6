package dev.reclaim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Rule 4: kswapd wakes below low, reclaims with every permission until high, sleeps after a fruitless pass. */
class KswapdTest {
    @Test
    void wokenWhenAnAllocationWouldLeaveLessThanLow() {
        Harness h = new Harness("""
                system k {
                    memory 100 pages min 10 low 20 high 30
                    device sda
                    fs c on sda
                    cache c 70
                    thread kswapd0 kswapd
                    thread t task { fill c 5 KERNEL }
                    shrinker pc in c unguarded { scan { } }
                }
                """);
        assertFalse(h.awake("kswapd0"));
        assertFalse(h.runnable("kswapd0"));
        assertFalse(h.blocked("kswapd0"), "a sleeping kswapd is not blocked");
        h.steps("t", 2);
        assertEquals(20, h.free());
        assertFalse(h.awake("kswapd0"), "20 is not below low");
        h.step("t");
        assertTrue(h.awake("kswapd0"));
        h.step("kswapd0");
        assertTrue(h.inPass("kswapd0"));
        h.step("kswapd0");
        assertEquals(15 + 32, h.free());
        assertTrue(h.awake("kswapd0"), "the pass freed something");
        h.step("kswapd0");
        assertFalse(h.awake("kswapd0"), "free >= high: back to sleep");
    }

    @Test
    void keepsReclaimingUntilHigh() {
        Harness h = new Harness("""
                system k {
                    memory 200 pages min 10 low 20 high 90
                    device sda
                    fs c on sda
                    cache c 185
                    thread kswapd0 kswapd
                    thread t task { fill c 1 KERNEL }
                    shrinker pc in c unguarded { scan { } }
                }
                """);
        h.steps("t", 1);
        assertTrue(h.awake("kswapd0"));
        h.steps("kswapd0", 2);
        assertEquals(14 + 32, h.free());
        assertTrue(h.awake("kswapd0"));
        h.steps("kswapd0", 2);
        assertEquals(14 + 64, h.free());
        h.steps("kswapd0", 2);
        assertEquals(14 + 96, h.free());
        h.step("kswapd0");
        assertFalse(h.awake("kswapd0"));
    }

    @Test
    void sleepsAfterAPassThatFreesNothing() {
        Harness h = new Harness("""
                system k {
                    memory 100 pages min 10 low 20 high 30
                    device sda
                    fs c on sda
                    fs d on sda
                    thread kswapd0 kswapd
                    thread t task { alloc 5 NOWAIT }
                    shrinker s in d { scan { } }
                }
                """);
        h.steps("t", 17);
        assertEquals(15, h.free());
        assertTrue(h.awake("kswapd0"));
        h.steps("kswapd0", 2);
        assertFalse(h.awake("kswapd0"));
        assertEquals(15, h.free());
    }

    @Test
    void kswapdReclaimsWithEveryPermission() {
        Harness h = new Harness("""
                system k {
                    memory 100 pages min 10 low 20 high 30
                    device sda
                    fs c on sda
                    cache c 75
                    thread kswapd0 kswapd
                    thread t task { alloc 10 NOWAIT }
                    shrinker s in c { scan { if fs { stop } } }
                }
                """);
        h.step("t");
        h.steps("kswapd0", 2);
        assertFalse(h.awake("kswapd0"), "fs set for kswapd: the shrinker stopped, nothing freed");
    }

    @Test
    void aSystemWithoutKswapdHasNone() {
        Harness h = new Harness("""
                system k {
                    memory 100 pages min 10 low 20 high 30
                    device sda
                    fs c on sda
                    thread t task { alloc 5 NOWAIT }
                }
                """);
        assertEquals(1, h.p.threads());
        assertEquals(0, h.p.kswapdMask);
    }
}
