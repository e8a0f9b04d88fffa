package dev.repairscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.repair.antientropy.ExchangeView;
import dev.repairscope.repair.readrepair.ReadRepairMode;
import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioLoader;
import dev.repairscope.scenario.ScenarioRun;
import dev.repairscope.sim.Durations;
import dev.repairscope.sim.Event;
import dev.repairscope.ui.model.SimulationModel;
import dev.repairscope.ui.view.ClusterView;
import dev.repairscope.ui.view.Palette;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window, headless (Monocle), driven by real clicks and keys, checked on real pixels and on
 * the journal underneath. Each test gets a fresh window with the seed story loaded and paused.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainWindow window;
    private SimulationModel model;
    private Scenario scenario;

    @Start
    void start(Stage stage) throws Exception {
        scenario = new ScenarioLoader().loadResource(ScenarioLoader.DEFAULT_SCENARIO);
        window = new MainWindow(new SimulationModel(), WindowState.transientState(1260, 780));
        model = window.model();
        window.open(ScenarioCatalog.bundled(ScenarioLoader.DEFAULT_SCENARIO));
        stage.setScene(window.scene());
        stage.show();
        window.start();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static <T> T fx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
    }

    private void waitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !model.isBusy()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void seek(FxRobot robot, double seconds) throws Exception {
        robot.interact(() -> model.seek(Durations.seconds(seconds)));
        waitIdle();
    }

    /** Scrolls the panel holding {@code query} so the control is in view, as a user would. */
    private void reveal(FxRobot robot, String query) {
        robot.interact(() -> {
            javafx.scene.Node node = robot.lookup(query).query();
            javafx.scene.Parent p = node.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                javafx.geometry.Bounds b = sp.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double content = sp.getContent().getBoundsInLocal().getHeight();
                double view = sp.getViewportBounds().getHeight();
                if (content > view) {
                    sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 20) / (content - view))));
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens a choice box and clicks one of its items in the popup, as a user would. */
    private static void choose(FxRobot robot, String choiceBox, String item) {
        robot.clickOn(choiceBox);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".context-menu .label").match((Label l) -> item.equals(l.getText()))
                .queryAs(Label.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The whole scene rendered to pixels, after drawing a fresh frame. */
    private PixelReader snapshot(FxRobot robot) throws Exception {
        robot.interact(() -> window.clusterView().render(System.nanoTime()));
        WritableImage image = fx(() -> window.scene().snapshot(null));
        return image.getPixelReader();
    }

    /** A point inside the node's disc, left of its label: the fill colour. */
    private Point2D fillPoint(String node) throws Exception {
        return fx(() -> {
            ClusterView view = window.clusterView();
            Point2D c = view.nodeCenter(node);
            return view.localToScene(c.getX() - view.nodeRadius() * 0.72, c.getY());
        });
    }

    private Point2D nodeOnScreen(String node) throws Exception {
        return fx(() -> {
            ClusterView view = window.clusterView();
            Point2D c = view.nodeCenter(node);
            return view.localToScreen(c.getX(), c.getY());
        });
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.04 && Math.abs(a.getGreen() - b.getGreen()) < 0.04
                && Math.abs(a.getBlue() - b.getBlue()) < 0.04;
    }

    private long count(Class<? extends Event> type, String node) throws Exception {
        return fx(() -> model.run().sim().journal().events().stream()
                .filter(type::isInstance).filter(e -> node == null || e.nodes().contains(node)).count());
    }

    // ---- tests ----------------------------------------------------------------------------------

    @Test
    void theWindowIsReallyDrawnWithEachNodeWhereTheViewSaysItIs(FxRobot robot) throws Exception {
        seek(robot, 8); // after the missed write: n2 is stale
        PixelReader pixels = snapshot(robot);
        int width = fx(() -> (int) window.scene().getWidth());
        int height = fx(() -> (int) window.scene().getHeight());
        Color background = Palette.DARK.background();
        int drawn = 0;
        int total = 0;
        for (int y = 0; y < height; y += 3) {
            for (int x = 0; x < width; x += 3) {
                total++;
                if (!near(pixels.getColor(x, y), background)) {
                    drawn++;
                }
            }
        }
        assertThat(drawn).as("pixels that are not the stage's background").isGreaterThan(total / 3);

        for (String node : List.of("n1", "n2", "n3")) {
            Point2D p = fillPoint(node);
            assertThat(pixels.getColor((int) p.getX(), (int) p.getY()))
                    .as(node + " is drawn as an up node at its position")
                    .matches(c -> near(c, Palette.DARK.nodeUp()));
        }
        // the three nodes sit on one circle, 120 degrees apart (one token each, evenly spaced)
        Point2D a = fx(() -> window.clusterView().nodeCenter("n1"));
        Point2D b = fx(() -> window.clusterView().nodeCenter("n2"));
        Point2D c = fx(() -> window.clusterView().nodeCenter("n3"));
        assertThat(a.distance(b)).isCloseTo(b.distance(c), org.assertj.core.data.Offset.offset(1.0));
        assertThat(b.distance(c)).isCloseTo(c.distance(a), org.assertj.core.data.Offset.offset(1.0));
        // n2 missed v2: the view marks it stale, from the cluster's own storage
        assertThat(fx(() -> window.clusterView().staleness().staleCount("n2"))).isEqualTo(1);
        assertThat(fx(() -> window.clusterView().staleness().staleCount("n1"))).isZero();
        javafx.geometry.Rectangle2D pill = fx(() -> window.clusterView().staleBadge("n2"));
        Point2D badge = fx(() -> window.clusterView().localToScene(pill.getMinX() + 5, pill.getMinY() + pill.getHeight() / 2));
        assertThat(pixels.getColor((int) badge.getX(), (int) badge.getY()))
                .as("the stale badge beside n2").matches(col -> near(col, Palette.DARK.stale()));
    }

    @Test
    void playAdvancesSimulatedTime(FxRobot robot) throws Exception {
        assertThat(fx(model::now)).isZero();

        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> model.now() > Durations.seconds(1)));

        assertThat(fx(model::isPlaying)).isTrue();
        assertThat(count(Event.OperationStarted.class, "n1")).as("the first write at 1s has started").isPositive();
        assertThat(fx(() -> robot.lookup("#playButton").queryButton().getText())).contains("Pause");
        robot.clickOn("#playButton");
        assertThat(fx(model::isPlaying)).isFalse();
    }

    @Test
    void clickingANodeCrashesItAndClickingAgainRecoversIt(FxRobot robot) throws Exception {
        seek(robot, 2);

        robot.clickOn(nodeOnScreen("n2"));
        robot.clickOn("Crash n2");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(count(Event.NodeCrashed.class, "n2")).isEqualTo(1);
        assertThat(fx(() -> model.run().cluster().network().isUp("n2"))).isFalse();
        Point2D fill = fillPoint("n2");
        assertThat(snapshot(robot).getColor((int) fill.getX(), (int) fill.getY()))
                .as("n2 is drawn as down").matches(c -> near(c, Palette.DARK.nodeDown()));
        assertThat(fx(() -> model.actions().size())).as("the crash is recorded for replay").isEqualTo(1);

        robot.clickOn(nodeOnScreen("n2"));
        robot.clickOn("Recover n2");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(count(Event.NodeRecovered.class, "n2")).isEqualTo(1);
        assertThat(fx(() -> model.run().cluster().network().isUp("n2"))).isTrue();
        assertThat(snapshot(robot).getColor((int) fill.getX(), (int) fill.getY()))
                .as("n2 is drawn as up again").matches(c -> near(c, Palette.DARK.nodeUp()));
    }

    @Test
    void stepAdvancesExactlyToTheNextJournalEvent(FxRobot robot) throws Exception {
        ScenarioRun reference = new ScenarioRun(scenario, scenario.seed());
        for (int i = 0; i < 3; i++) {
            int before = reference.sim().journal().size();
            while (reference.sim().journal().size() == before) {
                reference.sim().step();
            }
            robot.clickOn("#stepButton");
            waitIdle();
            assertThat(fx(() -> model.run().sim().journal().size())).as("journal size after step " + (i + 1))
                    .isEqualTo(reference.sim().journal().size());
            assertThat(fx(() -> model.run().sim().journal().digest())).isEqualTo(reference.sim().journal().digest());
            assertThat(fx(model::now)).isEqualTo(reference.sim().now());
        }
    }

    @Test
    void seekingBackwardsReproducesTheEarlierStateExactly(FxRobot robot) throws Exception {
        seek(robot, 12);
        robot.clickOn(nodeOnScreen("n3"));
        robot.clickOn("Crash n3");
        seek(robot, 16);
        int size16 = fx(() -> model.run().sim().journal().size());
        String digest16 = fx(() -> model.run().sim().journal().digest());
        seek(robot, 32);
        assertThat(fx(() -> model.run().sim().journal().size())).isGreaterThan(size16);

        seek(robot, 16);

        assertThat(fx(() -> model.run().sim().journal().size())).isEqualTo(size16);
        assertThat(fx(() -> model.run().sim().journal().digest())).isEqualTo(digest16);
        assertThat(fx(() -> model.run().cluster().network().isUp("n3"))).as("the crash was replayed").isFalse();

        // and before the crash, the state is exactly a fresh run's
        seek(robot, 11);
        ScenarioRun fresh = new ScenarioRun(scenario, scenario.seed());
        fresh.sim().runUntil(Durations.seconds(11));
        assertThat(fx(() -> model.run().sim().journal().digest())).isEqualTo(fresh.sim().journal().digest());
        assertThat(fx(() -> model.run().cluster().network().isUp("n3"))).isTrue();
    }

    @Test
    void arrowKeysStepForwardAndBackExactly(FxRobot robot) throws Exception {
        robot.clickOn("#timeLabel"); // focus the window, not a text field
        robot.type(KeyCode.RIGHT);
        waitIdle();
        robot.type(KeyCode.RIGHT);
        waitIdle();
        int afterTwo = fx(() -> model.run().sim().journal().size());
        String digestTwo = fx(() -> model.run().sim().journal().digest());
        robot.type(KeyCode.RIGHT);
        waitIdle();
        assertThat(fx(() -> model.run().sim().journal().size())).isGreaterThan(afterTwo);

        robot.type(KeyCode.LEFT);
        waitIdle();

        assertThat(fx(() -> model.run().sim().journal().size())).isEqualTo(afterTwo);
        assertThat(fx(() -> model.run().sim().journal().digest())).isEqualTo(digestTwo);
    }

    @Test
    void switchingReadRepairInTheControlsChangesTheRun(FxRobot robot) throws Exception {
        assertThat(fx(() -> model.run().readRepair().mode())).isEqualTo(ReadRepairMode.NONE);

        robot.clickOn("#repairTab");
        reveal(robot, "#readRepairMode");
        choose(robot, "#readRepairMode", "foreground");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> model.run().readRepair().mode())).isEqualTo(ReadRepairMode.FOREGROUND);
        assertThat(fx(() -> model.run().sim().journal().events().stream()
                .anyMatch(e -> e instanceof Event.SettingChanged s && s.setting().equals("readRepair")))).isTrue();
        // the switch is part of the recorded history: a replay keeps it
        seek(robot, 3);
        seek(robot, 0);
        seek(robot, 3);
        assertThat(fx(() -> model.run().readRepair().mode())).isEqualTo(ReadRepairMode.FOREGROUND);
    }

    @Test
    void aForegroundReadThroughTheControlsFixesTheStaleReplica(FxRobot robot) throws Exception {
        seek(robot, 9); // n2 missed v2 in the story
        assertThat(fx(() -> model.run().oracle().diverged("user:42"))).isTrue();
        robot.clickOn("#repairTab");
        reveal(robot, "#readRepairMode");
        choose(robot, "#readRepairMode", "foreground");
        robot.clickOn("#faultsTab");
        reveal(robot, "#clientCoordinator");
        choose(robot, "#clientCoordinator", "n2");
        choose(robot, "#clientConsistency", "ALL");

        robot.clickOn("#readButton");
        seek(robot, 9.5);

        assertThat(count(Event.ReadRepairSent.class, "n2")).as("a read repair to n2").isPositive();
        assertThat(fx(() -> model.run().oracle().diverged("user:42"))).isFalse();
        assertThat(fx(() -> window.clusterView().staleness().staleCount("n2"))).isZero();
    }

    @Test
    void crashingTheReplicaQueuesHintsAtTheCoordinatorAndRecoveringReplaysThem(FxRobot robot) throws Exception {
        robot.clickOn("#repairTab");
        reveal(robot, "#hintsEnabled");
        robot.clickOn("#hintsEnabled");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> model.run().hints().settings().enabled())).isTrue();
        seek(robot, 2);
        robot.clickOn(nodeOnScreen("n3"));
        robot.clickOn("Crash n3");
        seek(robot, 9); // past the failure detector's 5 s: n1 believes n3 down
        robot.clickOn("#faultsTab");
        reveal(robot, "#clientKey");
        robot.clickOn("#clientKey").eraseText(12).write("user:7");
        robot.clickOn("#writeButton");
        seek(robot, 9.5);

        assertThat(fx(() -> model.run().hints().queued("n1"))).as("n1 keeps a hint for n3").isPositive();
        assertThat(count(Event.HintStored.class, "n3")).isPositive();

        robot.clickOn(nodeOnScreen("n3"));
        robot.clickOn("Recover n3");
        seek(robot, 30);

        assertThat(count(Event.HintReplayed.class, "n3")).as("replayed once n3 is seen up").isPositive();
        assertThat(fx(() -> model.run().hints().queued("n1"))).isZero();
        assertThat(fx(() -> model.run().cluster().storage("n3").get("user:7"))).isNotEmpty();
    }

    @Test
    void aBrokenScenarioShowsWhereItIsBrokenAndKeepsTheCurrentRun(FxRobot robot, @TempDir Path dir) throws Exception {
        seek(robot, 5);
        ScenarioRun before = fx(model::run);
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"name\": \"broken\",\n  \"duration\": \"ten seconds\",\n  \"nodez\": 3\n}\n",
                StandardCharsets.UTF_8);

        boolean opened = fx(() -> window.openFile(broken));

        assertThat(opened).isFalse();
        assertThat(fx(window::errorShown)).isTrue();
        String text = robot.lookup("#errorBanner").queryAs(Label.class).getText();
        assertThat(text).contains("broken.json:").containsPattern("broken\\.json:\\d+:\\d+");
        assertThat(fx(model::run)).as("the old run stays").isSameAs(before);
        assertThat(fx(model::now)).isEqualTo(Durations.seconds(5));
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> model.now() > Durations.seconds(5)));
        robot.clickOn("#dismissError");
        assertThat(fx(window::errorShown)).isFalse();
    }

    @Test
    void steppingAnExchangeByHandRepairsTheStaleReplicaUntilBothTreesMatch(FxRobot robot) throws Exception {
        seek(robot, 9); // n2 missed v2 of user:42
        robot.clickOn("#repairTab");
        reveal(robot, "#stepExchangeButton");
        robot.clickOn("#stepExchangeButton"); // the pair defaults to n1 <-> n2
        waitIdle();
        ExchangeView first = fx(() -> model.run().antiEntropy().currentExchange().orElseThrow());
        assertThat(first.nodeA()).isEqualTo("n1");
        assertThat(first.nodeB()).isEqualTo("n2");
        assertThat(first.manual()).isTrue();
        assertThat(first.finished()).isFalse();
        long levelsBefore = count(Event.MerkleLevelCompared.class, "n2");
        assertThat(levelsBefore).as("one level per click").isEqualTo(1);

        robot.clickOn("#inspectTab");
        robot.clickOn("#merkleTab");
        int clicks = stepUntilFinished(robot);

        ExchangeView repaired = fx(() -> model.run().antiEntropy().currentExchange().orElseThrow());
        assertThat(repaired.phase()).isEqualTo(ExchangeView.Phase.REPAIRED);
        assertThat(count(Event.MerkleLevelCompared.class, "n2")).isEqualTo(repaired.depth() + 1);
        assertThat(clicks).isGreaterThanOrEqualTo(repaired.depth());
        assertThat(fx(() -> model.run().oracle().diverged("user:42"))).isFalse();

        // a second exchange of the same pair: the roots match at once
        robot.clickOn("#merkleStepButton");
        waitIdle();
        stepUntilFinished(robot);
        ExchangeView again = fx(() -> model.run().antiEntropy().currentExchange().orElseThrow());
        assertThat(again.session()).isGreaterThan(repaired.session());
        assertThat(again.phase()).isEqualTo(ExchangeView.Phase.IN_SYNC);
        assertThat(again.ranges()).allSatisfy(r -> assertThat(r.nodes()).filteredOn(n -> n.level() == 0)
                .allSatisfy(n -> assertThat(n.mark()).isEqualTo(ExchangeView.Mark.MATCHED)));
    }

    private int stepUntilFinished(FxRobot robot) throws Exception {
        int clicks = 0;
        while (!fx(() -> model.run().antiEntropy().currentExchange().map(ExchangeView::finished).orElse(false))) {
            assertThat(clicks).as("clicks before the exchange ends").isLessThan(40);
            robot.clickOn("#merkleStepButton");
            waitIdle();
            clicks++;
        }
        return clicks;
    }

    @Test
    void theEventLogFiltersByTypeAndKey(FxRobot robot) throws Exception {
        seek(robot, 12);
        robot.clickOn("#logTab");
        choose(robot, "#logType", "Caption");
        WaitForAsyncUtils.waitForFxEvents();

        long captions = count(Event.Caption.class, null);
        assertThat(captions).isPositive();
        assertThat(fx(() -> window.eventLog().list().getItems().size())).isEqualTo((int) captions);
        assertThat(fx(() -> window.eventLog().list().getItems().stream().allMatch(e -> e.event() instanceof Event.Caption)))
                .isTrue();

        choose(robot, "#logType", "all");
        robot.clickOn("#logKey").write("user:42");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> robot.lookup("#logKey").queryTextInputControl().getText())).isEqualTo("user:42");
        long aboutKey = fx(() -> model.run().sim().journal().events().stream().filter(e -> "user:42".equals(e.key())
                || (e instanceof Event.MessageSent m && "user:42".equals(m.key()))).count());
        assertThat(fx(() -> window.eventLog().list().getItems().size())).isEqualTo((int) aboutKey);
    }

    @Test
    void aCheckpointPausesTheLessonAsksAndThePlayOnReveals(FxRobot robot) throws Exception {
        seek(robot, 8.5); // half a second before the story's checkpoint at 9 s
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> model.questionProperty().get() != null));

        assertThat(fx(model::isPlaying)).as("the lesson pauses for the question").isFalse();
        assertThat(fx(model::now)).isEqualTo(Durations.seconds(9));
        assertThat(robot.lookup("#questionOverlay").query().isVisible()).isTrue();
        robot.clickOn("#choice1"); // "v2": the wrong prediction
        assertThat(fx(() -> robot.lookup("#questionVerdict").queryAs(Label.class).getText()))
                .startsWith("Not quite").contains("v1");

        robot.clickOn("#questionPlayOn");
        assertThat(fx(() -> model.questionProperty().get())).isNull();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> model.now() > Durations.seconds(10.5)));
        assertThat(fx(() -> model.run().sim().journal().events().stream().anyMatch(e ->
                e instanceof Event.ExpectationChecked x && x.at() == Durations.seconds(10.5) && x.passed())))
                .as("the checkpoint's expectation, checked at its reveal time").isTrue();
    }

    @Test
    void seekingPastACheckpointDoesNotAsk(FxRobot robot) throws Exception {
        seek(robot, 12);
        assertThat(fx(() -> model.questionProperty().get())).isNull();
        assertThat(robot.lookup("#questionOverlay").query().isVisible()).isFalse();
    }

    @Test
    void theCountersPanelShowsTheRunsReportNumbers(FxRobot robot) throws Exception {
        seek(robot, 12);
        robot.clickOn("#countersTab");
        WaitForAsyncUtils.waitForFxEvents();

        java.util.Map<String, Long> metrics = fx(() -> model.run().metrics());
        assertThat(metrics.get("writes")).isEqualTo(2);
        for (String name : List.of("writes", "reads", "staleReads", "divergentKeys")) {
            String shown = fx(() -> robot.lookup("#counter-" + name).queryAs(Label.class).getText());
            assertThat(shown).as(name).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", metrics.get(name)));
        }
    }

    @Test
    void presentationModeRedrawsInTheHighContrastPalette(FxRobot robot) throws Exception {
        Point2D before = fillPoint("n1");
        assertThat(snapshot(robot).getColor((int) before.getX(), (int) before.getY()))
                .matches(c -> near(c, Palette.DARK.nodeUp()));

        robot.clickOn("#presentationToggle");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> window.scene().getRoot().getStyleClass().contains("presentation"))).isTrue();
        Point2D after = fillPoint("n1");
        PixelReader pixels = snapshot(robot);
        assertThat(pixels.getColor((int) after.getX(), (int) after.getY()))
                .as("n1 in the presentation palette").matches(c -> near(c, Palette.PRESENTATION.nodeUp()));
        Point2D corner = fx(() -> window.clusterView().localToScene(window.clusterView().getWidth() / 2, 4));
        assertThat(pixels.getColor((int) corner.getX(), (int) corner.getY()))
                .as("the stage turns white").matches(c -> near(c, Palette.PRESENTATION.background()));
    }

    @Test
    void theHelpOverlayListsTheKeys(FxRobot robot) throws Exception {
        robot.clickOn("#timeLabel");
        assertThat(window.helpNode().isVisible()).isFalse();
        robot.type(KeyCode.H);
        assertThat(window.helpNode().isVisible()).isTrue();
        assertThat(robot.lookup("Space").tryQuery()).isPresent();
        robot.type(KeyCode.ESCAPE);
        assertThat(window.helpNode().isVisible()).isFalse();
    }

    @Test
    void clickingAnEventInTheLogSeeksToIt(FxRobot robot, @TempDir Path dir) throws Exception {
        seek(robot, 12);
        robot.clickOn("#logTab");
        WaitForAsyncUtils.waitForFxEvents();
        int index = 3;
        Event target = fx(() -> model.run().sim().journal().events().get(index));
        robot.interact(() -> window.eventLog().list().scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#eventList .list-cell").match((javafx.scene.control.ListCell<?> cell) ->
                cell.isVisible() && cell.getItem() instanceof dev.repairscope.ui.view.EventLogPane.Entry e
                        && e.index() == index).queryAs(javafx.scene.control.ListCell.class));
        waitIdle();

        assertThat(fx(() -> model.run().sim().journal().size())).isEqualTo(index + 1);
        assertThat(fx(() -> model.run().sim().journal().events().get(index))).isEqualTo(target);
        assertThat(fx(model::now)).isEqualTo(target.at());
    }

    @Test
    void exportsWriteTheJournalAndTheCounters(FxRobot robot, @TempDir Path dir) throws Exception {
        seek(robot, 12);
        Path jsonl = dir.resolve("trace.jsonl");
        Path csv = dir.resolve("counters.csv");
        Path png = dir.resolve("view.png");
        robot.interact(() -> {
            try {
                Exports.jsonl(model.run(), jsonl);
                Exports.csv(model.run(), model.charts(), csv);
                Exports.png(window.clusterView(), png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        List<String> lines = Files.readAllLines(jsonl);
        assertThat(lines).hasSize(fx(() -> model.run().sim().journal().size()));
        assertThat(lines.get(0)).startsWith("{\"type\":");
        assertThat(Files.readString(csv)).contains("metric,value").contains("writes,").contains("divergent_cold,");
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(fx(() -> (int) Math.ceil(window.clusterView().getWidth())));
    }
}
