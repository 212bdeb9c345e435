package dev.attache.ingest.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * ingest-api's feature packages form a graph without cycles: the HTTP layer on top, the endpoints below it, the
 * request values, errors and routes at the bottom. Read from the sources' imports, so it runs without the app.
 */
class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/attache/ingest");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.attache\\.ingest\\.(\\w+)\\.",
            Pattern.MULTILINE);

    @Test
    void noPackageImportsItselfBackThroughAnother() throws IOException {
        Map<String, Set<String>> imports = imports();
        assertThat(imports).as("packages read").containsKeys("http", "api", "attachments", "request");

        List<List<String>> cycles = new ArrayList<>();
        for (String start : imports.keySet()) {
            cycleFrom(start, start, new ArrayList<>(List.of(start)), new HashSet<>(), imports, cycles);
        }
        assertThat(cycles).as("package cycles (each as a path back to its start)").isEmpty();
    }

    @Test
    void onlyTheHttpLayerKnowsVertxRoutingContexts() throws IOException {
        List<Path> users = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!file.startsWith(SOURCES.resolve("http"))
                        && Files.readString(file).contains("import io.vertx.ext.web.RoutingContext;")) {
                    users.add(file);
                }
            }
        }
        assertThat(users).as("endpoints take a GraphRequest, not Vert.x's RoutingContext").isEmpty();
    }

    private static void cycleFrom(String start, String at, List<String> path, Set<String> seen,
            Map<String, Set<String>> imports, List<List<String>> cycles) {
        for (String next : imports.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                cycles.add(cycle);
            } else if (seen.add(next)) {
                path.add(next);
                cycleFrom(start, next, path, seen, imports, cycles);
                path.remove(path.size() - 1);
            }
        }
    }

    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String pkg = relative.getName(0).toString();
                Set<String> targets = imports.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        targets.add(m.group(1));
                    }
                }
            }
        }
        return imports;
    }
}
