package io.rootline.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Whether {@code --output FILE} can be written, told before any bundle is read, in one line
 * that says what to fix: "cannot write report.md: folder /missing/dir does not exist".
 */
final class Output {

    private Output() {
    }

    /** What stands in the way of writing the file, or null when nothing does. */
    static String problem(Path file) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            return "cannot write " + file + ": it is a folder; give the report a file name (-o " + file + "/report.md)";
        }
        if (folder != null && !Files.exists(folder)) {
            return "cannot write " + name + ": folder " + folder(file) + " does not exist";
        }
        if (folder != null && !Files.isDirectory(folder)) {
            return "cannot write " + name + ": " + folder(file) + " is not a folder";
        }
        if (Files.exists(file) ? !Files.isWritable(file) : folder != null && !Files.isWritable(folder)) {
            return "cannot write " + name + ": permission denied" + (Files.exists(file) ? "" : " in folder " + folder(file));
        }
        return null;
    }

    /** An error met while writing, in one line. */
    static String cannotWrite(Path file, IOException e) {
        String name = file == null ? "the report" : file.toString();
        if (e instanceof NoSuchFileException) {
            return "cannot write " + name + ": its folder does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot write " + name + ": permission denied";
        }
        return "cannot write " + name + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /** The folder as the user wrote it when they wrote one ("/missing/dir"), else the absolute one. */
    private static String folder(Path file) {
        Path given = file.getParent();
        return given != null ? given.toString() : file.toAbsolutePath().getParent().toString();
    }
}
