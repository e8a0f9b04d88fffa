package dev.repairscope.ui.view;

import static dev.repairscope.ui.view.TimelineBar.tip;

import dev.repairscope.cluster.Cell;
import dev.repairscope.cluster.Cluster;
import dev.repairscope.cluster.Storage;
import dev.repairscope.repair.antientropy.ExchangeView;
import dev.repairscope.repair.hints.HintView;
import dev.repairscope.scenario.ScenarioRun;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import dev.repairscope.ui.model.SimulationModel;
import dev.repairscope.ui.model.Staleness;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Inspectors beside the cluster: a node's data with stale versions marked, a node's hints with
 * their window countdown, the Merkle trees of the exchange in progress, and one key across its
 * replicas (now, and every version each replica stored over time).
 */
public final class InspectorPane extends TabPane {

    /** One row of a node's data. */
    public record DataRow(String key, String versions, String status) {
    }

    /** One replica's view of a key. */
    public record ReplicaRow(String node, String role, String versions, String status) {
    }

    /** One version a replica stored, from the journal. */
    public record HistoryRow(long at, String node, String version, String via) {
    }

    private final SimulationModel model;
    private final Runnable stepExchange;
    private final ObjectProperty<String> selected;
    private final Supplier<Staleness> staleness;
    private final Label nodeTitle = title();
    private final TableView<DataRow> data = new TableView<>();
    private final Label hintTitle = title();
    private final TableView<HintView> hints = new TableView<>();
    private final TextField keyField = new TextField();
    private final Label keyTitle = title();
    private final TableView<ReplicaRow> replicas = new TableView<>();
    private final TableView<HistoryRow> history = new TableView<>();
    private final Label merkleTitle = title();
    private final ChoiceBox<Integer> merkleRange = new ChoiceBox<>();
    private final MerkleView merkle = new MerkleView();
    private final TableView<ExchangeView.RowView> streamRows = new TableView<>();
    private final Tab nodeTab;
    private final Tab hintsTab;
    private final Tab keyTab;
    private final Tab merkleTab;

