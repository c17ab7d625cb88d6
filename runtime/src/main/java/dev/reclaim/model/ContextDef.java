package dev.reclaim.model;

/** A named context, already resolved to its permission set. */
public record ContextDef(String name, PermSet perms, String doc, SourcePos pos) {
}
