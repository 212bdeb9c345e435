package dev.attache.local.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The repository root the command works from (the apps' jars and the default data dir are found under it).
 *
 * <p>The {@code ./attache} script passes it as the system property {@code attache.home}. Without it, the current
 * directory is used if it is a checkout's root; otherwise the checkout this jar was built in
 * ({@code <root>/deploy/local/target/attache-local.jar}), so a test suite running in {@code ingest-api/} can
 * {@code java -jar ../deploy/local/target/attache-local.jar up …} without extra flags.
 */
public final class AttacheHome {

    static final String PROPERTY = "attache.home";

    private AttacheHome() {
    }

    public static Path dir() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        return isCheckoutRoot(cwd) ? cwd : checkoutOfThisJar().filter(AttacheHome::isCheckoutRoot).orElse(cwd);
    }

    static Path defaultDataDir() {
        return dir().resolve(".attache");
    }

    private static boolean isCheckoutRoot(Path dir) {
        return Files.isDirectory(dir.resolve("deploy").resolve("local"));
    }

    private static Optional<Path> checkoutOfThisJar() {
        try {
            Path jar = Path.of(AttacheHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // <root>/deploy/local/target/attache-local.jar -> <root>
            Path root = jar.toAbsolutePath().getParent();
            for (int i = 0; i < 3 && root != null; i++) {
                root = root.getParent();
            }
            return Optional.ofNullable(root);
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
