package dev.repairscope.ui;

import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioLoader;
import dev.repairscope.sim.Durations;
import dev.repairscope.ui.model.RunCommands;
import dev.repairscope.ui.model.SimulationModel;
import dev.repairscope.ui.view.ClusterView;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Benchmark 5 (issue 7): the time to draw one frame of the cluster view with 32 nodes and about
 * 2,000 messages in flight, headless (Monocle, software pipeline). Not JMH: JavaFX must run on its
 * own thread, so this is a plain harness that warms up, then times many frames and prints the
 * median and the 99th percentile.
 *
 * <p>Two figures per frame: {@code render()} alone, the work the window's pulse does on the FX
 * thread each frame (layout of the ring, staleness, every message's position, the drawing commands
 * into the canvas); and {@code render()} plus rasterising the canvas to pixels (a scene snapshot,
 * which also reads the pixels back: an upper bound on what the render thread does per frame).
 * The view keeps what it draws unchanged frame after frame as small images (stamps), made a few
 * a frame after a change of layout: a third figure times the 30 frames after each of a few resizes.
 *
 * <p>Run: {@code mvn -B -DskipTests test-compile exec:exec@bench -Dbench.args="ClusterViewFrameBench"}
 * (arguments after the name: frames to time, default 1000). Nothing asserts times: this prints.
 */
public final class ClusterViewFrameBench {
    /** 32 nodes, 2,200 client operations a second at 150 to 250 ms per message: about 2,000 in flight. */
    static final String SCENARIO = """
            {
              "name": "32 nodes, 2,000 messages in flight",
              "seed": 5,
              "duration": "20s",
              "cluster": { "nodes": 32, "replicationFactor": 3, "detectionDelay": "5s" },
              "network": { "latency": { "type": "uniform", "min": "150ms", "max": "250ms" } },
              "repair": { "hintedHandoff": { "enabled": true }, "readRepair": { "mode": "foreground" } },
              "workload": { "clients": 100, "rate": 2200, "readShare": 0.5, "keys": 20000,
                            "writeConsistency": "QUORUM", "readConsistency": "QUORUM", "start": "0s", "stop": "20s" }
            }
            """;
    static final double WIDTH = 900;
    static final double HEIGHT = 620;

