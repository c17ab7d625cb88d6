package dev.reclaim.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Permissions, contexts and layers visible to the systems of one file (its own declarations and
 * those of its direct imports), in declaration order.
 */
public final class Vocabulary {
    public static final int MAX_PERMISSIONS = 64;

    private final Map<String, Permission> permissions = new LinkedHashMap<>();
    private final Map<String, ContextDef> contexts = new LinkedHashMap<>();
    private final Map<String, Layer> layers = new LinkedHashMap<>();

    /** Adds a permission with the next free bit; the caller reports duplicates and overflow. */
    public Permission addPermission(String name, String doc, SourcePos pos) {
        Permission existing = permissions.get(name);
        if (existing != null) {
            return existing;
        }
        if (permissions.size() >= MAX_PERMISSIONS) {
            throw new IllegalStateException("more than " + MAX_PERMISSIONS + " permissions");
        }
        Permission p = new Permission(name, permissions.size(), doc, pos);
        permissions.put(name, p);
        return p;
    }

    public void addContext(ContextDef c) {
        contexts.putIfAbsent(c.name(), c);
    }

    public void addLayer(Layer l) {
        layers.putIfAbsent(l.name(), l);
    }

    public List<Permission> permissions() {
        return List.copyOf(permissions.values());
    }

    public List<ContextDef> contexts() {
        return List.copyOf(contexts.values());
    }

    public List<Layer> layers() {
        return List.copyOf(layers.values());
    }

    public Optional<Permission> permission(String name) {
        return Optional.ofNullable(permissions.get(name));
    }

    public Optional<ContextDef> context(String name) {
        return Optional.ofNullable(contexts.get(name));
    }

    public Optional<Layer> layer(String name) {
        return Optional.ofNullable(layers.get(name));
    }

    /** Every declared permission: the context kswapd reclaims with. */
    public PermSet all() {
        int n = permissions.size();
        return new PermSet(n == 64 ? -1L : (1L << n) - 1);
    }

    /** The permission names of a set, in declaration order, for messages. */
    public List<String> names(PermSet set) {
        List<String> out = new ArrayList<>();
        for (Permission p : permissions.values()) {
            if (set.has(p)) {
                out.add(p.name());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * A readable name for a set: the first declared context with exactly these permissions, else
     * the permissions joined with '+', else "none".
     */
    public String describe(PermSet set) {
        for (ContextDef c : contexts.values()) {
            if (c.perms().equals(set)) {
                return c.name();
            }
        }
        List<String> names = names(set);
        return names.isEmpty() ? "none" : String.join("+", names);
    }
}
