package dev.attache.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The docs stand on their own: every relative link points at a file of the repository, none outside it. */
class DocsTest {

    static final Path HOME = Path.of(System.getProperty("attache.home", "..")).toAbsolutePath().normalize();
    static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    static List<Path> docs() throws Exception {
        List<Path> docs = new ArrayList<>(List.of(HOME.resolve("README.md")));
        try (Stream<Path> files = Files.walk(HOME)) {
            files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.attache")
                            && !p.toString().contains("/node_modules/") && !p.toString().contains("/.git/"))
                    .filter(p -> !docs.contains(p))
                    .forEach(docs::add);
        }
        return docs;
    }

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() throws Exception {
        List<String> broken = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher links = LINK.matcher(Files.readString(doc));
            while (links.find()) {
                String target = links.group(1);
                if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")) {
                    continue;
                }
                Path resolved = doc.getParent().resolve(target).normalize();
                if (!resolved.startsWith(HOME) || !Files.exists(resolved)) {
                    broken.add(HOME.relativize(doc) + " -> " + target);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void nothingPointsAtFilesOutsideTheRepository() throws Exception {
        List<String> outside = new ArrayList<>();
        for (Path doc : docs()) {
            String text = Files.readString(doc);
            for (String foreign : List.of("../shared", "graph-contract.md", "design.md", "infra-notes.md")) {
                if (text.contains(foreign)) {
                    outside.add(HOME.relativize(doc) + " mentions " + foreign);
                }
            }
        }
        assertThat(outside).isEmpty();
    }
}
