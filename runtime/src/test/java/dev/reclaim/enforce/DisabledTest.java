package dev.reclaim.enforce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;

/** {@code -Dreclaim.enforce=off}: loaded in its own class loader, since the switch is read once. */
class DisabledTest {

    @Test
    void disabledEverythingIsANoOp() throws Exception {
        URL classes = Reclaim.class.getProtectionDomain().getCodeSource().getLocation();
        String old = System.getProperty("reclaim.enforce");
        System.setProperty("reclaim.enforce", "off");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> r = Class.forName(Reclaim.class.getName(), true, loader);
            assertEquals(false, r.getField("ENABLED").get(null));
            Method save = r.getMethod("save", int.class);
            Method current = r.getMethod("current");
            Method allocating = r.getMethod("allocating", int.class);
            Method restore = r.getMethod("restore", int.class);
            int t = (int) save.invoke(null, Storage.NOFS);
            assertEquals(-1, (int) current.invoke(null));
            assertEquals(Storage.KERNEL, (int) allocating.invoke(null, Storage.KERNEL));
            restore.invoke(null, t);
            restore.invoke(null, 12345); // not even a stale restore is looked at
            assertEquals(0, (int) r.getMethod("scopeDepth").invoke(null));
        } finally {
            if (old == null) {
                System.clearProperty("reclaim.enforce");
            } else {
                System.setProperty("reclaim.enforce", old);
            }
        }
        assertEquals(true, Reclaim.ENABLED);
    }
}
