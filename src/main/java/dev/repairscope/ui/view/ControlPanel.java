package dev.repairscope.ui.view;

import static dev.repairscope.ui.view.TimelineBar.tip;

import dev.repairscope.repair.antientropy.AntiEntropySettings;
import dev.repairscope.repair.antientropy.TreeMaintenance;
import dev.repairscope.repair.hints.HandoffStyle;
import dev.repairscope.repair.hints.HintSettings;
import dev.repairscope.repair.readrepair.ReadRepairMode;
import dev.repairscope.scenario.ScenarioRun;
import dev.repairscope.sim.Durations;
import dev.repairscope.ui.model.RunCommands;
import dev.repairscope.ui.model.SimulationModel;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The controls that change the running cluster: faults (crash, recover, cut, blip, heal, loss),
 * client requests, and the three repair mechanisms with their variants. Every change goes
 * through {@link RunCommands}, so it is journaled and replayed when seeking. The controls follow
 * the run's live settings (a scenario's "configure" steps move them too).
 */
public final class ControlPanel {
    private final SimulationModel model;
    private final RunCommands commands;
    private final Label status = new Label();
    private final ScrollPane faultsView;
    private final ScrollPane repairView;
    private boolean syncing;

    // faults
    private final ChoiceBox<String> node = new ChoiceBox<>();
    private final Button crash = new Button("Crash");
    private final ChoiceBox<String> linkFrom = new ChoiceBox<>();
    private final ChoiceBox<String> linkTo = new ChoiceBox<>();
    private final CheckBox oneWay = new CheckBox("one way only");
    private final TextField blipFor = new TextField("2s");
    private final Slider loss = new Slider(0, 0.5, 0);
    private final Label lossLabel = new Label("0%");
    // client
    private final ChoiceBox<String> coordinator = new ChoiceBox<>();
    private final TextField key = new TextField("user:42");
    private final TextField value = new TextField("v1");
    private final ChoiceBox<String> consistency = new ChoiceBox<>(FXCollections.observableArrayList(
            "ONE", "TWO", "THREE", "QUORUM", "ALL", "ANY"));
    // hints
    private final CheckBox hintsOn = new CheckBox("hinted handoff on");
    private final ChoiceBox<HandoffStyle> hintStyle = new ChoiceBox<>(FXCollections.observableArrayList(HandoffStyle.values()));
    private final ComboBox<String> hintWindow = new ComboBox<>(FXCollections.observableArrayList(
            "10s", "30s", "1m", "10m", "1h", "3h"));
    private final Label hintExplanation = wrapping();
    // read repair
    private final ChoiceBox<ReadRepairMode> readRepair = new ChoiceBox<>(FXCollections.observableArrayList(ReadRepairMode.values()));
    private final Slider chance = new Slider(0, 1, 0.1);
    private final Label chanceLabel = new Label();
    private final Label readRepairExplanation = wrapping();
    // anti-entropy
    private final CheckBox aeOn = new CheckBox("scheduled sweeps on");
    private final ComboBox<String> aeInterval = new ComboBox<>(FXCollections.observableArrayList(
            "5s", "10s", "30s", "1m", "10m", "1h"));
    private final Spinner<Integer> aeDepth = new Spinner<>(0, 20, 10);
    private final ChoiceBox<TreeMaintenance> aeMaintenance = new ChoiceBox<>(FXCollections.observableArrayList(TreeMaintenance.values()));
    private final Label aeState = wrapping();
    private final ChoiceBox<String> aeA = new ChoiceBox<>();
    private final ChoiceBox<String> aeB = new ChoiceBox<>();

    public ControlPanel(SimulationModel model, RunCommands commands) {
        this.model = model;
        this.commands = commands;
        status.setId("controlStatus");
        status.getStyleClass().add("control-status");
        status.setWrapText(true);
        Label repairStatus = new Label();
        repairStatus.getStyleClass().add("control-status");
        repairStatus.setWrapText(true);
        repairStatus.textProperty().bind(status.textProperty());
        VBox faultsBox = new VBox(8, faults(), client(), status);
        faultsBox.setPadding(new Insets(8));
        VBox repairBox = new VBox(8, hints(), readRepair(), antiEntropy(), repairStatus);
        repairBox.setPadding(new Insets(8));
        faultsView = scrolling(faultsBox, "faultsView");
        repairView = scrolling(repairBox, "repairView");
        model.runProperty().addListener((obs, old, run) -> nodesChanged(run));
        model.busyProperty().addListener((obs, old, busy) -> {
            faultsBox.setDisable(busy);
            repairBox.setDisable(busy);
        });
        if (model.run() != null) {
            nodesChanged(model.run());
        }
    }

