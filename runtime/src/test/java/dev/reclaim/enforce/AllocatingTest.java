package dev.reclaim.enforce;

import static dev.reclaim.enforce.Storage.KERNEL;
import static dev.reclaim.enforce.Storage.L_BLOCK;
import static dev.reclaim.enforce.Storage.L_DEVICE;
import static dev.reclaim.enforce.Storage.L_DM;
import static dev.reclaim.enforce.Storage.L_FS;
import static dev.reclaim.enforce.Storage.NOFS;
import static dev.reclaim.enforce.Storage.NOIO;
import static dev.reclaim.enforce.Storage.NOWAIT;
import static dev.reclaim.enforce.Storage.inThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // scope and layer handles are held for their extent, not referenced
class AllocatingTest {
    private final Instance ext4 = Instance.of(L_FS, "ext4");
    private final Instance thin0 = Instance.of(L_DM, "thin0");
    private final Instance loop0 = Instance.of(L_BLOCK, "loop0");
    private final Instance sda = Instance.of(L_DEVICE, "sda");

    @Test
    void outsideEveryLayerNothingIsChecked() throws Exception {
        List<Violation> reports = Storage.install(Mode.FAIL);
        inThread("t", () -> assertEquals(KERNEL, Reclaim.allocating(KERNEL)));
        assertTrue(reports.isEmpty());
    }

    @Test
    void policyTables() {
        Policy p = Storage.POLICY;
        assertEquals(Storage.FS, p.guardsAtOrAbove(L_FS));
        assertEquals(Storage.FS | Storage.IO, p.guardsAtOrAbove(L_DM));
        assertEquals(Storage.FS | Storage.IO, p.guardsAtOrAbove(L_DEVICE));
        assertTrue(p.isAtOrAbove(L_FS, L_BLOCK));
        assertEquals("NOFS", p.describe(NOFS));
        assertEquals("direct + fs", p.describe(Storage.DIRECT | Storage.FS));
        assertEquals("NONE", p.describe(0));
    }

    @Test
    void enforceNarrowsToTheSafeContextAndCounts() throws Exception {
        List<Violation> reports = Storage.install(Mode.ENFORCE);
        inThread("writer", () -> {
            try (var l = Reclaim.enter(ext4)) {
                assertEquals(NOFS, Reclaim.allocating(KERNEL));
                assertEquals(NOFS, Reclaim.allocating(NOFS)); // fine as it is
                try (var m = Reclaim.enter(thin0)) {
                    assertEquals(NOIO, Reclaim.allocating(KERNEL));
                }
            }
            assertEquals(KERNEL, Reclaim.allocating(KERNEL));
        });
        assertTrue(reports.isEmpty());
        assertEquals(2, Reclaim.count(Violation.Kind.LAYERING));
    }

    @Test
    void contextsWithoutDirectNeverViolate() throws Exception {
        Storage.install(Mode.FAIL);
        inThread("t", () -> {
            try (var l = Reclaim.enter(sda)) {
                assertEquals(NOWAIT, Reclaim.allocating(NOWAIT));
                assertEquals(NOIO, Reclaim.allocating(NOIO));
            }
        });
    }

    @Test
    void reportOncePerSiteWithScopeSites() throws Exception {
        List<Violation> reports = Storage.install(Mode.REPORT);
        Reclaim.shrinkers().register("bufio", thin0, s -> 0);
        inThread("writer", () -> {
            try (var l = Reclaim.enter(thin0); var s = Reclaim.scope(NOFS)) {
                for (int i = 0; i < 3; i++) {
                    assertEquals(NOFS, Reclaim.allocating(KERNEL)); // REPORT does not narrow
                }
                Reclaim.allocating(KERNEL); // another site
            }
        });
        assertEquals(2, reports.size());
        assertEquals(4, Reclaim.count(Violation.Kind.LAYERING));
        Violation v = reports.get(0);
        assertEquals("layering: writer, allocating KERNEL (effective NOFS) for thin0 (layer dm), may enter shrinker "
                + "bufio of thin0 (layer dm, guarded by io), at or above thin0's layer: narrow it to NOIO", v.message());
        assertEquals(1, v.scopes().size());
        assertEquals("NOFS", v.scopes().get(0).context());
        assertEquals(AllocatingTest.class.getName(), v.scopes().get(0).stack()[0].getClassName());
        assertEquals(AllocatingTest.class.getName(), v.stack()[0].getClassName());
        assertTrue(v.stack()[0].getLineNumber() != reports.get(1).stack()[0].getLineNumber());
    }

    @Test
    void failThrowsWithTheStaticCheckersWords() throws Exception {
        Storage.install(Mode.FAIL);
        inThread("writer", () -> {
            try (var l = Reclaim.enter(ext4)) {
                ReclaimViolation e = assertThrows(ReclaimViolation.class, () -> Reclaim.allocating(KERNEL));
                assertEquals("layering: writer, allocating KERNEL for ext4 (layer fs), may enter layer fs "
                        + "(guarded by fs), at or above ext4's layer: narrow it to NOFS", e.getMessage());
                assertEquals("layering", e.kind().id());
            }
        });
    }

    @Test
    void ioPathContext() throws Exception {
        Storage.install(Mode.FAIL);
        Reclaim.shrinkers().register("pagecache", ext4, 0, s -> 0);
        Reclaim.shrinkers().register("bufio", thin0, s -> 0);
        inThread("loop0_worker", () -> {
            try (var w = Reclaim.serving(loop0)) {
                ReclaimViolation e = assertThrows(ReclaimViolation.class, () -> Reclaim.allocating(KERNEL));
                assertEquals("io-path-context: loop0_worker serves loop0 (layer block) but allocates KERNEL, which "
                        + "admits shrinker bufio of thin0 (layer dm, guarded by io): wrap it in scope NOIO",
                        e.getMessage());
                try (var s = Reclaim.scope(NOIO)) {
                    assertEquals(NOIO, Reclaim.allocating(KERNEL));
                }
            }
        });
    }

    @Test
    void ioPathContextIsNotAlsoReportedAsLayering() throws Exception {
        List<Violation> reports = Storage.install(Mode.REPORT);
        inThread("loop0_worker", () -> {
            try (var w = Reclaim.serving(loop0)) {
                Reclaim.allocating(KERNEL);
            }
        });
        assertEquals(1, reports.size());
        assertEquals("io-path-context: loop0_worker serves loop0 (layer block) but allocates KERNEL, which admits "
                + "layer fs (guarded by fs): wrap it in scope NOIO", reports.get(0).message());
        assertEquals(0, Reclaim.count(Violation.Kind.LAYERING));
    }

    @Test
    void enforceOnTheIoPath() throws Exception {
        Storage.install(Mode.ENFORCE);
        inThread("loop0_worker", () -> {
            try (var w = Reclaim.serving(loop0)) {
                assertEquals(NOIO, Reclaim.allocating(KERNEL));
            }
        });
        assertEquals(1, Reclaim.count(Violation.Kind.IO_PATH_CONTEXT));
    }

    @Test
    void kindIdsAreTheStaticCheckersRuleIds() {
        for (Violation.Kind k : Violation.Kind.values()) {
            if (k != Violation.Kind.SCOPE_ORDER) {
                assertTrue(dev.reclaim.findings.Rule.byId(k.id()).isPresent(), k.id());
            }
        }
        assertTrue(dev.reclaim.findings.Rule.byId("scope-order").isEmpty());
    }
}
