package dev.repairscope.ui.lessons;

import dev.repairscope.ui.MainWindow;
import dev.repairscope.ui.ScenarioCatalog;
import dev.repairscope.ui.compare.CompareWindow;
import dev.repairscope.ui.model.SimulationModel;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * What the main window gets from the lessons work, in three pieces it places: buttons beside the
 * scenario picker ("Compare…", "Interview walkthrough"), a panel under the description (what the
 * lesson teaches, the walkthrough's bar), and the walkthrough's summary over the window.
 */
public final class LessonTools {
    private static final String CSS = ScenarioCatalog.class.getResource("lessons.css").toExternalForm();

    private final MainWindow window;
    private final SimulationModel model;
    private final LessonPanel teaches;
    private final Walkthrough walkthrough;
    private final HBox buttons;
    private final VBox panel;
    private CompareWindow compare;

    public LessonTools(MainWindow window, SimulationModel model) {
        this.window = window;
        this.model = model;
        this.teaches = new LessonPanel(model);
        this.walkthrough = new Walkthrough(model, entry -> window.open(entry));

        Button compareButton = new Button("Compare\u2026");
        compareButton.setId("compareButton");
        compareButton.setTooltip(new Tooltip("Side by side: this scenario and seed under two settings, synchronised,"
                + " charts overlaid and counters compared"));
        compareButton.setOnAction(e -> openCompare());
        Button walk = new Button("Interview walkthrough");
        walk.setId("walkthroughButton");
        walk.setTooltip(new Tooltip("\"A replica missed a write, now what?\": lessons 1, 2, 3, 5 and 12 in turn,"
                + " then the three-layer answer"));
        walk.setOnAction(e -> {
            teaches.setExpanded(true);
            walkthrough.start();
        });
        buttons = new HBox(8, compareButton, walk);
        panel = new VBox(2, teaches, walkthrough.bar());
        panel.setId("lessonPanel");
        style(buttons);
        style(panel);
        style(walkthrough.overlay());
    }

    private static void style(Parent node) {
        node.getStylesheets().add(CSS);
    }

    /** Opens the side-by-side view for the scenario on screen (pausing the window's own run). */
    public CompareWindow openCompare() {
        model.pause();
        List<ScenarioCatalog.Entry> entries = ScenarioCatalog.list(Path.of("").toAbsolutePath());
        ScenarioCatalog.Entry current = ScenarioCatalog.forSource(
                model.scenario() == null ? null : model.scenario().source(), entries);
        if (compare != null && compare.stage() != null && compare.stage().isShowing()) {
            compare.choose(current, null);
            compare.stage().toFront();
            return compare;
        }
        compare = CompareWindow.open(window.scene().getWindow(), current, entries);
        return compare;
    }

    /** "Compare…" and "Interview walkthrough", for the toolbar. */
    public Node buttons() {
        return buttons;
    }

    /** What the lesson teaches and the walkthrough's bar, for under the description. */
    public Node panel() {
        return panel;
    }

    /** The walkthrough's summary, for over the window. */
    public Node overlay() {
        return walkthrough.overlay();
    }

    public LessonPanel teaches() {
        return teaches;
    }

    public Walkthrough walkthrough() {
        return walkthrough;
    }

    /** The side-by-side window last opened, or null. */
    public CompareWindow compare() {
        return compare;
    }
}
