package dev.repairscope.ui.view;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A node on the ring as the cluster view draws it: a disc in its state's colours, an outline in its
 * identity colour (dashed red when a link is cut, dashed grey when down), its name and, on larger
 * nodes, its state, and the selection ring. Everything the picture depends on, so also the key of
 * its stamp ({@link Stamps}).
 *
 * @param cuts links of this node cut in either direction
 * @param others the other nodes (all links cut: "cut off")
 */
record NodeLook(String node, double x, double y, double r, boolean up, int cuts, int others, Color identity,
                boolean selected, Palette palette) {

    /** Half the side of a square around the centre that holds the whole picture. */
    double reach() {
        // the selection ring reaches r + 9.5; each label stays within its length in ems
        return Math.max(r + 10, Math.max(node.length() * labelFont(), stateText().length() * stateFont()) / 2 + 2);
    }

    void draw(GraphicsContext g) {
        if (selected) {
            g.setStroke(palette.selection());
            g.setLineWidth(5);
            g.strokeOval(x - r - 7, y - r - 7, 2 * r + 14, 2 * r + 14);
        }
        g.setFill(up ? palette.nodeUp() : palette.nodeDown());
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        g.setLineWidth(4);
        g.setLineCap(StrokeLineCap.BUTT);
        if (!up) {
            g.setStroke(palette.dimText());
            g.setLineDashes(6, 5);
        } else if (cuts > 0) {
            g.setStroke(palette.cut());
            g.setLineDashes(9, 5);
        } else {
            g.setStroke(identity);
            g.setLineDashes();
        }
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        g.setLineDashes();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(palette == Palette.PRESENTATION ? Color.WHITE : palette.text());
        g.setFont(Font.font("System", FontWeight.BOLD, labelFont()));
        g.fillText(node, x, y - (r > 20 ? r * 0.16 : 0));
        if (r > 20) {
            g.setFont(Font.font("System", FontWeight.BOLD, stateFont()));
            g.setFill(!up ? Color.web("#ffcdd2") : cuts > 0 ? Color.web("#ffab91")
                    : (palette == Palette.PRESENTATION ? Color.web("#c8e6c9") : Color.web("#a5d6a7")));
            g.fillText(stateText(), x, y + r * 0.38);
        }
    }

    private double labelFont() {
        return Math.max(11, r * 0.62);
    }

    private double stateFont() {
        return Math.max(9, r * 0.3);
    }

    /** The line under the name on larger nodes. */
    private String stateText() {
        return !up ? "DOWN" : cuts == others ? "cut off" : cuts > 0 ? "partly cut" : "up";
    }
}
