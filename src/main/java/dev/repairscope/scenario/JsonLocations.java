package dev.repairscope.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a JSON document starts, by JSON pointer ("/timeline/3/node"), so checks made
 * after binding can still name the line and column of the offending field.
 */
final class JsonLocations {
    private final Map<String, JsonLocation> byPointer = new HashMap<>();

    JsonLocations(JsonFactory factory, String text) throws IOException {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken token;
            while ((token = nextToken(parser)) != null) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                // a container's own context is new; where it sits is recorded in its parent's context
                JsonStreamContext context = token.isStructStart() ? parser.getParsingContext().getParent()
                        : parser.getParsingContext();
                String pointer = context == null ? "" : context.pathAsPointer().toString();
                byPointer.putIfAbsent(pointer, parser.currentTokenLocation());
            }
        }
    }

    /** Size limits are checked by the parser but reported without a place: add the parser's. */
    private static JsonToken nextToken(JsonParser parser) throws IOException {
        try {
            return parser.nextToken();
        } catch (StreamConstraintsException e) {
            throw new JsonParseException(parser, e.getOriginalMessage());
        }
    }

    /** The location of the value at {@code pointer}, or of its nearest ancestor that has one. */
    JsonLocation locate(String pointer) {
        String p = pointer;
        while (true) {
            JsonLocation location = byPointer.get(p);
            if (location != null || p.isEmpty()) {
                return location;
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }
}
