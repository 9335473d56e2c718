package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sentinelctl.kql.eval.EngineTestSupport.rows;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static dev.sentinelctl.kql.eval.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The examples of parse-ipv6(-mask), ipv6-compare, ipv6-is-match, ipv6-is-in-range and ipv4-range-to-cidr-list. */
class Ipv6FunctionsTest {

    private static List<String> column(Table t, int c) {
        return rows(t).stream().map(r -> r.get(c)).toList();
    }

    @Test
    void parseIpv6MaskExamples() {
        Table t = run("datatable(ip_string: string, netmask: long)["
                + "'192.168.255.255', 120, '192.168.255.255/24', 124, '255.255.255.255', 128,"
                + "'fe80::85d:e82c:9446:7994', 128, 'fe80::85d:e82c:9446:7994/120', 124,"
                + "'::192.168.255.255', 128, '::192.168.255.255/24', 128]"
                + " | extend ip6_canonical = parse_ipv6_mask(ip_string, netmask)");
        assertEquals(List.of(
                "0000:0000:0000:0000:0000:ffff:c0a8:ff00",
                "0000:0000:0000:0000:0000:ffff:c0a8:ff00",
                "0000:0000:0000:0000:0000:ffff:ffff:ffff",
                "fe80:0000:0000:0000:085d:e82c:9446:7994",
                "fe80:0000:0000:0000:085d:e82c:9446:7900",
                "0000:0000:0000:0000:0000:ffff:c0a8:ffff",
                "0000:0000:0000:0000:0000:ffff:c0a8:ff00"), column(t, 2));
    }

    @Test
    void parseIpv6Examples() {
        assertEquals("0000:0000:0000:0000:0000:ffff:c0a8:ffff", scalar("parse_ipv6('192.168.255.255')"));
        assertEquals("0000:0000:0000:0000:0000:ffff:c0a8:ff00", scalar("parse_ipv6('192.168.255.255/24')"));
        assertEquals("0000:0000:0000:0000:0000:ffff:ffff:ffff", scalar("parse_ipv6('255.255.255.255')"));
        assertEquals("", scalar("parse_ipv6('fe80::1::2')"));
        assertEquals("", scalar("parse_ipv6('not an address')"));
    }

    private static final String PAIRS = "'192.168.1.1', '192.168.1.1', '192.168.1.1/24', '192.168.1.255',"
            + "'192.168.1.1', '192.168.1.255/24', '192.168.1.1/30', '192.168.1.255/24',"
            + "'fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998',"
            + "'fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7998/120', 'fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998/120',"
            + "'192.168.1.1', '::ffff:c0a8:0101', '192.168.1.1/24', '::ffff:c0a8:01ff',"
            + "'::ffff:c0a8:0101', '192.168.1.255/24', '::192.168.1.1/30', '192.168.1.255/24'";

    private static final String TRIPLES = "'192.168.1.1', '192.168.1.0', 31, '192.168.1.1/24', '192.168.1.255', 31,"
            + "'192.168.1.1', '192.168.1.255', 24, 'fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7995', 127,"
            + "'fe80::85d:e82c:9446:7994/127', 'fe80::85d:e82c:9446:7998', 120, 'fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998', 127,"
            + "'192.168.1.1/24', '::ffff:c0a8:01ff', 127, '::ffff:c0a8:0101', '192.168.1.255', 120,"
            + "'::192.168.1.1/30', '192.168.1.255/24', 127";

    @Test
    void compareAndMatchExamplesAreAllEqual() {
        Table a = run("datatable(a:string, b:string)[" + PAIRS + "] | extend c = ipv6_compare(a, b), m = ipv6_is_match(a, b)");
        assertEquals(List.of("0"), column(a, 2).stream().distinct().toList());
        assertEquals(List.of("true"), column(a, 3).stream().distinct().toList());
        Table b = run("datatable(a:string, b:string, p:long)[" + TRIPLES + "] | extend c = ipv6_compare(a, b, p), m = ipv6_is_match(a, b, p)");
        assertEquals(9, b.rowCount());
        assertEquals(List.of("0"), column(b, 3).stream().distinct().toList());
        assertEquals(List.of("true"), column(b, 4).stream().distinct().toList());
        assertEquals("-1", scalar("ipv6_compare('fe80::1', 'fe80::2')"));
        assertEquals("1", scalar("ipv6_compare('ffff::', '::1')"));
        assertEquals("", scalar("ipv6_is_match('fe80::1', 'x')"));
    }

    @Test
    void inRangeExamples() {
        Table t = run("datatable(ip_address:string, ip_range:string)["
                + "'a5e:f127:8a9d:146d:e102:b5d3:c755:abcd', 'a5e:f127:8a9d:146d:e102:b5d3:c755:0000/112',"
                + "'a5e:f127:8a9d:146d:e102:b5d3:c755:abcd', 'a5e:f127:8a9d:146d:e102:b5d3:c755:abcd',"
                + "'a5e:f127:8a9d:146d:e102:b5d3:c755:abcd', '0:0:0:0:0:ffff:c0a8:ac/60']"
                + " | extend result = ipv6_is_in_range(ip_address, ip_range)");
        assertEquals(List.of("true", "true", "false"), column(t, 2));
        assertEquals("true", scalar("ipv6_is_in_any_range('a5e:f127::1', '2001::/16', dynamic(['a5e:f127::/32']))"));
        assertEquals("false", scalar("ipv6_is_in_any_range('a5e:f127::1', '2001::/16')"));
    }

    @Test
    void ipv4RangeToCidrListExample() {
        assertEquals("[\"1.1.128.0/21\",\"1.1.136.0/22\",\"1.1.140.0/24\"]", scalar("ipv4_range_to_cidr_list('1.1.128.0', '1.1.140.255')"));
        assertEquals("[\"0.0.0.0/0\"]", scalar("ipv4_range_to_cidr_list('0.0.0.0', '255.255.255.255')"));
        assertEquals("[\"10.0.0.1/32\"]", scalar("ipv4_range_to_cidr_list('10.0.0.1', '10.0.0.1')"));
    }
}
