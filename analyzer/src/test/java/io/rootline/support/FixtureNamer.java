package io.rootline.support;

import java.io.File;
import org.approvaltests.namer.ApprovalNamer;

/**
 * Keeps approved outputs in fixtures/approved/, next to the bundles they describe,
 * where a reviewer reads them, rather than beside the test's source.
 */
public final class FixtureNamer implements ApprovalNamer {

    private final String name;
    private final String extra;

    public FixtureNamer(String name) {
        this(name, "");
    }

    private FixtureNamer(String name, String extra) {
        this.name = name;
        this.extra = extra;
    }

    @Override
    public File getApprovedFile(String extensionWithDot) {
        return Fixtures.APPROVED.resolve(name + extra + ".approved" + extensionWithDot).toFile();
    }

    @Override
    public File getReceivedFile(String extensionWithDot) {
        return Fixtures.APPROVED.resolve(name + extra + ".received" + extensionWithDot).toFile();
    }

    @Override
    public String getApprovalName() {
        return name + extra;
    }

    @Override
    public String getSourceFilePath() {
        return Fixtures.APPROVED.toString() + File.separator;
    }

    @Override
    public ApprovalNamer addAdditionalInformation(String info) {
        return new FixtureNamer(name, extra + "." + info);
    }

    @Override
    public String getAdditionalInformation() {
        return extra;
    }
}
