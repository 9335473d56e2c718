package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.sentinelctl.kql.eval.EngineTestSupport.fail;
import static dev.sentinelctl.kql.eval.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** hash()/hash_xxhash64 against the values of hash-xxhash64-function.md and hash-combine-function.md. */
class HashFunctionsTest {

    @Test
    void xxHash64MatchesTheSpecificationOnEmptyAndLongInputs() {
        // XXH64("") with seed 0 is 0xEF46DB3751D8E999 in the specification's test vectors
        assertEquals(0xEF46DB3751D8E999L, XxHash64.hash(new byte[0]));
        // 32+ bytes take the four-lane path; the stripe and the tail must both count
        long a = XxHash64.hash("0123456789abcdef0123456789abcdefX".getBytes(StandardCharsets.UTF_8));
        long b = XxHash64.hash("0123456789abcdef0123456789abcdefY".getBytes(StandardCharsets.UTF_8));
        assertTrue(a != b);
    }

    @Test
    void stringsHashTheirUtf8Bytes() {
        assertEquals("1846988464401551951", scalar("hash_xxhash64('World')"));
        assertEquals("1846988464401551951", scalar("hash('World')"));
        assertEquals("753694413698530628", scalar("hash('Hello')"));
        assertEquals("51", scalar("hash_xxhash64('World', 100)"));
    }

    @Test
    void datetimesHashTheirTicks() {
        assertEquals("1380966698541616202", scalar("hash_xxhash64(datetime('2015-01-01'))"));
    }

    @Test
    void undocumentedByteFormsAreRefused() {
        assertEquals(EvalResult.UNSUPPORTED, fail("print hash(42)").code());
        assertEquals(EvalResult.UNSUPPORTED, fail("print hash_combine(1, 2)").code());
        // hash('Hello, World') is negative: which remainder Kusto returns then is not documented
        assertEquals(EvalResult.UNSUPPORTED, fail("print x = hash('Hello, World', 10)").code());
    }

    @Test
    void shaFamilyHashesTheTextForm() {
        assertEquals("78ae647dc5544d227130a0682a51e30bc7777fbb6d8a8f17007463a3ecd1d524", scalar("hash_sha256('World')"));
        assertEquals("ba666752dc1a20eb750b0eb64e780cc4c968bc9fb8813461c1d7e750f302d71d", scalar("hash_sha256(datetime(2020-01-01))"));
    }

    @Test
    void randomFunctionsStayInTheirRanges() {
        EngineTestSupport.rows(EngineTestSupport.run("range i from 1 to 200 step 1 | extend r = rand(), n = rand(3), g = new_guid()"))
                .forEach(row -> {
                    double r = Double.parseDouble(row.get(1));
                    double n = Double.parseDouble(row.get(2));
                    assertTrue(r >= 0 && r < 1, row.toString());
                    assertTrue(n == 0 || n == 1 || n == 2, row.toString());
                    assertEquals('4', row.get(3).charAt(14), "a version-4 GUID: " + row);
                });
        assertEquals("", scalar("rand(0)"));
        assertEquals("real", scalar("gettype(rand(10))"));
    }
}
