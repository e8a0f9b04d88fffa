package dev.repairscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.sim.Durations;
import dev.repairscope.ui.compare.CompareModel;
import dev.repairscope.ui.compare.CompareWindow;
import dev.repairscope.ui.lessons.Walkthrough;
import dev.repairscope.ui.model.ChartData;
import dev.repairscope.ui.model.SimulationModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lessons in the window, headless, by real clicks: the side-by-side view opened from the main
 * window and driven by its own play and timeline; the interview walkthrough from its first lesson to
 * the three-layer answer; what a lesson teaches, for a lesson chosen in the picker.
 */
@ExtendWith(ApplicationExtension.class)
class LessonsWindowTest {
    private MainWindow window;
    private SimulationModel model;
    private List<ScenarioCatalog.Entry> entries;

    @Start
    void start(Stage stage) {
        entries = ScenarioCatalog.list(Path.of("").toAbsolutePath());
        window = new MainWindow(new SimulationModel(), WindowState.transientState(1260, 780));
        model = window.model();
        // the lessons load and play as the walkthrough goes: slow enough that no checkpoint interrupts the clicks
        model.skipQuietGapsProperty().set(false);
        model.speedProperty().set(SimulationModel.MIN_SPEED);
        window.openInitial("resource:" + dev.repairscope.scenario.ScenarioLoader.DEFAULT_SCENARIO);
        model.pause();
        stage.setScene(window.scene());
        stage.show();
        window.start();
    }

