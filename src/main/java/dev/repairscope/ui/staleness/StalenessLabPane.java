package dev.repairscope.ui.staleness;

import dev.repairscope.staleness.StalenessExperiment;
import dev.repairscope.staleness.StalenessResult;
import dev.repairscope.ui.Exports;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The staleness lab: choose N, a latency profile, the (R, W) pairs, the instants t, trials and seed;
 * run the PBS experiment for every pair off the FX thread; see P(consistent read) against t, one
 * line per pair, with each pair's read and write latency percentiles and the first t at which 99.9%
 * of reads were consistent beside the chart. Exports the figure as PNG and the numbers as CSV.
 */
public final class StalenessLabPane extends BorderPane {
    private final Spinner<Integer> n = new Spinner<>(1, 9, 3);
    private final ChoiceBox<String> profile = new ChoiceBox<>();
    private final TextField wRate = new TextField("1");
    private final TextField arsRate = new TextField("1");
    private final TextField pairs = new TextField(LabSettings.DEFAULT_PAIRS);
    private final TextField times = new TextField(LabSettings.DEFAULT_TIMES);
    private final TextField trials = new TextField("10,000");
    private final TextField seed = new TextField("1");
    private final CheckBox logAxis = new CheckBox("log t axis");
    private final Button run = new Button("\u25B6  Run");
    private final Button cancel = new Button("Cancel");
    private final Button exportPng = new Button("Export PNG\u2026");
    private final Button exportCsv = new Button("Export CSV\u2026");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Choose the settings and press Run.");
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis(0, 100, 10);
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    private final GridPane percentiles = new GridPane();
    private final Label about = new Label();
    private final HBox figure;
    private final ReadOnlyObjectWrapper<LabResults> results = new ReadOnlyObjectWrapper<>(this, "results");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private LabTask task;

