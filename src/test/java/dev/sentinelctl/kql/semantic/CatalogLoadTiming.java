package dev.sentinelctl.kql.semantic;

import dev.sentinelctl.kql.semantic.catalog.BuiltInCatalog;

import java.lang.management.ManagementFactory;

/**
 * Prints how long the built-in catalog takes from a cold JVM. Run in a fresh JVM, after test-compile:
 * <pre>  java -cp target/classes:target/test-classes dev.sentinelctl.kql.semantic.CatalogLoadTiming [warm]</pre>
 * Not a unit test: timings on a shared 2-core box are too noisy to assert on.
 */
public final class CatalogLoadTiming {

    private CatalogLoadTiming() {
    }

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        // With "warm", pay first for JDK machinery any CLI run has already used by the time it binds a query
        // (lambda bootstrap, String.format, ConcurrentHashMap), so the numbers show the catalog's own cost.
        long w0 = System.nanoTime();
        if (args.length > 0 && args[0].equals("warm")) {
            java.util.function.Supplier<String> s = () -> String.format(java.util.Locale.ROOT, "%02d", 1);
            new java.util.concurrent.ConcurrentHashMap<String, String>().computeIfAbsent("k", k -> s.get());
            java.util.List.of("a\tb").get(0).split("\t");
        }
        long t0 = System.nanoTime();
        TableSchema signin = Catalog.builtIn().table("SigninLogs").orElseThrow();
        long t1 = System.nanoTime();
        Catalog.builtIn().table("SecurityEvent").orElseThrow();
        long t2 = System.nanoTime();
        FunctionSymbol strcat = Catalog.builtIn().scalarFunction("strcat").orElseThrow();
        long t3 = System.nanoTime();
        BuiltInCatalog fresh = BuiltInCatalog.load();
        int columns = 0;
        for (String n : fresh.tableNames()) columns += fresh.table(n).orElseThrow().columns().size();
        long t4 = System.nanoTime();
        long sinceJvmStart = System.currentTimeMillis() - jvmStart;
        if (t0 - w0 > 1000) System.out.printf("JDK warm-up (lambdas, format): %.1f ms%n", ms(w0, t0));
        System.out.printf("first table(\"SigninLogs\") from cold: %.1f ms (%d columns)%n", ms(t0, t1), signin.columns().size());
        System.out.printf("second table lookup (SecurityEvent): %.2f ms%n", ms(t1, t2));
        System.out.printf("function catalog load + strcat lookup: %.1f ms (%s)%n", ms(t2, t3), strcat.name());
        System.out.printf("full load of all %d tables (%d columns), fresh instance: %.1f ms%n",
                fresh.tableNames().size(), columns, ms(t3, t4));
        System.out.printf("JVM start to here: %d ms%n", sinceJvmStart);
    }

    private static double ms(long a, long b) {
        return (b - a) / 1e6;
    }
}
