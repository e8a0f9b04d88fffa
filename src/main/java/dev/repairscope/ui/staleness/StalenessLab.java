package dev.repairscope.ui.staleness;

import dev.repairscope.ui.MainWindow;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the staleness lab in its own window, one per owner window: asking again brings the open
 * one to the front; after it was closed, a fresh one opens.
 */
public final class StalenessLab {
    private static final String KEY = "repairscope.stalenessLab";
    static final double WIDTH = 1220;
    static final double HEIGHT = 740;

    private StalenessLab() {
    }

    /** Shows the lab (opening it if needed) for {@code owner}; {@code runNow} starts a run with the defaults. */
    public static Stage showFor(Window owner, boolean runNow) {
        Object existing = owner == null ? null : owner.getProperties().get(KEY);
        Stage stage;
        StalenessLabPane pane;
        if (existing instanceof Stage open && open.isShowing() && open.getScene() != null
                && open.getScene().getRoot() instanceof StalenessLabPane known) {
            stage = open;
            pane = known;
        } else {
            pane = new StalenessLabPane();
            Scene scene = new Scene(pane, WIDTH, HEIGHT);
            scene.getStylesheets().add(MainWindow.class.getResource("repairscope.css").toExternalForm());
            scene.getStylesheets().add(StalenessLab.class.getResource("staleness-lab.css").toExternalForm());
            stage = new Stage();
            stage.setTitle("RepairScope: staleness lab (how eventual is eventual?)");
            stage.setScene(scene);
            stage.setMinWidth(900);
            stage.setMinHeight(560);
            if (owner != null) {
                stage.initOwner(owner);
                owner.getProperties().put(KEY, stage);
            }
        }
        stage.show();
        stage.toFront();
        if (runNow) {
            pane.start();
        }
        return stage;
    }

    /** The lab's pane in a window {@link #showFor} opened. */
    public static StalenessLabPane pane(Stage stage) {
        return (StalenessLabPane) stage.getScene().getRoot();
    }
}
