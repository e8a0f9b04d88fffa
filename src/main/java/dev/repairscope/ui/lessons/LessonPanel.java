package dev.repairscope.ui.lessons;

import dev.repairscope.scenario.Scenario;
import dev.repairscope.ui.ScenarioCatalog;
import dev.repairscope.ui.model.SimulationModel;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/**
 * "What this lesson teaches": the open scenario's {@code teaches} points, one per line, in a
 * collapsible panel under its description (hidden for scenarios that teach nothing in particular).
 * It follows the model: whatever scenario is loaded, by the picker, a file or the walkthrough.
 */
public final class LessonPanel extends TitledPane {
    private final VBox points = new VBox(2);
    private Scenario shown;

    public LessonPanel(SimulationModel model) {
        setId("lessonTeaches");
        getStyleClass().add("lesson-teaches");
        setContent(points);
        setExpanded(false);
        setAnimated(false);
        setMaxWidth(Double.MAX_VALUE);
        points.setId("lessonTeachesPoints");
        model.runProperty().addListener((obs, old, run) -> show(run == null ? null : run.scenario()));
        show(model.scenario());
    }

    /** Shows what {@code scenario} teaches (nothing: the panel steps aside). */
    public void show(Scenario scenario) {
        if (scenario == shown) {
            return; // a replay of the same scenario
        }
        shown = scenario;
        List<String> teaches = scenario == null || scenario.teaches() == null ? List.of() : scenario.teaches();
        points.getChildren().clear();
        for (String point : teaches) {
            Label label = new Label("\u2022  " + point);
            label.setWrapText(true);
            label.getStyleClass().add("lesson-point");
            points.getChildren().add(label);
        }
        String lesson = scenario == null ? "" : ScenarioCatalog.lessonLabel(fileName(scenario.source()));
        setText("What " + (lesson.isEmpty() ? "this scenario" : lesson) + " teaches (" + teaches.size()
                + (teaches.size() == 1 ? " point)" : " points)"));
        setVisible(!teaches.isEmpty());
        setManaged(!teaches.isEmpty());
    }

    /** The points shown, as text (tests and the walkthrough). */
    public List<String> points() {
        return points.getChildren().stream().map(n -> ((Label) n).getText().substring(3)).toList();
    }

    static String fileName(String source) {
        if (source == null) {
            return "";
        }
        return source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
    }
}
