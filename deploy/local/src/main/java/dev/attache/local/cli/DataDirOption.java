package dev.attache.local.cli;

import dev.attache.local.stack.StackLayout;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}, shared by {@code up} and {@code token} so both find the same signing keys. */
final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the stack keeps Kafka logs, S3 objects, signing keys and logs"
                    + " (default: <attache.home>/.attache).")
    Path dataDir;

    StackLayout layout() {
        return new StackLayout(dataDir != null ? dataDir : AttacheHome.defaultDataDir());
    }

    boolean isDefault() {
        return layout().dataDir().equals(AttacheHome.defaultDataDir());
    }
}
