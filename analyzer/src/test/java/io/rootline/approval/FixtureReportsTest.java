package io.rootline.approval;

import io.rootline.report.Report;
import io.rootline.report.ReportFormat;
import io.rootline.support.FixtureNamer;
import io.rootline.support.Fixtures;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture bundle in every output format, against outputs a person read and
 * approved in fixtures/approved/. A change of output shows as a .received file there.
 */
class FixtureReportsTest {

    static Stream<Arguments> cases() {
        return Stream.of("dns-conntrack.tar.xz", "healthy.tar.gz").flatMap(bundle ->
                Stream.of(ReportFormat.values()).map(format -> Arguments.of(bundle, format)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void reportMatchesApproved(String bundle, ReportFormat format) {
        Report report = Fixtures.analyze(Fixtures.bundle(bundle));
        String name = bundle.substring(0, bundle.indexOf('.'));
        String extension = switch (format) {
            case TEXT -> ".txt";
            case MARKDOWN -> ".md";
            case JSON -> ".json";
        };
        Approvals.verify(format.renderer().render(report), new Options().withReporter(new QuietReporter())
                .forFile().withNamer(new FixtureNamer(name)).forFile().withExtension(extension));
    }
}
