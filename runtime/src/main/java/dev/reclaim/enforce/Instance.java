package dev.reclaim.enforce;

import java.util.Objects;

/**
 * A concrete instance of a layer (an {@code ext4} mount, a {@code loop0} device): the identity the
 * checks use for layer entry, IO service and IO waits. Compared by identity.
 */
public final class Instance {
    private final int layer;
    private final String name;

    private Instance(int layer, String name) {
        this.layer = layer;
        this.name = Objects.requireNonNull(name);
    }

    /** An instance of layer index {@code layer} (a generated layer constant). */
    public static Instance of(int layer, String name) {
        if (layer < 0 || layer >= 64) {
            throw new IllegalArgumentException("layer index " + layer);
        }
        return new Instance(layer, name);
    }

    public int layer() {
        return layer;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
