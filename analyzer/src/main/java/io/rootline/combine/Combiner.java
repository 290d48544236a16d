package io.rootline.combine;

import io.rootline.format.Name;
import java.util.List;

/**
 * Several artifacts to one view, naming its inputs and outputs: {@code host.ram_bytes} from
 * /proc/meminfo, else {@code free}. Registered in {@code META-INF/services/io.rootline.combine.Combiner};
 * the names it writes are declared names rules may read, and a rule that reads one needs any
 * one of the artifacts it is made from.
 */
public interface Combiner {

    /** Its name, for reports and errors: "host". */
    String name();

    /** The names it writes, each with the logical artifacts any one of which it needs. */
    List<Output> writes();

    /** A name a combiner writes, and what it is made from. */
    record Output(Name name, List<String> from) {
        public Output {
            from = List.copyOf(from);
        }
    }
}
