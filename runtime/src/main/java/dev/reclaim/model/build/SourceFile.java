package dev.reclaim.model.build;

import java.util.Objects;

import dev.reclaim.model.SourcePos;

/**
 * A source file as positions name it. Generated code names each file once and makes every
 * position from it, so a position is four numbers rather than a file name repeated.
 *
 * @param name the file name findings and stacks show (generated code uses the base name)
 */
public record SourceFile(String name) {
    /** @throws NullPointerException when {@code name} is null */
    public SourceFile {
        Objects.requireNonNull(name, "name");
    }

    /** The file called {@code name}. */
    public static SourceFile of(String name) {
        return new SourceFile(name);
    }

    /** A region of this file: 1-based lines and columns, the end exclusive. */
    public SourcePos at(int line, int column, int endLine, int endColumn) {
        return new SourcePos(name, line, column, endLine, endColumn);
    }

    /** A one-character region of this file at {@code line:column} (1-based). */
    public SourcePos at(int line, int column) {
        return SourcePos.of(name, line, column);
    }
}
