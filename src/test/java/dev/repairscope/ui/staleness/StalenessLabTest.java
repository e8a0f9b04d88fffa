package dev.repairscope.ui.staleness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.scenario.ScenarioLoader;
import dev.repairscope.ui.MainWindow;
import dev.repairscope.ui.ScenarioCatalog;
import dev.repairscope.ui.WindowState;
import dev.repairscope.ui.model.SimulationModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The staleness lab opened from the main window's toolbar, run with real clicks on a small
 * experiment (2,000 trials per pair, LNKD-DISK, N=3), checked on the chart it draws.
 */
@ExtendWith(ApplicationExtension.class)
class StalenessLabTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(new SimulationModel(), WindowState.transientState(1260, 780));
        window.open(ScenarioCatalog.bundled(ScenarioLoader.DEFAULT_SCENARIO));
        stage.setScene(window.scene());
        stage.show();
        window.start();
    }

    @AfterEach
    void closeTheLab() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof StalenessLabPane)
                .forEach(Window::hide)).get(10, TimeUnit.SECONDS);
    }

    private static <T> T fx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
    }

    private StalenessLabPane openLab(FxRobot robot) throws Exception {
        robot.clickOn("#stalenessLabButton");
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> (StalenessLabPane) robot.lookup("#stalenessLab").query());
    }

    private static void type(FxRobot robot, String field, String text) {
        TextField control = robot.lookup(field).queryAs(TextField.class);
        robot.clickOn(control);
        robot.interact(control::selectAll);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSmallExperimentPlotsOneRisingLinePerPairAndStrictQuorumsAtHundredPercent(FxRobot robot, @TempDir Path dir)
            throws Exception {
        StalenessLabPane lab = openLab(robot);
        assertThat(fx(() -> lab.getScene().getWindow().getWidth())).as("fits Monocle's 1280x800 screen")
                .isLessThanOrEqualTo(1260);
        type(robot, "#labTrials", "2000");
        assertThat(fx(() -> lab.settings().trials())).isEqualTo(2000);
        assertThat(fx(() -> lab.settings().pairs())).hasSize(4);

        robot.clickOn("#labRun");
        boolean sawItRunning = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (fx(() -> lab.resultsProperty().get() == null)) {
            // the FX thread answers while the experiment runs: it runs elsewhere
            sawItRunning |= fx(() -> lab.runningProperty().get());
            assertThat(System.nanoTime()).as("the run ends within 90 s; status: " + lab.statusText()).isLessThan(deadline);
            Thread.sleep(20);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sawItRunning).as("the window answered while the experiment ran").isTrue();
        assertThat(fx(() -> lab.runningProperty().get())).isFalse();

        List<XYChart.Series<Number, Number>> lines = fx(() -> List.copyOf(lab.chart().getData()));
        assertThat(lines).extracting(XYChart.Series::getName)
                .containsExactly("R=1 W=1", "R=1 W=2", "R=2 W=1", "R=2 W=2");
        for (XYChart.Series<Number, Number> line : lines) {
            List<Double> ys = line.getData().stream().map(d -> d.getYValue().doubleValue()).toList();
            assertThat(ys).as(line.getName() + ": one point per t").hasSize(11);
            for (int i = 1; i < ys.size(); i++) {
                assertThat(ys.get(i)).as(line.getName() + " rises with t (point " + i + ", sampling noise allowed)")
                        .isGreaterThanOrEqualTo(ys.get(i - 1) - 3.0);
            }
            assertThat(ys.get(ys.size() - 1)).as(line.getName() + " ends near 100%").isGreaterThan(99.0);
        }
        List<Double> oneOne = lines.get(0).getData().stream().map(d -> d.getYValue().doubleValue()).toList();
        assertThat(oneOne.get(0)).as("R=W=1 at t=0: reads race the write").isLessThan(80.0);
        assertThat(oneOne.get(oneOne.size() - 1) - oneOne.get(0)).as("R=W=1 climbs").isGreaterThan(20.0);
        assertThat(lines.get(3).getData()).as("R=W=2 > N=3: every read consistent")
                .allSatisfy(d -> assertThat(d.getYValue().doubleValue()).isEqualTo(100.0));

        // the percentiles beside the chart
        for (String cell : List.of("#lab-1-1-read-p50", "#lab-2-2-write-p999", "#lab-1-1-safe", "#lab-2-2-floor")) {
            assertThat(fx(() -> robot.lookup(cell).queryAs(Label.class).getText())).as(cell).isNotBlank();
        }
        assertThat(fx(() -> robot.lookup("#lab-2-2-floor").queryAs(Label.class).getText())).isEqualTo("100.0%");
        assertThat(fx(() -> robot.lookup("#lab-2-2-safe").queryAs(Label.class).getText())).isEqualTo("0 ms");

        // exports: the numbers as CSV, the figure as PNG
        Path csv = dir.resolve("lab.csv");
        Path png = dir.resolve("lab.png");
        robot.interact(() -> {
            try {
                lab.exportCsv(csv);
                lab.exportPng(png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(1)).isEqualTo("t_ms,consistent_r1_w1,consistent_r1_w2,consistent_r2_w1,consistent_r2_w2");
        assertThat(rows.get(2)).startsWith("0,");
        assertThat(rows).anyMatch(r -> r.startsWith("r,w,reads_per_t,closed_form"));
        assertThat(rows).anyMatch(r -> r.startsWith("2,2,2000,1.000000,0,"));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(600);
    }

    @Test
    void aPairThatDoesNotFitIsReportedAndNothingRuns(FxRobot robot) throws Exception {
        StalenessLabPane lab = openLab(robot);
        type(robot, "#labPairs", "(1,1) (4,1)");
        robot.clickOn("#labRun");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(lab::statusText)).contains("R=4 W=1").contains("R <= N");
        assertThat(fx(() -> lab.runningProperty().get())).isFalse();
        assertThat(fx(() -> lab.resultsProperty().get())).isNull();
        // asking again brings the same lab forward
        robot.interact(() -> robot.lookup("#stalenessLabButton").queryButton().fire()); // the lab covers the toolbar
        assertThat(robot.lookup("#stalenessLab").queryAll()).hasSize(1);
    }
}
