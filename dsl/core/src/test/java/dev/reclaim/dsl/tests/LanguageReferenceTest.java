package dev.reclaim.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import dev.reclaim.dsl.reclaim.Model;

/**
 * Every code block of the language contract (../shared/LANGUAGE.md) must parse and link. The §1
 * vocabulary block precedes the §2 system block, as the contract reads them together.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReclaimInjectorProvider.class)
class LanguageReferenceTest {
    @Inject
    private ParseHelper<Model> parser;

    static List<String> codeBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^```\\s*\\n(.*?)^```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void everyPolicySnippetOfTheContractParses() throws Exception {
        Path contract = locate();
        Assumptions.assumeTrue(contract != null, "../shared/LANGUAGE.md is not beside this checkout");
        List<String> blocks = codeBlocks(Files.readString(contract, StandardCharsets.UTF_8));
        String vocabulary = blocks.stream().filter(b -> b.contains("policy ")).findFirst().orElseThrow();
        String system = blocks.stream().filter(b -> b.contains("system ")).findFirst().orElseThrow();
        Model model = parser.parse(vocabulary + "\n" + system);
        assertEquals(List.of(), model.eResource().getErrors().stream().map(Object::toString).toList());
        assertTrue(model.getElements().size() > 10);
    }

    private static Path locate() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 5 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/LANGUAGE.md").normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
