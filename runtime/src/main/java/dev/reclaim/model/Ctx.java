package dev.reclaim.model;

/**
 * A context expression as written at a use site ({@code alloc 1 NOFS - io}): the resolved set
 * plus the user's own text, which messages quote.
 */
public record Ctx(PermSet perms, String text) {
}
