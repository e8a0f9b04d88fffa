package dev.repairscope.ui.view;

import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A node's stale badge as the cluster view draws it: a pill in {@code fill} with {@code text} in
 * white. Everything the picture depends on, so also the key of its stamp ({@link Stamps}).
 */
record BadgeLook(Rectangle2D box, String text, double font, Color fill) {

    void draw(GraphicsContext g) {
        g.setFill(fill);
        double h = box.getHeight();
        g.fillRoundRect(box.getMinX(), box.getMinY(), box.getWidth(), h, h, h);
        g.setFill(Color.WHITE);
        g.setFont(Font.font("System", FontWeight.BOLD, font));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, box.getMinX() + box.getWidth() / 2, box.getMinY() + box.getHeight() / 2);
    }
}
