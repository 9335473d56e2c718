package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sentinelctl.kql.eval.EngineTestSupport.fail;
import static dev.sentinelctl.kql.eval.EngineTestSupport.names;
import static dev.sentinelctl.kql.eval.EngineTestSupport.rows;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scan (scan-operator.md): the documentation's examples and its matching logic's edge cases. */
class ScanOperatorTest {

    private static final String EVENTS = "datatable (Ts: timespan, Event: string) [0m, 'A', 1m, 'Start', 2m, 'B', 3m, 'D',"
            + " 4m, 'Stop', 6m, 'C', 8m, 'Start', 11m, 'E', 12m, 'Stop'] | sort by Ts asc";

    @Test
    void cumulativeSumReadsTheDeclaredDefaultOnTheFirstRow() {
        Table t = run("range x from 1 to 5 step 1 | scan declare (cumulative_x:long=0) with "
                + "(step s1: true => cumulative_x = x + s1.cumulative_x;)");
        assertEquals(List.of("x", "cumulative_x"), names(t));
        assertEquals(List.of(List.of("1", "1"), List.of("2", "3"), List.of("3", "6"), List.of("4", "10"), List.of("5", "15")), rows(t));
    }

    @Test
    void assignmentsReadTheStateBeforeTheRow() {
        Table t = run("range x from 1 to 5 step 1 | extend y = 2 * x | scan declare (cx:long=0, cy:long=0) with "
                + "(step s1: true => cx = iff(s1.cx >= 10, x, x + s1.cx), cy = iff(s1.cy >= 10, y, y + s1.cy);)");
        assertEquals(List.of(List.of("1", "2", "1", "2"), List.of("2", "4", "3", "6"), List.of("3", "6", "6", "12"),
                List.of("4", "8", "10", "8"), List.of("5", "10", "5", "18")), rows(t));
    }

    @Test
    void fillForward() {
        Table t = run("datatable (Ts: timespan, Event: string) [0m, 'A', 1m, '', 2m, 'B', 3m, ''] | sort by Ts asc"
                + " | scan declare (Event_filled: string='') with (step s1: true => Event_filled = iff(isempty(Event), s1.Event_filled, Event);)");
        assertEquals(List.of(List.of("00:00:00", "A", "A"), List.of("00:01:00", "", "A"), List.of("00:02:00", "B", "B"),
                List.of("00:03:00", "", "B")), rows(t));
    }

    @Test
    void sessionsWithMatchIdAndAnOutputNoneStepThatClosesTheSequence() {
        Table t = run("datatable (Ts: timespan, Event: string) [0m, 'A', 1m, 'A', 2m, 'B', 3m, 'D', 32m, 'B', 36m, 'C', 38m, 'D', 41m, 'E', 75m, 'A']"
                + " | sort by Ts asc | scan with_match_id=session_id declare (sessionStart: timespan) with ("
                + " step inSession: true => sessionStart = iff(isnull(inSession.sessionStart), Ts, inSession.sessionStart);"
                + " step endSession output=none: Ts - inSession.sessionStart > 30m;)");
        assertEquals(List.of("Ts", "Event", "sessionStart", "session_id"), names(t));
        assertEquals(List.of(List.of("00:00:00", "A", "00:00:00", "0"), List.of("00:01:00", "A", "00:00:00", "0"),
                List.of("00:02:00", "B", "00:00:00", "0"), List.of("00:03:00", "D", "00:00:00", "0"),
                List.of("00:32:00", "B", "00:32:00", "1"), List.of("00:36:00", "C", "00:32:00", "1"),
                List.of("00:38:00", "D", "00:32:00", "1"), List.of("00:41:00", "E", "00:32:00", "1"),
                List.of("01:15:00", "A", "01:15:00", "2")), rows(t));
    }

    @Test
    void eventsBetweenStartAndStopFollowTheWalkthrough() {
        Table t = run(EVENTS + " | scan with_match_id=m_id with (step s1: Event == 'Start';"
                + " step s2: Event != 'Start' and Event != 'Stop' and Ts - s1.Ts <= 5m;"
                + " step s3: Event == 'Stop' and Ts - s1.Ts <= 5m;)");
        assertEquals(List.of(List.of("00:01:00", "Start", "0"), List.of("00:02:00", "B", "0"), List.of("00:03:00", "D", "0"),
                List.of("00:04:00", "Stop", "0"), List.of("00:08:00", "Start", "1"), List.of("00:11:00", "E", "1"),
                List.of("00:12:00", "Stop", "1")), rows(t));
    }

    @Test
    void outputNoneThenAllGivesOneRowPerPair() {
        Table t = run("datatable(T:datetime, E:string)[datetime(2024-01-01 08:00), 'login', datetime(2024-01-01 09:30), 'logout']"
                + " | sort by T asc | scan declare (start: datetime, end: datetime, d: timespan) with ("
                + " step s1 output=none: E == 'login' => start = T;"
                + " step s2 output=all: E == 'logout' => start = s1.start, end = T, d = T - s1.start;) | project start, end, d");
        assertEquals(List.of(List.of("2024-01-01T08:00:00.0000000Z", "2024-01-01T09:30:00.0000000Z", "01:30:00")), rows(t));
    }

    @Test
    void outputLastKeepsOnlyTheLastOfARunOfMatches() {
        Table t = run("range x from 1 to 6 step 1 | scan with_match_id=m with (step s1 output=last: x % 3 != 0; step s2: x % 3 == 0;)");
        assertEquals(List.of(List.of("2", "0"), List.of("3", "0"), List.of("5", "1"), List.of("6", "1")), rows(t));
    }

    @Test
    void aRowThatMatchesNoStepIsDroppedAndUndeclaredDefaultsAreNull() {
        Table t = run("range x from 1 to 4 step 1 | scan declare (prev:long) with (step s1: x > 2 => prev = s1.x;)");
        assertEquals(List.of(List.of("3", ""), List.of("4", "3")), rows(t));
    }

    @Test
    void anEmptyInputGivesTheExtendedSchema() {
        Table t = run("datatable(x:long)[] | scan with_match_id=m declare (y:string) with (step s: true => y = 'a';)");
        assertEquals(List.of("x", "y", "m"), names(t));
        assertEquals(0, t.rowCount());
    }

    @Test
    void mistakesAreBindErrorsWithPositions() {
        assertEquals(EvalResult.BIND, fail("range x from 1 to 2 step 1 | scan with (step s: true; step s: true;)").code());
        EvalResult.Failed f = fail("range x from 1 to 2 step 1 | scan with (step s: true => y = 1;)");
        assertEquals(EvalResult.BIND, f.code());
        assertTrue(f.message().contains("declare"), f.message());
        assertEquals(EvalResult.BIND, fail("range x from 1 to 2 step 1 | scan with (step s: x;)").code());
        assertEquals(EvalResult.BIND, fail("range x from 1 to 2 step 1 | scan with (step s: s.nope > 1;)").code());
        assertEquals(EvalResult.BIND, fail("range x from 1 to 2 step 1 | scan declare (x:long) with (step s: true;)").code());
    }
}
