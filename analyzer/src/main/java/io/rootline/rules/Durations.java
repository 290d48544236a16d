package io.rootline.rules;

import io.rootline.yaml.YamlNode;
import io.rootline.yaml.YamlReader;
import io.rootline.yaml.YamlException;

import java.time.Duration;

/** Reads rule durations: "30s", "5m", "2h", "1d". */
final class Durations {

    private Durations() {
    }

    static Duration parse(String text, YamlNode at) throws RuleException {
        String t = text.trim();
        if (t.length() >= 2) {
            String digits = t.substring(0, t.length() - 1);
            char unit = t.charAt(t.length() - 1);
            if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() < 9) {
                long n = Long.parseLong(digits);
                switch (unit) {
                    case 's': return Duration.ofSeconds(n);
                    case 'm': return Duration.ofMinutes(n);
                    case 'h': return Duration.ofHours(n);
                    case 'd': return Duration.ofDays(n);
                    default: break;
                }
            }
        }
        throw new RuleException(at, "bad duration \"" + text + "\": write a number and a unit, such as 30s, 5m, 2h or 1d");
    }
}
