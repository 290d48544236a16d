package io.rootline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code --version} prints: "rootline 0.3.0 (b8357b5)", the version and the commit the
 * build wrote into {@code build.properties} (see analyzer/pom.xml), "-dirty" when the tree
 * had uncommitted changes.
 */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }

    static String line() {
        Properties build = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                return "rootline (version unknown: built without Maven's resources step)";
            }
            build.load(in);
        } catch (IOException e) {
            return "rootline (version unknown: " + e.getMessage() + ")";
        }
        return "rootline " + build.getProperty("version", "(version unknown)") + " (" + build.getProperty("commit", "commit unknown") + ")";
    }
}
