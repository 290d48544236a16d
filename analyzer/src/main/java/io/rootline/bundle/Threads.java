package io.rootline.bundle;

/** Waiting for the helper threads that decode and feed a bundle. */
final class Threads {

    private Threads() {
    }

    /**
     * Waits until {@code thread} ends, even when this thread is interrupted: a helper that
     * reads the stream below must be done before anyone else reads it. The interrupt is
     * kept for the caller to see.
     */
    static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
