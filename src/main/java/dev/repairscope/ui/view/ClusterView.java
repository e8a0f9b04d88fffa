package dev.repairscope.ui.view;

import dev.repairscope.cluster.Cluster;
import dev.repairscope.net.MessageKind;
import dev.repairscope.net.Network;
import dev.repairscope.scenario.ScenarioRun;
import dev.repairscope.sim.Durations;
import dev.repairscope.ui.model.Flight;
import dev.repairscope.ui.model.RunCommands;
import dev.repairscope.ui.model.SimulationModel;
import dev.repairscope.ui.model.Staleness;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The cluster, centre stage: the token ring with each node's ranges in its colour, the nodes with
 * their state, stale markers and hint stacks, every message on the wire moving along its link from
 * the time it was sent to the time it arrives, dropped messages falling away, cut links drawn cut.
 * Everything drawn comes from the run's current state or from the journal (via the model).
 *
 * <p>Click a node for its menu (crash / recover, inspect, cut or blip a link); drag from one node
 * to another for that link's menu.
 *
 * <p>What looks the same frame after frame (the ring, each node, each stale badge, the dot of each
 * message kind when many are on the wire) is copied from small images of itself ({@link Stamps}):
 * the software pipeline copies pixels far faster than it fills and strokes shapes.
 */
public final class ClusterView extends Region {
    private static final double FALL_SECONDS = 1.1;
    private static final int MAX_DRAWN_FLIGHTS = 4000;
    /** Up to this many messages on the wire, each is named beside its dot. */
    private static final int LABELLED_FLIGHTS = 12;
    /** Beyond this many, dots are drawn smaller, and each kind's dot is stamped ({@link Stamps}). */
    private static final int CROWDED_FLIGHTS = 60;
    private static final double DOT_OUTLINE = 1.5;
    private static final long STALENESS_REFRESH_NANOS = 250_000_000L;

    private record Falling(SimulationModel.Drop drop, double x, double y, long startNanos) {
    }

    // Looks of what is stamped: everything each drawing depends on (see Stamps, NodeLook, BadgeLook).

    private record RingLook(double x, double y, double radius, Map<Long, String> tokens, List<String> nodes,
                            boolean singleToken, Palette palette) {
    }

    private record DotLook(Color color, double r, Color outline) {
    }

    private final Canvas canvas = new Canvas();
    private final SimulationModel model;
    private final RunCommands commands;
    private final Supplier<String> blipDuration;
    private final ObjectProperty<String> selectedNode = new SimpleObjectProperty<>(this, "selectedNode");
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(this, "palette", Palette.DARK);
    private final List<Falling> falling = new ArrayList<>();
    private final Stamps stamps = new Stamps();
    private final Map<String, Point2D> centres = new LinkedHashMap<>();
    private final Map<String, Double> angles = new LinkedHashMap<>();
    private double ringX;
    private double ringY;
    private double ringRadius;
    private double nodeRadius;
    private Staleness staleness;
    private long stalenessRevision = -1;
    private long stalenessNanos;
    private String dragFrom;
    private Point2D dragPoint;
    private ContextMenu menu;
    private long lastNanos;
    private String clockText;
    private long clockAt;

