package dev.repairscope.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads scenario files. A file is either loaded whole or rejected with every problem found, each
 * naming the file, line, column and field; nothing is half-applied.
 */
public final class ScenarioLoader {
    /** The scenario the window opens with when none is given. */
    public static final String DEFAULT_SCENARIO = "/scenarios/seed-story.json";

    private static final Map<Class<?>, Set<String>> TYPE_NAMES = Map.of(
            ScenarioFile.Step.class, names(ScenarioFile.Step.class),
            ScenarioFile.Expectation.class, names(ScenarioFile.Expectation.class),
            ScenarioFile.Latency.class, names(ScenarioFile.Latency.class));

    private final ObjectMapper mapper;
    private final JsonFactory factory;

    public ScenarioLoader() {
        factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(ScenarioLimits.MAX_NESTING)
                        .maxStringLength(ScenarioLimits.MAX_STRING)
                        .maxNumberLength(30)
                        .build())
                .build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
    }

    public Scenario load(Path path) throws ScenarioException {
        String source = path.toString();
        try {
            if (Files.size(path) > ScenarioLimits.MAX_FILE_BYTES) {
                throw single(source, 1, 1, "", "file is larger than " + ScenarioLimits.MAX_FILE_BYTES / 1024 + " KiB");
            }
            return parse(Files.readString(path, StandardCharsets.UTF_8), source);
        } catch (java.nio.charset.MalformedInputException e) {
            throw single(source, 1, 1, "", "not UTF-8 text");
        } catch (IOException e) {
            throw single(source, 1, 1, "", "cannot read the file: " + e.getMessage());
        }
    }

    /** Loads a scenario bundled with the application (e.g. {@link #DEFAULT_SCENARIO}). */
    public Scenario loadResource(String resource) throws ScenarioException {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw single(resource, 1, 1, "", "no such bundled scenario");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw single(resource, 1, 1, "", "cannot read: " + e.getMessage());
        }
    }

    /** Parses and validates scenario text; {@code source} names it in messages. */
    public Scenario parse(String text, String source) throws ScenarioException {
        if (text.length() > ScenarioLimits.MAX_FILE_BYTES) {
            throw single(source, 1, 1, "", "file is larger than " + ScenarioLimits.MAX_FILE_BYTES / 1024 + " KiB");
        }
        JsonLocations locations;
        try {
            locations = new JsonLocations(factory, text); // syntax and size limits first
        } catch (JsonProcessingException e) {
            throw fromJackson(source, e, null);
        } catch (IOException e) {
            throw single(source, 1, 1, "", e.getMessage());
        }
        ScenarioFile file;
        try {
            file = mapper.readValue(text, ScenarioFile.class);
        } catch (JsonProcessingException e) {
            throw fromJackson(source, e, locations);
        }
        Problems problems = new Problems();
        Scenario scenario = new ScenarioValidator(problems).validate(file, source);
        if (scenario != null) {
            checkMetricNames(scenario, problems);
        }
        if (!problems.isEmpty()) {
            List<ScenarioProblem> located = new ArrayList<>();
            for (Problems.Found found : problems.all()) {
                JsonLocation at = locations.locate(found.pointer());
                located.add(new ScenarioProblem(source, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                        Problems.fieldOf(found.pointer()), found.message()));
            }
            throw new ScenarioException(located);
        }
        return scenario;
    }

    /** Counter expectations must name a metric the run reports; a dry build of the run knows them all. */
    private static void checkMetricNames(Scenario scenario, Problems problems) {
        Set<String> known = new ScenarioRun(scenario, scenario.seed()).metrics().keySet();
        checkCounters(scenario.expectations(), "/expectations", known, problems);
        for (Scenario.TimedStep step : scenario.timeline()) {
            checkCounters(step.expect(), "/timeline/" + step.index() + "/expect", known, problems);
        }
    }

    private static void checkCounters(List<Scenario.Check> checks, String pointer, Set<String> known, Problems problems) {
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i).spec() instanceof ScenarioFile.Expectation.Counter c && !known.contains(c.name())) {
                problems.add(pointer + "/" + i + "/name", "unknown metric \"" + c.name() + "\"; known: " + new TreeSet<>(known));
            }
        }
    }

    private static ScenarioException fromJackson(String source, JsonProcessingException e, JsonLocations locations) {
        JsonLocation at = e.getLocation();
        String field = "";
        String message = e.getOriginalMessage();
        if (e instanceof JsonMappingException mapping) {
            String pointer = pointerOf(mapping.getPath());
            field = Problems.fieldOf(pointer);
            // binding records buffers their fields, so Jackson's own location can point past the culprit
            JsonLocation located = locations == null ? null : locations.locate(pointer);
            at = located != null && !pointer.isEmpty() ? located : at;
        } else if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
            field = Problems.fieldOf(parser.getParsingContext().pathAsPointer().toString());
        }
        int line = at == null ? 1 : Math.max(1, at.getLineNr());
        int column = at == null ? 1 : Math.max(1, at.getColumnNr());
        if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field \"" + unknown.getPropertyName() + "\"; expected one of "
                    + new TreeSet<>(unknown.getKnownPropertyIds().stream().map(Object::toString).toList());
        } else if (e instanceof InvalidTypeIdException badType) {
            Set<String> known = TYPE_NAMES.getOrDefault(badType.getBaseType().getRawClass(), Set.of());
            message = badType.getTypeId() == null
                    ? "missing \"" + discriminator(badType.getBaseType().getRawClass()) + "\"; expected one of " + known
                    : "unknown " + discriminator(badType.getBaseType().getRawClass()) + " \"" + badType.getTypeId()
                    + "\"; expected one of " + known;
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "expected " + friendly(mismatch.getTargetType()) + " (" + firstLine(e.getOriginalMessage()) + ")";
        } else {
            message = firstLine(message);
        }
        return single(source, line, column, field, message);
    }

    private static String pointerOf(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                pointer.append('/').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                pointer.append('/').append(ref.getIndex());
            }
        }
        return pointer.toString();
    }

    private static String friendly(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list [...]";
        }
        return "an object {...}";
    }

    private static String discriminator(Class<?> base) {
        return base == ScenarioFile.Step.class ? "action" : "type";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "invalid JSON";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static Set<String> names(Class<?> base) {
        Set<String> names = new TreeSet<>();
        com.fasterxml.jackson.annotation.JsonSubTypes types = base.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class);
        for (com.fasterxml.jackson.annotation.JsonSubTypes.Type type : types.value()) {
            names.add(type.name());
        }
        return names;
    }

    private static ScenarioException single(String source, int line, int column, String field, String message) {
        return new ScenarioException(List.of(new ScenarioProblem(source, line, column, field, message)));
    }
}
