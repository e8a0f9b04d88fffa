package dev.repairscope.ui;

import dev.repairscope.cli.TraceWriter;
import dev.repairscope.scenario.ScenarioRun;
import dev.repairscope.ui.model.ChartData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saving what the window shows: the view as PNG, counters and chart series as CSV, the journal as JSONL. */
public final class Exports {
    private Exports() {
    }

    /** Renders {@code node} as it is on screen and writes it as PNG. */
    public static void png(Node node, Path file) throws IOException {
        WritableImage image = node.snapshot(null, null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        if (!ImageIO.write(buffered, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /** The run's metrics ("metric,value"), then every chart series ("series,seconds,value"). */
    public static void csv(ScenarioRun run, ChartData charts, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("metric,value\n");
            for (Map.Entry<String, Long> metric : run.metrics().entrySet()) {
                out.write(metric.getKey() + "," + metric.getValue() + "\n");
            }
            out.write("\nseries,seconds,value\n");
            for (ChartData.Series series : ChartData.Series.values()) {
                for (ChartData.Point point : charts.points(series)) {
                    out.write(String.format(Locale.ROOT, "%s,%.6f,%s%n", series.name().toLowerCase(Locale.ROOT),
                            point.at() / 1e6, trim(point.value())));
                }
            }
        }
    }

    /** The journal so far, one JSON object per line (the CLI's trace format). */
    public static void jsonl(ScenarioRun run, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new TraceWriter().write(run.sim().journal().events(), out);
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
