package dev.reclaim.model;

import java.util.List;

/**
 * A kind of layer. {@code below} names the layers directly above this one (LANGUAGE.md: "layer dm
 * below fs"); {@code guard} is the permission reclaim into its sources requires, or null.
 */
public record Layer(String name, List<String> below, String guard, String doc, SourcePos pos) {
    public Layer {
        below = List.copyOf(below);
    }
}
