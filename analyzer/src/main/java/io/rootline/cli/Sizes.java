package io.rootline.cli;

import java.util.Locale;
import picocli.CommandLine;

/** Byte sizes on the command line: "1048576", "512K", "64M", "8G", "1T" (binary units). */
final class Sizes implements CommandLine.ITypeConverter<Long> {

    @Override
    public Long convert(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        long factor = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'K' -> factor = 1L << 10;
                case 'M' -> factor = 1L << 20;
                case 'G' -> factor = 1L << 30;
                case 'T' -> factor = 1L << 40;
                default -> factor = 1;
            }
        }
        String digits = factor == 1 ? t : t.substring(0, t.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n < 0 || n > Long.MAX_VALUE / factor) {
                throw new NumberFormatException();
            }
            return n * factor;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a size (such as 4096, 512K, 64M, 8G)");
        }
    }
}
