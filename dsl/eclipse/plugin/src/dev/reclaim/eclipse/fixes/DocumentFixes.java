package dev.reclaim.eclipse.fixes;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.validation.Issue;

import dev.reclaim.dsl.ide.quickfix.Fix;
import dev.reclaim.dsl.ide.quickfix.PolicyFixes;
import dev.reclaim.eclipse.ReclaimPlugin;
import dev.reclaim.eclipse.model.PolicyDocument;

/**
 * The ide module's quick fixes for the findings of one policy document, and their application to
 * its text. Ctrl+1 in the editor and the Problems view's Quick Fix both come here, so they offer
 * the same fixes with the same titles.
 */
public final class DocumentFixes {
    private DocumentFixes() {
    }

    /** Fixes for every current finding whose range holds {@code offset}, without repeated titles. */
    public static List<Fix> at(PolicyDocument policy, int offset) {
        return matching(policy, i -> i.getOffset() <= offset && offset <= i.getOffset() + i.getLength());
    }

    /** Fixes for the current finding of rule {@code ruleId} that starts at {@code offset}. */
    public static List<Fix> forFinding(PolicyDocument policy, String ruleId, int offset) {
        return matching(policy, i -> ruleId.equals(i.getCode()) && i.getOffset() == offset);
    }

    private static List<Fix> matching(PolicyDocument policy, java.util.function.Predicate<Issue> which) {
        List<Fix> out = new ArrayList<>();
        List<Issue> issues = policy.findings();
        var resource = policy.snapshot().resource();
        PolicyFixes fixes = ReclaimPlugin.injector().getInstance(PolicyFixes.class);
        for (Issue issue : issues) {
            if (which.test(issue)) {
                for (Fix fix : fixes.fixes(resource, issue, issues)) {
                    if (out.stream().noneMatch(f -> f.title().equals(fix.title()))) {
                        out.add(fix);
                    }
                }
            }
        }
        return out;
    }

    /** Applies a fix's replacements to {@code document}, last first, so earlier offsets stay valid. */
    public static void apply(Fix fix, IDocument document) {
        try {
            for (Fix.Replacement r : fix.replacements().stream()
                    .sorted((a, b) -> Integer.compare(b.offset(), a.offset())).toList()) {
                document.replace(r.offset(), r.length(), r.text());
            }
        } catch (BadLocationException e) {
            throw new IllegalStateException("fix " + fix.title() + " no longer applies", e);
        }
    }
}
