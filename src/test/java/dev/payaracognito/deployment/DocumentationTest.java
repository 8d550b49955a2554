package dev.payaracognito.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the README and the docs name is there: each file they link, each Maven profile they run, each script they
 * tell to run (executable), each path of this repository they write in code; and nothing points outside it.
 */
class DocumentationTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");
    private static final Pattern PROFILE = Pattern.compile("\\./mvnw(?: -[a-zA-Z]\\S*)* -P([a-z,-]+)");
    private static final Pattern SCRIPT = Pattern.compile("`((?:src|docker|\\.ci)/[A-Za-z0-9_./-]+(?:\\.sh|/run))`");
    private static final Pattern PATH = Pattern.compile(
            "`((?:src|docker|payara-config|docs|\\.ci)/[A-Za-z0-9_./-]*[A-Za-z0-9_-])`");

    @Test
    void everyLinkedFileExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher links = LINK.matcher(Files.readString(doc));
            while (links.find()) {
                String target = links.group(1);
                if (!target.matches("[a-z]+:.*") && !Files.exists(doc.toAbsolutePath().getParent().resolve(target))) {
                    missing.add(doc + " -> " + target);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyPathWrittenInTheDocsExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher paths = PATH.matcher(Files.readString(doc));
            while (paths.find()) {
                if (!Files.exists(Path.of(paths.group(1)))) {
                    missing.add(doc + ": " + paths.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyMavenProfileTheDocsRunIsInThePom() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Set<String> profiles = new TreeSet<>();
        for (Path doc : documents()) {
            PROFILE.matcher(Files.readString(doc)).results()
                    .forEach(match -> profiles.addAll(List.of(match.group(1).split(","))));
        }
        assertTrue(profiles.contains("demo"), "the quick start's profile is found: " + profiles);
        for (String profile : profiles) {
            assertTrue(Pattern.compile("<profile>\\s*<id>" + Pattern.quote(profile) + "</id>").matcher(pom).find(),
                    "./mvnw -P" + profile + " names no profile of the pom");
        }
    }

    @Test
    void everyScriptTheDocsRunIsExecutable() throws IOException {
        Set<String> scripts = new TreeSet<>();
        for (Path doc : documents()) {
            SCRIPT.matcher(Files.readString(doc)).results().forEach(match -> scripts.add(match.group(1)));
        }
        assertTrue(scripts.contains("docker/check-image.sh"), "scripts are found: " + scripts);
        for (String script : scripts) {
            // a library to source (src/bench/load/lib.sh) has no #! line and is not run
            boolean run = Files.readString(Path.of(script)).startsWith("#!");
            assertTrue(!run || Files.isExecutable(Path.of(script)), script + " is not executable");
        }
    }

    @Test
    void nothingPointsOutsideTheRepository() throws IOException {
        for (Path doc : documents()) {
            String text = Files.readString(doc);
            assertTrue(!text.contains("../shared") && !text.contains("](../../"), doc + " points outside the repository");
        }
    }

    /** The README's quick start: the two commands, as a newcomer runs them. */
    @Test
    void theQuickStartIsTwoCommands() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Quick start");
        assertTrue(start >= 0, "the README has a quick start");
        Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(start), "with a block of commands");
        List<String> commands = block.group(1).lines().map(line -> line.replaceAll("\\s*#.*", "")).toList();
        assertEquals(List.of("./mvnw -Pdemo", "./mvnw verify"), commands);
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md"), Path.of("CONTRIBUTING.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }
}