    private ClusterViewFrameBench() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        headless();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await(30, TimeUnit.SECONDS);
        try {
            Bench bench = onFx(Bench::new);
            long[] render = bench.pulsedFrames(frames);
            long[] rasterised = onFx(() -> bench.snapshotFrames(Math.max(1, frames / 4)));
            long[] floor = onFx(() -> Bench.emptySnapshots(Math.max(1, frames / 4)));
            long[] resized = onFx(() -> bench.framesAfterResizes(8, 30));
            System.out.printf(Locale.ROOT, "%n5. Drawing one frame of the cluster view: 32 nodes, %,d messages in flight, "
                            + "%.0fx%.0f, headless (Monocle, software pipeline), %s %s%n"
                            + "   render() per pulse, FX thread:    median %.2f ms, p99 %.2f ms, max %.2f ms (%,d frames)%n"
                            + "   render() + rasterise (snapshot):  median %.2f ms, p99 %.2f ms, max %.2f ms (%,d frames)%n"
                            + "   render() + rasterise, the 30 frames after each of 8 resizes: median %.2f ms, p99 %.2f ms, "
                            + "max %.2f ms%n"
                            + "   snapshot of an empty scene, same size (the readback floor): median %.2f ms, p99 %.2f ms%n",
                    bench.inFlight, WIDTH, HEIGHT, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    percentile(render, 50), percentile(render, 99), percentile(render, 100), render.length,
                    percentile(rasterised, 50), percentile(rasterised, 99), percentile(rasterised, 100),
                    rasterised.length, percentile(resized, 50), percentile(resized, 99), percentile(resized, 100),
                    percentile(floor, 50), percentile(floor, 99));
        } finally {
            Platform.exit();
        }
    }

    /** Monocle headless unless a platform was chosen on the command line. */
    static void headless() {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        setIfAbsent("java.awt.headless", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The view in a shown window, its run sought to 3 s of simulated time and paused there. */
    static final class Bench {
        final SimulationModel model = new SimulationModel();
        final ClusterView view;
        final Scene scene;
        final int inFlight;
        long wall = System.nanoTime();

        Bench() throws Exception {
            Scenario scenario = new ScenarioLoader().parse(SCENARIO, "bench-32-nodes.json");
            model.load(scenario);
            view = new ClusterView(model, new RunCommands(model), () -> "2s");
            scene = new Scene(new StackPane(view), WIDTH, HEIGHT);
            scene.getStylesheets().add(MainWindow.class.getResource("repairscope.css").toExternalForm());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            model.seek(Durations.seconds(3)); // a seek runs in slices driven by the pulse
            while (model.isBusy()) {
                model.pulse(wall += 16_666_667L);
            }
            inFlight = model.inFlight().size();
        }

        /**
         * Times {@code render()} in an animation timer, as the window's pulse calls it: between
         * frames the pulse rasterises the canvas, as on screen. 300 frames of warm-up first.
         */
        long[] pulsedFrames(int frames) throws Exception {
            long[] times = new long[frames];
            CompletableFuture<long[]> done = new CompletableFuture<>();
            Platform.runLater(() -> new AnimationTimer() {
                int frame = -300;

                @Override
                public void handle(long now) {
                    long t0 = System.nanoTime();
                    view.render(wall += 16_666_667L);
                    long took = System.nanoTime() - t0;
                    if (frame >= 0) {
                        times[frame] = took;
                    }
                    if (++frame == frames) {
                        stop();
                        done.complete(times);
                    }
                }
            }.start());
            return done.get(10, TimeUnit.MINUTES);
        }

        /** Times snapshots of an empty scene of the same size: what the snapshot itself costs. */
        static long[] emptySnapshots(int frames) {
            Scene empty = new Scene(new StackPane(), WIDTH, HEIGHT);
            long[] times = new long[frames];
            WritableImage image = null;
            for (int i = -30; i < frames; i++) {
                long t0 = System.nanoTime();
                image = empty.snapshot(image);
                if (i >= 0) {
                    times[i] = System.nanoTime() - t0;
                }
            }
            return times;
        }

        /**
         * Times {@code render()} plus rasterising, {@code frames} frames after each of {@code resizes}
         * changes of the view's size by a few pixels (a new layout: every node, the ring and each
         * badge are drawn anew, then stamped a few a frame).
         */
        long[] framesAfterResizes(int resizes, int frames) {
            StackPane root = (StackPane) scene.getRoot();
            long[] times = new long[resizes * frames];
            WritableImage image = scene.snapshot(null); // the image to read back into, made once
            for (int r = 0; r < resizes; r++) {
                root.setPadding(new Insets(r + 1)); // a size not seen before: no stamp fits
                root.layout();
                for (int i = 0; i < frames; i++) {
                    long t0 = System.nanoTime();
                    view.render(wall += 16_666_667L);
                    image = scene.snapshot(image);
                    times[r * frames + i] = System.nanoTime() - t0;
                }
            }
            root.setPadding(Insets.EMPTY);
            root.layout();
            return times;
        }

        /** Times {@code render()} plus rasterising the scene to pixels (a snapshot), after 30 warm-up frames. */
        long[] snapshotFrames(int frames) {
            long[] times = new long[frames];
            WritableImage image = null;
            for (int i = -30; i < frames; i++) {
                long t0 = System.nanoTime();
                view.render(wall += 16_666_667L);
                image = scene.snapshot(image);
                if (i >= 0) {
                    times[i] = System.nanoTime() - t0;
                }
            }
            return times;
        }
    }

    /** Nearest rank, in milliseconds. */
    static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.MINUTES);
    }
}
