package dev.repairscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioLoader;
import dev.repairscope.sim.Durations;
import dev.repairscope.ui.model.SimulationModel;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 32 nodes and about two thousand messages on the wire: every node is drawn on the ring, every
 * message is counted, and a frame (simulation slice plus drawing) stays far below a second. The
 * time bounds are generous on purpose (a shared two-core machine); the numbers are printed.
 */
@ExtendWith(ApplicationExtension.class)
class BigClusterTest {
    private MainWindow window;
    private SimulationModel model;

    @Start
    void start(Stage stage) throws Exception {
        Scenario big = new ScenarioLoader().parse(ClusterViewFrameBench.SCENARIO, "big.json");
        window = new MainWindow(new SimulationModel(), WindowState.transientState(1260, 780));
        model = window.model();
        model.load(big);
        stage.setScene(window.scene());
        stage.show();
        window.start();
    }

    @Test
    void thirtyTwoNodesAndTwoThousandMessagesStayFluid(FxRobot robot) throws Exception {
        robot.interact(() -> model.seek(Durations.seconds(3)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> !model.isBusy()).get());

        int inFlight = WaitForAsyncUtils.asyncFx(() -> model.inFlight().size()).get();
        assertThat(inFlight).as("messages on the wire").isGreaterThan(1500);
        for (int i = 1; i <= 32; i++) {
            String node = "n" + i;
            Point2D c = WaitForAsyncUtils.asyncFx(() -> window.clusterView().nodeCenter(node)).get();
            assertThat(c).as(node + " is placed").isNotNull();
            assertThat(c.getX()).isBetween(0.0, window.clusterView().getWidth());
            assertThat(c.getY()).isBetween(0.0, window.clusterView().getHeight());
        }

        long worstFrame = WaitForAsyncUtils.asyncFx(() -> {
            model.speedProperty().set(1.0);
            model.play();
            long worst = 0;
            long wall = System.nanoTime();
            for (int frame = 0; frame < 30; frame++) {
                wall += 16_666_667L;
                long t0 = System.nanoTime();
                window.frame(wall);
                worst = Math.max(worst, System.nanoTime() - t0);
            }
            model.pause();
            return worst;
        }).get(60, TimeUnit.SECONDS);
        System.out.printf("32 nodes, %d messages in flight: worst frame %.1f ms%n", inFlight, worstFrame / 1e6);
        assertThat(worstFrame).as("worst frame, ns").isLessThan(500_000_000L);
        assertThat(WaitForAsyncUtils.asyncFx(model::now).get()).as("playing moved the run on")
                .isGreaterThan(Durations.seconds(3));
    }
}
