package dev.sentinelctl.deploy.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox state as one JSON file in the data directory. Writes go to a temporary file first and are moved into
 * place, so a crash never leaves half a file. Saving is coalesced by {@link ArmSandbox}: a burst of 500 PUTs writes
 * the file a few times, not 500 times.
 */
final class StateFile {
    static final String FORMAT = "sentinelctl-sandbox-state/1";
    static final String FILE_NAME = "sandbox-state.json";

    private final Path file;

    StateFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    Path path() {
        return file;
    }

    Optional<JsonNode> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode state = SandboxJson.MAPPER.readTree(file.toFile());
            if (!FORMAT.equals(state.path("format").asString(""))) {
                throw new IllegalStateException("Sandbox state file " + file + " has format '"
                        + state.path("format").asString("") + "', expected '" + FORMAT
                        + "'. Move it away or start with another --data directory.");
            }
            return Optional.of(state);
        } catch (JacksonException e) {
            throw new IllegalStateException("Sandbox state file " + file + " is not valid JSON ("
                    + e.getOriginalMessage() + "). Move it away or start with another --data directory.", e);
        }
    }

    void save(Supplier<? extends JsonNode> snapshot) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".sandbox-state", ".tmp");
            SandboxJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), snapshot.get());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write sandbox state " + file + ": " + e.getMessage(), e);
        }
    }
}