    /** Faults and client requests. */
    public ScrollPane faultsView() {
        return faultsView;
    }

    /** The three repair mechanisms. */
    public ScrollPane repairView() {
        return repairView;
    }

    private static ScrollPane scrolling(VBox content, String id) {
        ScrollPane pane = new ScrollPane(content);
        pane.setId(id);
        pane.getStyleClass().add("control-panel");
        pane.setFitToWidth(true);
        pane.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        return pane;
    }

    /** The duration typed for blips (the cluster view's menus use it too). */
    public String blipDuration() {
        String text = blipFor.getText().trim();
        try {
            Durations.parse(text);
            return text;
        } catch (IllegalArgumentException e) {
            return "2s";
        }
    }

    // ---- sections -----------------------------------------------------------------------------

    private TitledPane faults() {
        node.setId("faultNode");
        crash.setId("crashButton");
        crash.setOnAction(e -> act(() -> commands.toggle(node.getValue()), node.getValue() == null));
        tip(node, "The node to crash or recover (or click it in the cluster view)");
        tip(crash, "Crash the node (it answers nothing and keeps its disk), or recover it if it is down");
        linkFrom.setId("linkFrom");
        linkTo.setId("linkTo");
        tip(linkFrom, "One end of the link (messages from here)");
        tip(linkTo, "The other end of the link (messages to here)");
        tip(oneWay, "Cut only the direction from -> to: the other direction keeps working (an asymmetric partition)");
        Button cut = new Button("Cut");
        cut.setId("cutButton");
        cut.setOnAction(e -> withLink((a, b) -> commands.cut(a, b, oneWay.isSelected())));
        tip(cut, "Cut the link: messages on it are lost until it is healed");
        Button blip = new Button("Blip");
        blip.setId("blipButton");
        blip.setOnAction(e -> withLink((a, b) -> commands.blip(a, b, oneWay.isSelected(), blipDuration())));
        tip(blip, "Cut the link for the given time, then heal it: a blip shorter than the failure detector's delay "
                + "gives timeouts, not hints");
        blipFor.setPrefColumnCount(4);
        blipFor.setId("blipDuration");
        tip(blipFor, "How long a blip lasts, e.g. 500ms, 2s, 1m");
        Button heal = new Button("Heal");
        heal.setId("healButton");
        heal.setOnAction(e -> withLink(commands::heal));
        tip(heal, "Heal the link both ways");
        Button healAll = new Button("Heal all");
        healAll.setOnAction(e -> act(commands::healAll, false));
        tip(healAll, "Heal every cut link");
        loss.setId("lossSlider");
        loss.setShowTickMarks(true);
        loss.setMajorTickUnit(0.1);
        tip(loss, "Random message loss on every link, 0 to 50% (applied when you let go)");
        loss.valueProperty().addListener((obs, old, now) -> lossLabel.setText(percent(now.doubleValue())));
        loss.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                applyLoss();
            }
        });
        loss.setOnMouseReleased(e -> applyLoss());
        GridPane grid = grid();
        grid.addRow(0, new Label("node"), node, crash);
        grid.addRow(1, new Label("link"), new HBox(6, linkFrom, new Label("\u2192"), linkTo), oneWay);
        grid.addRow(2, new Label(""), new HBox(6, cut, heal, healAll), new HBox(6, blip, new Label("for"), blipFor));
        grid.addRow(3, new Label("loss"), loss, lossLabel);
        return section("Faults", grid, "faultsPane");
    }

    private TitledPane client() {
        coordinator.setId("clientCoordinator");
        tip(coordinator, "The node the client asks: it coordinates the request");
        key.setId("clientKey");
        key.setPrefColumnCount(8);
        tip(key, "The key to read or write");
        value.setId("clientValue");
        value.setPrefColumnCount(5);
        tip(value, "The value to write");
        consistency.setValue("QUORUM");
        consistency.setId("clientConsistency");
        tip(consistency, "Consistency level: how many replicas must answer (ANY: a stored hint counts)");
        Button write = new Button("Write");
        write.setId("writeButton");
        write.setOnAction(e -> act(() -> commands.write(coordinator.getValue(), key.getText().trim(), value.getText().trim(),
                consistency.getValue()), coordinator.getValue() == null || key.getText().isBlank()));
        tip(write, "Send a client write of key=value to the coordinator now");
        Button read = new Button("Read");
        read.setId("readButton");
        read.setOnAction(e -> act(() -> commands.read(coordinator.getValue(), key.getText().trim(), consistency.getValue()),
                coordinator.getValue() == null || key.getText().isBlank()));
        tip(read, "Send a client read of the key to the coordinator now (read repair acts on what it finds)");
        GridPane grid = grid();
        grid.addRow(0, new Label("via"), coordinator, new Label("at"), consistency);
        grid.addRow(1, new Label("key"), key, new Label("value"), value);
        grid.add(new HBox(6, write, read), 1, 2, 3, 1);
        return section("Client request", grid, "clientPane");
    }

    private TitledPane hints() {
        hintsOn.setId("hintsEnabled");
        tip(hintsOn, "Hinted handoff: a replica that missed a write gets it replayed when it is back."
                + " Switching off stops new hints; stored ones are still delivered");
        hintStyle.setId("hintStyle");
        tip(hintStyle, "coordinator: Cassandra (the coordinator keeps the hint; it does not count toward the"
                + " consistency level except ANY). sloppy: Dynamo/Riak (a fallback node takes the write and counts)");
        hintWindow.setEditable(true);
        hintWindow.setId("hintWindow");
        hintWindow.setPrefWidth(90);
        tip(hintWindow, "max_hint_window: no new hints for a node that has been down longer than this");
        hintsOn.selectedProperty().addListener((obs, old, now) -> applyHints());
        hintStyle.valueProperty().addListener((obs, old, now) -> applyHints());
        hintWindow.valueProperty().addListener((obs, old, now) -> applyHints());
        GridPane grid = grid();
        grid.addRow(0, hintsOn, hintStyle);
        grid.addRow(1, new Label("window"), hintWindow);
        VBox box = new VBox(6, grid, hintExplanation);
        return section("Hinted handoff", box, "hintsPane");
    }

    private TitledPane readRepair() {
        readRepair.setId("readRepairMode");
        tip(readRepair, "What a read does when replicas disagree: none, foreground (repair before answering), "
                + "background (answer, then repair), probabilistic (legacy read_repair_chance)");
        chance.setId("readRepairChance");
        tip(chance, "read_repair_chance: the share of reads that also check every replica (probabilistic only)");
        chance.valueProperty().addListener((obs, old, now) -> chanceLabel.setText(percent(now.doubleValue())));
        chance.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                applyReadRepair();
            }
        });
        chance.setOnMouseReleased(e -> applyReadRepair());
        readRepair.valueProperty().addListener((obs, old, now) -> applyReadRepair());
        GridPane grid = grid();
        grid.addRow(0, new Label("mode"), readRepair);
        grid.addRow(1, new Label("chance"), chance, chanceLabel);
        return section("Read repair", new VBox(6, grid, readRepairExplanation), "readRepairPane");
    }

    private TitledPane antiEntropy() {
        aeOn.setId("aeEnabled");
        tip(aeOn, "Scheduled anti-entropy sweeps (manual sweeps and steps work either way, like nodetool repair)");
        aeInterval.setEditable(true);
        aeInterval.setPrefWidth(90);
        aeInterval.setId("aeInterval");
        tip(aeInterval, "Time between scheduled sweeps");
        aeDepth.setId("aeDepth");
        aeDepth.setPrefWidth(80);
        tip(aeDepth, "Merkle tree depth: 2^depth leaves per token range. Deeper trees stream less (less"
                + " overstreaming) but exchange more hashes");
        aeMaintenance.setId("aeMaintenance");
        tip(aeMaintenance, "build-on-repair: Cassandra scans every row to build trees at repair time;"
                + " incremental: Riak keeps trees up to date on every write");
        aeOn.selectedProperty().addListener((obs, old, now) -> applyAntiEntropy());
        aeInterval.valueProperty().addListener((obs, old, now) -> applyAntiEntropy());
        aeDepth.valueProperty().addListener((obs, old, now) -> applyAntiEntropy());
        aeMaintenance.valueProperty().addListener((obs, old, now) -> applyAntiEntropy());
        Button sweep = new Button("Sweep now");
        sweep.setId("sweepButton");
        sweep.setOnAction(e -> act(commands::sweepNow, false));
        tip(sweep, "Start an anti-entropy sweep over every replica pair now");
        Button step = new Button("Step exchange");
        step.setId("stepExchangeButton");
        step.setOnAction(e -> stepExchange());
        tip(step, "Advance the current Merkle exchange by one level and run until the answer is in; with no exchange"
                + " running, start a manual one between the two nodes chosen under Faults > link."
                + " Watch it in Inspect > Merkle");
        Button pair = new Button("Repair pair");
        pair.setId("repairPairButton");
        pair.setOnAction(e -> withPair(commands::repairPair));
        tip(pair, "Run a whole anti-entropy exchange between the two nodes chosen above, on its own");
        aeA.setId("aeNodeA");
        aeB.setId("aeNodeB");
        tip(aeA, "The replica that starts the exchange");
        tip(aeB, "The replica it compares its trees with");
        GridPane grid = grid();
        grid.addRow(0, aeOn);
        grid.addRow(1, new Label("interval"), aeInterval);
        grid.addRow(2, new Label("depth"), aeDepth);
        grid.addRow(3, new Label("trees"), aeMaintenance);
        grid.addRow(4, new Label("pair"), new HBox(6, aeA, new Label("\u2194"), aeB));
        FlowPane buttons = new FlowPane(6, 6, sweep, step, pair);
        return section("Anti-entropy (Merkle trees)", new VBox(6, grid, buttons, aeState), "antiEntropyPane");
    }

    // ---- applying -----------------------------------------------------------------------------

    private void applyLoss() {
        if (syncing || model.run() == null) {
            return;
        }
        double p = Math.round(loss.getValue() * 100) / 100.0;
        if (p != model.run().cluster().network().loss()) {
            act(() -> commands.loss(p), false);
        }
    }

    private void applyHints() {
        if (syncing || model.run() == null || hintStyle.getValue() == null) {
            return;
        }
        HintSettings now = model.run().hints().settings();
        long window;
        try {
            window = Durations.parse(hintWindow.getValue());
        } catch (IllegalArgumentException e) {
            status.setText("hint window: " + e.getMessage());
            return;
        }
        HintSettings next = now.withEnabled(hintsOn.isSelected()).withStyle(hintStyle.getValue()).withWindow(window);
        act(() -> commands.setHints(next), false);
    }

    private void applyReadRepair() {
        if (syncing || model.run() == null || readRepair.getValue() == null) {
            return;
        }
        double c = Math.round(chance.getValue() * 100) / 100.0;
        act(() -> commands.setReadRepair(readRepair.getValue(), c), false);
    }

    private void applyAntiEntropy() {
        if (syncing || model.run() == null || aeMaintenance.getValue() == null) {
            return;
        }
        long interval;
        try {
            interval = Durations.parse(aeInterval.getValue());
        } catch (IllegalArgumentException e) {
            status.setText("anti-entropy interval: " + e.getMessage());
            return;
        }
        AntiEntropySettings next = new AntiEntropySettings(aeOn.isSelected(), interval, aeDepth.getValue(),
                aeMaintenance.getValue());
        act(() -> commands.setAntiEntropy(next), false);
    }

    /** One click of "Step exchange" (the Merkle inspector has the same button). */
    public void stepExchange() {
        withPair(commands::stepExchange);
    }

    private void withPair(java.util.function.BiPredicate<String, String> action) {
        String a = aeA.getValue();
        String b = aeB.getValue();
        if (a == null || b == null || a.equals(b)) {
            status.setText("Choose two different replicas for the exchange.");
            return;
        }
        act(() -> action.test(a, b), false);
    }

    private void withLink(java.util.function.BiPredicate<String, String> action) {
        String a = linkFrom.getValue();
        String b = linkTo.getValue();
        if (a == null || b == null || a.equals(b)) {
            status.setText("Choose two different nodes for the link.");
            return;
        }
        act(() -> action.test(a, b), false);
    }

    private void act(java.util.function.BooleanSupplier action, boolean missing) {
        if (missing) {
            status.setText("Choose a node first.");
            return;
        }
        try {
            boolean done = action.getAsBoolean();
            status.setText(done ? "" : model.isBusy() ? "Still replaying: try again in a moment." : "");
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
        }
        sync();
    }

    // ---- following the run --------------------------------------------------------------------

    private void nodesChanged(ScenarioRun run) {
        if (run == null) {
            return;
        }
        List<String> nodes = run.cluster().nodes();
        for (ChoiceBox<String> box : List.of(node, linkFrom, linkTo, coordinator, aeA, aeB)) {
            String keep = box.getValue();
            if (!box.getItems().equals(nodes)) {
                box.setItems(FXCollections.observableArrayList(nodes));
            }
            box.setValue(keep != null && nodes.contains(keep) ? keep : nodes.get(0));
        }
        if (nodes.size() > 1 && linkTo.getValue().equals(linkFrom.getValue())) {
            linkTo.setValue(nodes.get(1));
        }
        if (nodes.size() > 1 && aeB.getValue().equals(aeA.getValue())) {
            aeB.setValue(nodes.get(1));
        }
        sync();
    }

    /** Shows the run's live settings (without triggering changes); the window calls it with the other panels. */
    public void sync() {
        ScenarioRun run = model.run();
        if (run == null) {
            return;
        }
        syncing = true;
        try {
            boolean up = node.getValue() == null || run.cluster().network().isUp(node.getValue());
            crash.setText(up ? "Crash" : "Recover");
            if (!loss.isValueChanging()) {
                loss.setValue(run.cluster().network().loss());
                lossLabel.setText(percent(run.cluster().network().loss()));
            }
            HintSettings h = run.hints().settings();
            hintsOn.setSelected(h.enabled());
            hintStyle.setValue(h.style());
            setIfDifferent(hintWindow, h.window());
            hintWindow.setDisable(h.style() == HandoffStyle.SLOPPY);
            hintExplanation.setText(h.style().explanation());
            readRepair.setValue(run.readRepair().mode());
            if (!chance.isValueChanging()) {
                chance.setValue(run.readRepair().chance());
            }
            chanceLabel.setText(percent(run.readRepair().chance()));
            chance.setDisable(run.readRepair().mode() != ReadRepairMode.PROBABILISTIC);
            readRepairExplanation.setText(run.readRepair().mode().explanation());
            AntiEntropySettings ae = run.antiEntropy().settings();
            aeOn.setSelected(ae.enabled());
            setIfDifferent(aeInterval, ae.interval());
            if (aeDepth.getValue() != ae.depth()) {
                aeDepth.getValueFactory().setValue(ae.depth());
            }
            aeMaintenance.setValue(ae.maintenance());
            aeState.setText(ae.maintenance().explanation() + exchangeLine(run));
        } finally {
            syncing = false;
        }
    }

    private static String exchangeLine(ScenarioRun run) {
        return run.antiEntropy().currentExchange()
                .map(x -> "\nExchange " + x.nodeA() + " \u2194 " + x.nodeB() + ": " + x.phase().name().toLowerCase(Locale.ROOT)
                        + ", level " + x.level() + " of " + x.depth() + (x.waitingForStep() ? " (waiting for a step)" : ""))
                .orElse("");
    }

    private static void setIfDifferent(ComboBox<String> box, long micros) {
        String current = box.getValue();
        try {
            if (current != null && Durations.parse(current) == micros) {
                return;
            }
        } catch (IllegalArgumentException ignored) {
            // not a duration: replace it
        }
        box.setValue(Durations.format(micros));
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static TitledPane section(String title, Node content, String id) {
        TitledPane pane = new TitledPane(title, content);
        pane.setId(id);
        pane.setCollapsible(true);
        return pane;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setAlignment(Pos.CENTER_LEFT);
        return grid;
    }

    private static Label wrapping() {
        Label label = new Label();
        label.setWrapText(true);
        label.getStyleClass().add("explanation");
        return label;
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.0f%%", p * 100);
    }
}
