package dev.reclaim.gen.render;

/**
 * One generated compilation unit: {@code test} files go to the test output directory.
 *
 * @param pkg       its package
 * @param className its top-level class
 * @param text      the source, ASCII with {@code \n} line ends
 */
public record JavaFile(String pkg, String className, boolean test, String text) {
    /** The path below an output root: package folders, then {@code ClassName.java}. */
    public String relativePath() {
        return pkg.replace('.', '/') + "/" + className + ".java";
    }
}
