package dev.sentinelctl.deploy.sandbox;

import dev.sentinelctl.deploy.kinds.KindTable;
import java.util.List;

/** The resource types the sandbox serves: the deploy kinds' own stand-ins, from their one registration. */
final class Served {
    static final List<SandboxResourceType> TYPES = List.copyOf(KindTable.builtIn().sandboxTypes());

    private Served() {
    }
}