    public InspectorPane(SimulationModel model, ObjectProperty<String> selected, Supplier<Staleness> staleness,
                         Runnable stepExchange) {
        this.model = model;
        this.stepExchange = stepExchange;
        this.selected = selected;
        this.staleness = staleness;
        setId("inspectors");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        nodeTab = new Tab("Node data", nodeData());
        nodeTab.setId("nodeTab");
        hintsTab = new Tab("Hints", hintQueue());
        hintsTab.setId("hintsTab");
        keyTab = new Tab("Key", keyView());
        keyTab.setId("keyTab");
        merkleTab = new Tab("Merkle", merkleView());
        merkleTab.setId("merkleTab");
        getTabs().addAll(nodeTab, hintsTab, keyTab, merkleTab);
        selected.addListener((obs, old, now) -> refresh());
        getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> refresh());
    }

    /** Shows one key across its replicas (the node-data table's rows link here). */
    public void showKey(String key) {
        keyField.setText(key);
        getSelectionModel().select(keyTab);
        refresh();
    }

    public void showMerkle() {
        getSelectionModel().select(merkleTab);
    }

    public TableView<DataRow> dataTable() {
        return data;
    }

    public TableView<HintView> hintTable() {
        return hints;
    }

    public TableView<ReplicaRow> replicaTable() {
        return replicas;
    }

    // ---- node data ----------------------------------------------------------------------------

    private VBox nodeData() {
        data.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        data.setId("nodeDataTable");
        data.getColumns().add(column("key", DataRow::key, 110));
        data.getColumns().add(column("versions", DataRow::versions, 170));
        TableColumn<DataRow, String> status = column("status", DataRow::status, 150);
        status.setCellFactory(c -> new StatusCell<>());
        data.getColumns().add(status);
        data.setPlaceholder(new Label("Click a node in the cluster view to see its data."));
        data.setRowFactory(t -> {
            javafx.scene.control.TableRow<DataRow> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    showKey(row.getItem().key());
                }
            });
            return row;
        });
        tip(data, "Every key this node stores with its versions; stale ones are behind what the other replicas"
                + " hold together. Double-click a key to follow it across its replicas.");
        VBox.setVgrow(data, Priority.ALWAYS);
        return padded(nodeTitle, data);
    }

    private void refreshNodeData(ScenarioRun run) {
        String node = selected.get();
        if (node == null) {
            nodeTitle.setText("No node selected");
            data.getItems().clear();
            return;
        }
        Cluster cluster = run.cluster();
        Storage storage = cluster.storage(node);
        Staleness stale = staleness.get();
        Set<String> staleKeys = stale == null ? Set.of() : new HashSet<>(stale.staleKeysByNode().getOrDefault(node, List.of()));
        List<DataRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<Cell>> row : storage.rows().entrySet()) {
            String key = row.getKey();
            boolean replica = cluster.ring().replicasFor(key).contains(node);
            String status = !replica ? "not a replica" : staleKeys.contains(key)
                    ? "STALE: newest is " + labels(Staleness.reconciled(cluster, cluster.config().versioning(),
                    cluster.ring().replicasFor(key), key)) : "up to date";
            rows.add(new DataRow(key, labels(row.getValue()), status));
        }
        nodeTitle.setText(node + (cluster.network().isUp(node) ? "" : " (down)") + ": " + storage.size() + " key(s), "
                + staleKeys.size() + " stale");
        data.getItems().setAll(rows);
    }

    // ---- hints --------------------------------------------------------------------------------

    private VBox hintQueue() {
        hints.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        hints.setId("hintTable");
        hints.getColumns().add(column("for", HintView::target, 50));
        hints.getColumns().add(column("key", HintView::key, 90));
        hints.getColumns().add(column("version", HintView::version, 120));
        hints.getColumns().add(column("age", h -> Texts.duration(h.age()), 70));
        hints.getColumns().add(column("window left", h -> h.windowLeft() < 0 ? "none (sloppy)"
                : h.windowLeft() == 0 ? "over" : Texts.duration(h.windowLeft()), 100));
        hints.getColumns().add(column("kind", h -> h.fallbackData() ? "fallback data" : "hint", 80));
        hints.setPlaceholder(new Label("This node holds no hints."));
        tip(hints, "The hints this node keeps for replicas that missed writes: they are replayed when the target is"
                + " seen up again; no new hints once the target has been down longer than the window");
        VBox.setVgrow(hints, Priority.ALWAYS);
        return padded(hintTitle, hints);
    }

    private void refreshHints(ScenarioRun run) {
        String node = selected.get();
        if (node == null) {
            hintTitle.setText("No node selected");
            hints.getItems().clear();
            return;
        }
        List<HintView> queue = run.hints().hints(node);
        hintTitle.setText(node + " holds " + queue.size() + " hint(s)  ·  hinted handoff: " + run.hints().settings().describe());
        hints.getItems().setAll(queue);
    }

    // ---- one key ------------------------------------------------------------------------------

    private VBox keyView() {
        keyField.setId("inspectKey");
        keyField.setPromptText("key, e.g. user:42");
        keyField.setOnAction(e -> refresh());
        tip(keyField, "A key to follow across its replicas");
        Button show = new Button("Show");
        show.setOnAction(e -> refresh());
        replicas.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        replicas.setId("keyReplicaTable");
        replicas.getColumns().add(column("replica", ReplicaRow::node, 60));
        replicas.getColumns().add(column("role", ReplicaRow::role, 70));
        replicas.getColumns().add(column("versions", ReplicaRow::versions, 150));
        TableColumn<ReplicaRow, String> status = column("status", ReplicaRow::status, 120);
        status.setCellFactory(c -> new StatusCell<>());
        replicas.getColumns().add(status);
        replicas.setPrefHeight(150);
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        history.setId("keyHistoryTable");
        history.getColumns().add(column("time", h -> Durations.format(h.at()), 80));
        history.getColumns().add(column("replica", HistoryRow::node, 60));
        history.getColumns().add(column("stored", HistoryRow::version, 150));
        history.getColumns().add(column("via", HistoryRow::via, 110));
        history.setPlaceholder(new Label("No replica has stored this key yet."));
        tip(history, "Every version a replica stored for this key, from the journal (writes, read repair, hints, streaming)");
        VBox.setVgrow(history, Priority.ALWAYS);
        HBox row = new HBox(6, keyField, show);
        row.setAlignment(Pos.CENTER_LEFT);
        return padded(row, keyTitle, replicas, new Label("versions stored over time"), history);
    }

    private void refreshKey(ScenarioRun run) {
        String key = keyField.getText() == null ? "" : keyField.getText().trim();
        if (key.isEmpty()) {
            keyTitle.setText("Type a key, or double-click one in Node data.");
            replicas.getItems().clear();
            history.getItems().clear();
            return;
        }
        Cluster cluster = run.cluster();
        List<String> owners = cluster.ring().replicasFor(key);
        List<Cell> newest = Staleness.reconciled(cluster, cluster.config().versioning(), owners, key);
        long newestDigest = Storage.digest(newest);
        List<ReplicaRow> rows = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            String node = owners.get(i);
            List<Cell> cells = cluster.storage(node).get(key);
            String status = cells.isEmpty() && newest.isEmpty() ? "up to date"
                    : cells.isEmpty() ? "STALE: missing" : Storage.digest(cells) == newestDigest ? "up to date" : "STALE";
            rows.add(new ReplicaRow(node + (cluster.network().isUp(node) ? "" : " (down)"),
                    i == 0 ? "owner" : "replica " + (i + 1), cells.isEmpty() ? "(none)" : labels(cells), status));
        }
        replicas.getItems().setAll(rows);
        keyTitle.setText(key + ": replicas " + String.join(", ", owners) + "; newest " + (newest.isEmpty() ? "(none)" : labels(newest))
                + (run.oracle().diverged(key) ? "  ·  DIVERGED" : "  ·  replicas agree"));
        List<HistoryRow> stored = new ArrayList<>();
        for (Event e : run.sim().journal().events()) {
            if (e instanceof Event.ReplicaApplied applied && applied.changed() && key.equals(applied.key())) {
                stored.add(new HistoryRow(applied.at(), applied.node(), applied.version(), applied.via()));
            }
        }
        history.getItems().setAll(stored);
    }

    // ---- Merkle -------------------------------------------------------------------------------

    private VBox merkleView() {
        merkleRange.setId("merkleRange");
        tip(merkleRange, "The shared token range whose trees are shown");
        merkleRange.valueProperty().addListener((obs, old, now) -> refresh());
        streamRows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        streamRows.setId("streamRowsTable");
        streamRows.getColumns().add(column("key", ExchangeView.RowView::key, 100));
        streamRows.getColumns().add(column("on A", ExchangeView.RowView::onA, 110));
        streamRows.getColumns().add(column("on B", ExchangeView.RowView::onB, 110));
        streamRows.getColumns().add(column("differs", r -> r.differs() ? "yes" : "no (overstreamed)", 110));
        streamRows.setPlaceholder(new Label("No leaves to stream (yet)."));
        streamRows.setPrefHeight(140);
        tip(streamRows, "Rows in the differing leaves: the whole leaf is streamed, so rows that already agree are sent"
                + " too (overstreaming)");
        Label legend = new Label(MerkleView.legend());
        legend.setWrapText(true);
        legend.getStyleClass().add("explanation");
        VBox.setVgrow(merkle, Priority.ALWAYS);
        Button step = new Button("Step exchange");
        step.setId("merkleStepButton");
        step.setOnAction(e -> {
            stepExchange.run();
            refresh();
        });
        tip(step, "Advance the exchange one level and run until its answer is in (with none running, start one"
                + " between the pair chosen in Repair > Anti-entropy)");
        HBox row = new HBox(6, step, new Label("range"), merkleRange);
        row.setAlignment(Pos.CENTER_LEFT);
        return padded(merkleTitle, row, merkle, legend, new Label("rows to stream"), streamRows);
    }

    private void refreshMerkle(ScenarioRun run) {
        Optional<ExchangeView> current = run.antiEntropy().currentExchange();
        if (current.isEmpty()) {
            merkleTitle.setText("No exchange in progress");
            merkle.show(null, 0);
            streamRows.getItems().clear();
            return;
        }
        ExchangeView x = current.get();
        merkleTitle.setText(String.format(Locale.ROOT, "%s \u2194 %s  ·  %s  ·  level %d of %d%s  ·  %,d row(s) streamed"
                        + " (%d actually differed)  ·  %s", x.nodeA(), x.nodeB(), x.phase().name().toLowerCase(Locale.ROOT),
                x.level(), x.depth(), x.waitingForStep() ? " (press Step exchange)" : "", x.rowsStreamed(),
                x.rowsActuallyDiffering(), x.result().isEmpty() ? "running" : x.result()));
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < x.ranges().size(); i++) {
            indices.add(i);
        }
        if (!merkleRange.getItems().equals(indices)) {
            merkleRange.setItems(FXCollections.observableArrayList(indices));
        }
        int range = merkleRange.getValue() == null || merkleRange.getValue() >= indices.size() ? firstDiffering(x)
                : merkleRange.getValue();
        if (!indices.isEmpty() && (merkleRange.getValue() == null || merkleRange.getValue() != range)) {
            merkleRange.setValue(range);
        }
        merkle.show(x, range);
        List<ExchangeView.RowView> rows = new ArrayList<>();
        if (!x.ranges().isEmpty()) {
            for (ExchangeView.LeafView leaf : x.ranges().get(range).leavesToStream()) {
                rows.addAll(leaf.rows());
            }
        }
        streamRows.getItems().setAll(rows);
    }

    private static int firstDiffering(ExchangeView x) {
        for (int i = 0; i < x.ranges().size(); i++) {
            for (ExchangeView.TreeNode node : x.ranges().get(i).nodes()) {
                if (node.mark() == ExchangeView.Mark.DIFFERS) {
                    return i;
                }
            }
        }
        return 0;
    }

    // ---- refresh ------------------------------------------------------------------------------

    /** Refreshes the visible inspector from the run's current state. */
    public void refresh() {
        ScenarioRun run = model.run();
        if (run == null) {
            return;
        }
        Tab tab = getSelectionModel().getSelectedItem();
        if (tab == nodeTab) {
            refreshNodeData(run);
        } else if (tab == hintsTab) {
            refreshHints(run);
        } else if (tab == keyTab) {
            refreshKey(run);
        } else if (tab == merkleTab) {
            refreshMerkle(run);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    static String labels(List<Cell> cells) {
        if (cells.isEmpty()) {
            return "(none)";
        }
        List<String> labels = new ArrayList<>();
        cells.forEach(c -> labels.add(c.label()));
        return String.join(" | ", labels);
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private static Label title() {
        Label label = new Label();
        label.getStyleClass().add("inspector-title");
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static VBox padded(javafx.scene.Node... nodes) {
        VBox box = new VBox(6, nodes);
        box.setPadding(new Insets(8));
        return box;
    }

    /** Marks stale rows in the stale colour. */
    private static final class StatusCell<S> extends TableCell<S, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("stale-cell");
            setText(empty ? null : item);
            if (!empty && item != null && item.startsWith("STALE")) {
                getStyleClass().add("stale-cell");
            }
        }
    }
}
