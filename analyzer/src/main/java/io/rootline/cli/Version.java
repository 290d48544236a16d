package io.rootline.cli;

import picocli.CommandLine;

/** The version printed by --version, taken from the jar's manifest when there is one. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"rootline " + (v == null ? "development build" : v)};
    }
}
