package dev.attache.local.logging;

import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * Sends the embedded servers' logging (Kafka, S3Proxy, Jetty, jclouds) to one rolling file.
 *
 * <p>A broker start and stop writes ~1,500 INFO lines, and a failed start several ERROR stack traces: useful
 * when something breaks, noise on a terminal whose stdout is the command's own output. So all of it goes to the
 * file, nothing to the console; {@code up} reports failures itself, in one line, and points to the file.
 */
public final class StackLogging {

    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%t] %c - %msg%n%throwable";

    private StackLogging() {
    }

    /**
     * Leaves stopping log4j2 to {@link #stop()}. Its own shutdown hook would run alongside the one that stops the
     * broker and could close the file before Kafka has logged its shutdown. Must run before the first logger exists.
     */
    public static void disableLog4jShutdownHook() {
        System.setProperty("log4j2.shutdownHookEnabled", "false");
    }

    /** Flushes and closes the log file; the last thing a shutdown does. */
    public static void stop() {
        LogManager.shutdown();
    }

    /** Reconfigures log4j2 (the slf4j backend of this jar) to write {@code logFile}, rolling at 10 MB, 3 kept. */
    public static void toFile(Path logFile) {
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setStatusLevel(Level.ERROR);
        builder.setConfigurationName("attache-stack");

        String file = logFile.toAbsolutePath().toString();
        AppenderComponentBuilder rolling = builder.newAppender("file", "RollingFile")
                .addAttribute("fileName", file)
                .addAttribute("filePattern", file + ".%i")
                .add(builder.newLayout("PatternLayout").addAttribute("pattern", PATTERN))
                .addComponent(builder.newComponent("Policies")
                        .addComponent(builder.newComponent("SizeBasedTriggeringPolicy").addAttribute("size", "10MB")))
                .addComponent(builder.newComponent("DefaultRolloverStrategy").addAttribute("max", "3"));
        builder.add(rolling);

        builder.add(builder.newRootLogger(Level.INFO)
                .add(builder.newAppenderRef("file")));
        Configurator.reconfigure(builder.build());
    }
}
