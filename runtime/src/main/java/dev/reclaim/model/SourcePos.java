package dev.reclaim.model;

/**
 * A region of a source file. Lines and columns are 1-based; the end is exclusive. Every IR
 * element carries one so that findings can point back into the user's file.
 */
public record SourcePos(String file, int line, int column, int endLine, int endColumn) {

    public static final SourcePos UNKNOWN = new SourcePos("<unknown>", 0, 0, 0, 0);

    public static SourcePos of(String file, int line, int column) {
        return new SourcePos(file, line, column, line, column + 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
