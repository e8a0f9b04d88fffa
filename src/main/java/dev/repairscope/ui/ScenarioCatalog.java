package dev.repairscope.ui;

import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioException;
import dev.repairscope.scenario.ScenarioLoader;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The lesson library: the scenarios bundled with the application (classpath {@code /scenarios})
 * and those in a {@code scenarios/} folder of the working directory.
 */
public final class ScenarioCatalog {

    /** A scenario the picker offers: bundled (a classpath resource) or a file on disk. */
    public record Entry(String label, String resource, Path file) {
        public Scenario load(ScenarioLoader loader) throws ScenarioException {
            return file != null ? loader.load(file) : loader.loadResource(resource);
        }

        /** How it is remembered between sessions: "resource:/scenarios/x.json" or "file:/path". */
        public String token() {
            return file != null ? "file:" + file.toAbsolutePath() : "resource:" + resource;
        }

        /** The lesson number (1..12) when this is one of the lessons, else 0. */
        public int lesson() {
            return lessonNumber(label);
        }

        /** "Lesson 4: hot-cold-read-repair-only.json" for a lesson; the file name otherwise. */
        @Override
        public String toString() {
            String number = lessonLabel(label);
            return number.isEmpty() ? label : number + ": " + label;
        }
    }

    /**
     * The lessons in teaching order, by the start of their file names: the seed story is lesson 1,
     * hot/cold with read repair only is lesson 4, quorum-no-stale is lesson 8, 10a and 10b share 10.
     */
    static final List<String> LESSON_ORDER = List.of("seed-story", "lesson-02", "lesson-03", "hot-cold-read-repair-only",
            "lesson-05", "lesson-06", "lesson-07", "quorum-no-stale", "lesson-09", "lesson-10a", "lesson-10b",
            "lesson-11", "lesson-12");
    private static final List<String> LESSON_LABELS = List.of("Lesson 1", "Lesson 2", "Lesson 3", "Lesson 4",
            "Lesson 5", "Lesson 6", "Lesson 7", "Lesson 8", "Lesson 9", "Lesson 10a", "Lesson 10b", "Lesson 11",
            "Lesson 12");

    /** Position of a scenario file in {@link #LESSON_ORDER}, or -1 when it is not a lesson. */
    static int lessonRank(String fileName) {
        for (int i = 0; i < LESSON_ORDER.size(); i++) {
            String prefix = LESSON_ORDER.get(i);
            if (fileName.equals(prefix + ".json") || fileName.startsWith(prefix + "-")) {
                return i;
            }
        }
        return -1;
    }

    /** The lesson number of a scenario file (10a and 10b are both 10), or 0 when it is not a lesson. */
    public static int lessonNumber(String fileName) {
        int rank = lessonRank(fileName);
        return rank < 0 ? 0 : Integer.parseInt(LESSON_LABELS.get(rank).replaceAll("[^0-9]", ""));
    }

    /** "Lesson 10a" for a lesson's file, or "" when it is not a lesson. */
    public static String lessonLabel(String fileName) {
        int rank = lessonRank(fileName);
        return rank < 0 ? "" : LESSON_LABELS.get(rank);
    }

    /** Lessons first, in lesson order; then the rest by name. */
    static final java.util.Comparator<Entry> LESSONS_FIRST = java.util.Comparator
            .comparingInt((Entry e) -> {
                int rank = lessonRank(e.label());
                return rank < 0 ? Integer.MAX_VALUE : rank;
            })
            .thenComparing(Entry::label);

    private ScenarioCatalog() {
    }

    public static Entry bundled(String resource) {
        return new Entry(resource.substring(resource.lastIndexOf('/') + 1), resource, null);
    }

    public static Entry fromToken(String token) {
        if (token.startsWith("file:")) {
            Path file = Path.of(token.substring(5));
            return new Entry(file.getFileName().toString(), null, file);
        }
        return bundled(token.startsWith("resource:") ? token.substring(9) : token);
    }

    /**
     * Every scenario found, the lessons first in lesson order, then the rest sorted by name; files on
     * disk shadow bundled ones of the same name.
     */
    public static List<Entry> list(Path workingDirectory) {
        Map<String, Entry> byName = new LinkedHashMap<>();
        for (String resource : bundledResources()) {
            Entry entry = bundled(resource);
            byName.put(entry.label(), entry);
        }
        Path folder = workingDirectory.resolve("scenarios");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
                        .forEach(f -> byName.put(f.getFileName().toString(), new Entry(f.getFileName().toString(), null, f)));
            } catch (IOException e) {
                // an unreadable folder only hides its files
            }
        }
        List<Entry> entries = new ArrayList<>(byName.values());
        entries.sort(LESSONS_FIRST);
        return entries;
    }

    /**
     * The entry among {@code entries} a loaded scenario came from ({@code Scenario.source()}: a file
     * path or a bundled resource), else the one with its file name, else a new entry for it.
     */
    public static Entry forSource(String source, List<Entry> entries) {
        if (source == null) {
            return bundled(ScenarioLoader.DEFAULT_SCENARIO);
        }
        for (Entry e : entries) {
            if (e.file() != null ? e.file().toString().equals(source) : source.equals(e.resource())) {
                return e;
            }
        }
        String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        for (Entry e : entries) {
            if (e.label().equals(name)) {
                return e;
            }
        }
        return source.startsWith("/scenarios/") ? bundled(source) : new Entry(name, null, Path.of(source));
    }

    private static List<String> bundledResources() {
        List<String> found = new ArrayList<>();
        URL url = ScenarioLoader.class.getResource("/scenarios");
        if (url == null) {
            url = ScenarioLoader.class.getResource(ScenarioLoader.DEFAULT_SCENARIO);
            if (url == null) {
                return found;
            }
        }
        try {
            if ("file".equals(url.getProtocol())) {
                Path dir = Path.of(url.toURI());
                if (!Files.isDirectory(dir)) {
                    dir = dir.getParent();
                }
                try (Stream<Path> files = Files.list(dir)) {
                    files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                            .forEach(n -> found.add("/scenarios/" + n));
                }
            } else if ("jar".equals(url.getProtocol())) {
                JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile();
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith("scenarios/") && name.endsWith(".json") && name.indexOf('/', 10) < 0) {
                        found.add("/" + name);
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // fall back to the default scenario only
        }
        if (found.isEmpty() && ScenarioLoader.class.getResource(ScenarioLoader.DEFAULT_SCENARIO) != null) {
            found.add(ScenarioLoader.DEFAULT_SCENARIO);
        }
        found.sort(String::compareTo);
        return found;
    }
}
