package dev.reclaim.dsl.lowering;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;

import com.google.inject.Inject;

import dev.reclaim.analysis.structure.ContextDefinition;
import dev.reclaim.analysis.structure.ContextResolver;
import dev.reclaim.dsl.reclaim.Context;
import dev.reclaim.dsl.reclaim.Layer;
import dev.reclaim.dsl.reclaim.Model;
import dev.reclaim.dsl.reclaim.Permission;
import dev.reclaim.dsl.reclaim.ReclaimPackage;
import dev.reclaim.dsl.reclaim.TopElement;
import dev.reclaim.dsl.scoping.Imports;
import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.ContextDef;
import dev.reclaim.model.PermSet;
import dev.reclaim.model.SystemModel;
import dev.reclaim.model.Vocabulary;

/**
 * Lowers a parsed file to the plain-Java IR the analyses and the simulator run on. The vocabulary
 * is that of the file and everything it imports, transitively: visibility stops at direct imports
 * (the scope provider), but an imported context keeps the meaning its own file gave it.
 */
public final class Lowering {
    private static final ReclaimPackage P = ReclaimPackage.eINSTANCE;

    /**
     * The IR of one file; {@code findings} are those lowering itself found (context cycles, ...);
     * {@code doc} is the policy's doc comment, or null.
     */
    public record Result(String policy, Vocabulary vocab, List<SystemModel> systems, List<Finding> findings,
                         String doc) {
    }

    private final IEObjectDocumentationProvider docProvider;
    private Function<Resource, String> fileNames = Lowering::defaultFileName;

    @Inject
    public Lowering(IEObjectDocumentationProvider docProvider) {
        this.docProvider = docProvider;
    }

    /** How files are named in positions (the CLI shows paths relative to the working directory). */
    public void setFileNames(Function<Resource, String> fileNames) {
        this.fileNames = fileNames;
    }

    /** A file path relative to the working directory when the file lies below it, as compilers print. */
    public static String defaultFileName(Resource r) {
        if (r == null || r.getURI() == null) {
            return "<unknown>";
        }
        if (!r.getURI().isFile()) {
            return r.getURI().toString();
        }
        java.nio.file.Path path = java.nio.file.Path.of(r.getURI().toFileString()).toAbsolutePath().normalize();
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    public String fileName(Resource r) {
        return fileNames.apply(r);
    }

    public Result lower(Model model) {
        Vocabulary vocab = new Vocabulary();
        List<Finding> findings = new ArrayList<>();
        List<ContextDefinition> definitions = new ArrayList<>();
        Docs docs = new Docs(docProvider);
        for (Model m : Imports.closure(model)) {
            Positions positions = new Positions(fileName(m.eResource()));
            ContextLowering contexts = new ContextLowering(positions);
            for (TopElement e : m.getElements()) {
                if (e instanceof Permission p && p.getName() != null) {
                    if (vocab.permission(p.getName()).isEmpty()
                            && vocab.permissions().size() >= Vocabulary.MAX_PERMISSIONS) {
                        findings.add(new Finding(Rule.INVALID, "more than " + Vocabulary.MAX_PERMISSIONS
                                + " permissions: '" + p.getName() + "' has no bit left",
                                positions.of(p, P.getPermission_Name()), List.of(), "permission " + p.getName(), null));
                        continue;
                    }
                    vocab.addPermission(p.getName(), docs.of(p), positions.of(p, P.getPermission_Name()));
                } else if (e instanceof Layer l && l.getName() != null) {
                    String guard = l.getGuard() == null ? null : Positions.text(l, P.getLayer_Guard());
                    vocab.addLayer(new dev.reclaim.model.Layer(l.getName(), Positions.texts(l, P.getLayer_Below()),
                            guard, docs.of(l), positions.of(l, P.getLayer_Name())));
                } else if (e instanceof Context c && c.getName() != null) {
                    definitions.add(new ContextDefinition(c.getName(), contexts.expr(c.getExpr()), docs.of(c),
                            positions.of(c, P.getContext_Name())));
                }
            }
        }
        ContextResolver resolver = new ContextResolver(vocab, definitions, model.getName());
        ContextResolver.Resolution resolution = resolver.resolve();
        for (ContextDefinition d : definitions) {
            PermSet perms = resolution.contexts().getOrDefault(d.name(), PermSet.NONE);
            vocab.addContext(new ContextDef(d.name(), perms, d.doc(), d.pos()));
        }
        findings.addAll(resolution.findings());

        Positions positions = new Positions(fileName(model.eResource()));
        ContextLowering contexts = new ContextLowering(positions);
        contexts.resolveWith(resolver);
        List<SystemModel> systems = new ArrayList<>();
        for (TopElement e : model.getElements()) {
            if (e instanceof dev.reclaim.dsl.reclaim.System s) {
                systems.add(new SystemLowering(positions, contexts, docs, vocab).lower(s));
            }
        }
        return new Result(model.getName(), vocab, systems, findings, docs.of(model));
    }
}
