package dev.sentinelctl.cli;

import dev.sentinelctl.schema.SchemaValidator;

/**
 * A command that validates content files. {@link Main} starts compiling the content schemas before picocli builds
 * its model (both take ~0.1 s cold, and the schemas compile on a thread of their own) and hands the validator over.
 */
interface ValidatesContent {
    void schemas(SchemaValidator compiling);
}
