package dev.attache.local.process;

/** A stand-in for an app that cannot run: it exits at once with the code in {@code EXIT_CODE} (default 3). */
public final class ExitingApp {

    private ExitingApp() {
    }

    public static void main(String[] args) {
        String code = System.getenv("EXIT_CODE");
        System.exit(code == null ? 3 : Integer.parseInt(code));
    }
}
