package io.rootline.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rootline.model.Stamp;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Syslog's dates without a year take it from the capture. */
class BundleClockTest {

    private static final ZoneOffset CST = ZoneOffset.ofHours(8);

    private static BundleClock capturedAt(int year, int month, int day, int hour) {
        return new BundleClock(new ClockEvidence(OffsetDateTime.of(year, month, day, hour, 0, 0, 0, CST), "date", CST, null,
                "date", null, null));
    }

    private static String resolve(BundleClock clock, int month, int day, String time) {
        return clock.resolve(new Stamp.YearlessWall(MonthDay.of(month, day), LocalTime.parse(time))).map(clock::iso).orElse("none");
    }

    @Test
    void aDateBeforeTheCaptureIsInTheCapturesYear() {
        assertEquals("2021-05-08T12:40:51+08:00", resolve(capturedAt(2021, 5, 9, 10), 5, 8, "12:40:51"));
    }

    @Test
    void aDateAfterTheCaptureIsInTheYearBefore() {
        // a file that runs from December into the January of its capture
        assertEquals("2020-12-31T23:59:59+08:00", resolve(capturedAt(2021, 1, 2, 10), 12, 31, "23:59:59"));
        assertEquals("2021-01-01T00:00:01+08:00", resolve(capturedAt(2021, 1, 2, 10), 1, 1, "00:00:01"));
    }

    @Test
    void aDayOfGraceForAClockAhead() {
        assertEquals("2021-05-10T09:00:00+08:00", resolve(capturedAt(2021, 5, 9, 10), 5, 10, "09:00:00"));
        assertEquals("2020-05-11T09:00:00+08:00", resolve(capturedAt(2021, 5, 9, 10), 5, 11, "09:00:00"));
    }

    @Test
    void aLeapDayTakesTheLastLeapYear() {
        assertEquals("2020-02-29T19:54:23+08:00", resolve(capturedAt(2023, 3, 1, 0), 2, 29, "19:54:23"));
        assertEquals("2024-02-29T19:54:23+08:00", resolve(capturedAt(2024, 3, 1, 0), 2, 29, "19:54:23"));
    }

    @Test
    void withoutACaptureDateThereIsNoYear() {
        BundleClock clock = new BundleClock(ClockEvidence.NONE);
        assertEquals(Optional.empty(), clock.resolve(new Stamp.YearlessWall(MonthDay.of(2, 4), LocalTime.NOON)));
    }
}
