package dev.repairscope.ui.view;

import dev.repairscope.sim.Durations;
import dev.repairscope.ui.model.RecordedAction;
import dev.repairscope.ui.model.SimulationModel;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polygon;

/**
 * Play / pause, step, step to the next client operation, speed, and the timeline to seek
 * anywhere (backwards too: the model replays from the seed). User actions show as marks above the
 * timeline.
 */
public final class TimelineBar extends VBox {
    private final SimulationModel model;
    private final Button play = new Button("\u25B6  Play");
    private final Slider timeline = new Slider(0, 1, 0);
    private final Slider speed = new Slider(Math.log10(SimulationModel.MIN_SPEED), Math.log10(SimulationModel.MAX_SPEED), -2);
    private final Label timeLabel = new Label();
    private final Label speedLabel = new Label();
    private final Pane marks = new Pane();
    private boolean updating;

    public TimelineBar(SimulationModel model) {
        this.model = model;
        getStyleClass().add("timeline-bar");
        setId("timelineBar");
        play.setId("playButton");
        play.getStyleClass().add("play-button");
        play.setOnAction(e -> model.togglePlay());
        tip(play, "Play or pause the simulation (Space)");

        Button step = button("stepButton", "Step \u203A", model::stepEvent,
                "Run to the next event in the journal and pause (Right arrow)");
        Button stepBack = button("stepBackButton", "\u2039 Back", model::stepBack,
                "Go back one step: replays the run from its seed to just before the last step (Left arrow)");
        Button nextOp = button("nextOpButton", "Next client op \u00BB", model::stepToNextOperation,
                "Run until the next client read or write starts, then pause (Shift+Right)");
        Button restart = button("restartButton", "\u21BA Restart", () -> model.seek(0),
                "Back to time 0 (your recorded actions stay on the timeline and replay as the run passes them)");

        speed.setId("speedSlider");
        speed.setPrefWidth(170);
        speed.setValue(Math.log10(model.speedProperty().get()));
        speed.valueProperty().addListener((obs, old, now) -> {
            if (!updating) {
                model.speedProperty().set(Math.pow(10, now.doubleValue()));
            }
        });
        model.speedProperty().addListener((obs, old, now) -> {
            updating = true;
            speed.setValue(Math.log10(now.doubleValue()));
            updating = false;
            speedLabel.setText(formatSpeed(now.doubleValue()));
        });
        speedLabel.setText(formatSpeed(model.speedProperty().get()));
        speedLabel.setId("speedLabel");
        speedLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        tip(speed, "Speed: simulated time per real second, from 1/10,000 (slow motion) to 10,000x (+ and - keys)");

        CheckBox skipQuiet = new CheckBox("skip quiet gaps");
        skipQuiet.selectedProperty().bindBidirectional(model.skipQuietGapsProperty());
        tip(skipQuiet, "When no message is on the wire, jump over the quiet time instead of waiting through it"
                + " (it never changes what happens, only how long you wait)");

        timeline.setId("timelineSlider");
        HBox.setHgrow(timeline, Priority.ALWAYS);
        timeline.setMaxWidth(Double.MAX_VALUE);
        tip(timeline, "The run's timeline: drag or click to seek; going back replays the run from its seed,"
                + " so the past is exact. Marks above it are your actions.");
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
        timeLabel.setId("timeLabel");
        timeLabel.getStyleClass().add("time-label");
        timeLabel.setMinWidth(190);

        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(22, 22);
        working.visibleProperty().bind(model.busyProperty());
        working.managedProperty().bind(model.busyProperty());
        tip(working, "replaying or running to the target");

        marks.setMouseTransparent(true);
        marks.setPrefHeight(10);
        marks.setMinHeight(10);
        StackPane timelineStack = new StackPane(timeline);
        VBox timelineBox = new VBox(0, marks, timelineStack);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, play, stepBack, step, nextOp, restart, new Label("speed"), speed, speedLabel, skipQuiet,
                working, spacer, timeLabel);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(6, 10, 0, 10));
        timelineBox.setPadding(new Insets(0, 10, 4, 10));
        getChildren().addAll(row, timelineBox);

        play.textProperty().bind(Bindings.when(model.playingProperty()).then("\u275A\u275A  Pause").otherwise("\u25B6  Play"));
        model.revisionProperty().addListener((obs, old, now) -> refresh());
        model.endTimeProperty().addListener((obs, old, now) -> refresh());
        timeline.widthProperty().addListener((obs, old, now) -> drawMarks());
        refresh();
    }

    private void seekToSlider() {
        long target = Math.round(timeline.getValue() * 1e6);
        if (Math.abs(target - model.now()) > 0) {
            model.seek(target);
        }
    }

    private int drawnActions = -1;

    private void refresh() {
        long end = Math.max(model.endTimeProperty().get(), model.now());
        updating = true;
        timeline.setMax(Math.max(1e-6, end / 1e6));
        if (!timeline.isValueChanging()) {
            timeline.setValue(model.now() / 1e6);
        }
        updating = false;
        timeLabel.setText(Durations.format(model.now()) + " / " + Durations.format(model.endTimeProperty().get())
                + String.format(Locale.ROOT, "   %,d events", model.journalSizeProperty().get()));
        if (drawnActions != model.actions().size()) {
            drawMarks();
        }
    }

    private void drawMarks() {
        marks.getChildren().clear();
        drawnActions = model.actions().size();
        double width = timeline.getWidth();
        double max = timeline.getMax();
        if (width <= 0 || max <= 0) {
            return;
        }
        double inset = 8; // the slider's thumb radius, roughly
        for (RecordedAction action : model.actions()) {
            double x = inset + (width - 2 * inset) * Math.min(1, action.time() / 1e6 / max);
            Polygon mark = new Polygon(x - 5, 0, x + 5, 0, x, 9);
            mark.getStyleClass().add("action-mark");
            Tooltip.install(mark, new Tooltip(Durations.format(action.time()) + ": " + action.action().describe()));
            marks.getChildren().add(mark);
        }
    }

    static String formatSpeed(double speed) {
        if (speed >= 1) {
            return String.format(Locale.ROOT, "%,.0fx real time", speed);
        }
        return String.format(Locale.ROOT, "1/%,.0f real time", 1 / speed);
    }

    static void tip(javafx.scene.control.Control control, String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        control.setTooltip(tooltip);
    }

    /** A toolbar button with its id (for tests), action and tooltip. */
    private static Button button(String id, String text, Runnable action, String tooltip) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        tip(button, tooltip);
        return button;
    }
}
