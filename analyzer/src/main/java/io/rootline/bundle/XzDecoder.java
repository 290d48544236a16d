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
    PROGRAM;

    /** The program when XZ Utils' xz is on the PATH, else Java. */
    public static XzDecoder preferred() {
        return XzProgram.installed() ? PROGRAM : JAVA;
    }
}
