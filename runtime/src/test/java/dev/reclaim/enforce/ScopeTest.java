package dev.reclaim.enforce;

import static dev.reclaim.enforce.Storage.KERNEL;
import static dev.reclaim.enforce.Storage.NOFS;
import static dev.reclaim.enforce.Storage.NOIO;
import static dev.reclaim.enforce.Storage.inThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // scope and layer handles are held for their extent, not referenced
class ScopeTest {

    @Test
    void scopesOnlyNarrowAndRestoreLifo() throws Exception {
        List<Violation> reports = Storage.install(Mode.REPORT);
        inThread("t", () -> {
            assertEquals(-1, Reclaim.current());
            int a = Reclaim.save(NOFS);
            assertEquals(NOFS, Reclaim.current());
            int b = Reclaim.save(KERNEL); // wider: no effect (scope-widen)
            assertEquals(NOFS, Reclaim.current());
            int c = Reclaim.save(NOIO);
            assertEquals(NOIO, Reclaim.current());
            assertEquals(NOIO, Reclaim.allocating(KERNEL));
            Reclaim.restore(c);
            assertEquals(NOFS, Reclaim.current());
            Reclaim.restore(b);
            assertEquals(NOFS, Reclaim.current());
            Reclaim.restore(a);
            assertEquals(-1, Reclaim.current());
            assertEquals(0, Reclaim.scopeDepth());
            assertEquals(KERNEL, Reclaim.allocating(KERNEL));
        });
        assertTrue(reports.isEmpty());
    }

    @Test
    void tryWithResourcesNests() throws Exception {
        Storage.install(Mode.FAIL);
        inThread("t", () -> {
            try (var outer = Reclaim.scope(NOFS)) {
                try (var inner = Reclaim.scope(NOIO)) {
                    assertEquals(NOIO, Reclaim.current());
                    assertEquals(2, Reclaim.scopeDepth());
                }
                assertEquals(NOFS, Reclaim.current());
            }
            assertEquals(-1, Reclaim.current());
            assertEquals(0, Reclaim.scopeDepth());
        });
    }

    @Test
    void outOfOrderRestoreIsReportedOnceAndUnwinds() throws Exception {
        List<Violation> reports = Storage.install(Mode.REPORT);
        inThread("writer", () -> {
            int outer = Reclaim.save(NOFS);
            int inner = Reclaim.save(NOIO);
            Reclaim.restore(outer);
            assertEquals(-1, Reclaim.current());
            assertEquals(0, Reclaim.scopeDepth());
            Reclaim.restore(inner); // already ended by the outer restore: ignored
            assertEquals(-1, Reclaim.current());
        });
        assertEquals(1, reports.size());
        Violation v = reports.get(0);
        assertEquals(Violation.Kind.SCOPE_ORDER, v.kind());
        assertEquals("scope-order: writer restores scope NOFS (depth 1) while inner scope NOIO is still open: "
                + "restores must be LIFO", v.message());
        assertEquals("writer", v.thread());
        assertEquals(2, v.scopes().size());
        assertEquals("NOFS", v.scopes().get(0).context());
        assertEquals("NOIO", v.scopes().get(1).context());
        assertEquals(ScopeTest.class.getName(), v.scopes().get(1).stack()[0].getClassName());
        assertEquals(ScopeTest.class.getName(), v.stack()[0].getClassName());
        assertTrue(v.render().startsWith("reclaim: scope-order: writer restores scope NOFS"));
        assertTrue(v.render().contains("  scope NOIO entered at:\n    at " + ScopeTest.class.getName()));
        assertEquals(1, Reclaim.count(Violation.Kind.SCOPE_ORDER));
    }

    @Test
    void doubleRestoreIsReported() throws Exception {
        List<Violation> reports = Storage.install(Mode.REPORT);
        inThread("t", () -> {
            int a = Reclaim.save(NOFS);
            Reclaim.restore(a);
            Reclaim.restore(a);
            assertEquals(-1, Reclaim.current());
        });
        assertEquals(1, reports.size());
        assertEquals("scope-order: t restores a scope that is not open (restored twice, or saved on another "
                + "thread)", reports.get(0).message());
    }

    @Test
    void closingAScopeTwiceIsReported() throws Exception {
        List<Violation> reports = Storage.install(Mode.REPORT);
        inThread("t", () -> {
            Reclaim.Scope s = Reclaim.scope(NOFS);
            s.close();
            s.close();
            assertEquals(0, Reclaim.scopeDepth());
        });
        assertEquals(1, reports.size());
        assertTrue(reports.get(0).message().startsWith("scope-order: t restores a scope that is not open"));
    }

    @Test
    void failModeThrowsAfterUnwinding() throws Exception {
        Storage.install(Mode.FAIL);
        inThread("t", () -> {
            int outer = Reclaim.save(NOFS);
            Reclaim.save(NOIO);
            ReclaimViolation e = assertThrows(ReclaimViolation.class, () -> Reclaim.restore(outer));
            assertEquals("scope-order: t restores scope NOFS (depth 1) while inner scope NOIO is still open: "
                    + "restores must be LIFO", e.getMessage());
            assertEquals(Violation.Kind.SCOPE_ORDER, e.kind());
            assertEquals(0, Reclaim.scopeDepth());
        });
    }

    @Test
    void enforceModeCountsWithoutReporting() throws Exception {
        List<Violation> reports = Storage.install(Mode.ENFORCE);
        inThread("t", () -> {
            int outer = Reclaim.save(NOFS);
            Reclaim.save(NOIO);
            Reclaim.restore(outer);
            assertEquals(-1, Reclaim.current());
        });
        assertTrue(reports.isEmpty());
        assertEquals(1, Reclaim.count(Violation.Kind.SCOPE_ORDER));
    }

    @Test
    void deepNestingGrowsTheStack() throws Exception {
        Storage.install(Mode.ENFORCE);
        inThread("t", () -> {
            int[] saved = new int[100];
            for (int i = 0; i < 100; i++) {
                saved[i] = Reclaim.save(i == 50 ? NOIO : NOFS);
            }
            assertEquals(NOIO, Reclaim.current());
            for (int i = 99; i >= 0; i--) {
                Reclaim.restore(saved[i]);
            }
            assertEquals(-1, Reclaim.current());
        });
        assertEquals(0, Reclaim.count(Violation.Kind.SCOPE_ORDER));
    }

    @Test
    void layerEntriesAreLifoToo() throws Exception {
        List<Violation> reports = Storage.install(Mode.REPORT);
        Instance ext4 = Instance.of(Storage.L_FS, "ext4");
        Instance thin0 = Instance.of(Storage.L_DM, "thin0");
        inThread("t", () -> {
            Reclaim.LayerEntry a = Reclaim.enter(ext4);
            Reclaim.enter(thin0);
            assertEquals(2, Reclaim.layerDepth());
            a.close();
            assertEquals(0, Reclaim.layerDepth());
        });
        assertEquals(1, reports.size());
        assertEquals("scope-order: t leaves ext4 (layer fs) while thin0 is still entered: layer entries must be "
                + "left LIFO", reports.get(0).message());
        assertFalse(reports.get(0).render().isEmpty());
    }
}
