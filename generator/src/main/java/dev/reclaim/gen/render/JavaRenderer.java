package dev.reclaim.gen.render;

import java.util.ArrayList;
import java.util.List;

import dev.reclaim.gen.model.GenModel;

/**
 * Prints the output model as Java sources, in a stable order: per policy its permissions, contexts,
 * layers and facade, then per system its builder class and its test. Only printing happens here:
 * every name was decided by {@code GenModelBuilder}.
 */
public final class JavaRenderer {
    public List<JavaFile> render(GenModel model) {
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
