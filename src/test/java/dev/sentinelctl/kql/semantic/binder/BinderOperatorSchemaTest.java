package dev.sentinelctl.kql.semantic.binder;

import org.junit.jupiter.api.Test;

import static dev.sentinelctl.kql.semantic.binder.BinderFixtures.columns;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The row schema each tabular operator produces, checked against Kusto's behaviour. */
class BinderOperatorSchemaTest {

    private static final String ALL = "Time:datetime, User:string, Host:string, Port:int, Bytes:long, Props:dynamic";

    @Test
    void tableAloneHidesStandardColumns() {
        assertEquals(ALL, columns("Logons"));
    }

    @Test
    void filteringAndOrderingOperatorsKeepTheSchema() {
        assertEquals(ALL, columns("Logons | where Port == 22 | take 5 | sort by Time desc | top 3 by Bytes | sample 2 | render table"));
        assertEquals(ALL, columns("Logons | as L | serialize | limit 1"));
    }

    @Test
    void extendAppendsAndReplacesInPlace() {
        assertEquals("Time:datetime, User:long, Host:string, Port:int, Bytes:long, Props:dynamic, New:string",
                columns("Logons | extend User = strlen(User), New = 'x'"));
    }

    @Test
    void projectFamily() {
        assertEquals("User:string, Renamed:string, Calc:long", columns("Logons | project User, Renamed = Host, Calc = Bytes * 2"));
        assertEquals("Time:datetime, Port:int, Bytes:long, Props:dynamic", columns("Logons | project-away User, Ho*"));
        assertEquals("User:string, Host:string", columns("Logons | project-keep User, Host"));
        assertEquals("Time:datetime, Who:string, Host:string, Port:int, Bytes:long, Props:dynamic",
                columns("Logons | project-rename Who = User"));
        assertEquals("Port:int, Bytes:long, Time:datetime, User:string, Host:string, Props:dynamic",
                columns("Logons | project-reorder Port, Bytes"));
        assertEquals("Host:string, Time:datetime, User:string, Port:int, Bytes:long, Props:dynamic",
                columns("Logons | project-reorder H* asc"));
    }

    @Test
    void summarizeNamesAggregatesAndPutsKeysFirst() {
        assertEquals("Host:string, Time:datetime, count_:long, dcount_User:long, sum_Bytes:long, set_User:dynamic, avg_Port:real, n:long",
                columns("Logons | summarize count(), dcount(User), sum(Bytes), make_set(User), avg(Port), n = countif(Port > 1) by Host, bin(Time, 1h)"));
    }

    @Test
    void argMaxStarKeepsEveryColumnOnce() {
        assertEquals("Host:string, Time:datetime, User:string, Port:int, Bytes:long, Props:dynamic",
                columns("Logons | summarize arg_max(Time, *) by Host"));
        assertEquals("User:string, Time:datetime, Port:int", columns("Logons | summarize arg_max(Time, Port) by User"));
        // the by-key made from bin() is a new column, so the aggregated one gets a suffix, as in Kusto
        assertEquals("Time:datetime, Time1:datetime, User:string",
                columns("Logons | summarize arg_min(Time, User) by bin(Time, 1d)"));
    }

    @Test
    void percentilesAndTakeAny() {
        assertEquals("percentile_Bytes_50:long, percentile_Port_95:long, percentile_Port_99_5:long, User:string, Host:string",
                columns("Logons | summarize percentile(Bytes, 50), percentiles(Port, 95, 99.5), take_any(User, Host)"));
    }

    @Test
    void joinKinds() {
        assertEquals(ALL + ", Host1:string, Owner:string, Risk:real", columns("Logons | join kind=inner (Hosts) on Host"));
        assertEquals(ALL, columns("Logons | join kind=leftanti (Hosts) on Host"));
        assertEquals(ALL, columns("Logons | join kind=leftsemi Hosts on $left.Host == $right.Host"));
        assertEquals("Host:string, Owner:string, Risk:real", columns("Logons | join kind=rightsemi (Hosts) on Host"));
    }

