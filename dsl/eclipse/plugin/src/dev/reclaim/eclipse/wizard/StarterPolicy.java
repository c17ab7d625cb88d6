package dev.reclaim.eclipse.wizard;

/** The text a new .reclaim file starts with: a small policy that checks clean, to edit from. */
public final class StarterPolicy {
    private StarterPolicy() {
    }

    /** The starter text for a policy named {@code name} (the file name without .reclaim). */
    public static String text(String name) {
        return """
                /** %s: declare the reclaim permissions, the contexts built from them and your layers. */
                policy %s

                /** The allocation may reclaim memory itself. */
                permission direct
                /** Reclaim may start and wait on block IO. */
                permission io

                context KERNEL = direct + io
                /** What a thread that serves IO must allocate with. */
                context NOIO = KERNEL - io

                /** Block devices. */
                layer block guarded by io
                /** Hardware: completes IO without allocating. */
                layer device below block

                system example {
                    memory 64 pages min 4 low 8 high 12
                    expect no deadlock
                    expect findings none

                    device disk0
                    block loop0 on disk0 served by loop0_worker

                    /** Serves loop0, so it must not reclaim into IO. */
                    thread loop0_worker serves loop0 scope NOIO {
                        alloc 1 KERNEL
                        write disk0
                        free 1
                    }
                }
                """.formatted(name, name);
    }
}
