package dev.reclaim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.reclaim.testing.TestSystems;

/**
 * Systems with structural errors are still simulated (the checker is not the oracle): unknown
 * names, recursive calls, stop outside a shrinker, no memory declaration, a server of nothing.
 */
class RobustnessTest {
    private static final Simulator.Options SMALL =
            new Simulator.Options(Simulator.Mode.DEFAULT, 1, 20, 200, 20_000, 0, new int[0]);

    @Test
    void brokenModelsSimulateWithoutThrowing() {
        SimResult r = Simulator.simulate(TestSystems.parse("""
                system broken {
                    device sda
                    fs f on sda
                    block b on f served by ghost
                    mutex m in f
                    thread t task { lock nosuch  write nowhere  dirty nocache 3  stop  call loop  queue nowq
                                    take nopool  if nosuchperm { lock m } unlock m  alloc 5 KERNEL  free 5 }
                    thread s serves nothing { write sda }
                    thread u task { write b }
                    op loop in f { call loop }
                    shrinker sh in nowhere { scan { clean nowhere  stop  unlock m } }
                }
                """), SMALL, Progress.NONE);
        assertTrue(r.deadlock(), "u's IO waits for a server nobody runs");
        assertEquals("u waits for IO on b, served by nobody", r.found().summary());
    }

    @Test
    void aSystemWithoutMemoryNeverRunsOutOfIt() {
        SimResult r = Simulator.simulate(TestSystems.parse("""
                system nomem {
                    device sda
                    fs f on sda
                    thread kswapd0 kswapd
                    thread t task { alloc 100 KERNEL  free 100 }
                }
                """), SMALL, Progress.NONE);
        assertTrue(!r.deadlock());
    }

    @Test
    void tooManyThreadsIsRefusedWithAReason() {
        StringBuilder b = new StringBuilder("system big {\n device sda\n fs f on sda\n");
        for (int i = 0; i < 33; i++) {
            b.append(" thread t").append(i).append(" task { }\n");
        }
        b.append("}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimCompiler.compile(TestSystems.parse(b.toString())));
        assertTrue(e.getMessage().contains("at most 32 threads"), e.getMessage());
    }
}
