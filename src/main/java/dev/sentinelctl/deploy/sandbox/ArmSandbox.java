package dev.sentinelctl.deploy.sandbox;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local stand-in for Azure Resource Manager on {@code https://127.0.0.1:PORT}, serving Sentinel alert rules and
 * metadata and Log Analytics saved searches, plus a fake Entra ID token endpoint, so the real Azure SDK can run
 * against it unchanged. See {@link ArmOperations} for the resource semantics and {@link SandboxHandler} for faults.
 *
 * <pre>{@code
 * try (ArmSandbox sandbox = ArmSandbox.start(SandboxOptions.defaults().withPageSize(2))) {
 *     ArmClients clients = ArmClients.forEndpoint(sandbox.baseUrl(), sandbox.trustFile(), credential, retry);
 *     ...
 * }
 * }</pre>
 */
public final class ArmSandbox implements AutoCloseable {
    /** The PEM file with the sandbox certificate, written to the data directory (or a temporary one). */
    public static final String TRUST_FILE_NAME = "sandbox-cert.pem";
    private static final long SAVE_DELAY_MS = 200;
    /**
     * A request holds its thread for the whole injected latency, so threads ÷ latency caps the requests per second:
     * 32 threads at 50 ms were 640/s, below what a fleet rollout sends (64 workspaces × 4 in flight) and below what
     * the client pushes on two cores. Sleeping threads cost little.
     */
    private static final int SERVER_THREADS = 256;

    private final HttpsServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService saver;
    private final SandboxCertificate certificate;
    private final Path trustFile;
    private final Path temporaryDir;
    private final StateFile stateFile;
    private final ArmOperations operations;
    private final SandboxStats stats = new SandboxStats();
    private final FaultInjector faults;
    private final AtomicBoolean savePending = new AtomicBoolean();
    private final AtomicReference<RuntimeException> saveFailure = new AtomicReference<>();
    private final URI baseUrl;

    private ArmSandbox(SandboxOptions options) throws IOException {
        this.certificate = SandboxCertificate.generate(Duration.ofDays(30));
        this.faults = new FaultInjector(options.faults());
        this.stateFile = options.dataDir() == null ? null : new StateFile(options.dataDir());
        this.operations = new ArmOperations(options.workspaces(), Clock.systemUTC(), this::scheduleSave);
        if (stateFile != null) {
            // Before any thread or socket exists, so a bad state file leaves nothing running behind.
            stateFile.load().ifPresent(operations::restore);
        }
        if (options.tablesFile() != null) loadTables(options.tablesFile());
        this.temporaryDir = options.dataDir() == null ? Files.createTempDirectory("sentinelctl-sandbox") : null;
        this.trustFile = certificate.writePem(
                (options.dataDir() == null ? temporaryDir : options.dataDir()).resolve(TRUST_FILE_NAME));

        disableNagle();
        this.server = bind(options.port());
        this.saver = stateFile == null ? null : Executors.newSingleThreadScheduledExecutor(daemon("sandbox-save"));
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        this.baseUrl = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
        SandboxHandler handler = new SandboxHandler(baseUrl.toString(),
                new ArmRequestHandler(operations, options.pageSize()), new TokenEndpoint(),
                new AdminEndpoint(stats, faults, operations), faults,
                new ArmRateLimiter(options.limits(), System::nanoTime), stats, options.requestLog());
        server.createContext("/", handler);
        this.executor = Executors.newFixedThreadPool(SERVER_THREADS, daemon("sandbox-http"));
        server.setExecutor(executor);
        server.start();
    }

    /** The seed file: one table setup or a list of them, as {@code POST /_sandbox/tables} takes them. */
    private void loadTables(Path file) throws IOException {
        tools.jackson.databind.JsonNode seed;
        try {
            seed = SandboxJson.MAPPER.readTree(Files.readString(file));
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalStateException("Table setup file " + file + " is not valid JSON (" + e.getOriginalMessage() + ").");
        }
        try {
            for (tools.jackson.databind.JsonNode setup : seed.isArray() ? seed : List.of(seed)) {
                operations.configureTables(WorkspaceTables.parse(setup));
            }
        } catch (ArmException e) {
            throw new IllegalStateException("Table setup file " + file + ": " + e.getMessage());
        }
    }

    /**
     * Sets up a workspace's Log Analytics tables, as {@code POST /_sandbox/tables} does: with {@code only} it has just
     * these tables, otherwise the catalog's with these changes; a state is {@code live}, {@code empty}, {@code absent},
     * an instant (the last record) or a duration ({@code P10D}: the last record that long ago).
     */
    public void configureTables(WorkspaceRef workspace, boolean only, java.util.Map<String, String> states) {
        java.util.Map<String, TableState> parsed = new java.util.LinkedHashMap<>();
        try {
            states.forEach((name, state) -> parsed.put(name, TableState.parse(state)));
        } catch (ArmException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        operations.configureTables(new WorkspaceTables.Setup(workspace, only, parsed));
    }

    /** As {@link #configureTables(WorkspaceRef, boolean, java.util.Map)}, with rows that queries read ({@code "data"}). */
    public void configureTables(WorkspaceRef workspace, boolean only, java.util.Map<String, String> states,
                                java.util.Map<String, tools.jackson.databind.node.ArrayNode> data) {
        configureTables(workspace, only, states, data, java.util.OptionalInt.empty());
    }

    /** As above, with the period the service would detect in the workspace's series ({@code "seasonality"}). */
    public void configureTables(WorkspaceRef workspace, boolean only, java.util.Map<String, String> states,
                                java.util.Map<String, tools.jackson.databind.node.ArrayNode> data, java.util.OptionalInt seasonality) {
        java.util.Map<String, TableState> parsed = new java.util.LinkedHashMap<>();
        try {
            states.forEach((name, state) -> parsed.put(name, TableState.parse(state)));
        } catch (ArmException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        operations.configureTables(new WorkspaceTables.Setup(workspace, only, parsed, data, seasonality));
    }

    private HttpsServer bind(int port) throws IOException {
        try {
            return HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (BindException e) {
            deleteTemporaryFiles();
            throw new IOException("Port " + port + " on 127.0.0.1 is already in use. Stop whatever holds it or "
                    + "choose another with --port (0 picks a free one).", e);
        }
    }

    /** Starts a sandbox; the caller closes it. */
    public static ArmSandbox start(SandboxOptions options) throws IOException {
        return new ArmSandbox(options);
    }

    /** {@code https://127.0.0.1:PORT}, without a trailing slash. Use it as ARM endpoint and as authority host. */
    public URI baseUrl() {
        return baseUrl;
    }

    public int port() {
        return baseUrl.getPort();
    }

    /** The PEM certificate clients must trust (e.g. {@code --arm-trust}, {@code curl --cacert}). */
    public Path trustFile() {
        return trustFile;
    }

    public X509Certificate certificate() {
        return certificate.certificate();
    }

    public SandboxStats stats() {
        return stats;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Declared workspaces plus every workspace written to so far. */
    public List<WorkspaceRef> workspaces() {
        return operations.workspaces();
    }

    public int resourceCount() {
        return operations.resourceCount();
    }

    /** The state file, or null without a data directory. */
    public Path stateFile() {
        return stateFile == null ? null : stateFile.path();
    }

    /** Stops serving, then writes the final state; throws if any save failed. */
    @Override
    public void close() throws IOException {
        server.stop(0);
        executor.shutdownNow();
        if (saver != null) {
            saver.shutdown();
            try {
                saver.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stateFile.save(operations::snapshot);
        }
        deleteTemporaryFiles();
        RuntimeException failure = saveFailure.get();
        if (failure != null) {
            throw new IOException("A background save of the sandbox state failed: " + failure.getMessage(), failure);
        }
    }

    /** Without a data directory the trust file lives in a temporary directory that goes with the sandbox. */
    private void deleteTemporaryFiles() throws IOException {
        if (temporaryDir != null) {
            Files.deleteIfExists(trustFile);
            Files.deleteIfExists(temporaryDir);
        }
    }

    /** Coalesces writes: at most one save is pending, and it snapshots whatever the state is when it runs. */
    private void scheduleSave() {
        if (saver != null && savePending.compareAndSet(false, true)) {
            saver.schedule(() -> {
                savePending.set(false);
                try {
                    stateFile.save(operations::snapshot);
                } catch (RuntimeException e) {
                    saveFailure.set(e);
                }
            }, SAVE_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * HttpServer writes headers and body as two small TLS records; with Nagle's algorithm on, the client's delayed
     * ACK then stalls every response by about 40 ms (measured: 50 ms per request instead of 1 ms). The switch is the
     * documented jdk.httpserver property, read once per JVM when the first server starts; an explicit setting wins.
     */
    private static void disableNagle() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
