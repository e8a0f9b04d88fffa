package dev.repairscope.ui.compare;

import dev.repairscope.repair.readrepair.ReadRepairMode;
import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioException;
import dev.repairscope.scenario.ScenarioLoader;
import dev.repairscope.sim.Durations;
import dev.repairscope.ui.ScenarioCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Side by side: the same scenario and seed under two settings, in one window, synchronised by one
 * play / pause / seek. Run B is either another scenario file (say read repair only against read
 * repair plus anti-entropy) or run A's file with its repair section overridden here. The charts
 * overlay both runs (A solid, B dashed); the table compares every counter (A, B, B - A).
 */
public final class CompareWindow {
    /** The pairs of bundled files that differ in one setting: the natural B for an A. */
    static final Map<String, String> PAIRS = Map.of(
            "hot-cold-read-repair-only.json", "hot-cold-read-repair-plus-anti-entropy.json",
            "hot-cold-read-repair-plus-anti-entropy.json", "hot-cold-read-repair-only.json",
            "ref2-hints-off.json", "ref2-hints-replay.json",
            "ref2-hints-replay.json", "ref2-hints-off.json");
    /** The pseudo-entry of the B picker: run A's file with the settings chosen beside it. */
    static final ScenarioCatalog.Entry OVERRIDE = new ScenarioCatalog.Entry("A's file, with these settings:", null, null);

    private static final long REFRESH_NANOS = 250_000_000L;

    private final CompareModel model;
    private final ScenarioLoader loader = new ScenarioLoader();
    private final List<ScenarioCatalog.Entry> entries;
    private final ComboBox<ScenarioCatalog.Entry> pickA = new ComboBox<>();
    private final ComboBox<ScenarioCatalog.Entry> pickB = new ComboBox<>();
    private final ChoiceBox<ReadRepairMode> readRepair = new ChoiceBox<>();
    private final CheckBox hints = new CheckBox("hints");
    private final CheckBox antiEntropy = new CheckBox("anti-entropy");
    private final Label nameA = new Label();
    private final Label nameB = new Label();
    private final Label error = new Label();
    private final Button play = new Button();
    private final Slider timeline = new Slider(0, 1, 0);
    private final Label timeLabel = new Label();
    private final OverlaidCharts charts;
    private final TableView<CompareModel.Row> table = new TableView<>();
    private final ObservableList<CompareModel.Row> rows = FXCollections.observableArrayList();
    private final CheckBox onlyDifferences = new CheckBox("only counters that differ");
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private final AnimationTimer pulse;
    private long lastRefresh;
    private long lastRevision = -1;
    private boolean updating;
    private Stage stage;

    public CompareWindow(List<ScenarioCatalog.Entry> entries, double width, double height) {
        this(new CompareModel(), entries, width, height);
    }

    public CompareWindow(CompareModel model, List<ScenarioCatalog.Entry> entries, double width, double height) {
        this.model = model;
        this.entries = List.copyOf(entries);
        this.charts = new OverlaidCharts(model);
        root.setId("compareWindow");
        root.getStyleClass().addAll("repairscope", "compare-window");
        root.setTop(new VBox(settingsBar(), runsBar(), timelineBar()));
        SplitPane centre = new SplitPane(charts, countersTable());
        centre.setDividerPositions(0.64);
        root.setCenter(centre);
        scene = new Scene(root, width, height);
        scene.getStylesheets().add(ScenarioCatalog.class.getResource("repairscope.css").toExternalForm());
        scene.getStylesheets().add(ScenarioCatalog.class.getResource("lessons.css").toExternalForm());
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
    }

    // ---- opening ----------------------------------------------------------------------------

    /**
     * Opens the side-by-side window beside {@code owner}, with {@code first} as run A and its natural
     * partner (or A with anti-entropy switched) as run B, loaded at time 0 and paused.
     */
    public static CompareWindow open(Window owner, ScenarioCatalog.Entry first, List<ScenarioCatalog.Entry> entries) {
        // as large as the window it comes from (at least 900 x 600), within the screen
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double width = Math.min(screen.getWidth(), Math.max(900, owner == null ? 1240 : owner.getWidth()));
        double height = Math.min(screen.getHeight(), Math.max(600, owner == null ? 760 : owner.getHeight()));
        CompareWindow window = new CompareWindow(entries, width, height);
        Stage stage = new Stage();
        stage.setTitle("RepairScope: side by side");
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setScene(window.scene());
        window.stage = stage;
        stage.setOnHidden(e -> window.stop());
        window.choose(first, null);
        window.start();
        stage.show();
        return window;
    }

