package dev.reclaim.dsl.compile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.IResourceScopeCache;

import com.google.inject.Inject;
import com.google.inject.Singleton;

import dev.reclaim.analysis.Checker;
import dev.reclaim.dsl.lowering.Lowering;
import dev.reclaim.dsl.lowering.Positions;
import dev.reclaim.dsl.reclaim.Model;
import dev.reclaim.findings.Finding;
import dev.reclaim.findings.Rule;
import dev.reclaim.model.SystemModel;

/**
 * Checks one parsed file: parser and linker errors, imports, names, then lowering and every
 * analysis of the runtime. The CLI and the editor's validator both read this one result, cached
 * per resource until the resource changes.
 */
@Singleton
public class FileAnalysis {
    private static final String CACHE_KEY = FileAnalysis.class.getName();

    @Inject
    private Lowering lowering;

    @Inject
    private IResourceScopeCache cache;

    public Lowering lowering() {
        return lowering;
    }

    public FileReport analyse(Resource resource) {
        return cache.get(CACHE_KEY, resource, () -> compute(resource));
    }

    private FileReport compute(Resource resource) {
        // Linking is lazy: resolve every reference so that the linker's diagnostics exist.
        EcoreUtil2.resolveLazyCrossReferences(resource, CancelIndicator.NullImpl);
        String file = lowering.fileName(resource);
        LineIndex lines = new LineIndex(text(resource));
        List<Reported> reported = new ArrayList<>();
        for (Finding f : Diagnostics.of(resource, file, lines)) {
            reported.add(new Reported(f, Reported.Status.ACTIVE, null));
        }
        if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) {
            return new FileReport(file, reported, List.of());
        }
        Positions positions = new Positions(file);
        List<Finding> fileLevel = new ArrayList<>();
        fileLevel.addAll(ImportChecks.check(model, positions));
        fileLevel.addAll(VocabularyNames.check(model, positions));
        Lowering.Result lowered = lowering.lower(model);
        fileLevel.addAll(lowered.findings());
        for (Finding f : Checker.checkVocabulary(lowered.vocab(), lowered.policy())) {
            if (f.rule() != Rule.UNKNOWN_NAME) {
                fileLevel.add(f); // the linker reports unknown names, with a suggestion, at the reference
            }
        }
        for (Finding f : fileLevel) {
            reported.add(new Reported(f, Reported.Status.ACTIVE, null));
        }
        for (SystemModel system : lowered.systems()) {
            Checker.Result result = Checker.check(system);
            for (Checker.Judged j : result.findings()) {
                if (j.finding().rule() == Rule.UNKNOWN_NAME) {
                    continue; // the linker reports unknown names, with a suggestion, at the reference
                }
                Reported.Status status = switch (j.status()) {
                    case ACTIVE -> Reported.Status.ACTIVE;
                    case EXPECTED -> Reported.Status.EXPECTED;
                    case WAIVED -> Reported.Status.WAIVED;
                };
                reported.add(new Reported(j.finding(), status, j.note()));
            }
        }
        return new FileReport(file, sortedUnique(reported), lowered.systems(),
                new FileReport.Policy(lowered.policy(), lowered.doc(), lowered.vocab()));
    }

    private static List<Reported> sortedUnique(List<Reported> in) {
        Set<String> seen = new LinkedHashSet<>();
        List<Reported> out = new ArrayList<>();
        for (Reported r : in) {
            Finding f = r.finding();
            if (seen.add(f.ruleId() + "|" + f.pos() + "|" + f.message())) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparing((Reported r) -> r.finding().pos().file())
                .thenComparingInt(r -> r.finding().pos().line())
                .thenComparingInt(r -> r.finding().pos().column())
                .thenComparing(r -> r.finding().rule().ordinal())
                .thenComparing(r -> r.finding().message()));
        return out;
    }

    static String text(Resource resource) {
        if (resource instanceof XtextResource xr && xr.getParseResult() != null
                && xr.getParseResult().getRootNode() != null) {
            return xr.getParseResult().getRootNode().getText();
        }
        return "";
    }
}
