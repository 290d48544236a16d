package io.rootline.parse;

import java.math.BigDecimal;

/** Binary size units as procps and the kernel print them ("kB" in /proc means KiB). */
final class Units {

    private Units() {
    }

    static BigDecimal factor(String unit) {
        return switch (unit.replace("i", "").toUpperCase(java.util.Locale.ROOT)) {
            case "B", "" -> BigDecimal.ONE;
            case "K", "KB" -> BigDecimal.valueOf(1024L);
            case "M", "MB" -> BigDecimal.valueOf(1024L * 1024);
            case "G", "GB" -> BigDecimal.valueOf(1024L * 1024 * 1024);
            case "T", "TB" -> BigDecimal.valueOf(1024L * 1024 * 1024 * 1024);
            case "P", "PB" -> BigDecimal.valueOf(1024L * 1024 * 1024 * 1024 * 1024);
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
