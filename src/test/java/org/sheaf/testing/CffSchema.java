package org.sheaf.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The Citation File Format 1.2.0 JSON schema ({@code src/test/resources/cff/schema-1.2.0.json},
 * see the README beside it), checked with networknt's validator: what a {@code CITATION.cff}
 * must be for GitHub, Zenodo and {@code cffconvert} to accept it.
 */
public final class CffSchema {
    private static final Schema SCHEMA = load();

    private CffSchema() {
    }

    /**
     * Every way {@code yaml}, a {@code CITATION.cff}, breaks the schema, each as "POINTER: message"
     * ({@code /authors/0}, or {@code /} for the whole file); empty when valid.
     */
    public static List<String> problems(String yaml) {
        List<Error> errors = SCHEMA.validate(yaml, InputFormat.YAML);
        return errors.stream().map(error -> {
            String at = error.getInstanceLocation().toString();
            return (at.isEmpty() ? "/" : at) + ": " + error.getMessage();
        }).toList();
    }

    private static Schema load() {
        try (InputStream in = CffSchema.class.getResourceAsStream("/cff/schema-1.2.0.json")) {
            if (in == null) {
                throw new IllegalStateException("cff/schema-1.2.0.json is missing from the test resources");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
