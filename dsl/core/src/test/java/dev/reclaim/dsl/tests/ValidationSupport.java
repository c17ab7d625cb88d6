package dev.reclaim.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import dev.reclaim.dsl.compile.ReclaimCompiler;
import dev.reclaim.dsl.reclaim.Model;
import dev.reclaim.dsl.reclaim.ReclaimPackage;

/**
 * The editor's view of a policy: markers come from the same analysis as {@code reclaimc check},
 * with the rule id as issue code and the same message, located on the model at the finding's
/**
 * What the validator tests share: the §1 vocabulary, parsing with link errors asserted away, and
 * issue assertions that list every issue on failure before Xtext's helper (whose own failure
 * messages need JUnit 4) runs.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReclaimInjectorProvider.class)
abstract class ValidationSupport {
    static final EClass MODEL = ReclaimPackage.Literals.MODEL;

    /** LANGUAGE.md §1, the vocabulary every policy here uses. */
    static final String VOCABULARY = """
            policy linux.storage
            permission direct
            permission kswapd
            permission io
            permission fs
            context KERNEL = direct + kswapd + io + fs
            context NOFS   = KERNEL - fs
            context NOIO   = NOFS - io
            context NOWAIT = kswapd
            context NONE   = none
            layer fs guarded by fs
            layer dm below fs guarded by io
            layer block below dm guarded by io
            layer device below block
            """;

    @Inject
    ParseHelper<Model> parser;

    @Inject
    ValidationTestHelper validation;

    @Inject
    ReclaimCompiler compiler;

    Model parse(String text) throws Exception {
        Model model = parser.parse(text);
        assertEquals(List.of(), model.eResource().getErrors().stream().map(Object::toString).toList(),
                "parse and link errors");
        return model;
    }

    /** Every issue as "severity code line:column message", in the validator's order. */
    List<String> issues(Model model) {
        return validation.validate(model).stream().map(ValidationSupport::line).toList();
    }

    /** No error-severity issue, listing every issue on failure (the helper's own failures need JUnit 4). */
    void assertNoErrors(Model model) {
        List<String> all = issues(model);
        assertEquals(List.of(), all.stream().filter(i -> i.startsWith("ERROR ")).toList(), all.toString());
        validation.assertNoErrors(model);
    }

    /** No issue with {@code code}, listing every issue on failure; then the helper's own check. */
    void assertNoIssue(Model model, String code) {
        List<String> all = issues(model);
        assertEquals(List.of(), all.stream().filter(i -> i.split(" ")[1].equals(code)).toList(), all.toString());
        validation.assertNoIssue(model, MODEL, code);
    }

    /** An issue of this severity, code and exact message (and span, when offset >= 0); then the helper's check. */
    void assertIssue(Model model, Severity severity, String code, int offset, int length, String message) {
        List<Issue> all = validation.validate(model);
        assertTrue(all.stream().anyMatch(i -> i.getSeverity() == severity && code.equals(i.getCode())
                && message.equals(i.getMessage()) && (offset < 0 || i.getOffset() == offset && i.getLength() == length)),
                () -> "no " + severity + " " + code + " '" + message + "' at " + offset + "+" + length + " among "
                        + all.stream().map(i -> line(i) + " @" + i.getOffset() + "+" + i.getLength()).toList());
        if (severity == Severity.ERROR) {
            if (offset < 0) {
                validation.assertError(model, MODEL, code, message);
            } else {
                validation.assertError(model, MODEL, code, offset, length, message);
            }
        } else if (offset < 0) {
            validation.assertWarning(model, MODEL, code, message);
        } else {
            validation.assertWarning(model, MODEL, code, offset, length, message);
        }
    }

    static String line(Issue i) {
        return i.getSeverity() + " " + i.getCode() + " " + i.getLineNumber() + ":" + i.getColumn() + " "
                + i.getMessage();
    }

    static String system(String members) {
        return VOCABULARY + "system s {\n" + members.indent(4) + "    device sda\n    fs ext4 on sda\n}\n";
    }

}
