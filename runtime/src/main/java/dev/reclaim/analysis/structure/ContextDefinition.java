package dev.reclaim.analysis.structure;

import dev.reclaim.model.SourcePos;

/** {@code context NAME = EXPR} before resolution. */
public record ContextDefinition(String name, Expr expr, String doc, SourcePos pos) {
}
