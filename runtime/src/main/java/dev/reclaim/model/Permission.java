package dev.reclaim.model;

/** One reclaim capability bit; {@code bit} is its index in every {@link PermSet} of the vocabulary. */
public record Permission(String name, int bit, String doc, SourcePos pos) {
}
