package dev.repairscope.ui.view;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;

/**
 * Pictures the cluster view draws again and again unchanged (the ring, each node, a stale badge, the
 * dot of each message kind), kept as small images. The software pipeline copies an image many times
 * faster than it fills and strokes the shapes in it. A stamp is made by the same drawing code on a
 * small canvas of its own, at the screen's pixel scale, so it looks as drawing directly would.
 *
 * <p>The caller names a stamp by its look: a value (a record) holding everything the drawing
 * depends on, so a change of state, palette or layout is a new look and never an outdated picture.
 * The least recently used stamps are forgotten beyond a few hundred.
 */
final class Stamps {
    private static final int CAPACITY = 512;
    /** Making a stamp takes about half a millisecond: a few a frame, so a new layout costs no hitch. */
    private static final int NEW_PER_FRAME = 3;

    private record Placed(Object look, double left, double top, double width, double height, double pixelScale) {
    }

    private record Centred(Object look, double size, double pixelScale) {
    }

    private final Map<Object, Image> images = leastRecentlyUsed();
    private final Map<Object, Boolean> drawnOnce = leastRecentlyUsed();
    private int budget = NEW_PER_FRAME;

    /** A new frame: a few new stamps may be made again. */
    void startFrame() {
        budget = NEW_PER_FRAME;
    }

    /**
     * Draws what {@code painter} draws, in the canvas's own coordinates, inside the box
     * ({@code x}, {@code y}, {@code w}, {@code h}): from its stamp once the same look has been drawn at
     * the same place before; directly the first time (a look that lasts one frame, as while the
     * window is resized, is not worth a stamp) and once this frame's few new stamps are made. The box
     * must hold the whole picture: what the painter draws outside it is not in the stamp.
     */
    void draw(GraphicsContext g, Object look, double x, double y, double w, double h, double pixelScale,
              Consumer<GraphicsContext> painter) {
        // the box grows to whole device pixels: the stamp's pixels fall exactly on the canvas's
        double left = Math.floor(x * pixelScale) / pixelScale;
        double top = Math.floor(y * pixelScale) / pixelScale;
        double width = Math.ceil((x + w) * pixelScale) / pixelScale - left;
        double height = Math.ceil((y + h) * pixelScale) / pixelScale - top;
        Placed key = new Placed(look, left, top, width, height, pixelScale);
        Image image = images.get(key);
        if (image == null) {
            if (drawnOnce.put(key, Boolean.TRUE) == null || budget == 0) {
                painter.accept(g);
                return;
            }
            budget--;
            image = render(width, height, pixelScale, stamp -> {
                stamp.translate(-left, -top);
                painter.accept(stamp);
            });
            images.put(key, image);
        }
        g.drawImage(image, left, top, width, height);
    }

    /**
     * The stamp of a small picture that moves (a message's dot): {@code painter} draws it around 0, 0
     * within a square of side {@code size}. Place it with {@link #place}.
     */
    Image centred(Object look, double size, double pixelScale, Consumer<GraphicsContext> painter) {
        return images.computeIfAbsent(new Centred(look, size, pixelScale), key -> {
            double side = Math.ceil(size * pixelScale) / pixelScale;
            return render(side, side, pixelScale, stamp -> {
                stamp.translate(side / 2, side / 2);
                painter.accept(stamp);
            });
        });
    }

    /**
     * Draws a {@link #centred} stamp with its centre near ({@code x}, {@code y}): on whole device
     * pixels, so up to half a device pixel from there, which costs far less than placing it between.
     */
    static void place(GraphicsContext g, Image stamp, double x, double y, double pixelScale) {
        double size = stamp.getWidth() / pixelScale;
        double left = Math.round((x - size / 2) * pixelScale) / pixelScale;
        double top = Math.round((y - size / 2) * pixelScale) / pixelScale;
        g.drawImage(stamp, left, top, size, size);
    }

    private static Image render(double width, double height, double pixelScale, Consumer<GraphicsContext> painter) {
        Canvas canvas = new Canvas(width, height);
        painter.accept(canvas.getGraphicsContext2D());
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        params.setTransform(new Scale(pixelScale, pixelScale));
        // exactly the box's device pixels, whatever the rounding of width * pixelScale
        params.setViewport(new Rectangle2D(0, 0, Math.round(width * pixelScale), Math.round(height * pixelScale)));
        return canvas.snapshot(params, null);
    }

    private static <V> Map<Object, V> leastRecentlyUsed() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, V> eldest) {
                return size() > CAPACITY;
            }
        };
    }
}
