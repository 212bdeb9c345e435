package dev.attache.bench.cli;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The command as the report prints it, to rerun: secrets given as options are replaced by a placeholder. */
final class CommandLineText {

    private static final Set<String> SECRET_OPTIONS = Set.of("--token", "--s3-secret-key");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+…-]+");

    private CommandLineText() {
    }

    static String of(List<String> args) {
        StringBuilder text = new StringBuilder("./attache bench");
        boolean hideNext = false;
        for (String arg : args) {
            String shown = arg;
            if (hideNext) {
                shown = "…";
                hideNext = false;
            } else if (SECRET_OPTIONS.contains(arg)) {
                hideNext = true;
            } else if (arg.contains("=") && SECRET_OPTIONS.contains(arg.substring(0, arg.indexOf('=')))) {
                shown = arg.substring(0, arg.indexOf('=') + 1) + "…";
            }
            text.append(' ').append(quoted(shown));
        }
        return text.toString();
    }

    /** As a POSIX shell reads it back: single quotes around anything but plain words. */
    static String quoted(String arg) {
        if (!arg.isEmpty() && PLAIN.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
