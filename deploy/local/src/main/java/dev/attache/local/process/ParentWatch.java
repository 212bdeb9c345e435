package dev.attache.local.process;

/**
 * Ends this JVM when the process that started it ends. Test suites start {@code attache up} as a child; if the
 * suite's JVM is killed, nothing else would stop the broker and the apps.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    /** Calls {@code System.exit(0)} (which runs the shutdown hooks) once the parent process has exited. */
    public static void exitWithParent() {
        ProcessHandle.current().parent().ifPresentOrElse(
                parent -> parent.onExit().thenRun(ParentWatch::exit),
                ParentWatch::exit);
    }

    private static void exit() {
        System.err.println("attache: parent process exited; shutting down");
        System.exit(0);
    }
}
