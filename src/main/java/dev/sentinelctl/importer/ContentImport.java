package dev.sentinelctl.importer;

import dev.sentinelctl.arm.ArmImport;
import java.nio.file.Path;
import java.util.List;

/** Everything {@code import} reads: rules and hunting queries from ARM ({@link ArmImport}), parsers and watchlists ({@link KindsImport}). */
public final class ContentImport {

    public record Outcome(ArmImport.Outcome arm, KindsImport.Outcome kinds) {}

    public Outcome run(List<Path> roots, Path outDir) {
        return new Outcome(new ArmImport().run(roots, outDir), new KindsImport().run(roots, outDir));
    }
}
