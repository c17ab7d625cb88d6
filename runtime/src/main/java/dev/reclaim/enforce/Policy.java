package dev.reclaim.enforce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The tables of one policy that the run-time checks need: permission names (bit {@code i} of a
 * mask is permission {@code i}), named contexts (only for messages), layers with their guard
 * permission and the {@code below} order. Generated per-policy code builds one of these once and
 * passes it to {@link Reclaim#install}; hand-written code may do the same.
 *
 * <p>Masks are {@code int}s, like {@code gfp_t}: a policy used for run-time enforcement has at most
 * 32 permissions. Immutable and thread-safe once built.
 */
public final class Policy {
    private final String name;
    private final String[] permissions;
    private final int direct;
    private final String[] contextNames;
    private final int[] contextMasks;
    private final String[] layers;
    private final int[] guards;
    /** Per layer: the guard permissions of that layer and of every layer above it. */
    private final int[] guardsAtOrAbove;
    /** Per layer: bit j set when layer j is at or above it (at most 64 layers). */
    private final long[] atOrAbove;

    private Policy(Builder b) {
        this.name = b.name;
        this.permissions = b.permissions.toArray(String[]::new);
        this.direct = b.direct;
        this.contextNames = b.contextNames.toArray(String[]::new);
        this.contextMasks = b.contextMasks.stream().mapToInt(Integer::intValue).toArray();
        this.layers = b.layers.toArray(String[]::new);
        this.guards = b.guards.stream().mapToInt(Integer::intValue).toArray();
        int n = layers.length;
        long[] above = new long[n];
        for (int i = 0; i < n; i++) {
            above[i] = 1L << i;
            above[i] |= b.directlyBelow.get(i);
        }
        // transitive closure (layers are few; below cycles are rejected by the static checker,
        // and a cycle here only makes the layers of the cycle "at or above" each other)
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < n; i++) {
                long acc = above[i];
                for (int j = 0; j < n; j++) {
                    if ((above[i] & (1L << j)) != 0) {
                        acc |= above[j];
                    }
                }
                if (acc != above[i]) {
                    above[i] = acc;
                    changed = true;
                }
            }
        }
        this.atOrAbove = above;
        this.guardsAtOrAbove = new int[n];
        for (int i = 0; i < n; i++) {
            int g = 0;
            for (int j = 0; j < n; j++) {
                if ((above[i] & (1L << j)) != 0) {
                    g |= guards[j];
                }
            }
            guardsAtOrAbove[i] = g;
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The mask of the permission that plays {@code __GFP_DIRECT_RECLAIM}. */
    public int direct() {
        return direct;
    }

    /** Every declared permission. */
    public int all() {
        return permissions.length == 32 ? -1 : (1 << permissions.length) - 1;
    }

    public int layerCount() {
        return layers.length;
    }

    public String layerName(int layer) {
        return layers[layer];
    }

    /** The guard permission mask of a layer (0: unguarded). */
    public int guard(int layer) {
        return guards[layer];
    }

    /** The guards of {@code layer} and of every layer above it. */
    public int guardsAtOrAbove(int layer) {
        return guardsAtOrAbove[layer];
    }

    /** Whether {@code other} is {@code layer} itself or above it in the {@code below} order. */
    public boolean isAtOrAbove(int other, int layer) {
        return (atOrAbove[layer] & (1L << other)) != 0;
    }

    /** "KERNEL" when a named context equals the mask, else "direct + kswapd", "none" when empty. */
    public String describe(int mask) {
        mask &= all();
        for (int i = 0; i < contextNames.length; i++) {
            if (contextMasks[i] == mask) {
                return contextNames[i];
            }
        }
        if (mask == 0) {
            return "none";
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < permissions.length; i++) {
            if ((mask & (1 << i)) != 0) {
                names.add(permissions[i]);
            }
        }
        return String.join(" + ", names);
    }

    /** The names of the permissions in a mask, joined by " + " ("none" when empty). */
    public String permissionNames(int mask) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < permissions.length; i++) {
            if ((mask & (1 << i)) != 0) {
                names.add(permissions[i]);
            }
        }
        return names.isEmpty() ? "none" : String.join(" + ", names);
    }

    @Override
    public String toString() {
        return "Policy[" + name + ", permissions " + Arrays.toString(permissions) + ", layers "
                + Arrays.toString(layers) + "]";
    }

    /** Builds a {@link Policy}; generated code calls it in declaration order. */
    public static final class Builder {
        private final String name;
        private final List<String> permissions = new ArrayList<>();
        private int direct;
        private final List<String> contextNames = new ArrayList<>();
        private final List<Integer> contextMasks = new ArrayList<>();
        private final List<String> layers = new ArrayList<>();
        private final List<Integer> guards = new ArrayList<>();
        private final List<Long> directlyBelow = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        /** Declares the next permission: the first is bit 0 ({@code 1 << 0}), and so on. */
        public Builder permission(String permission) {
            if (permissions.size() == 32) {
                throw new IllegalArgumentException("run-time enforcement supports at most 32 permissions");
            }
            if (permissions.contains(permission)) {
                throw new IllegalArgumentException("duplicate permission " + permission);
            }
            permissions.add(permission);
            if (permission.equals("direct")) {
                direct = 1 << (permissions.size() - 1);
            }
            return this;
        }

        /** Names a context (used only to describe masks in messages). */
        public Builder context(String context, int mask) {
            contextNames.add(context);
            contextMasks.add(mask);
            return this;
        }

        /**
         * Declares the next layer (index 0, 1, ... in call order), its guard permission mask (0 when
         * unguarded) and the layers it is directly {@code below}, which must already be declared.
         */
        public Builder layer(String layer, int guard, int... below) {
            if (layers.size() == 64) {
                throw new IllegalArgumentException("run-time enforcement supports at most 64 layers");
            }
            long bits = 0;
            for (int b : below) {
                if (b < 0 || b >= layers.size()) {
                    throw new IllegalArgumentException("layer " + layer + " is below undeclared layer index " + b);
                }
                bits |= 1L << b;
            }
            layers.add(layer);
            guards.add(guard);
            directlyBelow.add(bits);
            return this;
        }

        public Policy build() {
            if (direct == 0) {
                throw new IllegalArgumentException("policy " + name + " declares no permission named direct");
            }
            return new Policy(this);
        }
    }
}
