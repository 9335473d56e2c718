package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.KqlDiagnostic;
import dev.sentinelctl.report.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sentinelctl.kql.semantic.binder.BinderFixtures.bind;
import static dev.sentinelctl.kql.semantic.binder.BinderFixtures.codes;
import static dev.sentinelctl.kql.semantic.binder.BinderFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each diagnostic fires where Kusto's does, with Kusto's code and message, a hint, and without cascades. */
class BinderDiagnosticsTest {

    @Test
    void unknownTableWithSuggestion() {
        String q = "Logon | take 1";
        KqlDiagnostic d = only(q);
        assertEquals("KS204", d.code());
        assertEquals(Severity.ERROR, d.severity());
        assertEquals(0, d.start());
        assertEquals(5, d.end());
        assertEquals("The name 'Logon' does not refer to any known table, tabular variable or function.", d.message());
        assertTrue(d.hint().contains("'Logons'"), d.hint());
        assertEquals(List.of("Logon"), bind(q).unknownTables());
    }

    @Test
    void customTableWithoutSchemaIsAWarningWithSchemaAdvice() {
        KqlDiagnostic d = only("MyVendor_CL | where Foo == 1 | project Bar");
        assertEquals("KS204", d.code());
        assertEquals(Severity.WARNING, d.severity());
        assertTrue(d.hint().contains("--schema"), d.hint());
    }

    @Test
    void unknownColumnWithSuggestionAndNoCascade() {
        String q = "Logons | where Usr == 'a' | extend x = strlen(Usr) + 1 | project x, Usr2 = Usr";
        BoundQuery b = bind(q);
        assertEquals(List.of("KS142", "KS142", "KS142"), codes(b));
        KqlDiagnostic d = b.diagnostics().get(0);
        assertEquals("The name 'Usr' does not refer to any known column, table, variable or function.", d.message());
        assertEquals(q.indexOf("Usr"), d.start());
        assertTrue(d.hint().contains("'User'"), d.hint());
        // the unknown column's type is unknown: strlen() and + raise nothing more
        assertEquals("x:long, Usr2:unknown", BinderFixtures.render(b));
    }

    @Test
    void columnsDroppedByProjectAreUnknownAfterwards() {
        assertEquals("KS142", only("Logons | project User | where Host == 'a'").code());
    }

    @Test
    void standardColumnsResolveUntilProjected() {
        assertEquals(List.of(), codes(bind("Logons | where _ItemId != '' | extend x = _ItemId")));
        assertEquals("KS142", only("Logons | project User | extend x = _ItemId").code());
    }

    @Test
    void unknownFunction() {
        KqlDiagnostic d = only("Logons | extend x = strln(User)");
        assertEquals("KS211", d.code());
        assertEquals("The name 'strln' does not refer to any known function.", d.message());
        assertTrue(d.hint().contains("'strlen'"), d.hint());
    }

    @Test
    void argumentCount() {
        KqlDiagnostic d = only("Logons | extend x = strlen(User, Host)");
        assertEquals("KS119", d.code());
        assertEquals("The function 'strlen' expects 1 argument.", d.message());
        assertEquals("KS120", only("Logons | extend x = substring()").code());
    }

    @Test
    void clearlyWrongArgumentType() {
        KqlDiagnostic d = only("Logons | extend x = todynamic(split(User, ','))");
        assertEquals("KS107", d.code());
        assertEquals("A value of type string expected.", d.message());
        // a plain dynamic converts at run time: no error, as in Kusto
        assertEquals(List.of(), codes(bind("Logons | extend x = todynamic(Props)")));
        // numbers widen
        assertEquals(List.of(), codes(bind("Logons | extend x = round(Port, 2), y = bin(Port, 10)")));
    }

    @Test
    void repeatableArgumentGroupsAndCommonTypes() {
        assertEquals("KS121", only("Logons | extend x = case(Port > 1, 'a', Port > 2, 'b')").code());
        assertEquals(List.of(), codes(bind("Logons | extend x = case(Port > 1, 'a', Port > 2, 'b', 'c')")));
        assertEquals("KS232", only("Logons | extend x = coalesce(User, now())").code());
        // iff and case are lenient about mixed branch types, as in Kusto
        assertEquals(List.of(), codes(bind("Logons | extend x = iff(Port > 1, 'a', now())")));
        assertEquals(List.of(), codes(bind("Logons | extend x = iff(Port > 1, 1, 2.5), y = coalesce(User, Host)")));
    }

    @Test
    void argumentKindsHaveKustosCodes() {
        assertEquals("KS138", only("Logons | summarize sum(User)").code());
        assertEquals("KS206", only("Logons | summarize max(Props)").code());
        assertEquals("KS234", only("Logons | extend x = array_length(User)").code());
        assertEquals("KS141", only("Logons | extend x = strlen(Port)").code());
        assertEquals("KS134", only("Logons | take '10'").code());
        assertEquals("KS127", only("Logons | extend x = bin(Time, '1h')").code());
        assertEquals("KS106", only("Logons | where Time > '2024-01-01'").code());
        assertEquals("KS106", only("Logons | where Port has '22'").code());
        assertEquals("KS141", only("Logons | mv-expand User").code());
        assertEquals("KS116", only("Logons | sort by Props").code());
        assertEquals("KS141", only("Logons | where User").code());
        assertEquals(List.of(), codes(bind("Logons | where User:'y' and Port > 1")));
        assertEquals(List.of(), codes(bind("Logons | where Port == '22' or User == 1 | extend x = tolower(Props)")));
    }

