package dev.repairscope.ui.view;

import dev.repairscope.repair.antientropy.ExchangeView;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The two replicas' Merkle trees of one token range, side by side, as the exchange left them:
 * matching subtrees dimmed, differing nodes lit, nodes not compared (yet) hollow. Levels beyond
 * the first few are summarised as counts (a deep tree has millions of nodes).
 */
public final class MerkleView extends Region {
    /** Levels drawn as a tree; deeper compared nodes are summarised. */
    static final int DRAWN_LEVELS = 5;
    static final Color MATCHED = Color.web("#6b7785");
    static final Color DIFFERS = Color.web("#ff6d3a");
    static final Color NOT_COMPARED = Color.web("#3a4656");

    private final Canvas canvas = new Canvas(600, 280);
    private ExchangeView exchange;
    private int rangeIndex;

    public MerkleView() {
        getChildren().add(canvas);
        setMinHeight(200);
        setPrefHeight(300);
        setId("merkleView");
    }

    public void show(ExchangeView view, int range) {
        this.exchange = view;
        this.rangeIndex = range;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.max(1, getWidth()));
        canvas.setHeight(Math.max(1, getHeight()));
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.web("#161c26"));
        g.fillRect(0, 0, w, h);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        if (exchange == null || exchange.ranges().isEmpty()) {
            g.setFill(Color.web("#9aa7b8"));
            g.setFont(Font.font("System", 14));
            g.fillText("No Merkle exchange right now.", w / 2, h / 2 - 20);
            g.fillText("Repair > \"Step exchange\" compares two replicas'", w / 2, h / 2 + 2);
            g.fillText("trees one level per click.", w / 2, h / 2 + 22);
            return;
        }
        ExchangeView.RangeView range = exchange.ranges().get(Math.min(rangeIndex, exchange.ranges().size() - 1));
        Map<Long, ExchangeView.TreeNode> byPosition = new HashMap<>();
        int deepestListed = 0;
        for (ExchangeView.TreeNode node : range.nodes()) {
            byPosition.put(position(node.level(), node.index()), node);
            deepestListed = Math.max(deepestListed, node.level());
        }
        int levels = Math.min(exchange.depth(), DRAWN_LEVELS - 1) + 1;
        double half = w / 2;
        drawTree(g, byPosition, levels, 0, half, h, exchange.nodeA(), true);
        drawTree(g, byPosition, levels, half, half, h, exchange.nodeB(), false);
        g.setStroke(Color.web("#3a4656"));
        g.setLineWidth(1);
        g.strokeLine(half, 8, half, h - 8);
        if (exchange.depth() >= DRAWN_LEVELS) {
            g.setFill(Color.web("#9aa7b8"));
            g.setFont(Font.font("System", 12));
            g.setTextAlign(TextAlignment.LEFT);
            StringBuilder deeper = new StringBuilder("deeper levels: ");
            for (int level = DRAWN_LEVELS; level <= Math.min(deepestListed, exchange.depth()); level++) {
                int compared = 0;
                int differ = 0;
                for (ExchangeView.TreeNode node : range.nodes()) {
                    if (node.level() == level && node.mark() != ExchangeView.Mark.NOT_COMPARED) {
                        compared++;
                        if (node.mark() == ExchangeView.Mark.DIFFERS) {
                            differ++;
                        }
                    }
                }
                deeper.append(String.format(Locale.ROOT, "L%d %d/%d differ  ", level, differ, compared));
            }
            g.fillText(deepestListed < DRAWN_LEVELS ? "deeper levels (" + DRAWN_LEVELS + ".." + exchange.depth()
                    + "): not compared yet" : deeper.toString(), 8, h - 12);
        }
    }

    private void drawTree(GraphicsContext g, Map<Long, ExchangeView.TreeNode> nodes, int levels, double x0,
                          double width, double height, String owner, boolean sideA) {
        g.setFill(Color.web("#eef2f7"));
        g.setFont(Font.font("System", FontWeight.BOLD, 15));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(owner + "'s tree", x0 + width / 2, 16);
        double top = 42;
        double rowHeight = (height - top - 30) / Math.max(1, levels);
        for (int level = 0; level < levels; level++) {
            int count = 1 << level;
            double y = top + rowHeight * level + rowHeight / 2;
            double r = Math.max(3, Math.min(14, width / count / 2.6));
            for (int i = 0; i < count; i++) {
                double x = x0 + width * (i + 0.5) / count;
                if (level + 1 < levels) {
                    double yc = top + rowHeight * (level + 1) + rowHeight / 2;
                    int childCount = count * 2;
                    g.setStroke(Color.web("#2c3748"));
                    g.setLineWidth(1);
                    g.strokeLine(x, y, x0 + width * (2 * i + 0.5) / childCount, yc);
                    g.strokeLine(x, y, x0 + width * (2 * i + 1.5) / childCount, yc);
                }
                ExchangeView.TreeNode node = nodes.get(position(level, i));
                ExchangeView.Mark mark = node == null ? ExchangeView.Mark.NOT_COMPARED : node.mark();
                Color fill = switch (mark) {
                    case MATCHED -> MATCHED;
                    case DIFFERS -> DIFFERS;
                    case NOT_COMPARED -> NOT_COMPARED;
                };
                g.setFill(fill);
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                if (mark == ExchangeView.Mark.DIFFERS) {
                    g.setStroke(Color.web("#ffe0b2"));
                    g.setLineWidth(2);
                    g.strokeOval(x - r - 2, y - r - 2, 2 * r + 4, 2 * r + 4);
                }
                if (node != null && level <= 2 && r >= 10) {
                    long hash = sideA ? node.hashA() : node.hashB();
                    g.setFill(Color.web("#cfd8e3"));
                    g.setFont(Font.font("Monospaced", 10));
                    g.fillText(hash == 0 ? "…" : ExchangeView.hex(hash).substring(0, 4), x, y + r + 9);
                }
            }
        }
    }

    private static long position(int level, int index) {
        return ((long) level << 32) | (index & 0xffffffffL);
    }

    /** The legend text under the view. */
    static String legend() {
        return "grey: hashes matched (skipped)  ·  orange: hashes differ (descend)  ·  dark: not compared";
    }
}
