package io.rootline.report;

/**
 * Which clock evidence the report's times rest on, in words.
 *
 * @param timezone     "+08:00" (the offset every time in the report is shown with)
 * @param zoneName     "Asia/Shanghai" or "CST" when known
 * @param zoneSource   what told the offset, or null when UTC was assumed
 * @param bootTime     ISO time the kernel booted, or null
 * @param bootSource   what told the boot time, or null
 * @param kernelTimes  how kernel stamps became times, in words
 * @param kernelLog    the time each copy of the kernel log used covers
 */
public record ClockInfo(String timezone, String zoneName, String zoneSource, String bootTime, String bootSource,
                        String kernelTimes, java.util.List<KernelLogWindow> kernelLog) {

    public ClockInfo {
        kernelLog = java.util.List.copyOf(kernelLog);
    }
}
