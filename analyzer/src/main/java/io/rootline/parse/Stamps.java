package io.rootline.parse;

import io.rootline.model.Stamp;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Converts stamp tokens, whose shape the grammars already checked, into {@link Stamp}s.
 * A stamp whose shape is right but whose value is impossible (Feb 30, hour 25)
 * throws {@link DateTimeException}; parsers report that as a problem on the line.
 */
final class Stamps {

    private Stamps() {
    }

    /** "[86330449.294600]" or "[    0.000000]" */
    static Stamp sinceBoot(String token) {
        String inner = token.substring(1, token.length() - 1).trim();
        return new Stamp.SinceBoot(Double.parseDouble(inner));
    }

    /** "[Sat May  8 12:40:51 2021]" (the weekday is not checked: -T computes it, and it is redundant). */
    static Stamp dmesgClock(String token) {
        // the lexer fixed the shape: month at 5, then spaces, the day, one space, hh:mm:ss, one space, the year
        int i = 9;
        while (token.charAt(i) == ' ') {
            i++;
        }
        int day = token.charAt(i++) - '0';
        if (token.charAt(i) != ' ') {
            day = day * 10 + token.charAt(i++) - '0';
        }
        int hour = two(token, i + 1);
        int minute = two(token, i + 4);
        int second = two(token, i + 7);
        int year = two(token, i + 10) * 100 + two(token, i + 12);
        return new Stamp.LocalWall(LocalDateTime.of(year, month(token.substring(5, 8)), day, hour, minute, second));
    }

    /** "Feb  4 09:34:10", "Feb 04 09:34:04.123456": syslog's date without a year. */
    static Stamp syslog(String token) {
        int i = 3;
        while (token.charAt(i) == ' ') {
            i++;
        }
        int day = token.charAt(i++) - '0';
        if (token.charAt(i) != ' ') {
            day = day * 10 + token.charAt(i++) - '0';
        }
        LocalTime time = LocalTime.of(two(token, i + 1), two(token, i + 4), two(token, i + 7)).withNano(nanos(token, i + 9));
        return new Stamp.YearlessWall(MonthDay.of(month(token.substring(0, 3)), day), time);
    }

    /** "Wed Feb 24 00:35:21 2021": OpenWrt logread's stamp, the weekday not checked. */
    static Stamp logread(String token) {
        String[] f = token.substring(4).trim().split(" +");
        return new Stamp.LocalWall(dateTime(f[0], f[1], f[2], f[3]));
    }

    /** The nanoseconds of a ".123456" fraction at {@code at} (0 without one). */
    private static int nanos(String token, int at) {
        if (at >= token.length() || token.charAt(at) != '.') {
            return 0;
        }
        return Integer.parseInt((token.substring(at + 1) + "000000000").substring(0, 9));
    }

    private static int two(String s, int at) {
        return (s.charAt(at) - '0') * 10 + s.charAt(at + 1) - '0';
    }

    /** "Sat May  8 12:45:10 2021"-style fields: month name, day, clock, year. */
    static LocalDateTime dateTime(String monthName, String day, String clock, String year) {
        return LocalDateTime.of(LocalDate.of(Integer.parseInt(year), month(monthName), Integer.parseInt(day)), clock(clock));
    }

    /**
     * "2021-05-08 12:40:51,204", "2021-05-08T12:40:51.357Z", "2026-05-25T03:59:38.189924+02:00".
     * With an offset the stamp is absolute; without one it is the host's wall time.
     */
    static Stamp iso(String token) {
        LocalDate date = LocalDate.of(Integer.parseInt(token.substring(0, 4)),
                Integer.parseInt(token.substring(5, 7)), Integer.parseInt(token.substring(8, 10)));
        int i = 11;
        LocalTime time = clock(token.substring(i, i + 8));
        i += 8;
        int nanos = 0;
        if (i < token.length() && (token.charAt(i) == '.' || token.charAt(i) == ',')) {
            int start = ++i;
            while (i < token.length() && Character.isDigit(token.charAt(i))) {
                i++;
            }
            String digits = (token.substring(start, i) + "000000000").substring(0, 9);
            nanos = Integer.parseInt(digits);
        }
        LocalDateTime local = LocalDateTime.of(date, time.withNano(nanos));
        if (i >= token.length()) {
            return new Stamp.LocalWall(local);
        }
        String zone = token.substring(i);
        ZoneOffset offset = zone.equals("Z") ? ZoneOffset.UTC : offset(zone);
        return new Stamp.Absolute(local.toInstant(offset));
    }

    /** "12:40:51.204" */
    static Stamp timeOfDay(String token) {
        LocalTime time = clock(token.substring(0, 8));
        String digits = (token.substring(9) + "000000000").substring(0, 9);
        return new Stamp.TimeOfDay(time.withNano(Integer.parseInt(digits)));
    }

    /** "+0800", "+08:00", "-03", "+08" */
    static ZoneOffset offset(String text) {
        String t = text.replace(":", "");
        int sign = t.charAt(0) == '-' ? -1 : 1;
        String digits = t.substring(1);
        int hours = Integer.parseInt(digits.substring(0, Math.min(2, digits.length())));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** "12:40:51" or "1:02:04" */
    static LocalTime clock(String text) {
        String[] f = text.split(":");
        return LocalTime.of(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]));
    }

    static Month month(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "jan" -> Month.JANUARY;
            case "feb" -> Month.FEBRUARY;
            case "mar" -> Month.MARCH;
            case "apr" -> Month.APRIL;
            case "may" -> Month.MAY;
            case "jun" -> Month.JUNE;
            case "jul" -> Month.JULY;
            case "aug" -> Month.AUGUST;
            case "sep" -> Month.SEPTEMBER;
            case "oct" -> Month.OCTOBER;
            case "nov" -> Month.NOVEMBER;
            case "dec" -> Month.DECEMBER;
            default -> throw new DateTimeException("unknown month " + name);
        };
    }
}
