package dev.sentinelctl.cli;

import dev.sentinelctl.schema.SchemaValidator;
import java.util.concurrent.Callable;

/**
 * A command that validates content files. {@link Main} starts compiling the content schemas before picocli builds
 * its model (both take ~0.1 s cold, and the schemas compile on a thread of their own) and hands the validator over.
 */
abstract class ValidatesContent implements Callable<Integer> {
    /** Main's, already compiling; made here when the command is built another way (tests). */
    private SchemaValidator schemas;

    final void schemas(SchemaValidator compiling) {
        this.schemas = compiling;
    }

    final SchemaValidator schemas() {
        if (schemas == null) schemas = new SchemaValidator();
        return schemas;
    }
}