    @Test
    void expandedStringArrayElementsCannotBeIndexed() {
        KqlDiagnostic d = only("Logons | extend H = column_ifexists('Hashes', dynamic(['', ''])) | mv-expand H | where H[0] == 'x'");
        assertEquals("KS147", d.code());
        // a plain dynamic (parsed JSON) may hold anything: indexing it is fine
        assertEquals(List.of(), codes(bind("Logons | mv-expand Props | where Props[0] == 'x'")));
    }

    @Test
    void unknownOperatorKinds() {
        KqlDiagnostic d = only("Logons | join kind=leftoutr (Hosts) on Host");
        assertEquals("KS005", d.code());
        assertTrue(d.message().startsWith("Expected one of: inner, fullouter, innerunique"), d.message());
        assertTrue(d.hint().contains("innerunique"), d.hint());
        // the hint speaks of the operator at hand, not of join
        KqlDiagnostic u = only("union kind=outr Logons, Hosts");
        assertEquals("KS005", u.code());
        assertTrue(u.hint().startsWith("Use outer") && !u.hint().contains("join"), u.hint());
        KqlDiagnostic l = only("Logons | lookup kind=left (Hosts) on Host");
        assertTrue(l.hint().startsWith("Use leftouter") && !l.hint().contains("join"), l.hint());
    }

    @Test
    void unnamedArgMaxResultsAreNamedAfterTheMaximisedColumn() {
        assertEquals("Host:string, Time:datetime, max_Time_arg1:long",
                BinderFixtures.columns("Logons | summarize arg_max(Time, Port + 1) by Host"));
    }

    @Test
    void aggregatesOnlyInAggregateContexts() {
        KqlDiagnostic d = only("Logons | extend x = count()");
        assertEquals("KS144", d.code());
        assertEquals("The aggregate function 'count' is not allowed in this context.", d.message());
        assertEquals(List.of(), codes(bind("Logons | summarize x = round(avg(Bytes), 2), y = tostring(make_set(User)) by Host")));
    }

    @Test
    void operatorsOnWrongTypes() {
        assertEquals("KS106", only("Logons | extend x = User + Host").code());
        assertEquals("KS147", only("Logons | extend x = User[0]").code());
        KqlDiagnostic d = only("Logons | extend x = User.name");
        assertEquals("KS142", d.code());
        assertTrue(d.hint().contains("parse_json"), d.hint());
    }

    @Test
    void joinConditions() {
        assertEquals("KS145", only("Logons | join (Hosts) on Owner").code());
        assertEquals("KS227", only("Logons | join (Mixed) on Host").code());
        assertEquals("KS142", only("Logons | join (Hosts) on $left.Host == $right.Hostname").code());
        assertEquals(List.of(), codes(bind("Logons | join (Hosts) on $left.Host == $right.Host")));
    }

    @Test
    void summarizeByDynamic() {
        assertEquals("KS116", only("Logons | summarize count() by Props").code());
    }

    @Test
    void workspaceFunctionArguments() {
        assertEquals("KS196", only("GetLogons(sinse = ago(1d))").code());
        assertEquals(List.of(), codes(bind("GetLogons(since = ago(1d)) | where Count > 1")));
    }

    @Test
    void watchlistsAreNeverErrors() {
        assertEquals(List.of(), codes(bind("_GetWatchlist('unknown-list') | where Anything == 1 | project SearchKey, Other")));
    }

    @Test
    void fuzzyUnionWarnsInsteadOfFailing() {
        KqlDiagnostic d = only("union isfuzzy=true Logons, NoSuchTable | project User");
        assertEquals("KS205", d.code());
        assertEquals(Severity.WARNING, d.severity());
    }

    @Test
    void bareUnknownStatementIsAName() {
        assertEquals("KS142", only("test").code());
    }

    @Test
    void cleanQueriesHaveNoDiagnostics() {
        for (String q : List.of(
                "Logons | where Time > ago(1d) | summarize count() by User | where count_ > 5",
                "let threshold = 5; Logons | summarize c = dcount(Host) by User | where c > threshold",
                "Logons | extend d = parse_json(tostring(Props)) | extend k = tostring(d.key) | mv-expand d | project k, d",
                "Logons | evaluate bag_unpack(Props) | where isnotempty(AnythingUnpacked)",
                "Logons | where User has_any (dynamic(['a', 'b'])) and Host in~ (Hosts | project Host)")) {
            assertEquals(List.of(), codes(bind(q)), q);
        }
    }
}