    public StalenessLabPane() {
        setId("stalenessLab");
        getStyleClass().addAll("repairscope", "staleness-lab");
        setPadding(new Insets(8, 10, 8, 10));

        n.setId("labN");
        n.setEditable(true);
        n.setPrefWidth(70);
        profile.setId("labProfile");
        profile.getItems().setAll(LabSettings.PROFILES);
        profile.setValue("LNKD-DISK");
        profile.setTooltip(new Tooltip("The latency fits of the PBS paper (LinkedIn SSD and disk, Yammer, WAN)"
                + " or exponential legs with the rates beside"));
        wRate.setId("labWRate");
        arsRate.setId("labArsRate");
        wRate.setPrefColumnCount(4);
        arsRate.setPrefColumnCount(4);
        wRate.setTooltip(new Tooltip("Exponential profile: rate of the W leg (write to a replica) per ms; mean 1/rate"));
        arsRate.setTooltip(new Tooltip("Exponential profile: rate of the A, R and S legs per ms; mean 1/rate"));
        wRate.disableProperty().bind(profile.valueProperty().isNotEqualTo("exponential"));
        arsRate.disableProperty().bind(profile.valueProperty().isNotEqualTo("exponential"));
        pairs.setId("labPairs");
        pairs.setPrefColumnCount(14);
        pairs.setTooltip(new Tooltip("(R,W) pairs to compare, one line each: R replies a read waits for, W acks a write"
                + " waits for"));
        times.setId("labTimes");
        times.setPrefColumnCount(22);
        times.setTooltip(new Tooltip("Instants after the write committed at which each trial reads, in ms"));
        trials.setId("labTrials");
        trials.setPrefColumnCount(7);
        trials.setTooltip(new Tooltip("Independent write-then-read trials per (R,W) pair, each with its own key"));
        seed.setId("labSeed");
        seed.setPrefColumnCount(5);
        logAxis.setId("labLogAxis");
        logAxis.setSelected(true);
        logAxis.selectedProperty().addListener((obs, old, now) -> plot(results.get()));

        run.setId("labRun");
        run.getStyleClass().add("play-button");
        run.setDefaultButton(true);
        run.setOnAction(e -> start());
        run.disableProperty().bind(running);
        cancel.setId("labCancel");
        cancel.setOnAction(e -> cancel());
        cancel.disableProperty().bind(running.not());
        exportPng.setId("labExportPng");
        exportCsv.setId("labExportCsv");
        exportPng.disableProperty().bind(results.isNull().or(running));
        exportCsv.disableProperty().bind(results.isNull().or(running));
        exportPng.setOnAction(e -> save("PNG", "png", this::exportPng));
        exportCsv.setOnAction(e -> save("CSV", "csv", this::exportCsv));

        HBox first = row(field("N", n), field("profile", profile), field("W rate /ms", wRate),
                field("A=R=S rate /ms", arsRate), field("trials per pair", trials), field("seed", seed));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        first.getChildren().addAll(spacer, run, cancel);
        HBox second = row(field("(R,W) pairs", pairs), field("t after commit (ms)", times), logAxis);
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        second.getChildren().addAll(spacer2, exportPng, exportCsv);
        VBox top = new VBox(6, first, second);
        top.setPadding(new Insets(0, 0, 6, 0));
        setTop(top);

        chart.setId("labChart");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setTitle("P(consistent read) against t after commit");
        chart.getStyleClass().add("run-chart");
        yAxis.setLabel("P(consistent read), %");
        yAxis.setAutoRanging(false);
        xAxis.setAnimated(false);
        yAxis.setAnimated(false);
        chart.setMinSize(360, 280);
        HBox.setHgrow(chart, Priority.ALWAYS);
        chart.setMaxWidth(Double.MAX_VALUE);

        percentiles.setId("labPercentiles");
        percentiles.getStyleClass().add("lab-percentiles");
        percentiles.setHgap(10);
        percentiles.setVgap(4);
        Label heading = new Label("Latency percentiles (ms) and time to 99.9% consistent");
        heading.getStyleClass().add("lab-heading");
        heading.setWrapText(true);
        about.setId("labAbout");
        about.getStyleClass().add("dim");
        about.setWrapText(true);
        Label reading = new Label("Each line: the share of reads issued t ms after the write committed that"
                + " returned it. \"99.9% from t\" is the first listed t at which 99.9% of reads were consistent. \"Closed"
                + " form\" is the static-quorum figure 1 - C(N-W,R)/C(N,R), a floor when writes go to all N: with"
                + " R + W > N every read is consistent.");
        reading.getStyleClass().add("dim");
        reading.setWrapText(true);
        VBox side = new VBox(8, heading, percentiles, reading, about);
        side.setPrefWidth(540);
        side.setMinWidth(Region.USE_PREF_SIZE);
        side.setPadding(new Insets(8, 0, 0, 8));
        figure = new HBox(4, chart, side);
        figure.setId("labFigure");
        figure.getStyleClass().add("lab-figure");
        setCenter(figure);

        progress.setId("labProgress");
        progress.setPrefWidth(220);
        status.setId("labStatus");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bottom = new HBox(10, progress, status);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(6, 0, 0, 0));
        setBottom(bottom);
        configureAxis(List.of());
    }

    // ---- running --------------------------------------------------------------------------------

    /** The settings as the fields say, or an IllegalArgumentException naming the field at fault. */
    public LabSettings settings() {
        Integer nValue = n.getValue();
        String typed = n.getEditor().getText();
        int replicas = (int) LabSettings.parseWhole("N", typed == null || typed.isBlank() ? String.valueOf(nValue) : typed,
                1, 9);
        boolean exponential = "exponential".equals(profile.getValue());
        return new LabSettings(replicas, profile.getValue(),
                exponential ? LabSettings.parseRate("W rate", wRate.getText()) : 1,
                exponential ? LabSettings.parseRate("A=R=S rate", arsRate.getText()) : 1,
                LabSettings.parsePairs(pairs.getText()), LabSettings.parseTimes(times.getText()),
                (int) LabSettings.parseWhole("trials per pair", trials.getText(), 1, 2_000_000),
                LabSettings.parseWhole("seed", seed.getText(), Long.MIN_VALUE, Long.MAX_VALUE));
    }

    /** Starts a run with the current settings (the Run button); a bad setting is reported in the status line. */
    public void start() {
        if (running.get()) {
            return;
        }
        LabSettings settings;
        List<StalenessExperiment> experiments;
        try {
            settings = settings();
            experiments = settings.experiments();
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
            return;
        }
        LabTask next = new LabTask(settings, experiments);
        task = next;
        running.set(true);
        status.getStyleClass().remove("lab-error");
        progress.progressProperty().bind(next.progressProperty());
        status.textProperty().bind(next.messageProperty());
        next.setOnSucceeded(e -> finished(next, next.getValue()));
        next.setOnFailed(e -> finished(next, null));
        next.setOnCancelled(e -> finished(next, null));
        Thread thread = new Thread(next, "staleness-lab");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the run before its next pair. */
    public void cancel() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void finished(LabTask done, LabResults outcome) {
        if (done != task) {
            return;
        }
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        running.set(false);
        if (outcome != null) {
            progress.setProgress(1);
            results.set(outcome);
            plot(outcome);
        } else if (done.isCancelled()) {
            progress.setProgress(0);
            status.setText("Cancelled; the chart still shows the last finished run.");
        } else {
            progress.setProgress(0);
            Throwable failure = done.getException();
            showError("The experiment failed: " + (failure == null ? "unknown error" : failure.getMessage()));
        }
    }

    private void showError(String text) {
        status.textProperty().unbind();
        status.setText(text);
        if (!status.getStyleClass().contains("lab-error")) {
            status.getStyleClass().add("lab-error");
        }
    }

    // ---- drawing the results --------------------------------------------------------------------

    private void plot(LabResults shown) {
        chart.getData().clear();
        percentiles.getChildren().clear();
        percentiles.getColumnConstraints().clear();
        if (shown == null) {
            configureAxis(List.of());
            return;
        }
        List<Long> ts = shown.results().get(0).experiment().times();
        configureAxis(ts);
        List<XYChart.Series<Number, Number>> lines = new ArrayList<>();
        for (int i = 0; i < shown.pairs().size(); i++) {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(shown.pairs().get(i).label());
            for (StalenessResult.Point point : shown.results().get(i).points()) {
                XYChart.Data<Number, Number> data = new XYChart.Data<>(x(point.t(), ts), 100 * point.consistent());
                line.getData().add(data);
            }
            lines.add(line);
        }
        chart.getData().setAll(lines);
        for (int i = 0; i < lines.size(); i++) {
            for (XYChart.Data<Number, Number> data : lines.get(i).getData()) {
                if (data.getNode() != null) {
                    Tooltip.install(data.getNode(), new Tooltip(String.format(Locale.ROOT, "%s, t = %s ms: %.2f%%",
                            lines.get(i).getName(), millis(ts.get(lines.get(i).getData().indexOf(data))),
                            data.getYValue().doubleValue())));
                }
            }
        }
        StalenessResult any = shown.results().get(0);
        chart.setTitle(String.format(Locale.ROOT, "P(consistent read) against t: N=%d, %s, %,d trials per pair",
                shown.settings().n(), any.experiment().profile().name(), shown.settings().trials()));
        fillPercentiles(shown);
        about.setText(any.experiment().profile().describe() + ". Coordinators hold no replica; reads ask every replica"
                + " and answer from the first R; nothing fails, nothing is repaired (WARS). Seed "
                + shown.settings().seed() + ".");
    }

    private void fillPercentiles(LabResults shown) {
        // two heading rows: what, then which percentile
        percentiles.add(heading(""), 0, 0);
        percentiles.add(heading("reads (ms)"), 1, 0, 3, 1);
        percentiles.add(heading("writes (ms)"), 4, 0, 3, 1);
        percentiles.add(heading("99.9%"), 7, 0);
        percentiles.add(heading("closed"), 8, 0);
        String[] headings = {"", "p50", "p99", "p99.9", "p50", "p99", "p99.9", "from t", "form"};
        for (int c = 0; c < headings.length; c++) {
            percentiles.add(heading(headings[c]), c, 1);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setMinWidth(Region.USE_PREF_SIZE);
            cc.setHalignment(c == 0 ? javafx.geometry.HPos.LEFT : javafx.geometry.HPos.RIGHT);
            percentiles.getColumnConstraints().add(cc);
        }
        for (int i = 0; i < shown.pairs().size(); i++) {
            LabSettings.Pair pair = shown.pairs().get(i);
            StalenessResult r = shown.results().get(i);
            String id = "lab-" + pair.r() + "-" + pair.w();
            Label name = new Label(pair.label());
            name.setId(id + "-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Region swatch = new Region();
            swatch.getStyleClass().addAll("lab-swatch", "lab-swatch" + (i % 8));
            swatch.setMinSize(12, 12);
            swatch.setMaxSize(12, 12);
            name.setGraphic(swatch);
            percentiles.add(name, 0, i + 2);
            OptionalLong safe = r.tReaching(StalenessResult.SAFE);
            String[] cells = {millis(r.readLatency().p50()), millis(r.readLatency().p99()), millis(r.readLatency().p999()),
                    millis(r.writeLatency().p50()), millis(r.writeLatency().p99()), millis(r.writeLatency().p999()),
                    safe.isPresent() ? millis(safe.getAsLong()) + " ms" : "> " + millis(r.points().get(
                            r.points().size() - 1).t()) + " ms",
                    String.format(Locale.ROOT, "%.1f%%", 100 * r.closedForm(1))};
            String[] names = {"read-p50", "read-p99", "read-p999", "write-p50", "write-p99", "write-p999", "safe", "floor"};
            for (int c = 0; c < cells.length; c++) {
                Label cell = new Label(cells[c]);
                cell.setId(id + "-" + names[c]);
                cell.setMinWidth(Region.USE_PREF_SIZE);
                cell.getStyleClass().add("lab-number");
                percentiles.add(cell, c + 1, i + 2);
            }
        }
    }

    private static Label heading(String text) {
        Label h = new Label(text);
        h.getStyleClass().add("lab-column");
        h.setMinWidth(Region.USE_PREF_SIZE);
        return h;
    }

    /** Where t sits on the x axis: ms on a linear axis, log10(ms) on the log one (t = 0 at its left edge). */
    private double x(long micros, List<Long> ts) {
        double ms = micros / 1000.0;
        if (!logAxis.isSelected()) {
            return ms;
        }
        return micros <= 0 ? logLower(ts) : Math.log10(ms);
    }

    private static double logLower(List<Long> ts) {
        long smallest = ts.stream().filter(t -> t > 0).mapToLong(Long::longValue).min().orElse(1000);
        return Math.floor(Math.log10(smallest / 1000.0)) - (ts.contains(0L) ? 1 : 0);
    }

    private void configureAxis(List<Long> ts) {
        if (!logAxis.isSelected() || ts.isEmpty()) {
            xAxis.setAutoRanging(true);
            xAxis.setForceZeroInRange(true);
            xAxis.setLabel("t after commit (ms)");
            xAxis.setTickLabelFormatter(null);
            return;
        }
        double lower = logLower(ts);
        double largest = ts.get(ts.size() - 1) / 1000.0;
        double upper = Math.max(lower + 1, Math.ceil(Math.log10(Math.max(largest, 1e-3))));
        boolean zero = ts.contains(0L);
        xAxis.setAutoRanging(false);
        xAxis.setLowerBound(lower);
        xAxis.setUpperBound(upper);
        xAxis.setTickUnit(1);
        xAxis.setMinorTickCount(0);
        xAxis.setLabel("t after commit (ms, log scale" + (zero ? "; t = 0 at the left edge)" : ")"));
        xAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                double v = value.doubleValue();
                if (zero && Math.abs(v - lower) < 1e-9) {
                    return "0";
                }
                return BigDecimal.valueOf(Math.pow(10, Math.rint(v))).round(new java.math.MathContext(3))
                        .stripTrailingZeros().toPlainString();
            }

            @Override
            public Number fromString(String text) {
                return Math.log10(Double.parseDouble(text));
            }
        });
    }

    // ---- exports --------------------------------------------------------------------------------

    /** The chart and the percentiles beside it, as shown, as PNG. */
    public void exportPng(Path file) throws IOException {
        Exports.png(figure, file);
    }

    /** The curves and the percentiles as CSV (see {@link LabResults#csv()}). */
    public void exportCsv(Path file) throws IOException {
        LabResults shown = results.get();
        if (shown == null) {
            throw new IOException("nothing to export yet: run the experiment first");
        }
        Files.writeString(file, shown.csv(), StandardCharsets.UTF_8);
    }

    private void save(String what, String extension, IoAction action) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the staleness lab as " + what);
        chooser.setInitialFileName("staleness-lab." + extension);
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            action.write(file.toPath());
            status.textProperty().unbind();
            status.getStyleClass().remove("lab-error");
            status.setText("Saved " + file);
        } catch (IOException | RuntimeException e) {
            showError("Could not export " + file + ": " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void write(Path file) throws IOException;
    }

    // ---- parts and accessors --------------------------------------------------------------------

    private static HBox row(Node... children) {
        HBox row = new HBox(12, children);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static HBox field(String label, Node control) {
        Label l = new Label(label);
        l.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(5, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static String millis(long micros) {
        return LabResults.millis(micros);
    }

    public LineChart<Number, Number> chart() {
        return chart;
    }

    public ReadOnlyObjectProperty<LabResults> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public String statusText() {
        return status.getText();
    }
}
