package dev.sentinelctl.kql.semantic;

import dev.sentinelctl.kql.semantic.catalog.BuiltInCatalog;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Prints how long the built-in catalog takes from a cold JVM. Run in a fresh JVM, after test-compile:
 * <pre>  java -cp target/classes:target/test-classes dev.sentinelctl.kql.semantic.CatalogLoadTiming [warm]</pre>
 * Not a unit test: timings on a shared 2-core box are too noisy to assert on. Wall time and this thread's
 * CPU time are both printed; on a busy machine the CPU time is the steadier figure.
 */
public final class CatalogLoadTiming {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CatalogLoadTiming() {
    }

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long[] w0 = now();
        // With "warm", pay first for JDK machinery any CLI run has already used by the time it binds a query
        // (lambda bootstrap, String.format, ConcurrentHashMap), so the numbers show the catalog's own cost.
        boolean warm = args.length > 0 && args[0].equals("warm");
        if (warm) {
            java.util.function.Supplier<String> s = () -> String.format(java.util.Locale.ROOT, "%02d", 1);
            new java.util.concurrent.ConcurrentHashMap<String, String>().computeIfAbsent("k", k -> s.get());
            java.util.List.of("a\tb").get(0).split("\t");
        }
        long[] t0 = now();
        TableSchema signin = Catalog.builtIn().table("SigninLogs").orElseThrow();
        long[] t1 = now();
        Catalog.builtIn().table("SecurityEvent").orElseThrow();
        long[] t2 = now();
        FunctionSymbol strcat = Catalog.builtIn().scalarFunction("strcat").orElseThrow();
        long[] t3 = now();
        BuiltInCatalog fresh = BuiltInCatalog.load();
        int columns = 0;
        for (String n : fresh.tableNames()) columns += fresh.table(n).orElseThrow().columns().size();
        long[] t4 = now();
        if (warm) print("JDK warm-up (lambdas, format)", w0, t0);
        print("first table(\"SigninLogs\") from cold (" + signin.columns().size() + " columns)", t0, t1);
        print("second table lookup (SecurityEvent)", t1, t2);
        print("function index + first lookup (" + strcat.name() + ")", t2, t3);
        print("full load of all " + fresh.tableNames().size() + " tables (" + columns + " columns), fresh instance", t3, t4);
        System.out.printf("JVM start to here: %d ms%n", System.currentTimeMillis() - jvmStart);
    }

    private static long[] now() {
        return new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime()};
    }

    private static void print(String what, long[] a, long[] b) {
        System.out.printf("%s: %.1f ms wall, %.1f ms cpu%n", what, (b[0] - a[0]) / 1e6, (b[1] - a[1]) / 1e6);
    }
}
