package dev.reclaim.doc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The bad and good example policy of each rule, kept as data next to this class
 * ({@code examples/RULE-ID.bad.reclaim} and {@code .good.reclaim}) so that the docs show exactly
 * what {@code RuleExamplesTest} runs through the checker: bad fires the rule, good does not.
 */
public final class RuleExamples {
    private RuleExamples() {
    }

    /** The policy on which rule {@code id} fires, or null if there is none. */
    public static String bad(String id) {
        return read(id + ".bad.reclaim");
    }

    /** Its fixed counterpart, or null if there is none. */
    public static String good(String id) {
        return read(id + ".good.reclaim");
    }

    /** The resource path of an example, for tests that check it from a file. */
    public static String resource(String id, boolean bad) {
        return "examples/" + id + (bad ? ".bad.reclaim" : ".good.reclaim");
    }

    private static String read(String name) {
        try (InputStream in = RuleExamples.class.getResourceAsStream("examples/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
