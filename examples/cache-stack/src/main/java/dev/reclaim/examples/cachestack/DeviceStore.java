package dev.reclaim.examples.cachestack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The bottom layer: completes writes without allocating (a disk, an object store). */
public final class DeviceStore {
    private final Map<Long, byte[]> blocks = new ConcurrentHashMap<>();

    public void write(long block, byte[] data) {
        blocks.put(block, data.clone());
    }

    public byte[] read(long block) {
        byte[] b = blocks.get(block);
        return b == null ? null : b.clone();
    }
}
