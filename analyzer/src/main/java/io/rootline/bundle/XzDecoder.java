package io.rootline.bundle;

/**
 * Which decoder reads xz, the format sosreports come in. Both deliver the same bytes and
 * fail on the same damage, with a memory limit of {@value XzProgram#MEMORY_LIMIT}; they
 * differ in speed and in where they run.
 */
public enum XzDecoder {
    /** XZ for Java, inside the JVM: always there. */
    JAVA,
    /** The xz program of XZ Utils, in a process of its own: about 1.6 times as fast. */
    PROGRAM,
    /**
     * The program when XZ Utils' xz is on the PATH, else Java. The PATH is searched (and the
     * program found there asked for its version) when the first xz stream is met, so that
     * reading a folder or another format starts no process.
     */
    PREFERRED;

    /** Whether xz streams go to the xz program. */
    public boolean runsProgram() {
        return this == PROGRAM || this == PREFERRED && XzProgram.installed();
    }
}
