package dev.reclaim.gen;

import java.util.ArrayList;
import java.util.List;

import dev.reclaim.dsl.compile.FileReport;

/**
 * The code generator's entry point: checked files in, Java files out (nothing is written here).
 * Per policy: its constants, guard table and enforcement facade; per system: the class that builds
 * it on the runtime model and its JUnit 5 test.
 */
public final class Generator {
    private final String packageOverride;

    /** @param packageOverride the package for every policy, or null for each policy's own */
    public Generator(String packageOverride) {
        this.packageOverride = packageOverride;
    }

    /** The files to write, in a stable order: per policy its main classes, then per system its two. */
    public List<JavaFile> generate(List<FileReport> reports) throws GenModelBuilder.GenerateException {
        GenModel model = new GenModelBuilder(packageOverride).build(reports);
        List<JavaFile> out = new ArrayList<>();
        for (GenModel.PolicyUnit p : model.policies()) {
            out.addAll(new PolicyRenderer().render(p));
            for (GenModel.SystemUnit s : p.systems()) {
                out.add(new SystemRenderer(p, s).render());
                out.add(new TestRenderer().render(p, s));
            }
        }
        return out;
    }
}
