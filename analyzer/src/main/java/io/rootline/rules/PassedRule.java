package io.rootline.rules;

import java.util.List;

/**
 * A rule that was decided and did not fire: its id and title, and the artifacts its decision
 * read ("kernel-log", "netstat-s"), which is all that "passed" can vouch for.
 *
 * @param checked the logical artifacts that supplied its decision's events and facts
 */
public record PassedRule(String rule, String title, List<String> checked) {

    public PassedRule {
        checked = List.copyOf(checked);
    }
}
