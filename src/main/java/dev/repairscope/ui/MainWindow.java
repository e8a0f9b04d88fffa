package dev.repairscope.ui;

import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioException;
import dev.repairscope.scenario.ScenarioLoader;
import dev.repairscope.ui.model.RunCommands;
import dev.repairscope.ui.model.SimulationModel;
import dev.repairscope.ui.view.ChartsPane;
import dev.repairscope.ui.view.ClusterView;
import dev.repairscope.ui.view.ControlPanel;
import dev.repairscope.ui.view.CountersPane;
import dev.repairscope.ui.view.EventLogPane;
import dev.repairscope.ui.view.InspectorPane;
import dev.repairscope.ui.view.Palette;
import dev.repairscope.ui.view.TimelineBar;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The one window: toolbar (scenario picker, open, export, presentation mode, help) on top; the
 * cluster view centre stage with its legend and captions, the controls and inspectors beside it;
 * the timeline, charts, event log and counters below. A pulse drives the model and redraws.
 */
public final class MainWindow {
    /** How often the panels below (charts, log, counters, inspectors) refresh while playing. */
    private static final long PANEL_REFRESH_NANOS = 250_000_000L;
    /** ... and while a seek replays the run (the simulation gets the time instead). */
    private static final long BUSY_PANEL_REFRESH_NANOS = 1_000_000_000L;

    private final SimulationModel model;
    private final RunCommands commands;
    private final WindowState state;
    private final ScenarioLoader loader = new ScenarioLoader();
    private final StackPane root = new StackPane();
    private final BorderPane main = new BorderPane();
    private final ClusterView clusterView;
    private final ControlPanel controls;
    private final InspectorPane inspectors;
    private final TimelineBar timeline;
    private final ChartsPane charts;
    private final EventLogPane log;
    private final CountersPane counters;
    private final dev.repairscope.ui.lessons.LessonTools lessons; // compare, walkthrough, what a lesson teaches
    private final Label caption = new Label();
    private final Label banner = new Label();
    private final HBox bannerBox;
    private final Label description = new Label();
    private final ComboBox<ScenarioCatalog.Entry> picker = new ComboBox<>();
    private final ToggleButton presentation = new ToggleButton("Presentation mode");
    private final Node help;
    private final TabPane side;
    private final TabPane below;
    private final SplitPane vertical;
    private final Scene scene;
    private final AnimationTimer pulse;
    private long lastPanelRefresh;
    private long lastRevision = -1;
    private ScenarioCatalog.Entry current;

    public MainWindow(SimulationModel model, WindowState state) {
        this.model = model;
        this.state = state;
        this.commands = new RunCommands(model);
        this.controls = new ControlPanel(model, commands);
        this.clusterView = new ClusterView(model, commands, controls::blipDuration);
        this.inspectors = new InspectorPane(model, clusterView.selectedNodeProperty(), clusterView::staleness,
                controls::stepExchange);
        this.timeline = new TimelineBar(model);
        this.charts = new ChartsPane(model);
        this.log = new EventLogPane(model);
        this.counters = new CountersPane(model);
        this.lessons = new dev.repairscope.ui.lessons.LessonTools(this, model);
        this.help = helpOverlay();
        this.bannerBox = errorBanner();

        clusterView.selectedNodeProperty().addListener((obs, old, now) -> {
            if (now != null) {
                inspectors.getSelectionModel().select(0);
            }
        });

        side = new TabPane();
        side.setId("sideTabs");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab faultsTab = new Tab("Faults & client", controls.faultsView());
        faultsTab.setId("faultsTab");
        Tab repairTab = new Tab("Repair", controls.repairView());
        repairTab.setId("repairTab");
        Tab inspectTab = new Tab("Inspect", inspectors);
        inspectTab.setId("inspectTab");
        side.getTabs().addAll(faultsTab, repairTab, inspectTab);
        side.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> refreshPanels());
        side.setMinWidth(330);
        side.setPrefWidth(420);
        clusterView.selectedNodeProperty().addListener((obs, old, now) -> {
            if (now != null) {
                side.getSelectionModel().select(inspectTab);
                inspectors.refresh();
            }
        });

