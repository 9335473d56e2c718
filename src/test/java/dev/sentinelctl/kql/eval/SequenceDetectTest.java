package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sentinelctl.kql.eval.EngineTestSupport.fail;
import static dev.sentinelctl.kql.eval.EngineTestSupport.names;
import static dev.sentinelctl.kql.eval.EngineTestSupport.rows;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** sequence_detect on rows shaped like sequence-detect-plugin.md's StormEvents example. */
class SequenceDetectTest {

    private static final String STORMS = "datatable(StartTime:datetime, EventType:string, State:string)["
            + "datetime(2007-05-08 00:00), 'Excessive Heat', 'CALIFORNIA',"
            + "datetime(2007-05-08 16:02), 'Wildfire', 'CALIFORNIA',"
            + "datetime(2007-05-10 11:30), 'Wildfire', 'CALIFORNIA',"
            + "datetime(2007-05-20 11:30), 'Wildfire', 'CALIFORNIA',"
            + "datetime(2007-08-31 08:00), 'Excessive Heat', 'CALIFORNIA',"
            + "datetime(2007-09-02 12:00), 'Excessive Heat', 'CALIFORNIA',"
            + "datetime(2007-09-02 13:30), 'Wildfire', 'CALIFORNIA',"
            + "datetime(2007-07-23 12:00), 'Excessive Heat', 'SOUTH DAKOTA',"
            + "datetime(2007-07-27 09:00), 'Wildfire', 'SOUTH DAKOTA',"
            + "datetime(2007-07-27 10:00), 'Wildfire', 'TEXAS']";

    @Test
    void everyPairingWithinTheWindowsIsASequence() {
        Table t = run(STORMS + " | evaluate sequence_detect(StartTime, 5d, 5d, heat=(EventType == 'Excessive Heat'),"
                + " wildfire=(EventType == 'Wildfire'), State)");
        assertEquals(List.of("State", "heat_StartTime", "wildfire_StartTime", "Duration"), names(t));
        assertEquals(List.of(
                List.of("CALIFORNIA", "2007-05-08T00:00:00.0000000Z", "2007-05-08T16:02:00.0000000Z", "16:02:00"),
                List.of("CALIFORNIA", "2007-05-08T00:00:00.0000000Z", "2007-05-10T11:30:00.0000000Z", "2.11:30:00"),
                List.of("CALIFORNIA", "2007-08-31T08:00:00.0000000Z", "2007-09-02T13:30:00.0000000Z", "2.05:30:00"),
                List.of("CALIFORNIA", "2007-09-02T12:00:00.0000000Z", "2007-09-02T13:30:00.0000000Z", "01:30:00"),
                List.of("SOUTH DAKOTA", "2007-07-23T12:00:00.0000000Z", "2007-07-27T09:00:00.0000000Z", "3.21:00:00")), rows(t));
    }

    @Test
    void theSpanBoundsTheWholeSequence() {
        Table t = run(STORMS + " | evaluate sequence_detect(StartTime, 5d, 1d, heat=(EventType == 'Excessive Heat'),"
                + " wildfire=(EventType == 'Wildfire'), State)");
        assertEquals(2, t.rowCount());
    }

    @Test
    void stepsAtTheSameInstantAreRefused() {
        assertEquals(EvalResult.UNSUPPORTED, fail("datatable(t:datetime, k:string)[datetime(2020-01-01), 'a', datetime(2020-01-01), 'b']"
                + " | evaluate sequence_detect(t, 1h, 1h, a=(k == 'a'), b=(k == 'b'))").code());
    }
}