    public ClusterView(SimulationModel model, RunCommands commands, Supplier<String> blipDuration) {
        this.model = model;
        this.commands = commands;
        this.blipDuration = blipDuration;
        getStyleClass().add("cluster-view");
        setId("clusterView");
        getChildren().add(canvas);
        setMinSize(300, 260);
        setPrefSize(900, 620);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> canvas.setCursor(nodeAt(e.getX(), e.getY()) != null
                ? javafx.scene.Cursor.HAND : javafx.scene.Cursor.DEFAULT));
        model.runProperty().addListener((obs, old, now) -> {
            falling.clear();
            staleness = null;
            stalenessRevision = -1;
            if (now != null && selectedNode.get() != null && !now.cluster().nodes().contains(selectedNode.get())) {
                selectedNode.set(null);
            }
        });
        palette.addListener((obs, old, now) -> render(lastNanos));
    }

    /** The node the user clicked last (the inspectors show it). */
    public ObjectProperty<String> selectedNodeProperty() {
        return selectedNode;
    }

    public ObjectProperty<Palette> paletteProperty() {
        return palette;
    }

    /** Where a node is drawn, in this view's coordinates (tests click there). */
    public Point2D nodeCenter(String node) {
        if (centres.isEmpty()) {
            layoutRing();
        }
        return centres.get(node);
    }

    public double nodeRadius() {
        return nodeRadius;
    }

    /** The staleness last drawn (null before the first frame). */
    public Staleness staleness() {
        return staleness;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.max(1, getWidth()));
        canvas.setHeight(Math.max(1, getHeight()));
        render(lastNanos);
    }

    // ---- drawing ------------------------------------------------------------------------------

    /** Draws one frame; {@code wallNanos} only times the falling animation of dropped messages. */
    public void render(long wallNanos) {
        lastNanos = wallNanos;
        Palette p = palette.get();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        ScenarioRun run = model.run();
        if (run == null) {
            return;
        }
        layoutRing();
        refreshStaleness(run, wallNanos);
        stamps.startFrame();
        for (SimulationModel.Drop drop : model.drainDrops()) {
            Point2D at = positionOf(drop.flight(), drop.droppedAt());
            if (at != null) {
                falling.add(new Falling(drop, at.getX(), at.getY(), wallNanos));
            }
        }
        stampRing(g, run, p);
        g.setLineCap(StrokeLineCap.BUTT); // the ring sets it when drawn directly; all strokes use it
        drawLinks(g, run.cluster().network(), p);
        drawFlights(g, p);
        drawFalling(g, p, wallNanos);
        drawNodes(g, run, p);
        drawDrag(g, p);
        drawClock(g, p);
    }

    private void layoutRing() {
        ScenarioRun run = model.run();
        centres.clear();
        angles.clear();
        if (run == null) {
            return;
        }
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        ringX = w / 2;
        List<String> nodes = run.cluster().nodes();
        int k = nodes.size();
        double scale = palette.get().scale();
        double top = 64 * scale; // the clock
        ringY = top + (h - top) / 2;
        double room = Math.min(w / 2, (h - top) / 2);
        // leave room outside the ring for the node and its hint stack, in proportion on small stages
        nodeRadius = Math.min(46 * scale, room * 0.28);
        ringRadius = Math.max(40, room - nodeRadius - Math.min(60 * scale, room * 0.22));
        double spacing = 2 * Math.PI * ringRadius / Math.max(1, k);
        nodeRadius = Math.max(12, Math.min(nodeRadius, spacing * 0.36));
        Map<String, Long> firstToken = new LinkedHashMap<>();
        run.cluster().ring().tokens().forEach((token, node) -> firstToken.putIfAbsent(node, token));
        boolean singleToken = run.cluster().config().vnodes() <= 1;
        long origin = singleToken && firstToken.containsKey(nodes.get(0)) ? firstToken.get(nodes.get(0)) : 0;
        for (int i = 0; i < k; i++) {
            String node = nodes.get(i);
            double angle = singleToken ? tokenAngle(firstToken.get(node), origin) : -Math.PI / 2 + 2 * Math.PI * i / k;
            angles.put(node, angle);
            centres.put(node, new Point2D(ringX + ringRadius * Math.cos(angle), ringY + ringRadius * Math.sin(angle)));
        }
    }

    /** Angle of a token on screen, clockwise from the top, with {@code origin} at the top. */
    private static double tokenAngle(long token, long origin) {
        double fraction = ((double) token - (double) origin) / (double) Long.MAX_VALUE;
        fraction = fraction - Math.floor(fraction);
        return -Math.PI / 2 + 2 * Math.PI * fraction;
    }

    private void refreshStaleness(ScenarioRun run, long wallNanos) {
        long revision = model.revisionProperty().get();
        boolean due = staleness == null || (revision != stalenessRevision
                && (!model.isPlaying() || wallNanos - stalenessNanos >= STALENESS_REFRESH_NANOS));
        if (due) {
            staleness = Staleness.of(run.cluster(), run.oracle().divergentKeys());
            stalenessRevision = revision;
            stalenessNanos = wallNanos;
        }
    }

    private void stampRing(GraphicsContext g, ScenarioRun run, Palette p) {
        Cluster cluster = run.cluster();
        RingLook look = new RingLook(ringX, ringY, ringRadius, cluster.ring().tokens(), cluster.nodes(),
                cluster.config().vnodes() <= 1, p);
        double half = ringRadius + (12 * p.scale() + 4) / 2 + 2;
        stamps.draw(g, look, ringX - half, ringY - half, 2 * half, 2 * half, pixelScale(),
                stamp -> drawRing(stamp, run, p));
    }

    private void drawRing(GraphicsContext g, ScenarioRun run, Palette p) {
        Cluster cluster = run.cluster();
        List<String> nodes = cluster.nodes();
        double band = 12 * p.scale();
        g.setLineCap(StrokeLineCap.BUTT);
        g.setStroke(p.ring());
        g.setLineWidth(band + 4);
        g.strokeOval(ringX - ringRadius, ringY - ringRadius, 2 * ringRadius, 2 * ringRadius);
        Map<Long, String> tokens = cluster.ring().tokens();
        boolean singleToken = cluster.config().vnodes() <= 1;
        Map<String, Long> firstToken = new LinkedHashMap<>();
        tokens.forEach((token, node) -> firstToken.putIfAbsent(node, token));
        long origin = singleToken ? firstToken.get(nodes.get(0)) : 0;
        Long previous = null;
        Long last = null;
        for (Long token : tokens.keySet()) {
            last = token;
        }
        previous = last;
        g.setLineWidth(band);
        for (Map.Entry<Long, String> entry : tokens.entrySet()) {
            double from = tokenAngle(previous, origin);
            double to = tokenAngle(entry.getKey(), origin);
            double extent = to - from;
            if (extent <= 0) {
                extent += 2 * Math.PI;
            }
            if (tokens.size() == 1) {
                extent = 2 * Math.PI;
            }
            g.setStroke(p.nodeIdentity(nodes.indexOf(entry.getValue()), nodes.size()));
            double gap = Math.min(0.02, extent * 0.1);
            g.strokeArc(ringX - ringRadius, ringY - ringRadius, 2 * ringRadius, 2 * ringRadius,
                    -Math.toDegrees(from + gap / 2), -Math.toDegrees(extent - gap), ArcType.OPEN);
            previous = entry.getKey();
        }
    }

    private void drawLinks(GraphicsContext g, Network network, Palette p) {
        List<String> nodes = new ArrayList<>(centres.keySet());
        boolean mesh = nodes.size() <= 12;
        if (!mesh && network.cutLinks().isEmpty()) {
            return; // nothing to draw, and no need to ask about each of a big cluster's links
        }
        g.setLineDashes();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                String a = nodes.get(i);
                String b = nodes.get(j);
                boolean ab = network.isCut(a, b);
                boolean ba = network.isCut(b, a);
                if (ab && ba) {
                    drawCut(g, a, b, true, p);
                } else if (ab) {
                    drawCut(g, a, b, false, p);
                } else if (ba) {
                    drawCut(g, b, a, false, p);
                } else if (mesh) {
                    Point2D pa = centres.get(a);
                    Point2D pb = centres.get(b);
                    g.setStroke(p.link());
                    g.setLineWidth(1.5);
                    g.strokeLine(pa.getX(), pa.getY(), pb.getX(), pb.getY());
                }
            }
        }
    }

    /** A cut link: red, dashed, broken in the middle; one-way cuts get an arrow for the blocked direction. */
    private void drawCut(GraphicsContext g, String from, String to, boolean bothWays, Palette p) {
        Point2D a = centres.get(from);
        Point2D b = centres.get(to);
        double dx = b.getX() - a.getX();
        double dy = b.getY() - a.getY();
        double len = Math.hypot(dx, dy);
        double ux = dx / len;
        double uy = dy / len;
        double gap = 14 * p.scale();
        double mx = (a.getX() + b.getX()) / 2;
        double my = (a.getY() + b.getY()) / 2;
        g.setStroke(p.cut());
        g.setLineWidth(3 * p.scale());
        g.setLineDashes(10 * p.scale(), 7 * p.scale());
        g.strokeLine(a.getX(), a.getY(), mx - ux * gap, my - uy * gap);
        g.strokeLine(mx + ux * gap, my + uy * gap, b.getX(), b.getY());
        g.setLineDashes();
        // the break: two short bars across the link
        double nx = -uy;
        double ny = ux;
        double bar = 11 * p.scale();
        for (double s : new double[] {-gap, gap}) {
            g.strokeLine(mx + ux * s - nx * bar, my + uy * s - ny * bar, mx + ux * s + nx * bar, my + uy * s + ny * bar);
        }
        g.setFont(Font.font("System", FontWeight.BOLD, 13 * p.scale()));
        g.setFill(p.cut());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        if (!bothWays) {
            // arrow head on the blocked direction, just before the receiver
            double tipX = b.getX() - ux * (nodeRadius + 6);
            double tipY = b.getY() - uy * (nodeRadius + 6);
            double size = 14 * p.scale();
            g.fillPolygon(new double[] {tipX, tipX - ux * size + nx * size * 0.6, tipX - ux * size - nx * size * 0.6},
                    new double[] {tipY, tipY - uy * size + ny * size * 0.6, tipY - uy * size - ny * size * 0.6}, 3);
        }
        String label = bothWays ? "cut" : from + " \u219b " + to;
        double lx = mx + nx * 22 * p.scale();
        double ly = my + ny * 22 * p.scale();
        g.setFill(p.background().deriveColor(0, 1, 1, 0.8));
        double tw = label.length() * 8 * p.scale() + 8;
        g.fillRoundRect(lx - tw / 2, ly - 10 * p.scale(), tw, 20 * p.scale(), 8, 8);
        g.setFill(p.cut());
        g.fillText(label, lx, ly);
    }

    private void drawFlights(GraphicsContext g, Palette p) {
        long now = model.now();
        int drawn = 0;
        int count = model.inFlight().size();
        boolean labelled = count <= LABELLED_FLIGHTS; // few messages: name each one
        // many messages: smaller dots, so the links and nodes stay visible under the traffic
        double crowding = count > 1000 ? 0.38 : count > 300 ? 0.5 : count > CROWDED_FLIGHTS ? 0.7 : 1.0;
        // and each kind's dot stamped: the same picture, far cheaper to rasterise thousands of times
        Image[] dots = count > CROWDED_FLIGHTS ? new Image[MessageKind.values().length] : null;
        double pixelScale = pixelScale();
        for (Flight flight : model.inFlight()) {
            if (drawn++ >= MAX_DRAWN_FLIGHTS) {
                break;
            }
            Point2D at = positionOf(flight, now);
            if (at == null) {
                continue;
            }
            boolean ack = Palette.isAck(flight.kind());
            double r = (ack ? 5.5 : 9) * p.scale() * crowding;
            Color color = Palette.colorOf(flight.kind());
            if (dots != null) {
                int kind = flight.kind().ordinal();
                if (dots[kind] == null) {
                    dots[kind] = stamps.centred(new DotLook(color, r, p.background()), 2 * r + DOT_OUTLINE + 2,
                            pixelScale, stamp -> drawDot(stamp, 0, 0, r, color, p));
                }
                Stamps.place(g, dots[kind], at.getX(), at.getY(), pixelScale);
                continue;
            }
            drawDot(g, at.getX(), at.getY(), r, color, p);
            if (labelled) {
                g.setFill(p.text());
                g.setFont(Font.font("System", FontWeight.BOLD, 12 * p.scale()));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(flight.kind().label() + (flight.key() == null ? "" : " " + flight.key()),
                        at.getX() + r + 4, at.getY());
            }
        }
    }

    /** A message: a disc in its kind's colour, outlined in the background's so neighbours stay apart. */
    private static void drawDot(GraphicsContext g, double x, double y, double r, Color color, Palette p) {
        g.setFill(color);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        g.setStroke(p.background());
        g.setLineWidth(DOT_OUTLINE);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
    }

    /** Device pixels per canvas unit (2 on a doubled screen): the canvas is rendered at this scale. */
    private double pixelScale() {
        Scene scene = canvas.getScene();
        return scene == null || scene.getWindow() == null ? 1 : Math.max(1, scene.getWindow().getRenderScaleX());
    }

    /** Where a message is drawn at simulated {@code time}: along its link, in its direction's lane. */
    private Point2D positionOf(Flight flight, long time) {
        Point2D a = centres.get(flight.from());
        Point2D b = centres.get(flight.to());
        if (a == null || b == null) {
            return null;
        }
        double dx = b.getX() - a.getX();
        double dy = b.getY() - a.getY();
        double len = Math.sqrt(dx * dx + dy * dy); // per message per frame: hypot is far slower
        if (len < 1) {
            return a;
        }
        double ux = dx / len;
        double uy = dy / len;
        double start = nodeRadius;
        double travel = Math.max(0, len - 2 * nodeRadius);
        double along = start + travel * flight.progressAt(time);
        double lane = 7 * palette.get().scale();
        return new Point2D(a.getX() + ux * along - uy * lane, a.getY() + uy * along + ux * lane);
    }

    private void drawFalling(GraphicsContext g, Palette p, long wallNanos) {
        Iterator<Falling> it = falling.iterator();
        while (it.hasNext()) {
            Falling f = it.next();
            double t = (wallNanos - f.startNanos()) / 1e9;
            if (t > FALL_SECONDS || t < 0) {
                it.remove();
                continue;
            }
            double y = f.y() + 420 * t * t;
            double x = f.x() + 25 * t;
            double alpha = 1 - t / FALL_SECONDS;
            double r = 7 * p.scale();
            Color c = Palette.colorOf(f.drop().flight().kind());
            g.setFill(c.deriveColor(0, 1, 1, alpha));
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.setStroke(p.cut().deriveColor(0, 1, 1, alpha));
            g.setLineWidth(2.5);
            g.strokeLine(x - r, y - r, x + r, y + r);
            g.strokeLine(x - r, y + r, x + r, y - r);
        }
    }

    private void drawNodes(GraphicsContext g, ScenarioRun run, Palette p) {
        Network network = run.cluster().network();
        List<String> nodes = run.cluster().nodes();
        double pixelScale = pixelScale();
        boolean anyCut = !network.cutLinks().isEmpty();
        for (int i = 0; i < nodes.size(); i++) {
            String node = nodes.get(i);
            Point2D c = centres.get(node);
            NodeLook look = new NodeLook(node, c.getX(), c.getY(), nodeRadius, network.isUp(node),
                    cutLinks(network, nodes, node, anyCut), nodes.size() - 1, p.nodeIdentity(i, nodes.size()),
                    node.equals(selectedNode.get()), p);
            double reach = look.reach();
            stamps.draw(g, look, c.getX() - reach, c.getY() - reach, 2 * reach, 2 * reach, pixelScale,
                    look::draw);
            drawStaleBadge(g, node, p, pixelScale);
            drawHintStack(g, run, node, c, p);
        }
    }

    private int cutLinks(Network network, List<String> nodes, String node, boolean anyCut) {
        if (!anyCut) {
            return 0;
        }
        int cuts = 0;
        for (String other : nodes) {
            if (!other.equals(node) && (network.isCut(node, other) || network.isCut(other, node))) {
                cuts++;
            }
        }
        return cuts;
    }

    /** A pill beside the node, outside the ring: how many keys this replica is behind on. */
    private void drawStaleBadge(GraphicsContext g, String node, Palette p, double pixelScale) {
        int stale = staleness == null ? 0 : staleness.staleCount(node);
        if (stale == 0) {
            return;
        }
        javafx.geometry.Rectangle2D r = staleBadge(node);
        BadgeLook look = new BadgeLook(r, staleText(stale), badgeFont(), p.stale());
        // a margin of one em each side, should the text be wider than the pill
        stamps.draw(g, look, r.getMinX() - look.font(), r.getMinY() - 1, r.getWidth() + 2 * look.font(),
                r.getHeight() + 2, pixelScale, look::draw);
    }

    /** Where a node's stale badge is drawn (outside the ring, a little anticlockwise of the node). */
    public javafx.geometry.Rectangle2D staleBadge(String node) {
        int stale = staleness == null ? 0 : staleness.staleCount(node);
        Point2D c = centres.get(node);
        double fs = badgeFont();
        double w = (staleText(stale).length() * 0.62 + 1) * fs;
        double h = fs * 1.6;
        double angle = angles.get(node) - (dense() ? 0 : 0.55);
        double out = nodeRadius + h * 0.6 + 4;
        double cx = c.getX() + Math.cos(angle) * out + Math.cos(angle) * w * 0.35;
        double cy = c.getY() + Math.sin(angle) * out;
        return new javafx.geometry.Rectangle2D(cx - w / 2, cy - h / 2, w, h);
    }

    /** Many nodes on the ring: badges shrink to a number and sit straight outside their node. */
    private boolean dense() {
        return centres.size() > 12;
    }

    private double badgeFont() {
        return (dense() ? 11 : 14) * palette.get().scale();
    }

    private String staleText(int stale) {
        return dense() ? "\u2260" + stale : "stale " + stale;
    }

    /** A small stack of hint cards outside the ring with the count: what this node holds for others. */
    private void drawHintStack(GraphicsContext g, ScenarioRun run, String node, Point2D c, Palette p) {
        int queued = run.hints().queued(node);
        if (queued == 0) {
            return;
        }
        if (dense()) {
            // a count only, further out than the stale badge, on the node's own radius
            double angle = angles.get(node);
            double out = nodeRadius + 40 * p.scale();
            g.setFill(p.hint());
            g.setFont(Font.font("System", FontWeight.BOLD, 11 * p.scale()));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(queued + "h", c.getX() + Math.cos(angle) * out, c.getY() + Math.sin(angle) * out);
            return;
        }
        double angle = angles.get(node) + 0.5;
        double out = nodeRadius + 30 * p.scale();
        double x = c.getX() + Math.cos(angle) * out;
        double y = c.getY() + Math.sin(angle) * out;
        double cw = 30 * p.scale();
        double ch = 7 * p.scale();
        int cards = Math.min(queued, 6);
        boolean upper = Math.sin(angle) < -0.3;
        double stackBottom = upper ? y + 6 * p.scale() : y - 2 * p.scale();
        for (int i = 0; i < cards; i++) {
            double cy = stackBottom - i * (ch + 2);
            g.setFill(p.hint());
            g.fillRoundRect(x - cw / 2, cy - ch / 2, cw, ch, 3, 3);
            g.setStroke(p.background());
            g.setLineWidth(1);
            g.strokeRoundRect(x - cw / 2, cy - ch / 2, cw, ch, 3, 3);
        }
        g.setFill(p.hint());
        g.setFont(Font.font("System", FontWeight.BOLD, 15 * p.scale()));
        g.setTextAlign(TextAlignment.CENTER);
        String label = queued + (queued == 1 ? " hint" : " hints");
        if (upper) {
            // above the stack, away from the node
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(label, x, stackBottom - cards * (ch + 2) - 2);
        } else {
            g.setTextBaseline(VPos.TOP);
            g.fillText(label, x, stackBottom + ch);
        }
    }

    private void drawDrag(GraphicsContext g, Palette p) {
        if (dragFrom == null || dragPoint == null) {
            return;
        }
        Point2D a = centres.get(dragFrom);
        if (a == null) {
            return;
        }
        g.setStroke(p.selection());
        g.setLineWidth(3);
        g.setLineDashes(6, 6);
        g.strokeLine(a.getX(), a.getY(), dragPoint.getX(), dragPoint.getY());
        g.setLineDashes();
    }

    private void drawClock(GraphicsContext g, Palette p) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(p.text());
        g.setFont(Font.font("System", FontWeight.BOLD, 30 * p.scale()));
        long now = model.now();
        if (now != clockAt || clockText == null) {
            clockText = "t = " + Durations.format(now); // formatting is a good part of a paused frame
            clockAt = now;
        }
        g.fillText(clockText, 16, 12);
        g.setFont(Font.font("System", FontWeight.NORMAL, 14 * p.scale()));
        g.setFill(p.dimText());
        String state = model.isBusy() ? "working: " + model.busyLabelProperty().get()
                : model.isPlaying() ? "playing" : "paused";
        String line = state + "  ·  " + model.inFlight().size() + " message(s) on the wire  ·  "
                + (staleness == null ? 0 : staleness.divergentKeys().size()) + " divergent key(s)";
        g.fillText(line, 18, 16 + 36 * p.scale());
        int held = model.expectationsHeld();
        int failed = model.expectationsFailed();
        if (held + failed > 0) {
            // the lesson's expectations, as the run judges them
            javafx.scene.text.Text measure = new javafx.scene.text.Text(line);
            measure.setFont(g.getFont());
            double x = 18 + measure.getLayoutBounds().getWidth() + 16;
            g.setFill(failed > 0 ? p.cut() : p == Palette.PRESENTATION ? Color.web("#006400") : Color.web("#9ccc65"));
            g.setFont(Font.font("System", FontWeight.BOLD, 14 * p.scale()));
            g.fillText("\u2713 " + held + " expectation(s) held" + (failed > 0 ? "  \u2717 " + failed + " failed" : ""),
                    x, 16 + 36 * p.scale());
        }
        if (getWidth() > 820 * p.scale()) {
            g.setFill(p.dimText());
            g.setFont(Font.font("System", FontWeight.NORMAL, 14 * p.scale()));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText("click a node for its menu · drag from one node to another for that link",
                    getWidth() - 14, getHeight() - 10);
        }
    }

    // ---- interaction --------------------------------------------------------------------------

    /** The node under a point, or null. */
    public String nodeAt(double x, double y) {
        for (Map.Entry<String, Point2D> e : centres.entrySet()) {
            if (e.getValue().distance(x, y) <= nodeRadius + 4) {
                return e.getKey();
            }
        }
        return null;
    }

    private void pressed(MouseEvent e) {
        if (menu != null) {
            menu.hide();
        }
        dragFrom = e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.SECONDARY
                ? nodeAt(e.getX(), e.getY()) : null;
        dragPoint = null;
    }

    private void dragged(MouseEvent e) {
        if (dragFrom != null) {
            dragPoint = new Point2D(e.getX(), e.getY());
            render(lastNanos);
        }
    }

    private void released(MouseEvent e) {
        String from = dragFrom;
        dragFrom = null;
        dragPoint = null;
        if (from == null || model.run() == null) {
            return;
        }
        String to = nodeAt(e.getX(), e.getY());
        if (to == null) {
            return;
        }
        if (to.equals(from)) {
            selectedNode.set(from);
            showMenu(nodeMenu(from), e);
        } else {
            showMenu(linkMenu(from, to), e);
        }
        render(lastNanos);
    }

    private void showMenu(ContextMenu next, MouseEvent e) {
        menu = next;
        menu.show(canvas, e.getScreenX() + 4, e.getScreenY() + 4);
    }

    private ContextMenu nodeMenu(String node) {
        ScenarioRun run = model.run();
        Network network = run.cluster().network();
        boolean up = network.isUp(node);
        ContextMenu m = new ContextMenu();
        m.setId("nodeMenu");
        MenuItem title = new MenuItem(node + ": " + (up ? "up" : "down") + ", stale on "
                + (staleness == null ? 0 : staleness.staleCount(node)) + " key(s), holds "
                + run.hints().queued(node) + " hint(s)");
        title.setDisable(true);
        MenuItem toggle = new MenuItem(up ? "Crash " + node : "Recover " + node);
        toggle.setId(up ? "crashItem" : "recoverItem");
        toggle.setOnAction(a -> commands.toggle(node));
        MenuItem inspect = new MenuItem("Inspect " + node + "'s data and hints");
        inspect.setOnAction(a -> selectedNode.set(node));
        Menu cut = new Menu("Cut link " + node + " \u2194 \u2026");
        Menu cutOneWay = new Menu("Cut one way " + node + " \u2192 \u2026");
        Menu blip = new Menu("Blip link " + node + " \u2194 \u2026 for " + blipDuration.get());
        Menu heal = new Menu("Heal link " + node + " \u2194 \u2026");
        Menu repair = new Menu("Anti-entropy repair " + node + " \u2194 \u2026");
        for (String other : run.cluster().nodes()) {
            if (other.equals(node)) {
                continue;
            }
            cut.getItems().add(item(other, () -> commands.cut(node, other, false)));
            cutOneWay.getItems().add(item(node + " \u2192 " + other, () -> commands.cut(node, other, true)));
            blip.getItems().add(item(other, () -> commands.blip(node, other, false, blipDuration.get())));
            if (network.isCut(node, other) || network.isCut(other, node)) {
                heal.getItems().add(item(other, () -> commands.heal(node, other)));
            }
            repair.getItems().add(item(other, () -> commands.repairPair(node, other)));
        }
        heal.setDisable(heal.getItems().isEmpty());
        m.getItems().addAll(title, new SeparatorMenuItem(), toggle, inspect, new SeparatorMenuItem(), cut, cutOneWay,
                blip, heal, new SeparatorMenuItem(), repair);
        return m;
    }

    private ContextMenu linkMenu(String a, String b) {
        Network network = model.run().cluster().network();
        ContextMenu m = new ContextMenu();
        m.setId("linkMenu");
        MenuItem title = new MenuItem("link " + a + " \u2194 " + b + (network.isCut(a, b) || network.isCut(b, a)
                ? " (cut)" : ""));
        title.setDisable(true);
        m.getItems().addAll(title, new SeparatorMenuItem(),
                item("Cut " + a + " \u2194 " + b, () -> commands.cut(a, b, false)),
                item("Cut one way: " + a + " \u2192 " + b + " (" + b + " still reaches " + a + ")",
                        () -> commands.cut(a, b, true)),
                item("Blip " + a + " \u2194 " + b + " for " + blipDuration.get(),
                        () -> commands.blip(a, b, false, blipDuration.get())),
                item("Blip one way " + a + " \u2192 " + b + " for " + blipDuration.get(),
                        () -> commands.blip(a, b, true, blipDuration.get())),
                item("Heal " + a + " \u2194 " + b, () -> commands.heal(a, b)),
                new SeparatorMenuItem(),
                item("Anti-entropy repair " + a + " \u2194 " + b, () -> commands.repairPair(a, b)));
        return m;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }
}