        caption.setId("captionLabel");
        caption.getStyleClass().add("caption");
        caption.setWrapText(true);
        caption.textProperty().bind(model.captionProperty());
        caption.visibleProperty().bind(model.captionProperty().isNotEmpty());
        caption.managedProperty().bind(caption.visibleProperty());
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.setMaxWidth(Double.MAX_VALUE);
        VBox.setMargin(caption, new Insets(4, 10, 2, 10));
        javafx.scene.layout.Pane legend = legend();
        StackPane.setAlignment(legend, Pos.BOTTOM_LEFT);
        StackPane.setMargin(legend, new Insets(0, 0, 8, 8));
        StackPane stage = new StackPane(clusterView, legend);
        // the legend steps aside when the stage is too short to show it below the clock
        legend.visibleProperty().bind(stage.heightProperty().greaterThan(legend.heightProperty().add(110)));
        stage.setMinSize(300, 220);
        VBox centre = new VBox(stage, caption);
        VBox.setVgrow(stage, Priority.ALWAYS);

        SplitPane upper = new SplitPane(centre, side);
        upper.setDividerPositions(0.66);
        SplitPane.setResizableWithParent(side, false);

        below = new TabPane();
        below.setId("bottomTabs");
        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab chartsTab = new Tab("Charts", charts);
        chartsTab.setId("chartsTab");
        Tab logTab = new Tab("Event log", log);
        logTab.setId("logTab");
        Tab countersTab = new Tab("Counters", counters);
        countersTab.setId("countersTab");
        below.getTabs().addAll(chartsTab, logTab, countersTab);
        below.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> refreshPanels());
        below.setMinHeight(140);

        vertical = new SplitPane(upper, below);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.7);

        VBox top = new VBox(toolbar(), bannerBox);
        main.setTop(top);
        main.setCenter(new VBox(timeline, vertical));
        VBox.setVgrow(vertical, Priority.ALWAYS);
        main.getStyleClass().add("main");

        root.getChildren().addAll(main, new dev.repairscope.ui.view.QuestionOverlay(model), lessons.overlay(), help);
        root.setId("root");
        root.getStyleClass().add("repairscope");
        scene = new Scene(root, state.width(), state.height());
        scene.getStylesheets().add(MainWindow.class.getResource("repairscope.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        keepTextWhole(main);
        presentation.selectedProperty().addListener((obs, old, on) -> setPresentation(on));

        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
        model.runProperty().addListener((obs, old, now) -> refreshPanels());
    }

    // ---- lifecycle ----------------------------------------------------------------------------

    public Scene scene() {
        return scene;
    }

    /** Starts the pulse that drives the run and redraws. */
    public void start() {
        pulse.start();
        clusterView.requestFocus();
    }

    public void stop() {
        pulse.stop();
    }

    /** One frame: run the simulation for a bounded slice, draw the cluster, refresh the panels now and then. */
    void frame(long now) {
        model.pulse(now);
        clusterView.render(now);
        long revision = model.revisionProperty().get();
        boolean idle = !model.isPlaying() && !model.isBusy();
        long every = model.isBusy() ? BUSY_PANEL_REFRESH_NANOS : PANEL_REFRESH_NANOS;
        if (revision != lastRevision && (idle || now - lastPanelRefresh >= every)) {
            lastRevision = revision;
            lastPanelRefresh = now;
            refreshPanels();
        }
    }

    /** Refreshes the panels in view; hidden ones catch up when they are shown. */
    private void refreshPanels() {
        if (side.getSelectionModel().getSelectedIndex() < 2) {
            controls.sync();
        } else {
            inspectors.refresh();
        }
        switch (below.getSelectionModel().getSelectedIndex()) {
            case 0 -> charts.refresh();
            case 1 -> log.refresh();
            default -> counters.refresh(); // the report's numbers: the costliest, only while shown
        }
    }

    // ---- scenarios ----------------------------------------------------------------------------

    /** Opens the scenario remembered from last time, else the bundled default, and plays it. */
    public void openInitial(String requested) {
        List<ScenarioCatalog.Entry> entries = ScenarioCatalog.list(Path.of("").toAbsolutePath());
        picker.getItems().setAll(entries);
        ScenarioCatalog.Entry first = requested != null ? ScenarioCatalog.fromToken(requested)
                : state.lastScenario() != null ? ScenarioCatalog.fromToken(state.lastScenario())
                : ScenarioCatalog.bundled(ScenarioLoader.DEFAULT_SCENARIO);
        if (!open(first) && !first.equals(ScenarioCatalog.bundled(ScenarioLoader.DEFAULT_SCENARIO))) {
            open(ScenarioCatalog.bundled(ScenarioLoader.DEFAULT_SCENARIO));
        }
        model.play();
    }

    /** Opens a scenario file from disk (the "Open file..." button). */
    public boolean openFile(Path file) {
        return open(new ScenarioCatalog.Entry(file.getFileName().toString(), null, file));
    }

    /**
     * Loads and shows a scenario. A file that cannot be used leaves the current run as it is and
     * shows every problem found, each with its file, line and column.
     */
    public boolean open(ScenarioCatalog.Entry entry) {
        Scenario scenario;
        try {
            scenario = entry.load(loader);
            model.load(scenario);
        } catch (ScenarioException e) {
            showError("Could not open " + entry.label() + "; the current scenario keeps running.\n" + e.getMessage());
            return false;
        } catch (RuntimeException e) {
            showError("Could not run " + entry.label() + "; the current scenario keeps running.\n" + e.getMessage());
            return false;
        }
        current = entry;
        hideError();
        if (!picker.getItems().contains(entry)) {
            picker.getItems().add(entry);
        }
        picker.setValue(entry);
        description.setText(scenario.name() + (scenario.description() == null || scenario.description().isBlank()
                ? "" : ": " + scenario.description()));
        description.setTooltip(new Tooltip(description.getText()));
        state.rememberScenario(entry.token());
        return true;
    }

    /** Applies the launch options (see {@link RepairScopeApp}); bad values are reported in the banner. */
    public void applyOptions(java.util.Map<String, String> options) {
        try {
            if (options.containsKey("speed")) {
                model.speedProperty().set(Double.parseDouble(options.get("speed")));
            }
            if (options.containsKey("at")) {
                model.pause();
                model.seek(dev.repairscope.sim.Durations.parse(options.get("at")));
                if (Boolean.parseBoolean(options.getOrDefault("play", "false"))) {
                    model.play(); // once the seek is done
                }
            }
            if (Boolean.parseBoolean(options.getOrDefault("presentation", "false"))) {
                presentation.setSelected(true);
            }
            if (options.containsKey("inspect")) {
                clusterView.selectedNodeProperty().set(options.get("inspect"));
            }
            String show = options.getOrDefault("show", "");
            switch (show) {
                case "charts" -> {
                    below.getSelectionModel().select(0);
                    vertical.setDividerPositions(0.5);
                }
                case "log" -> below.getSelectionModel().select(1);
                case "counters" -> below.getSelectionModel().select(2);
                case "faults" -> side.getSelectionModel().select(0);
                case "repair" -> side.getSelectionModel().select(1);
                case "hints" -> {
                    side.getSelectionModel().select(2);
                    inspectors.getSelectionModel().select(1);
                }
                case "merkle" -> {
                    side.getSelectionModel().select(2);
                    inspectors.showMerkle();
                }
                default -> { }
            }
        } catch (RuntimeException e) {
            showError("Bad option: " + e.getMessage());
        }
    }

    public void showError(String text) {
        banner.setText(text);
        bannerBox.setVisible(true);
        bannerBox.setManaged(true);
    }

    public void hideError() {
        bannerBox.setVisible(false);
        bannerBox.setManaged(false);
    }

    // ---- parts ----------------------------------------------------------------------------------

    private VBox toolbar() {
        Label title = new Label("RepairScope");
        title.getStyleClass().add("app-title");
        picker.setId("scenarioPicker");
        picker.setPrefWidth(230);
        picker.setOnAction(e -> {
            ScenarioCatalog.Entry chosen = picker.getValue();
            if (chosen != null && !chosen.equals(current)) {
                if (!open(chosen)) {
                    picker.setValue(current);
                }
            }
        });
        picker.setTooltip(new Tooltip("The lesson library: scenarios bundled with RepairScope and in ./scenarios"));
        Button openFile = new Button("Open file\u2026");
        openFile.setId("openFileButton");
        openFile.setTooltip(new Tooltip("Open a scenario file (JSON) from disk"));
        openFile.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a scenario");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (JSON)", "*.json"));
            File dir = Path.of("scenarios").toFile();
            if (dir.isDirectory()) {
                chooser.setInitialDirectory(dir.getAbsoluteFile());
            }
            File file = chooser.showOpenDialog(window());
            if (file != null) {
                openFile(file.toPath());
            }
        });
        description.setId("scenarioDescription");
        description.getStyleClass().add("scenario-description");
        description.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(description, Priority.ALWAYS);
        MenuButton export = new MenuButton("Export");
        export.setId("exportButton");
        export.setTooltip(new Tooltip("Save the cluster view as PNG, the counters and chart series as CSV,"
                + " or the journal as JSONL"));
        export.getItems().addAll(
                exportItem("Cluster view as PNG\u2026", "png", f -> Exports.png(clusterView, f)),
                exportItem("Whole window as PNG\u2026", "png", f -> Exports.png(root, f)),
                exportItem("Counters and chart series as CSV\u2026", "csv", f -> Exports.csv(model.run(), model.charts(), f)),
                exportItem("Journal as JSONL\u2026", "jsonl", f -> Exports.jsonl(model.run(), f)));
        presentation.setId("presentationToggle");
        presentation.setTooltip(new Tooltip("Large type, high contrast, colour-blind-safe colours, large captions (F5)"));
        Button helpButton = new Button("?");
        helpButton.setId("helpButton");
        helpButton.setTooltip(new Tooltip("Keyboard shortcuts and how to drive the window (H)"));
        helpButton.setOnAction(e -> toggleHelp());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button lab = new Button("Staleness lab\u2026"); // the PBS experiment in its own window
        lab.setId("stalenessLabButton");
        lab.setTooltip(new Tooltip("How eventual is eventual? P(consistent read) against time for several (R, W)"));
        lab.setOnAction(e -> dev.repairscope.ui.staleness.StalenessLab.showFor(window(), false));
        HBox bar = new HBox(8, title, picker, openFile, lessons.buttons(), spacer, lab, export, presentation, helpButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 2, 10));
        description.setWrapText(true);
        description.setMaxHeight(48);
        VBox box = new VBox(2, bar, description, lessons.panel());
        box.setId("toolbar");
        box.getStyleClass().add("toolbar");
        box.setPadding(new Insets(0, 0, 6, 0));
        return box;
    }

    private MenuItem exportItem(String text, String extension, IoAction action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(text.replace("\u2026", ""));
            chooser.setInitialFileName("repairscope." + extension);
            File file = chooser.showSaveDialog(window());
            if (file != null) {
                try {
                    action.write(file.toPath());
                } catch (IOException | RuntimeException ex) {
                    showError("Could not export " + file + ": " + ex.getMessage());
                }
            }
        });
        return item;
    }

    /** Writes a file. */
    @FunctionalInterface
    private interface IoAction {
        void write(Path file) throws IOException;
    }

    private HBox errorBanner() {
        banner.setId("errorBanner");
        banner.setWrapText(true);
        banner.getStyleClass().add("error-banner-text");
        Button close = new Button("Dismiss");
        close.setId("dismissError");
        close.setOnAction(e -> hideError());
        HBox box = new HBox(12, banner, close);
        HBox.setHgrow(banner, Priority.ALWAYS);
        banner.setMaxWidth(Double.MAX_VALUE);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("error-banner");
        box.setPadding(new Insets(8, 12, 8, 12));
        box.setVisible(false);
        box.setManaged(false);
        return box;
    }

    private VBox legend() {
        VBox legend = new VBox(2);
        legend.setId("legend");
        legend.getStyleClass().add("legend");
        legend.setPadding(new Insets(6, 10, 6, 10));
        legend.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        legend.setPickOnBounds(false);
        for (Palette.Family family : Palette.FAMILIES) {
            Circle dot = new Circle(family.label().equals("ack") ? 4.5 : 7, family.color());
            Label label = new Label(family.label(), dot);
            label.getStyleClass().add("legend-item");
            label.setTooltip(new Tooltip(family.explanation()));
            legend.getChildren().add(label);
        }
        Label falling = new Label("\u2715 falling: lost message");
        falling.getStyleClass().addAll("legend-item", "legend-cut");
        falling.setTooltip(new Tooltip("A dropped message falls away where it was lost"));
        Label cut = new Label("red dashes: cut link (arrow: blocked way)");
        cut.getStyleClass().addAll("legend-item", "legend-cut");
        Label stale = new Label("stale N (\u2260N): behind on N keys");
        stale.getStyleClass().addAll("legend-item", "legend-stale");
        Label hints = new Label("N hints (Nh): queued at that node");
        hints.getStyleClass().addAll("legend-item", "legend-hint");
        Label ring = new Label();
        ring.setId("ringLegend");
        ring.getStyleClass().addAll("legend-item", "dim");
        ring.setTooltip(new Tooltip("Each node owns the range of tokens ending at it; a key lives on its owner"
                + " and the next nodes clockwise (the preference list)"));
        model.runProperty().addListener((obs, old, run) -> {
            if (run != null) {
                int rf = run.cluster().ring().replicationFactor();
                int vnodes = run.cluster().config().vnodes();
                ring.setText("arcs: token range each node owns\nRF " + rf + " = owner + next " + (rf - 1)
                        + " clockwise" + (vnodes > 1 ? " (" + vnodes + " vnodes each)" : ""));
            }
        });
        legend.getChildren().addAll(falling, cut, stale, hints, ring);
        return legend;
    }

    private Node helpOverlay() {
        String[][] keys = {
                {"Space", "play / pause"},
                {"Right arrow", "step to the next journal event"},
                {"Shift + Right", "run to the next client operation"},
                {"Left arrow", "step back (an exact replay from the seed)"},
                {"+  /  -", "faster / slower (x2)"},
                {"Home", "back to time 0"},
                {"F5", "presentation mode (large type, high contrast)"},
                {"H  or  ?", "this help"},
                {"Esc", "close this help / the error banner"},
        };
        VBox card = new VBox(8);
        card.getStyleClass().add("help-card");
        Label heading = new Label("Driving RepairScope");
        heading.getStyleClass().add("help-heading");
        card.getChildren().add(heading);
        for (String[] k : keys) {
            Label key = new Label(k[0]);
            key.getStyleClass().add("help-key");
            key.setMinWidth(170);
            card.getChildren().add(new HBox(12, key, new Label(k[1])));
        }
        Label mouse = new Label("Click a node: crash / recover it, inspect it, cut or blip its links.\n"
                + "Drag from one node to another: that link's menu (cut both ways, one way, blip, heal).\n"
                + "Click an event in the log to go to that moment. Drag the timeline to seek, backwards too.");
        mouse.setWrapText(true);
        card.getChildren().add(mouse);
        card.setMaxSize(640, Region.USE_PREF_SIZE);
        StackPane overlay = new StackPane(card);
        overlay.setId("helpOverlay");
        overlay.getStyleClass().add("help-overlay");
        overlay.setVisible(false);
        overlay.setOnMouseClicked(e -> overlay.setVisible(false));
        return overlay;
    }

    // ---- keyboard and modes ---------------------------------------------------------------------

    private void key(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            help.setVisible(false);
            hideError();
            return;
        }
        if (scene.getFocusOwner() instanceof TextInputControl) {
            return;
        }
        boolean handled = true;
        switch (e.getCode()) {
            case SPACE -> model.togglePlay();
            case RIGHT -> {
                if (e.isShiftDown()) {
                    model.stepToNextOperation();
                } else {
                    model.stepEvent();
                }
            }
            case LEFT -> model.stepBack();
            case PLUS, ADD, EQUALS -> model.speedProperty().set(model.speedProperty().get() * 2);
            case MINUS, SUBTRACT -> model.speedProperty().set(model.speedProperty().get() / 2);
            case HOME -> model.seek(0);
            case F5 -> presentation.setSelected(!presentation.isSelected());
            case H, F1, SLASH -> toggleHelp();
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    private void toggleHelp() {
        help.setVisible(!help.isVisible());
    }

    private void setPresentation(boolean on) {
        clusterView.paletteProperty().set(on ? Palette.PRESENTATION : Palette.DARK);
        vertical.setDividerPositions(on ? 0.8 : 0.7);
        if (on) {
            root.getStyleClass().add("presentation");
        } else {
            root.getStyleClass().remove("presentation");
        }
    }

    /**
     * Buttons, check boxes and one-line labels keep their full text when space is short (larger
     * type in presentation mode): sliders and text fields give way instead.
     */
    private static void keepTextWhole(Node node) {
        if (node instanceof javafx.scene.control.Labeled labeled && !labeled.isWrapText()
                && !(node instanceof javafx.scene.control.TitledPane) && !(node instanceof javafx.scene.control.Cell)) {
            labeled.setMinWidth(Region.USE_PREF_SIZE);
        }
        if (node instanceof javafx.scene.control.ScrollPane sp) {
            if (sp.getContent() != null) {
                keepTextWhole(sp.getContent());
            }
        } else if (node instanceof javafx.scene.control.TitledPane tp) {
            if (tp.getContent() != null) {
                keepTextWhole(tp.getContent());
            }
        } else if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                if (tab.getContent() != null) {
                    keepTextWhole(tab.getContent());
                }
            }
        } else if (node instanceof SplitPane split) {
            split.getItems().forEach(MainWindow::keepTextWhole);
        } else if (node instanceof javafx.scene.Parent parent && !(node instanceof javafx.scene.control.Control)) {
            parent.getChildrenUnmodifiable().forEach(MainWindow::keepTextWhole);
        }
    }

    private Window window() {
        return scene.getWindow();
    }

    // ---- for tests and the application ---------------------------------------------------------

    public SimulationModel model() {
        return model;
    }

    public RunCommands commands() {
        return commands;
    }

    public ClusterView clusterView() {
        return clusterView;
    }

    public InspectorPane inspectors() {
        return inspectors;
    }

    public EventLogPane eventLog() {
        return log;
    }

    public dev.repairscope.ui.lessons.LessonTools lessons() {
        return lessons;
    }

    public ChartsPane charts() {
        return charts;
    }

    public Node helpNode() {
        return help;
    }

    public boolean errorShown() {
        return bannerBox.isVisible();
    }

    public String errorText() {
        return banner.getText();
    }
}
