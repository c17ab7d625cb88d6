package dev.reclaim.findings;

import dev.reclaim.model.SourcePos;

/** One step of a chain or cycle, or another place the finding involves. */
public record Related(String message, SourcePos pos) {
}
