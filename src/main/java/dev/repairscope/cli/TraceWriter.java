package dev.repairscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.repairscope.sim.Event;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes the journal as JSON Lines: one event per line with its type, fields and sentence. */
public final class TraceWriter {
    private final ObjectMapper mapper = new ObjectMapper();

    public void write(List<Event> events, Writer out) throws IOException {
        BufferedWriter writer = new BufferedWriter(out);
        for (Event event : events) {
            writer.write(mapper.writeValueAsString(toJson(event)));
            writer.newLine();
        }
        writer.flush();
    }

    public ObjectNode toJson(Event event) {
        ObjectNode node = mapper.createObjectNode();
        node.put("type", event.type());
        node.setAll((ObjectNode) mapper.valueToTree(event));
        node.put("text", event.describe());
        return node;
    }
}