    @Test
    void lookupKeepsOneKeyColumn() {
        assertEquals(ALL + ", Owner:string, Risk:real", columns("Logons | lookup Hosts on Host"));
    }

    @Test
    void unionMergesByNameAndType() {
        assertEquals("Src:string, Host_string:string, Host_guid:guid, Owner:string, Risk:real",
                columns("union withsource=Src (Hosts), (Mixed)"));
        assertEquals("Host:string, Owner:string, Risk:real, User:string",
                columns("union Hosts, (Logons | project User, Host)"));
    }

    @Test
    void parseFamily() {
        assertEquals("User:string, Domain:string, Num:long", columns("Logons | project User | parse User with Domain '\\\\' * ':' Num:long"));
        assertEquals("User:string, a:int, b:string", columns("Logons | project User | parse-kv User as (a:int, b:string) with (pair_delimiter=',')"));
        assertEquals("User:string, D:string", columns("Logons | project User | parse-where User with D '@' *"));
    }

    @Test
    void mvExpandAndMvApply() {
        assertEquals("Props:dynamic", columns("Logons | project Props | mv-expand Props"));
        assertEquals("Props:dynamic, P:string", columns("Logons | project Props | mv-expand P = Props to typeof(string)"));
        assertEquals("User:string, Props:long, z:long",
                columns("Logons | project User, Props | mv-apply Props to typeof(long) on (where Props > 1 | extend z = 1)"));
        assertEquals("User:string, m:long", columns("Logons | project User, Props | mv-apply Props to typeof(long) on (summarize m = max(Props))"));
    }

    @Test
    void makeSeriesTopNestedDistinctCount() {
        assertEquals("Host:string, n:dynamic, Time:dynamic",
                columns("Logons | make-series n = count() default = 0 on Time from ago(1d) to now() step 1h by Host"));
        assertEquals("Host:string, aggregated_Host:long, User:string, c:long",
                columns("Logons | top-nested 3 of Host by count(), 2 of User by c = sum(1)"));
        assertEquals("User:string, Host:string", columns("Logons | distinct User, Host"));
        assertEquals("Count:long", columns("Logons | count"));
        assertEquals("ColumnName:string, ColumnOrdinal:long, DataType:string, ColumnType:string", columns("Logons | getschema"));
    }

    @Test
    void sourcesWithoutTables() {
        assertEquals("print_0:long, x:string, print_2:datetime", columns("print 1, x = 'a', now()"));
        assertEquals("i:long", columns("range i from 1 to 10 step 1"));
        assertEquals("a:string, b:long", columns("datatable (a:string, b:long) ['x', 1]"));
        assertEquals("a:string", columns("externaldata (a:string) [ 'https://example.org/x.csv' ] with (format='csv')"));
    }

    @Test
    void evaluatePlugins() {
        // bag_unpack: the bag column goes, unknown new columns come; columns the query then reads join the schema
        assertEquals("Time:datetime, User:string, Host:string, Port:int, Bytes:long, Extra:unknown, y:unknown",
                columns("Logons | evaluate bag_unpack(Props) | extend y = Extra"));
        assertEquals("User:string, Extra:string",
                columns("Logons | project User, Host | evaluate pivot(Host) | extend Extra = 'x' | project-away Extra | extend Extra = 'x'"));
    }

    @Test
    void searchAddsTableColumn() {
        assertEquals("$table:string, User:string", columns("Logons | project User | search \"admin\""));
    }

    @Test
    void invokeAndWorkspaceFunctions() {
        assertEquals("User:string, Count:long", columns("GetLogons(ago(1d))"));
        assertEquals("User:string, Host:string", columns("let f = (T:(*)) { T | project User, Host }; Logons | invoke f()"));
    }

    @Test
    void watchlistRows() {
        String cols = columns("_GetWatchlist('vip') | project SearchKey, Upn");
        assertEquals("SearchKey:string, Upn:string", cols);
    }
}
