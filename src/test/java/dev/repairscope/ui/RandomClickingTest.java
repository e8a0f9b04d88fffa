package dev.repairscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.scenario.ScenarioLoader;
import dev.repairscope.sim.Durations;
import dev.repairscope.ui.model.SimulationModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.MouseRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A seeded monkey: a few hundred random real clicks, drags and keys over every control of the
 * window (play and pause, step, back, next operation, restart, the speed and timeline sliders,
 * crash and recover through the node menus, link menus by dragging node to node, cut, blip and heal,
 * the loss slider, every repair switch, sweeps and exchange steps, client reads and writes, the
 * lesson library's scenarios, the tabs, the question overlay), while the run plays, seeks and
 * replays. Asserts that nothing is thrown on the FX thread (or any other) and that the run still
 * advances afterwards. A failure names the seed and the last actions; rerun one seed with
 * {@code -Drepairscope.monkey.seed=N} (and {@code -Drepairscope.monkey.actions=N} for a longer soak).
 */
@ExtendWith(ApplicationExtension.class)
class RandomClickingTest {
    private static final int ACTIONS = Integer.getInteger("repairscope.monkey.actions", 100);

    private MainWindow window;
    private SimulationModel model;
    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    private Thread.UncaughtExceptionHandler previousDefault;
    private Thread.UncaughtExceptionHandler previousFx;

    @Start
    void start(Stage stage) {
        window = new MainWindow(new SimulationModel(), WindowState.transientState(1260, 780));
        model = window.model();
        window.open(ScenarioCatalog.bundled(ScenarioLoader.DEFAULT_SCENARIO));
        window.openInitial(ScenarioCatalog.bundled(ScenarioLoader.DEFAULT_SCENARIO).token()); // fills the picker, plays
        stage.setScene(window.scene());
        stage.show();
        window.start();
        // every uncaught exception, on the FX thread and elsewhere, is collected
        previousDefault = Thread.getDefaultUncaughtExceptionHandler();
        previousFx = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.UncaughtExceptionHandler collect = (thread, e) -> uncaught.add(e);
        Thread.setDefaultUncaughtExceptionHandler(collect);
        Thread.currentThread().setUncaughtExceptionHandler(collect);
    }

    @AfterEach
    void restoreHandlers() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(previousDefault);
        fx(() -> {
            Thread.currentThread().setUncaughtExceptionHandler(previousFx);
            window.stop();
            model.pause();
            return null;
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 22, 33})
    void randomClickingNeverThrowsAndTheRunStillAdvances(long seed, FxRobot robot) throws Exception {
        Long only = Long.getLong("repairscope.monkey.seed");
        org.junit.jupiter.api.Assumptions.assumeTrue(only == null || only == seed, "another seed was asked for");
        Random random = new Random(seed);
        Deque<String> recent = new ArrayDeque<>();
        try {
            long began = System.nanoTime();
            List<String> slow = new ArrayList<>();
            java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
            for (int i = 0; i < ACTIONS; i++) {
                long t0 = System.nanoTime();
                String done;
                try {
                    done = act(robot, random);
                } catch (OffScreen e) {
                    done = "skip: " + e.getMessage();
                }
                recent.addLast(i + ": " + done);
                if (recent.size() > 25) {
                    recent.removeFirst();
                }
                WaitForAsyncUtils.waitForFxEvents(2);
                kinds.merge(done.startsWith("skip") || done.contains("(no item") ? "skipped" : done.split(" ")[0],
                        1, Integer::sum);
                long took = (System.nanoTime() - t0) / 1_000_000;
                if (took > 1000) {
                    slow.add(took + " ms: " + done);
                }
                assertThat(uncaught).as("uncaught exceptions after action " + i + " (" + done + ")").isEmpty();
            }
            System.out.printf(Locale.ROOT, "seed %d: %d actions in %.1f s %s; slower than 1 s: %s%n", seed, ACTIONS,
                    (System.nanoTime() - began) / 1e9, kinds, slow);
            closePopups(robot);
            // the run still advances: back to the start, dismiss any question, play
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !model.isBusy()));
            robot.interact(() -> {
                model.dismissQuestion();
                model.speedProperty().set(1);
                model.seek(0);
                model.play();
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> model.now() > Durations.ms(200)));
            assertThat(fx(model::now)).as("the run advances after the monkey").isPositive();
            assertThat(uncaught).as("uncaught exceptions").isEmpty();
        } catch (Throwable failure) {
            String message = String.format(Locale.ROOT, "random clicking failed with seed %d (rerun with "
                    + "-Drepairscope.monkey.seed=%d); last actions:%n  %s%nuncaught: %s", seed, seed,
                    String.join("\n  ", recent), uncaught);
            System.err.println(message);
            uncaught.forEach(Throwable::printStackTrace);
            AssertionError error = new AssertionError(message, failure);
            throw error;
        }
    }

    // ---- the actions -----------------------------------------------------------------------------

    private String act(FxRobot robot, Random random) throws Exception {
        closePopups(robot);
        dismissHelp(robot);
        int pick = random.nextInt(100);
        if (pick < 8) {
            return click(robot, "#playButton");
        } else if (pick < 13) {
            return click(robot, "#stepButton");
        } else if (pick < 17) {
            return click(robot, "#stepBackButton");
        } else if (pick < 20) {
            return click(robot, "#nextOpButton");
        } else if (pick < 22) {
            return click(robot, "#restartButton");
        } else if (pick < 27) {
            return clickAlong(robot, "#speedSlider", random);
        } else if (pick < 33) {
            return clickAlong(robot, "#timelineSlider", random);
        } else if (pick < 43) {
            return nodeMenu(robot, random);
        } else if (pick < 48) {
            return linkMenu(robot, random);
        } else if (pick < 56) {
            return faultControl(robot, random);
        } else if (pick < 66) {
            return repairControl(robot, random);
        } else if (pick < 71) {
            return clientControl(robot, random);
        } else if (pick < 74) {
            return openScenario(robot, random);
        } else if (pick < 82) {
            return key(robot, random);
        } else if (pick < 90) {
            return tab(robot, random);
        } else if (pick < 95) {
            return question(robot, random);
        } else if (pick < 97) {
            return click(robot, "#presentationToggle");
        } else {
            robot.sleep(50 + random.nextInt(200)); // let it play a little
            return "wait";
        }
    }

    private String click(FxRobot robot, String query) {
        Node node = find(robot, query);
        if (node == null || !shown(node) || node.isDisabled()) {
            return "skip " + query;
        }
        tap(robot, node);
        return "click " + query;
    }

    /** A click somewhere along a slider's track: the thumb jumps there (seek, speed, loss). */
    private String clickAlong(FxRobot robot, String query, Random random) throws Exception {
        Node node = find(robot, query);
        if (node == null || !shown(node) || node.isDisabled()) {
            return "skip " + query;
        }
        double fraction = 0.02 + 0.96 * random.nextDouble();
        Point2D at = fx(() -> {
            Bounds b = node.localToScreen(node.getBoundsInLocal());
            return new Point2D(b.getMinX() + b.getWidth() * fraction, b.getMinY() + b.getHeight() / 2);
        });
        tap(robot, at);
        return String.format(Locale.ROOT, "click %s at %.2f", query, fraction);
    }

    private String nodeMenu(FxRobot robot, Random random) throws Exception {
        List<String> nodes = fx(() -> model.run().cluster().nodes());
        String node = nodes.get(random.nextInt(nodes.size()));
        Point2D at = nodeOnScreen(node);
        if (at == null) {
            return "skip node " + node;
        }
        tap(robot, at);
        List<String> wanted = random.nextInt(3) == 0
                ? List.of("Inspect ") : List.of("Crash " + node, "Recover " + node);
        Labeled item = menuLabel(robot, text -> wanted.stream().anyMatch(text::startsWith));
        if (item == null) {
            return "node menu " + node + " (no item)";
        }
        String text = item.getText();
        tap(robot, item);
        return "node menu: " + text;
    }

    private String linkMenu(FxRobot robot, Random random) throws Exception {
        List<String> nodes = fx(() -> model.run().cluster().nodes());
        if (nodes.size() < 2) {
            return "skip link menu";
        }
        String a = nodes.get(random.nextInt(nodes.size()));
        String b = nodes.get(random.nextInt(nodes.size()));
        Point2D from = nodeOnScreen(a);
        Point2D to = nodeOnScreen(b);
        if (from == null || to == null || a.equals(b)) {
            return "skip link menu";
        }
        drag(robot, from, to);
        List<String> starts = List.of("Cut ", "Blip ", "Heal ", "Anti-entropy repair ");
        String start = starts.get(random.nextInt(starts.size()));
        Labeled item = menuLabel(robot, text -> text.startsWith(start));
        if (item == null) {
            return "link menu " + a + "-" + b + " (no item)";
        }
        String text = item.getText();
        tap(robot, item);
        return "link menu: " + text;
    }

    private String faultControl(FxRobot robot, Random random) throws Exception {
        tabById(robot, "#faultsTab");
        return switch (random.nextInt(9)) {
            case 0 -> choose(robot, "#faultNode", random);
            case 1 -> click(robot, "#crashButton");
            case 2 -> choose(robot, "#linkFrom", random);
            case 3 -> choose(robot, "#linkTo", random);
            case 4 -> click(robot, "#cutButton");
            case 5 -> click(robot, "#blipButton");
            case 6 -> click(robot, "#healButton");
            default -> revealThen(robot, "#lossSlider", () -> clickAlong(robot, "#lossSlider", random));
        };
    }

    private String repairControl(FxRobot robot, Random random) throws Exception {
        tabById(robot, "#repairTab");
        return switch (random.nextInt(12)) {
            case 0 -> revealThen(robot, "#hintsEnabled", () -> click(robot, "#hintsEnabled"));
            case 1 -> revealThen(robot, "#hintStyle", () -> choose(robot, "#hintStyle", random));
            case 2 -> revealThen(robot, "#readRepairMode", () -> choose(robot, "#readRepairMode", random));
            case 3 -> revealThen(robot, "#readRepairChance", () -> clickAlong(robot, "#readRepairChance", random));
            case 4 -> revealThen(robot, "#aeEnabled", () -> click(robot, "#aeEnabled"));
            case 5 -> revealThen(robot, "#aeMaintenance", () -> choose(robot, "#aeMaintenance", random));
            case 6, 7 -> revealThen(robot, "#sweepButton", () -> click(robot, "#sweepButton"));
            case 8, 9 -> revealThen(robot, "#stepExchangeButton", () -> click(robot, "#stepExchangeButton"));
            case 10 -> revealThen(robot, "#repairPairButton", () -> click(robot, "#repairPairButton"));
            default -> revealThen(robot, "#aeNodeB", () -> choose(robot, "#aeNodeB", random));
        };
    }

    private String clientControl(FxRobot robot, Random random) throws Exception {
        tabById(robot, "#faultsTab");
        return switch (random.nextInt(4)) {
            case 0 -> revealThen(robot, "#clientCoordinator", () -> choose(robot, "#clientCoordinator", random));
            case 1 -> revealThen(robot, "#clientConsistency", () -> choose(robot, "#clientConsistency", random));
            case 2 -> revealThen(robot, "#writeButton", () -> click(robot, "#writeButton"));
            default -> revealThen(robot, "#readButton", () -> click(robot, "#readButton"));
        };
    }

    private String openScenario(FxRobot robot, Random random) throws Exception {
        ComboBox<?> picker = (ComboBox<?>) find(robot, "#scenarioPicker");
        if (!shown(picker)) {
            return "skip picker";
        }
        tap(robot, picker);
        List<ListCell<?>> cells = fx(() -> robot.lookup(".combo-box-popup .list-cell")
                .match((ListCell<?> c) -> c.isVisible() && c.getItem() != null).queryAllAs(ListCell.class)
                .stream().<ListCell<?>>map(c -> c).toList());
        if (cells.isEmpty()) {
            return "picker (no items)";
        }
        ListCell<?> cell = cells.get(random.nextInt(cells.size()));
        String text = cell.getText();
        tap(robot, cell);
        return "open scenario " + text;
    }

    private String key(FxRobot robot, Random random) {
        tap(robot, find(robot, "#timeLabel")); // focus the window, not a text field
        KeyCode[] keys = {KeyCode.SPACE, KeyCode.RIGHT, KeyCode.LEFT, KeyCode.PLUS, KeyCode.MINUS, KeyCode.HOME,
                KeyCode.H, KeyCode.ESCAPE};
        KeyCode key = keys[random.nextInt(keys.length)];
        if (key == KeyCode.RIGHT && random.nextBoolean()) {
            robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
            return "key shift+right";
        }
        robot.type(key);
        return "key " + key;
    }

    private String tab(FxRobot robot, Random random) throws Exception {
        String[] tabs = {"#faultsTab", "#repairTab", "#inspectTab", "#chartsTab", "#logTab", "#countersTab",
                "#nodeTab", "#hintsTab", "#keyTab", "#merkleTab"};
        String id = tabs[random.nextInt(tabs.length)];
        if (id.equals("#nodeTab") || id.equals("#hintsTab") || id.equals("#keyTab") || id.equals("#merkleTab")) {
            tabById(robot, "#inspectTab");
        }
        return tabById(robot, id);
    }

    private String question(FxRobot robot, Random random) {
        Node overlay = find(robot, "#questionOverlay");
        if (overlay == null || !overlay.isVisible()) {
            return click(robot, "#playButton");
        }
        String[] answers = {"#choice0", "#choice1", "#choice2", "#questionPlayOn", "#questionClose"};
        return click(robot, answers[random.nextInt(answers.length)]);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /**
     * A real click (glass robot: press and release at that point) without TestFX's animated mouse
     * path, which costs hundreds of FX rounds per move while the window plays.
     */
    private static void tap(FxRobot robot, Point2D at) {
        MouseRobot mouse = robot.robotContext().getMouseRobot();
        mouse.moveNoWait(at);
        mouse.pressNoWait(MouseButton.PRIMARY);
        mouse.releaseNoWait(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents(2);
    }

    /** A real click at the centre of the node's visible part; throws if none of it is on screen. */
    private static void tap(FxRobot robot, Node node) {
        Point2D at;
        try {
            at = WaitForAsyncUtils.asyncFx(() -> visibleCentre(node)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (at == null) {
            throw new OffScreen(node);
        }
        tap(robot, at);
    }

    /** Press on one point, move through the middle to another, release: a drag. */
    private static void drag(FxRobot robot, Point2D from, Point2D to) {
        MouseRobot mouse = robot.robotContext().getMouseRobot();
        mouse.moveNoWait(from);
        mouse.pressNoWait(MouseButton.PRIMARY);
        mouse.moveNoWait(from.midpoint(to));
        mouse.moveNoWait(to);
        mouse.releaseNoWait(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents(2);
    }

    /** The centre of the part of the node inside its window, in screen coordinates, or null. */
    private static Point2D visibleCentre(Node node) {
        if (!shown(node)) {
            return null;
        }
        Bounds b = node.localToScreen(node.getBoundsInLocal());
        Window w = node.getScene().getWindow();
        double minX = Math.max(b.getMinX(), w.getX());
        double minY = Math.max(b.getMinY(), w.getY());
        double maxX = Math.min(b.getMaxX(), w.getX() + w.getWidth());
        double maxY = Math.min(b.getMaxY(), w.getY() + w.getHeight());
        if (maxX - minX < 2 || maxY - minY < 2) {
            return null;
        }
        return new Point2D((minX + maxX) / 2, (minY + maxY) / 2);
    }

    /** A control the monkey wanted is scrolled out of its window: the action is skipped. */
    private static final class OffScreen extends RuntimeException {
        OffScreen(Node node) {
            super("off screen: " + node);
        }
    }

    /**
     * The node {@code query} finds, or null, looked up on the FX thread: walking the scene graph
     * from the test thread races the window changing its children while the run plays.
     */
    private static Node find(FxRobot robot, String query) {
        try {
            return fx(() -> robot.lookup(query).tryQuery().orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException("looking up " + query, e);
        }
    }

    private static <T> T fx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(30, TimeUnit.SECONDS);
    }

    private static boolean shown(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        Bounds b = node.localToScreen(node.getBoundsInLocal());
        return b != null && b.getWidth() > 0 && b.getHeight() > 0;
    }

    private Point2D nodeOnScreen(String node) throws Exception {
        return fx(() -> {
            Point2D c = window.clusterView().nodeCenter(node);
            return c == null || !shown(window.clusterView()) ? null
                    : window.clusterView().localToScreen(c.getX(), c.getY());
        });
    }

    /** The label of a visible context-menu item whose text passes {@code test}, or null. */
    private static Labeled menuLabel(FxRobot robot, java.util.function.Predicate<String> test) throws Exception {
        return fx(() -> robot.lookup(".context-menu .label").match((Labeled l) -> l.getText() != null
                && test.test(l.getText()) && shown(l) && !l.getParent().isDisabled()).tryQueryAs(Labeled.class)
                .orElse(null));
    }

    /** Opens a choice box and clicks one of its items, as a user would. */
    private String choose(FxRobot robot, String query, Random random) throws Exception {
        Node box = find(robot, query);
        if (box == null || !shown(box) || box.isDisabled()) {
            return "skip " + query;
        }
        tap(robot, box);
        List<Labeled> items = fx(() -> robot.lookup(".context-menu .label").match((Labeled l) -> shown(l))
                .queryAllAs(Labeled.class).stream().toList());
        if (items.isEmpty()) {
            return query + " (no items)";
        }
        Labeled item = items.get(random.nextInt(items.size()));
        String text = item.getText();
        tap(robot, item);
        return "choose " + query + " = " + text;
    }

    private String tabById(FxRobot robot, String id) throws Exception {
        Tab tab = fx(() -> {
            for (TabPane pane : robot.lookup(".tab-pane").queryAllAs(TabPane.class)) {
                for (Tab t : pane.getTabs()) {
                    if (id.equals("#" + t.getId())) {
                        return t;
                    }
                }
            }
            return null;
        });
        if (tab == null) {
            return "skip tab " + id;
        }
        if (fx(tab::isSelected)) {
            return "tab " + id + " (already)";
        }
        Node header = fx(() -> robot.lookup(".tab").match((Node n) -> n.getProperties().containsValue(tab)
                || n.getId() != null && n.getId().equals(tab.getId())).tryQuery().orElse(null));
        if (header != null && shown(header)) {
            tap(robot, header);
        } else {
            fx(() -> {
                tab.getTabPane().getSelectionModel().select(tab);
                return null;
            });
        }
        return "tab " + id;
    }

    /** Scrolls the control into view inside its side panel, then does {@code then}. */
    private String revealThen(FxRobot robot, String query, Callable<String> then) throws Exception {
        fx(() -> {
            Node node = robot.lookup(query).tryQuery().orElse(null);
            if (node == null) {
                return null;
            }
            javafx.scene.Parent p = node.getParent();
            while (p != null && !(p instanceof ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof ScrollPane sp && sp.getContent() != null) {
                Bounds b = sp.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double content = sp.getContent().getBoundsInLocal().getHeight();
                double view = sp.getViewportBounds().getHeight();
                if (content > view) {
                    sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 20) / (content - view))));
                }
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(1);
        return then.call();
    }

    /** Hides any open popup (context menus, choice lists) the last action left open. */
    private void closePopups(FxRobot robot) throws Exception {
        boolean open = fx(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof javafx.stage.PopupWindow && w.isShowing()
                        && !(w instanceof javafx.scene.control.Tooltip)));
        if (open) {
            fx(() -> {
                List.copyOf(Window.getWindows()).stream()
                        .filter(w -> w instanceof javafx.stage.PopupWindow && w.isShowing())
                        .forEach(Window::hide);
                return null;
            });
        }
    }

    private void dismissHelp(FxRobot robot) throws Exception {
        fx(() -> {
            window.helpNode().setVisible(false);
            return null;
        });
    }
}