    /** Picks run A and run B ({@code second} null: A's natural partner, else A with anti-entropy switched) and loads. */
    public boolean choose(ScenarioCatalog.Entry first, ScenarioCatalog.Entry second) {
        updating = true;
        try {
            if (!pickA.getItems().contains(first)) {
                pickA.getItems().add(first);
            }
            pickA.setValue(first);
            settingsFromA(first);
            ScenarioCatalog.Entry b = second != null ? second : partnerOf(first);
            if (b != OVERRIDE && !pickB.getItems().contains(b)) {
                pickB.getItems().add(b);
            }
            pickB.setValue(b);
        } finally {
            updating = false;
        }
        syncOverrideControls();
        return load();
    }

    private ScenarioCatalog.Entry partnerOf(ScenarioCatalog.Entry first) {
        String partner = PAIRS.get(first.label());
        if (partner != null) {
            for (ScenarioCatalog.Entry e : entries) {
                if (e.label().equals(partner)) {
                    return e;
                }
            }
        }
        return OVERRIDE;
    }

    public void start() {
        pulse.start();
    }

    public void stop() {
        pulse.stop();
        model.pause();
    }

    // ---- parts ------------------------------------------------------------------------------

    private HBox settingsBar() {
        Label title = new Label("Side by side");
        title.getStyleClass().add("app-title");
        pickA.setId("compareA");
        pickA.getItems().setAll(entries);
        pickA.setPrefWidth(300);
        pickA.setTooltip(new Tooltip("Run A: a scenario file (its seed is used for both runs)"));
        pickA.setOnAction(e -> {
            if (!updating && pickA.getValue() != null) {
                settingsFromA(pickA.getValue());
            }
        });
        pickB.setId("compareB");
        pickB.getItems().add(OVERRIDE);
        pickB.getItems().addAll(entries);
        pickB.setPrefWidth(300);
        pickB.setTooltip(new Tooltip("Run B: another scenario file, or run A's file with the repair settings"
                + " chosen on the right"));
        pickB.setOnAction(e -> syncOverrideControls());
        readRepair.setId("compareReadRepair");
        readRepair.getItems().setAll(ReadRepairMode.values());
        readRepair.setTooltip(new Tooltip("Run B's read repair variant (override)"));
        hints.setId("compareHints");
        hints.setTooltip(new Tooltip("Run B: hinted handoff on or off (override)"));
        antiEntropy.setId("compareAntiEntropy");
        antiEntropy.setTooltip(new Tooltip("Run B: scheduled anti-entropy sweeps on or off (override; every minute"
                + " unless the file sets an interval)"));
        Button load = new Button("Run both");
        load.setId("compareLoadButton");
        load.setDefaultButton(true);
        load.setTooltip(new Tooltip("Load both runs with run A's seed, at time 0"));
        load.setOnAction(e -> load());
        HBox bar = new HBox(8, title, new Label("A"), pickA, new Label("B"), pickB, readRepair, hints, antiEntropy, load);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 2, 10));
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    private VBox runsBar() {
        nameA.setId("compareNameA");
        nameB.setId("compareNameB");
        nameA.setGraphic(swatch(false));
        nameB.setGraphic(swatch(true));
        nameA.getStyleClass().add("scenario-description");
        nameB.getStyleClass().add("scenario-description");
        error.setId("compareError");
        error.getStyleClass().add("error-banner-text");
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        VBox box = new VBox(1, nameA, nameB, error);
        box.setPadding(new Insets(0, 10, 4, 10));
        box.getStyleClass().add("toolbar");
        return box;
    }

    /** A short line in the legend's style: solid for A, dashed for B. */
    private static Line swatch(boolean dashed) {
        Line line = new Line(0, 0, 28, 0);
        line.setStrokeWidth(3);
        line.setStyle("-fx-stroke: #eef2f7;");
        if (dashed) {
            line.getStrokeDashArray().addAll(7.0, 5.0);
        }
        return line;
    }

    private HBox timelineBar() {
        play.setId("comparePlayButton");
        play.getStyleClass().add("play-button");
        play.textProperty().bind(Bindings.when(model.playingProperty()).then("\u275A\u275A  Pause").otherwise("\u25B6  Play"));
        play.setOnAction(e -> model.togglePlay());
        play.setTooltip(new Tooltip("Play or pause both runs together"));
        Button restart = new Button("\u21BA Restart");
        restart.setId("compareRestartButton");
        restart.setOnAction(e -> model.seek(0));
        ChoiceBox<Double> speed = new ChoiceBox<>(FXCollections.observableArrayList(0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0));
        speed.setId("compareSpeed");
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : (v < 1 ? String.format(Locale.ROOT, "%.1fx", v) : String.format(Locale.ROOT, "%.0fx", v));
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("x", ""));
            }
        });
        speed.setValue(model.speedProperty().get());
        speed.setOnAction(e -> {
            if (speed.getValue() != null) {
                model.speedProperty().set(speed.getValue());
            }
        });
        model.speedProperty().addListener((obs, old, now) -> {
            if (!speed.getItems().contains(now.doubleValue())) {
                speed.getItems().add(now.doubleValue());
                speed.getItems().sort(Double::compare);
            }
            speed.setValue(now.doubleValue());
        });
        speed.setTooltip(new Tooltip("Simulated seconds per real second, for both runs"));
        timeline.setId("compareSlider");
        HBox.setHgrow(timeline, Priority.ALWAYS);
        timeline.setMaxWidth(Double.MAX_VALUE);
        timeline.setTooltip(new Tooltip("Drag or click to send both runs to that simulated time (backwards: both replay"
                + " from the seed)"));
        timeline.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                seekToSlider();
            }
        });
        timeline.valueProperty().addListener((obs, old, now) -> {
            if (!updating && !timeline.isValueChanging()) {
                seekToSlider();
            }
        });
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(22, 22);
        working.visibleProperty().bind(model.busyProperty());
        timeLabel.setId("compareTimeLabel");
        timeLabel.getStyleClass().add("time-label");
        timeLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, play, restart, new Label("speed"), speed, timeline, working, timeLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("timeline-bar");
        return bar;
    }

    private VBox countersTable() {
        table.setId("compareTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        TableColumn<CompareModel.Row, String> metric = new TableColumn<>("counter");
        metric.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().metric()));
        metric.setPrefWidth(190);
        TableColumn<CompareModel.Row, Number> a = number("A", CompareModel.Row::a, false);
        TableColumn<CompareModel.Row, Number> b = number("B", CompareModel.Row::b, false);
        TableColumn<CompareModel.Row, Number> diff = number("B \u2212 A", CompareModel.Row::difference, true);
        table.getColumns().addAll(List.of(metric, a, b, diff));
        table.setItems(rows);
        table.setPlaceholder(new Label("no counters yet"));
        onlyDifferences.setId("compareOnlyDifferences");
        onlyDifferences.setOnAction(e -> refreshTable());
        Label heading = new Label("Counters at the same simulated time");
        heading.getStyleClass().add("help-heading");
        heading.setStyle("-fx-font-size: 15px;");
        VBox box = new VBox(4, heading, onlyDifferences, table);
        box.setPadding(new Insets(6));
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setMinWidth(300);
        return box;
    }

    private static TableColumn<CompareModel.Row, Number> number(String title,
            java.util.function.ToLongFunction<CompareModel.Row> value, boolean signed) {
        TableColumn<CompareModel.Row, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyLongWrapper(value.applyAsLong(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("diff-up", "diff-down");
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                long v = item.longValue();
                if (signed) {
                    setText(v == 0 ? "" : String.format(Locale.ROOT, "%+,d", v));
                    getStyleClass().add(v > 0 ? "diff-up" : "diff-down");
                } else {
                    setText(String.format(Locale.ROOT, "%,d", v));
                }
            }
        });
        column.setStyle("-fx-alignment: center-right;");
        column.setPrefWidth(signed ? 90 : 100);
        return column;
    }

    // ---- behaviour --------------------------------------------------------------------------

    /** Fills the override controls from run A's repair settings, with anti-entropy switched the other way. */
    private void settingsFromA(ScenarioCatalog.Entry first) {
        try {
            Scenario.RepairSetup repair = first.load(loader).repair();
            readRepair.setValue(repair.readRepair());
            hints.setSelected(repair.hints().enabled());
            antiEntropy.setSelected(!repair.antiEntropy().enabled());
        } catch (ScenarioException | RuntimeException e) {
            error.setText("Could not read " + first.label() + ": " + e.getMessage());
        }
    }

    private void syncOverrideControls() {
        boolean override = pickB.getValue() == OVERRIDE;
        readRepair.setDisable(!override);
        hints.setDisable(!override);
        antiEntropy.setDisable(!override);
    }

    /** Loads run A and run B as chosen, both with A's seed, at time 0, paused. */
    public boolean load() {
        ScenarioCatalog.Entry first = pickA.getValue();
        ScenarioCatalog.Entry second = pickB.getValue();
        if (first == null || second == null) {
            return false;
        }
        try {
            Scenario a = first.load(loader);
            Scenario b;
            if (second == OVERRIDE) {
                Scenario.RepairSetup repair = CompareModel.override(a.repair(), readRepair.getValue(),
                        hints.isSelected(), antiEntropy.isSelected());
                b = CompareModel.withRepair(a, repair, "B: " + CompareModel.describe(repair));
            } else {
                b = second.load(loader);
            }
            model.load(a, b, a.seed());
            nameA.setText("A  " + first.label() + ": " + a.name() + "   (" + CompareModel.describe(a.repair()) + ")");
            nameB.setText("B  " + (second == OVERRIDE ? first.label() + " with B's settings" : second.label()) + ": "
                    + (second == OVERRIDE ? a.name() : b.name()) + "   (" + CompareModel.describe(b.repair()) + ")");
            nameA.setTooltip(new Tooltip(nameA.getText()));
            nameB.setTooltip(new Tooltip(nameB.getText()));
            error.setText("");
            if (stage != null) {
                stage.setTitle("RepairScope: side by side, seed " + a.seed());
            }
            lastRevision = -1;
            refresh();
            return true;
        } catch (ScenarioException e) {
            error.setText("Could not load: " + e.getMessage());
        } catch (RuntimeException e) {
            error.setText("Could not run: " + e.getMessage());
        }
        return false;
    }

    private void seekToSlider() {
        long target = Math.round(timeline.getValue() * 1e6);
        if (target != model.targetProperty().get()) {
            model.seek(target);
        }
    }

    /** One frame: drive both runs, then refresh the charts and the table now and then. */
    void frame(long now) {
        model.pulse(now);
        long revision = model.revisionProperty().get();
        boolean idle = !model.isPlaying() && !model.isBusy();
        if (revision != lastRevision && (idle || now - lastRefresh >= REFRESH_NANOS)) {
            lastRevision = revision;
            lastRefresh = now;
            refresh();
        }
    }

    /** Brings the time, the charts and the counters up to date with both runs. */
    public void refresh() {
        updating = true;
        timeline.setMax(Math.max(1e-6, model.endTimeProperty().get() / 1e6));
        if (!timeline.isValueChanging() && !timeline.isPressed()) {
            timeline.setValue(model.isBusy() ? model.targetProperty().get() / 1e6 : model.timeProperty().get() / 1e6);
        }
        updating = false;
        timeLabel.setText(String.format(Locale.ROOT, "%s / %s   A %s  B %s", Durations.format(model.timeProperty().get()),
                Durations.format(model.endTimeProperty().get()), Durations.format(model.a().now()),
                Durations.format(model.b().now())));
        charts.refresh();
        refreshTable();
    }

    private void refreshTable() {
        List<CompareModel.Row> now = model.rows().values().stream()
                .filter(r -> !onlyDifferences.isSelected() || r.a() != r.b()).toList();
        if (!now.equals(rows)) {
            rows.setAll(now);
        }
    }

    // ---- for tests and the application ------------------------------------------------------

    public Scene scene() {
        return scene;
    }

    public CompareModel model() {
        return model;
    }

    public OverlaidCharts charts() {
        return charts;
    }

    public Stage stage() {
        return stage;
    }

    /** The options {@code --compare=B.json} (or {@code true}) and {@code --compareAt=120s} of the application. */
    public static CompareWindow openFromOptions(Window owner, String source, Map<String, String> options) {
        String b = options.get("compare");
        if (b == null || b.isBlank() || "false".equalsIgnoreCase(b)) {
            return null;
        }
        List<ScenarioCatalog.Entry> entries = ScenarioCatalog.list(Path.of("").toAbsolutePath());
        ScenarioCatalog.Entry first = ScenarioCatalog.forSource(source, entries);
        CompareWindow window = open(owner, first, entries);
        if (!"true".equalsIgnoreCase(b)) {
            ScenarioCatalog.Entry second = b.endsWith(".json") && !b.contains("/") && !b.contains("\\")
                    ? ScenarioCatalog.forSource(b, entries) : ScenarioCatalog.forSource(Path.of(b).toAbsolutePath().toString(), entries);
            window.choose(first, second);
        }
        if (options.containsKey("compareAt")) {
            window.model.seek(Durations.parse(options.get("compareAt")));
        }
        if (Boolean.parseBoolean(options.getOrDefault("comparePlay", "false"))) {
            window.model.play();
        }
        return window;
    }
}
