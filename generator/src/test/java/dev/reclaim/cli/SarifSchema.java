package dev.reclaim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The published SARIF 2.1.0 JSON schema ({@code src/test/resources/sarif/}, see the README there),
 * loaded once, with format assertions on.
 */
final class SarifSchema {
    private static final Path FILE = Path.of("src/test/resources/sarif/sarif-schema-2.1.0.json");
    private static JsonSchema schema;

    private SarifSchema() {
    }

    private static synchronized JsonSchema schema() throws IOException {
        if (schema == null) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            try (InputStream in = Files.newInputStream(FILE)) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            }
        }
        return schema;
    }

    /** The schema violations of {@code sarif}, one line each, sorted; empty when it is valid. */
    static Set<String> violations(String sarif) throws IOException {
        Set<ValidationMessage> errors = schema().validate(new ObjectMapper().readTree(sarif));
        return errors.stream().map(ValidationMessage::toString).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    static void assertValid(String sarif) throws IOException {
        assertEquals(Set.of(), violations(sarif), "SARIF schema violations");
    }
}
