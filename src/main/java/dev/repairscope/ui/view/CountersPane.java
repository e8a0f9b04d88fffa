package dev.repairscope.ui.view;

import dev.repairscope.ui.model.SimulationModel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The run's numbers ({@code ScenarioRun.metrics()}: the report's counters), as tiles. */
public final class CountersPane extends ScrollPane {
    private final SimulationModel model;
    private final FlowPane tiles = new FlowPane(8, 8);
    private final Map<String, Label> values = new LinkedHashMap<>();
    private Map<String, Long> last = Map.of();

    public CountersPane(SimulationModel model) {
        this.model = model;
        setId("countersPane");
        setFitToWidth(true);
        tiles.setPadding(new Insets(8));
        setContent(tiles);
        model.runProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** The metrics shown last (what "Export CSV" writes). */
    public Map<String, Long> shown() {
        return last;
    }

    public void refresh() {
        if (model.run() == null) {
            return;
        }
        last = model.run().metrics();
        last.forEach((name, value) -> {
            Label label = values.get(name);
            if (label == null) {
                label = new Label();
                label.getStyleClass().add("counter-value");
                label.setId("counter-" + name);
                Label title = new Label(name);
                title.getStyleClass().add("counter-name");
                VBox tile = new VBox(2, title, label);
                tile.getStyleClass().add("counter-tile");
                Tooltip.install(tile, new Tooltip(name + ": from the run's report (ScenarioRun.metrics())"));
                tiles.getChildren().add(tile);
                values.put(name, label);
            }
            label.setText(String.format(Locale.ROOT, "%,d", value));
        });
    }
}
