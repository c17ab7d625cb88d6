package dev.reclaim.gen;

import java.util.List;

import dev.reclaim.dsl.compile.FileReport;
import dev.reclaim.gen.model.GenModelBuilder;
import dev.reclaim.gen.render.JavaFile;
import dev.reclaim.gen.render.JavaRenderer;

/**
 * The code generator's entry point: checked files in, Java files out (nothing is written here;
 * {@code dev.reclaim.gen.write.OutputWriter} does that). Per policy: its constants, guard table and
 * enforcement facade; per system: the class that builds it on the runtime model and its JUnit 5 test.
 */
public final class Generator {
    private final String packageOverride;

    /** @param packageOverride the package for every policy, or null for each policy's own */
    public Generator(String packageOverride) {
        this.packageOverride = packageOverride;
    }

    /** The files to write, in a stable order. */
    public List<JavaFile> generate(List<FileReport> reports) throws GenModelBuilder.GenerateException {
        return new JavaRenderer().render(new GenModelBuilder(packageOverride).build(reports));
    }
}
