package dev.reclaim.model.build;

import java.util.List;

import dev.reclaim.model.ContextDef;
import dev.reclaim.model.Layer;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.Permission;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.Vocabulary;

/**
 * Builds a {@link Vocabulary}: permissions, contexts and layers in declaration order. Contexts are
 * given already resolved (the permissions they contain), as the front end resolves them; the
 * builder does not evaluate context expressions.
 */
public final class VocabularyBuilder {
    private final Vocabulary vocab = new Vocabulary();

    private VocabularyBuilder() {
    }

    /** An empty vocabulary. */
    public static VocabularyBuilder create() {
        return new VocabularyBuilder();
    }

    /**
     * Declares the next permission: the first declared is bit 0, and so on. Declaring a name twice
     * keeps the first.
     *
     * @param doc its doc comment, or null
     * @throws IllegalStateException past {@value Vocabulary#MAX_PERMISSIONS} permissions
     */
    public VocabularyBuilder permission(String name, String doc, SourcePos pos) {
        vocab.addPermission(name, doc, pos);
        return this;
    }

    /**
     * Declares a context as the set of the named permissions (already declared).
     *
     * @param doc its doc comment, or null
     * @throws IllegalArgumentException when a permission is not declared
     */
    public VocabularyBuilder context(String name, String doc, SourcePos pos, String... permissions) {
        vocab.addContext(new ContextDef(name, perms(vocab, permissions), doc, pos));
        return this;
    }

    /**
     * Declares a layer.
     *
     * @param guard the permission reclaim into its sources requires, or null when unguarded
     * @param below the layers directly above it ({@code layer dm below fs}: {@code List.of("fs")})
     * @param doc   its doc comment, or null
     */
    public VocabularyBuilder layer(String name, String guard, List<String> below, String doc, SourcePos pos) {
        vocab.addLayer(new Layer(name, below, guard, doc, pos));
        return this;
    }

    /** The vocabulary; later calls on this builder keep adding to the same object. */
    public Vocabulary build() {
        return vocab;
    }

    /** The set of the named permissions of {@code vocab}. */
    static PermSet perms(Vocabulary vocab, String... permissions) {
        long bits = 0;
        for (String p : permissions) {
            Permission perm = vocab.permission(p)
                    .orElseThrow(() -> new IllegalArgumentException("no permission '" + p + "' in the vocabulary"));
            bits |= 1L << perm.bit();
        }
        return new PermSet(bits);
    }
}
