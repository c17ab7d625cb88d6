package dev.reclaim.eclipse;

import com.google.inject.Injector;

import dev.reclaim.dsl.ide.ReclaimIdeSetup;

/**
 * The language's Guice injector inside Eclipse: the ide module's, so the editor runs the same
 * services as the language server (content assist, hover, symbols, formatting, code actions).
 */
public final class ReclaimPlugin {
    public static final String ID = "dev.reclaim.eclipse";

    private static volatile Injector injector;

    private ReclaimPlugin() {
    }

    public static Injector injector() {
        Injector i = injector;
        if (i == null) {
            synchronized (ReclaimPlugin.class) {
                i = injector;
                if (i == null) {
                    i = new ReclaimIdeSetup().createInjectorAndDoEMFRegistration();
                    injector = i;
                }
            }
        }
        return i;
    }
}
