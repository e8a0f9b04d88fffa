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

        @Override
        public String toString() {
            return label;
        }
    }

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

    /** Every scenario found, bundled ones first, sorted by name; files on disk shadow bundled ones of the same name. */
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
        entries.sort(java.util.Comparator.comparing(Entry::label));
        return entries;
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
