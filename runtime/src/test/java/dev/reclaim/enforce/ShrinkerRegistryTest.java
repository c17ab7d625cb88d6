package dev.reclaim.enforce;

import static dev.reclaim.enforce.Storage.KERNEL;
import static dev.reclaim.enforce.Storage.L_DM;
import static dev.reclaim.enforce.Storage.L_FS;
import static dev.reclaim.enforce.Storage.NOFS;
import static dev.reclaim.enforce.Storage.NOIO;
import static dev.reclaim.enforce.Storage.inThread;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // scope and layer handles are held for their extent, not referenced
class ShrinkerRegistryTest {
    private final Instance xfs = Instance.of(L_FS, "xfs_host");
    private final Instance ext4 = Instance.of(L_FS, "ext4");
    private final Instance thin0 = Instance.of(L_DM, "thin0");

    @Test
    void onlyShrinkersWhoseGuardIsInTheContextAreCalled() {
        Storage.install(Mode.FAIL);
        List<String> calls = new ArrayList<>();
        ShrinkerRegistry reg = Reclaim.shrinkers();
        reg.register("pagecache", xfs, 0, n -> {
            calls.add("pagecache " + n);
            return 1;
        });
        reg.register("bufio", thin0, n -> {
            calls.add("bufio " + n);
            return 10;
        });
        reg.register("inode", ext4, n -> {
            calls.add("inode " + n);
            return 100;
        });
        assertEquals(111, reg.shrink(KERNEL, 32));
        assertEquals(List.of("pagecache 32", "bufio 32", "inode 32"), calls);
        calls.clear();
        assertEquals(11, reg.shrink(NOFS, 32));
        assertEquals(List.of("pagecache 32", "bufio 32"), calls);
        calls.clear();
        assertEquals(1, reg.shrink(NOIO, 32));
        assertEquals(List.of("pagecache 32"), calls);
        assertArrayEquals(new String[] {"pagecache"}, reg.admitted(NOIO));
        assertArrayEquals(new String[] {"pagecache", "bufio", "inode"}, reg.admitted(KERNEL));
    }

    @Test
    void unregisteredShrinkersAreSkipped() {
        Storage.install(Mode.FAIL);
        ShrinkerRegistry reg = Reclaim.shrinkers();
        ShrinkerRegistry.Registration r = reg.register("bufio", thin0, n -> 10);
        reg.register("inode", ext4, n -> 100);
        r.unregister();
        assertEquals(100, reg.shrink(KERNEL, 32));
    }

    @Test
    void allocationsInsideAShrinkerAreNotChecked() throws Exception {
        Storage.install(Mode.FAIL);
        int[] seen = new int[1];
        Reclaim.shrinkers().register("inode", ext4, n -> {
            seen[0] = Reclaim.allocating(KERNEL); // PF_MEMALLOC: never reclaims, never checked
            return 0;
        });
        inThread("kswapd0", () -> {
            try (var l = Reclaim.enter(ext4)) {
                Reclaim.shrinkers().shrink(KERNEL, 32);
                assertEquals(Storage.NOFS, Reclaim.allocating(NOFS));
            }
        });
        assertEquals(KERNEL, seen[0]);
    }
}
