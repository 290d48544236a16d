package io.rootline.rules;

import io.rootline.clock.BundleClock;
import io.rootline.model.Table;
import io.rootline.timeline.Burst;
import io.rootline.timeline.PlacedEvent;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What rules decide on: the facts and tables of the chosen artifacts, the events
 * (placed on the bundle clock) and their bursts, and which logical artifacts the
 * bundle collected at all.
 *
 * @param facts     by key
 * @param tables    by key
 * @param events    by kind, in time order
 * @param bursts    by kind, in time order
 * @param pastLimit by kind, the occurrences of events read past {@code --max-events}: counted
 *                  in a finding's size, but at no time and in no burst
 * @param collected whether a logical artifact ("kernel-log") is in the bundle
 * @param clock     for times in texts
 */
public record RuleInput(io.rootline.model.FactStore facts, Map<String, Table> tables, Map<String, List<PlacedEvent>> events,
                        Map<String, List<Burst>> bursts, Map<String, Long> pastLimit, Predicate<String> collected,
                        BundleClock clock) {
}
