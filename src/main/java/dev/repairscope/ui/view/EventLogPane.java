package dev.repairscope.ui.view;

import static dev.repairscope.ui.view.TimelineBar.tip;

import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import dev.repairscope.ui.model.SimulationModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The journal, one sentence per event, in a virtualized list (a million events stay responsive),
 * filterable by event type, node and key. Clicking an event seeks the run to just after it.
 */
public final class EventLogPane extends BorderPane {
    private static final String ALL = "all";

    /** A journal event with its index (the list shows a filtered view; seeking needs the index). */
    public record Entry(int index, Event event) {
    }

    private final SimulationModel model;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final FilteredList<Entry> filtered = new FilteredList<>(entries);
    private final ListView<Entry> list = new ListView<>(filtered);
    private final ChoiceBox<String> type = new ChoiceBox<>();
    private final ChoiceBox<String> node = new ChoiceBox<>();
    private final TextField key = new TextField();
    private final CheckBox follow = new CheckBox("follow the run");
    private final CheckBox hideMessages = new CheckBox("hide message traffic");
    private final Label count = new Label();
    private final Set<String> types = new TreeSet<>();
    private Object shownRun;

    public EventLogPane(SimulationModel model) {
        this.model = model;
        setId("eventLog");
        list.setId("eventList");
        list.setFixedCellSize(24);
        list.setCellFactory(v -> new EventCell());
        type.setId("logType");
        type.getItems().add(ALL);
        type.setValue(ALL);
        tip(type, "Show only events of this type");
        node.setId("logNode");
        node.getItems().add(ALL);
        node.setValue(ALL);
        tip(node, "Show only events that concern this node");
        key.setId("logKey");
        key.setPromptText("key");
        key.setPrefColumnCount(8);
        tip(key, "Show only events about this key (exact match)");
        follow.setSelected(true);
        tip(follow, "Keep the newest event in view as the run goes on");
        hideMessages.setSelected(false);
        tip(hideMessages, "Hide sent / delivered messages to see the story (operations, faults, repairs)");
        type.valueProperty().addListener((obs, old, now) -> refilter());
        node.valueProperty().addListener((obs, old, now) -> refilter());
        key.textProperty().addListener((obs, old, now) -> refilter());
        hideMessages.selectedProperty().addListener((obs, old, now) -> refilter());
        HBox filters = new HBox(8, new Label("type"), type, new Label("node"), node, new Label("key"), key, hideMessages,
                follow, count);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(4, 6, 4, 6));
        setTop(filters);
        setCenter(list);
        count.getStyleClass().add("dim");
        model.runProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    public ListView<Entry> list() {
        return list;
    }

    /** Appends the journal's new events (or starts over for a new or rebuilt run). */
    public void refresh() {
        if (model.run() == null) {
            return;
        }
        List<Event> journal = model.run().sim().journal().events();
        if (shownRun != model.run()) {
            shownRun = model.run();
            entries.clear();
            List<String> nodes = new ArrayList<>();
            nodes.add(ALL);
            nodes.addAll(model.run().cluster().nodes());
            if (!node.getItems().equals(nodes)) {
                String keep = node.getValue();
                node.getItems().setAll(nodes);
                node.setValue(nodes.contains(keep) ? keep : ALL);
            }
        }
        int from = entries.size();
        if (from < journal.size()) {
            List<Entry> add = new ArrayList<>(journal.size() - from);
            for (int i = from; i < journal.size(); i++) {
                Event e = journal.get(i);
                add.add(new Entry(i, e));
                if (types.add(e.type())) {
                    type.getItems().setAll(concat(ALL, types));
                }
            }
            entries.addAll(add);
            if (follow.isSelected() && !filtered.isEmpty()) {
                list.scrollTo(filtered.size() - 1);
            }
        }
        count.setText(String.format(Locale.ROOT, "%,d of %,d events", filtered.size(), entries.size()));
    }

    private static List<String> concat(String first, Set<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private void refilter() {
        String t = type.getValue();
        String n = node.getValue();
        String k = key.getText() == null ? "" : key.getText().trim();
        boolean noMessages = hideMessages.isSelected();
        Predicate<Entry> p = entry -> {
            Event e = entry.event();
            if (t != null && !ALL.equals(t) && !t.equals(e.type())) {
                return false;
            }
            if (noMessages && (e instanceof Event.MessageSent || e instanceof Event.MessageDelivered)) {
                return false;
            }
            if (n != null && !ALL.equals(n) && !e.nodes().contains(n)) {
                return false;
            }
            return k.isEmpty() || k.equals(e.key()) || (e instanceof Event.MessageSent s && k.equals(s.key()));
        };
        filtered.setPredicate(p);
        count.setText(String.format(Locale.ROOT, "%,d of %,d events", filtered.size(), entries.size()));
    }

    private final class EventCell extends ListCell<Entry> {
        EventCell() {
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && getItem() != null) {
                    follow.setSelected(false);
                    model.seekToEvent(getItem().index());
                }
            });
        }

        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeIf(c -> c.startsWith("ev-"));
            if (empty || entry == null) {
                setText(null);
                return;
            }
            Event e = entry.event();
            setText(String.format(Locale.ROOT, "%9s  %s", Durations.format(e.at()), e.describe()));
            getStyleClass().add("ev-" + category(e));
        }
    }

    private static String category(Event e) {
        if (e instanceof Event.MessageSent || e instanceof Event.MessageDelivered) {
            return "message";
        }
        if (e instanceof Event.MessageDropped || e instanceof Event.NodeCrashed || e instanceof Event.LinkCut
                || e instanceof Event.NodeMarkedDown || e instanceof Event.HintDropped) {
            return "fault";
        }
        if (e instanceof Event.Caption) {
            return "caption";
        }
        if (e instanceof Event.ExpectationChecked x) {
            return x.passed() ? "pass" : "fail";
        }
        if (e instanceof Event.OperationStarted || e instanceof Event.OperationCompleted) {
            return "op";
        }
        return "repair";
    }
}