    @AfterEach
    void closeCompare() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            CompareWindow compare = window.lessons().compare();
            if (compare != null && compare.stage() != null) {
                compare.stage().close();
            }
        }).get(10, TimeUnit.SECONDS);
    }

    private static <T> T fx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
    }

    private ScenarioCatalog.Entry entry(String file) {
        return entries.stream().filter(e -> e.label().equals(file)).findFirst().orElseThrow();
    }

    private String scenarioFile() throws Exception {
        return fx(() -> Path.of(model.scenario().source()).getFileName().toString());
    }

    /** A point on the slider's track at {@code fraction} of its length, on screen. */
    private static Point2D onTrack(Slider slider, double fraction) throws Exception {
        return fx(() -> {
            Node track = slider.lookup(".track");
            Bounds b = track.localToScreen(track.getBoundsInLocal());
            return new Point2D(b.getMinX() + b.getWidth() * fraction, b.getMinY() + b.getHeight() / 2);
        });
    }

    // ---- side by side ---------------------------------------------------------------------------

    @Test
    void theSideBySideViewRunsBothSettingsToTheSameTimeWithDifferentCounters(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(entry("hot-cold-read-repair-only.json")));
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitForFxEvents();
        CompareWindow compare = fx(() -> window.lessons().compare());
        assertThat(compare).as("Compare… opens the side-by-side window").isNotNull();
        assertThat(fx(() -> compare.stage().isShowing())).isTrue();
        CompareModel both = compare.model();
        // run B is the partner file: the same run plus anti-entropy every minute
        assertThat(robot.lookup("#compareNameA").queryAs(Label.class).getText()).contains("hot-cold-read-repair-only.json");
        assertThat(robot.lookup("#compareNameB").queryAs(Label.class).getText())
                .contains("hot-cold-read-repair-plus-anti-entropy.json");
        assertThat(fx(() -> both.a().seed() == both.b().seed())).isTrue();

        // play: both move on together
        robot.clickOn("#comparePlayButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> both.timeProperty().get() > Durations.seconds(2)));
        robot.clickOn("#comparePlayButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !both.isBusy() && !both.isPlaying()));
        long played = fx(() -> both.a().now());
        assertThat(played).isGreaterThan(Durations.seconds(2));
        assertThat(fx(() -> both.b().now())).as("B stands at A's time after play and pause").isEqualTo(played);

        // seek: a click half way along the shared timeline sends both runs past the first sweep
        Slider slider = robot.lookup("#compareSlider").queryAs(Slider.class);
        robot.clickOn(onTrack(slider, 0.55));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> !both.isBusy()
                && both.a().now() > Durations.seconds(70)));
        WaitForAsyncUtils.waitForFxEvents();
        long target = fx(() -> both.targetProperty().get());
        assertThat(fx(() -> both.a().now())).isEqualTo(target);
        assertThat(fx(() -> both.b().now())).as("both runs at the same simulated time").isEqualTo(target);

        // the counters differ: no anti-entropy in A, sweeps in B that healed cold keys
        CompareModel.Row sessions = fx(() -> both.rows().get("aeSessions"));
        assertThat(sessions.a()).isZero();
        assertThat(sessions.b()).isPositive();
        CompareModel.Row cold = fx(() -> both.rows().get("coldDivergentKeys"));
        assertThat(cold.b()).isLessThan(cold.a());
        // ... and the table on screen says so, with B - A
        @SuppressWarnings("unchecked")
        TableView<CompareModel.Row> table = robot.lookup("#compareTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> table.getItems().stream()
                .anyMatch(r -> r.metric().equals("aeSessions") && r.b() == sessions.b())));
        CompareModel.Row shown = fx(() -> table.getItems().stream().filter(r -> r.metric().equals("aeSessions"))
                .findFirst().orElseThrow());
        assertThat(shown.difference()).isEqualTo(sessions.b());
        // the charts carry both runs on the same axes
        assertThat(fx(() -> compare.charts().pointCount(ChartData.Series.DIVERGENT_COLD, false))).isPositive();
        assertThat(fx(() -> compare.charts().pointCount(ChartData.Series.DIVERGENT_COLD, true))).isPositive();
        assertThat(fx(() -> compare.charts().lastValue(ChartData.Series.BYTES_ANTI_ENTROPY, true))).isPositive();
        assertThat(fx(() -> compare.charts().lastValue(ChartData.Series.BYTES_ANTI_ENTROPY, false))).isZero();

        // back: both replay from the seed to the same earlier time
        robot.clickOn("#compareRestartButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !both.isBusy()));
        assertThat(fx(() -> both.a().now())).isZero();
        assertThat(fx(() -> both.b().now())).isZero();
        assertThat(fx(() -> both.rows().get("aeSessions").b())).isZero();
    }

    @Test
    void runBCanBeRunAsFileWithItsRepairSettingsOverridden(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(entry("seed-story.json")));
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitForFxEvents();
        CompareWindow compare = fx(() -> window.lessons().compare());
        CompareModel both = compare.model();
        // the seed story has no partner file: B is the same file with anti-entropy switched on
        assertThat(robot.lookup("#compareNameB").queryAs(Label.class).getText())
                .contains("seed-story.json with B's settings").contains("anti-entropy every 60s");
        assertThat(fx(() -> both.b().scenario().repair().antiEntropy().enabled())).isTrue();
        assertThat(fx(() -> both.a().scenario().repair().antiEntropy().enabled())).isFalse();
        assertThat(fx(() -> both.a().scenario().timeline().equals(both.b().scenario().timeline()))).isTrue();
    }

    // ---- lessons ----------------------------------------------------------------------------------

    @Test
    void thePickerListsTheLessonsFirstAndALessonShowsWhatItTeaches(FxRobot robot) throws Exception {
        List<String> first = fx(() -> window.scene().lookup("#scenarioPicker") instanceof javafx.scene.control.ComboBox<?> c
                ? c.getItems().stream().limit(13).map(Object::toString).toList() : List.<String>of());
        assertThat(first).containsExactly("Lesson 1: seed-story.json", "Lesson 2: lesson-02-hinted-handoff.json",
                "Lesson 3: lesson-03-read-repair-four-ways.json", "Lesson 4: hot-cold-read-repair-only.json",
                "Lesson 5: lesson-05-anti-entropy-step-by-step.json", "Lesson 6: lesson-06-tree-depth-and-overstreaming.json",
                "Lesson 7: lesson-07-strict-versus-sloppy-quorum.json", "Lesson 8: quorum-no-stale.json",
                "Lesson 9: lesson-09-monotonic-reads.json", "Lesson 10a: lesson-10a-lww-clock-skew.json",
                "Lesson 10b: lesson-10b-vector-clock-siblings.json", "Lesson 11: lesson-11-zombie-data.json",
                "Lesson 12: lesson-12-all-three-layers.json");

        robot.clickOn("#scenarioPicker");
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> item = robot.lookup(".list-cell").match((ListCell<?> c) -> "Lesson 4: hot-cold-read-repair-only.json"
                .equals(c.getText())).queryAs(ListCell.class);
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scenarioFile()).isEqualTo("hot-cold-read-repair-only.json");

        TitledPane teaches = robot.lookup("#lessonTeaches").queryAs(TitledPane.class);
        assertThat(fx(teaches::getText)).isEqualTo("What Lesson 4 teaches (2 points)");
        robot.clickOn(teaches.lookup(".title"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(teaches::isExpanded)).isTrue();
        Label point = robot.lookup("#lessonTeachesPoints .label").queryAs(Label.class);
        assertThat(point.getText()).contains("Read repair only fixes keys that are read");
        assertThat(fx(() -> point.isVisible() && point.getScene() != null && point.getHeight() > 0
                && point.localToScene(point.getBoundsInLocal()).getMaxY() < window.scene().getHeight())).isTrue();

        // a scenario that teaches nothing in particular: the panel steps aside
        robot.interact(() -> window.open(entry("ref1-blocking-read-repair.json")));
        assertThat(fx(teaches::isVisible)).isFalse();
    }

    @Test
    void theInterviewWalkthroughGoesThroughItsLessonsToTheThreeLayerAnswer(FxRobot robot) throws Exception {
        robot.clickOn("#walkthroughButton");
        WaitForAsyncUtils.waitForFxEvents();
        Walkthrough walk = window.lessons().walkthrough();
        assertThat(fx(walk::page)).isZero();
        assertThat(scenarioFile()).isEqualTo("seed-story.json");
        assertThat(robot.lookup("#walkthroughStep").queryAs(Label.class).getText())
                .isEqualTo("Interview walkthrough, 1 of 5: Lesson 1: the gap");
        // the lesson's points are open beside it
        assertThat(fx(() -> window.lessons().teaches().isExpanded())).isTrue();
        assertThat(fx(() -> window.lessons().teaches().points().get(0)))
                .startsWith("A replica that misses a write serves stale data at ONE");

        String[] files = {"lesson-02-hinted-handoff.json", "lesson-03-read-repair-four-ways.json",
                "lesson-05-anti-entropy-step-by-step.json", "lesson-12-all-three-layers.json"};
        for (int i = 0; i < files.length; i++) {
            robot.clickOn("#walkthroughNext");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fx(walk::page)).isEqualTo(i + 1);
            assertThat(scenarioFile()).as("Next loads the next lesson").isEqualTo(files[i]);
            assertThat(fx(model::isPlaying)).as("and plays it").isTrue();
            assertThat(fx(walk::summaryShown)).isFalse();
            if (i == 0) { // watch lesson 2 for a while: the answer will quote what this run counted
                robot.interact(() -> model.seek(Durations.seconds(40)));
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !model.isBusy()));
            }
        }
        assertThat(robot.lookup("#walkthroughNext").queryAs(javafx.scene.control.Button.class).getText())
                .startsWith("Summary");

        robot.clickOn("#walkthroughNext");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(walk::summaryShown)).isTrue();
        Node card = robot.lookup("#summaryCard").query();
        assertThat(fx(() -> card.isVisible() && card.localToScene(card.getBoundsInLocal()).getMaxY()
                <= window.scene().getHeight() + 1)).as("the answer is on screen").isTrue();
        String summary = fx(walk::summaryText);
        assertThat(summary).contains("Hinted handoff, for short outages.", "Read repair, for what is read.",
                "Anti-entropy, for everything else.");
        assertThat(summary).as("the hints claim quotes the user's own run of lesson 2")
                .containsPattern("in your run, to 40(\\.\\d+)?s, [1-9]\\d* hints stored, [1-9]\\d* replayed");
        // each claim names the lesson that showed it
        assertThat(fx(() -> ((javafx.scene.control.Hyperlink) window.scene().lookup("#summaryHintsLink1")).getText()))
                .startsWith("Lesson 2");
        assertThat(fx(() -> ((javafx.scene.control.Hyperlink) window.scene().lookup("#summaryReadRepairLink1")).getText()))
                .startsWith("Lesson 3");
        assertThat(fx(() -> ((javafx.scene.control.Hyperlink) window.scene().lookup("#summaryAntiEntropyLink1")).getText()))
                .startsWith("Lesson 5");
        assertThat(fx(() -> ((javafx.scene.control.Hyperlink) window.scene().lookup("#summaryWhyLink2")).getText()))
                .startsWith("Lesson 12");

        // a claim's lesson link takes the user back to watch it again
        robot.clickOn("#summaryHintsLink1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(walk::summaryShown)).isFalse();
        assertThat(scenarioFile()).isEqualTo("lesson-02-hinted-handoff.json");
        robot.clickOn("#walkthroughEnd");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#walkthroughBar").query().isVisible()).isFalse();
    }
}
