package dev.repairscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioLoader;
import dev.repairscope.sim.Durations;
import dev.repairscope.ui.model.Flight;
import dev.repairscope.ui.model.SimulationModel;
import dev.repairscope.ui.view.ClusterView;
import dev.repairscope.ui.view.Palette;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 32 nodes and about two thousand messages on the wire: every node is drawn on the ring, every
 * message is counted and drawn in its kind's colour, and a frame (simulation slice plus drawing) stays far below a second. The
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

    /**
     * Crowded, every message is still drawn as a dot in its kind's colour: each family on the wire
     * shows at least one pixel of exactly its colour for every two of its messages (dots overlap
     * where links meet, and an ack's core inside its outline is only a few pixels).
     */
    @Test
    void everyKindOnTheWireIsDrawnInItsColour(FxRobot robot) throws Exception {
        robot.interact(() -> model.seek(Durations.seconds(3)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> !model.isBusy()).get());
        Map<Palette.Family, Integer> messages = WaitForAsyncUtils.asyncFx(() -> {
            Map<Palette.Family, Integer> byFamily = new LinkedHashMap<>();
            for (Flight flight : model.inFlight()) {
                byFamily.merge(Palette.familyOf(flight.kind()), 1, Integer::sum);
            }
            return byFamily;
        }).get();
        PixelReader pixels = WaitForAsyncUtils.asyncFx(() -> {
            ClusterView view = window.clusterView();
            view.render(System.nanoTime());
            return view.snapshot(null, null).getPixelReader();
        }).get();
        double width = window.clusterView().getWidth();
        double height = window.clusterView().getHeight();
        assertThat(messages).as("kinds on the wire").hasSizeGreaterThanOrEqualTo(3);
        for (Map.Entry<Palette.Family, Integer> family : messages.entrySet()) {
            int coloured = 0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (near(pixels.getColor(x, y), family.getKey().color())) {
                        coloured++;
                    }
                }
            }
            System.out.printf("%s: %d messages, %d pixels%n", family.getKey().label(), family.getValue(), coloured);
            assertThat(coloured).as(family.getKey().label() + " pixels").isGreaterThanOrEqualTo(family.getValue() / 2);
        }
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.04 && Math.abs(a.getGreen() - b.getGreen()) < 0.04
                && Math.abs(a.getBlue() - b.getBlue()) < 0.04;
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
