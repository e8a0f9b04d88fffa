package dev.repairscope.ui;

import dev.repairscope.ui.model.SimulationModel;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The window. Opens the scenario remembered from last time (or the bundled default,
 * {@code ScenarioLoader.DEFAULT_SCENARIO}) and plays it. Options (for lessons and screenshots):
 * {@code --scenario=FILE} opens a file instead; {@code --fresh} ignores what was remembered;
 * {@code --at=12s} opens paused at that simulated time ({@code --play=true}: and plays on from there); {@code --speed=0.01};
 * {@code --presentation=true}; {@code --inspect=n1} selects a node;
 * {@code --show=charts|log|counters|merkle|hints|repair|faults} brings a panel forward;
 * {@code --lab=open} opens the staleness lab beside the window ({@code --lab=run}: and runs it);
 * {@code --compare=true} (or {@code --compare=B.json}) opens the side-by-side view of the scenario against its partner
 * (or B), {@code --compareAt=90s} sends both runs there, {@code --comparePlay=true} plays them. The jar's
 * launcher passes arguments to the command line, so there each option is a system property:
 * {@code java -Drepairscope.at=12s -jar repairscope.jar}.
 */
public class RepairScopeApp extends Application {
    private MainWindow window;
    private WindowState state;

    /** Called by the jar's launcher (a plain main class: see {@code dev.repairscope.Launcher}). */
    public static void launchWindow(String[] args) {
        Application.launch(RepairScopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        boolean fresh = getParameters().getUnnamed().contains("--fresh") || Boolean.getBoolean("repairscope.fresh");
        
        state = fresh ? WindowState.transientState(1500, 940) : WindowState.load();
        window = new MainWindow(new SimulationModel(), state);
        stage.setTitle("RepairScope: replicas diverge and converge");
        stage.setScene(window.scene());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        java.util.Map<String, String> named = options();
        String file = named.get("scenario");
        window.openInitial(file == null ? null : "file:" + file);
        window.applyOptions(named);
        window.start();
        // a remembered (or default) size larger than this screen would push the controls off it
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(state.width(), screen.getWidth()));
        stage.setHeight(Math.min(state.height(), screen.getHeight()));
        stage.centerOnScreen();
        stage.show();
        if (named.containsKey("lab")) { // --lab=open shows the staleness lab, --lab=run also runs it
            dev.repairscope.ui.staleness.StalenessLab.showFor(stage, "run".equalsIgnoreCase(named.get("lab")));
        }
        // --compare=true|B.json: the side by side view of this scenario (--compareAt=90s, --comparePlay=true)
        if (dev.repairscope.ui.compare.CompareWindow.openFromOptions(stage, window.model().scenario().source(), named) != null) {
            window.model().pause();
        }
    }

    /** Named parameters ({@code --at=12s}) and system properties ({@code -Drepairscope.at=12s}, for the jar). */
    private java.util.Map<String, String> options() {
        java.util.Map<String, String> options = new java.util.HashMap<>(getParameters().getNamed());
        for (String name : java.util.List.of("scenario", "at", "play", "speed", "presentation", "inspect", "show", "lab",
                "compare", "compareAt", "comparePlay")) {
            String value = System.getProperty("repairscope." + name);
            if (value != null) {
                options.put(name, value);
            }
        }
        return options;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.stop();
            javafx.stage.Window w = window.scene().getWindow();
            if (w != null && state != null) {
                state.rememberSize(w.getWidth(), w.getHeight());
            }
        }
    }
}
