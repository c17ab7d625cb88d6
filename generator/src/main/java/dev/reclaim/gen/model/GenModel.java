package dev.reclaim.gen.model;

import java.util.List;

import dev.reclaim.model.SystemModel;

/**
 * What {@code reclaimc generate} writes, decided before any text is rendered: per policy its
 * package, the Java names of its classes and constants, and its systems. Every name here is already
 * escaped and distinct in its namespace ({@link JavaNames}); the renderers only print.
 */
public record GenModel(List<PolicyUnit> policies) {
    public GenModel {
        policies = List.copyOf(policies);
    }

    /**
     * One policy (one input file). {@code facade}, {@code permissionsClass}, {@code contextsClass}
     * and {@code layersClass} are simple class names in {@code pkg}; {@code layers} are in an order
     * where every layer comes after the layers it is below (the enforcement library's index order).
     */
    public record PolicyUnit(String policy, String doc, String file, String pkg, String facade,
                             String permissionsClass, String contextsClass, String layersClass,
                             List<PermConst> permissions, List<ContextConst> contexts, List<LayerConst> layers,
                             List<SystemUnit> systems) {
        public PolicyUnit {
            permissions = List.copyOf(permissions);
            contexts = List.copyOf(contexts);
            layers = List.copyOf(layers);
            systems = List.copyOf(systems);
        }
    }

    /** A permission: {@code constant} is {@code 1 << bit}. */
    public record PermConst(String name, String constant, int bit, String doc) {
    }

    /** A named context: the constants of the permissions it contains, in bit order. */
    public record ContextConst(String name, String constant, List<String> permissions, String doc) {
        public ContextConst {
            permissions = List.copyOf(permissions);
        }
    }

    /**
     * A layer: {@code constant} holds {@code index}; {@code method} is the facade's instance factory
     * for it; {@code guard} is a permission constant or null; {@code below} the constants of the layers
     * it is directly below.
     */
    public record LayerConst(String name, String constant, String method, int index, String guard, List<String> below,
                             String doc) {
        public LayerConst {
            below = List.copyOf(below);
        }
    }

    /** A system: {@code className} builds it, {@code testClassName} asserts its expectations. */
    public record SystemUnit(String name, String className, String testClassName, SystemModel model) {
    }
}
