package dev.repairscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.scenario.ScenarioRun;
import dev.repairscope.sim.Durations;
import dev.repairscope.ui.model.SimulationModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every hostile scenario of the corpus ({@code src/test/resources/broken/}, plus a file over the
 * size limit made on the spot), opened in the window while the current scenario plays: each is
 * refused with the error shown in the banner, naming the file and the line ({@code name.json:LINE}),
 * and the run that was playing is the same run and goes on playing.
 */
@ExtendWith(ApplicationExtension.class)
class HostileFilesInTheWindowTest {
    private MainWindow window;
    private SimulationModel model;

    @Start
    void start(Stage stage) {
        window = new MainWindow(new SimulationModel(), WindowState.transientState(1260, 780));
        model = window.model();
        // a ten-minute run without lesson checkpoints: nothing but a refused file could stop it
        assertThat(window.open(ScenarioCatalog.bundled("/scenarios/window-no-repair-stays-stale.json"))).isTrue();
        stage.setScene(window.scene());
        stage.show();
        window.start();
    }

    private static <T> T fx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(30, TimeUnit.SECONDS);
    }

    @Test
    void everyHostileFileShowsWhereItIsBrokenAndTheCurrentScenarioKeepsPlaying(FxRobot robot, @TempDir Path dir)
            throws Exception {
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("src/test/resources/broken"))) {
            files = new ArrayList<>(listed.sorted().toList());
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        Path big = dir.resolve("40-too-large.json"); // over the loader's size limit
        StringBuilder text = new StringBuilder("{\"name\": \"big\", \"timeline\": [");
        String padding = "\"" + "x".repeat(9_000) + "\"";
        while (text.length() < 3 * 1024 * 1024) {
            text.append("{\"at\": \"1s\", \"action\": \"caption\", \"caption\": ").append(padding).append("},");
        }
        text.append("{\"at\": \"1s\", \"action\": \"check\"}]}");
        Files.writeString(big, text);
        files.add(big);

        robot.interact(() -> {
            model.speedProperty().set(1);
            model.play();
        });
        ScenarioRun playing = fx(model::run);

        for (Path file : files) {
            String name = file.getFileName().toString();
            long before = fx(model::now);
            long t0 = System.nanoTime();
            boolean opened = fx(() -> window.openFile(file));
            long millis = (System.nanoTime() - t0) / 1_000_000;

            assertThat(opened).as(name + " is refused").isFalse();
            assertThat(millis).as(name + ": refused within bounded time (ms)").isLessThan(10_000);
            assertThat(fx(window::errorShown)).as(name + ": the error banner shows").isTrue();
            String shown = fx(() -> robot.lookup("#errorBanner").queryAs(Label.class).getText());
            assertThat(shown).as(name + ": the banner names the file and line")
                    .containsPattern(Pattern.quote(name) + ":\\d+")
                    .contains("the current scenario keeps running");
            assertThat(fx(model::run)).as(name + ": the run that was playing stays").isSameAs(playing);
            assertThat(fx(model::isPlaying)).as(name + ": and keeps playing").isTrue();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(model::now) > before);
            robot.interact(window::hideError);
        }
        assertThat(fx(model::now)).as("the story played on meanwhile").isGreaterThan(Durations.ms(500));
    }
}
