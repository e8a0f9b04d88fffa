package dev.repairscope.ui.lessons;

import dev.repairscope.sim.Durations;
import dev.repairscope.ui.ScenarioCatalog;
import dev.repairscope.ui.model.SimulationModel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/**
 * The interview walkthrough: "a replica missed a write, now what?" told with lessons 1, 2, 3, 5
 * and 12, one at a time in the window (each loads and plays; Next goes on), ending with the
 * three-layer answer on screen, each claim naming, and linking back to, the lesson that showed it,
 * with what the user's own runs of those lessons counted.
 */
public final class Walkthrough {

    /** One stop: the lesson's file name, its heading, and what to watch for in it. */
    record Stop(String file, String heading, String watch) {
    }

    static final List<Stop> STOPS = List.of(
            new Stop("seed-story.json", "Lesson 1: the gap",
                    "Watch n2 miss the write of v2 during a blip too short for the failure detector: no hint, and a"
                            + " read at ONE from n2 returns v1, again and again, until read repair is switched on."),
            new Stop("lesson-02-hinted-handoff.json", "Lesson 2: layer one, hinted handoff",
                    "Watch n1 keep a hint for n3 while n3 is down and replay it when n3 returns; then an outage longer"
                            + " than the 30 s hint window gets no hint, and a crashed hint holder loses its hints."),
            new Stop("lesson-03-read-repair-four-ways.json", "Lesson 3: layer two, read repair",
                    "The same stale replica, read under none, foreground, background and probabilistic read repair:"
                            + " the client always gets the newest value; the variants differ in what n3 holds after"
                            + " and what it cost."),
            new Stop("lesson-05-anti-entropy-step-by-step.json", "Lesson 5: layer three, anti-entropy",
                    "Watch the Merkle exchange between n1 and n3 descend only into differing subtrees and stream"
                            + " the differing leaves: 5 keys out of 2,000 that no read would ever repair."),
            new Stop("lesson-12-all-three-layers.json", "Lesson 12: all three layers together",
                    "Five nodes under two minutes of crashes, blips, loss and a one-way cut: hints cover the short"
                            + " outages, read repair the hot keys, the minute sweeps the rest; at the end every key"
                            + " has converged and no acknowledged write is lost."));

    private final SimulationModel model;
    private final Predicate<ScenarioCatalog.Entry> opener;
    private final VBox bar = new VBox(4);
    private final Label step = new Label();
    private final Label watch = new Label();
    private final Button back = new Button("\u2039 Back");
    private final Button next = new Button("Next \u203A");
    private final StackPane overlay = new StackPane();
    private final VBox card = new VBox(10);
    /** What each lesson's run counted when the user left it, by file name. */
    private final Map<String, Map<String, Long>> seen = new HashMap<>();
    private final Map<String, Long> seenAt = new HashMap<>();
    private int page = -1;

    /**
     * @param model the window's model (to play each lesson and read what it counted)
     * @param opener opens a scenario in the window (false when it cannot)
     */
    public Walkthrough(SimulationModel model, Predicate<ScenarioCatalog.Entry> opener) {
        this.model = model;
        this.opener = opener;
        bar.setId("walkthroughBar");
        bar.getStyleClass().add("walkthrough-bar");
        step.setId("walkthroughStep");
        step.getStyleClass().add("walkthrough-step");
        watch.setId("walkthroughWatch");
        watch.getStyleClass().add("walkthrough-watch");
        watch.setWrapText(true);
        watch.setMinHeight(Region.USE_PREF_SIZE);
        back.setId("walkthroughBack");
        back.setOnAction(e -> go(page - 1));
        next.setId("walkthroughNext");
        next.setOnAction(e -> go(page + 1));
        Button end = new Button("End walkthrough");
        end.setId("walkthroughEnd");
        end.setOnAction(e -> close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, step, spacer, back, next, end);
        row.setAlignment(Pos.CENTER_LEFT);
        bar.getChildren().addAll(row, watch);
        bar.setVisible(false);
        bar.setManaged(false);

        card.setId("summaryCard");
        card.getStyleClass().add("summary-card");
        card.setMaxSize(1000, Region.USE_PREF_SIZE);
        overlay.getChildren().add(card);
        overlay.setId("summaryOverlay");
        overlay.getStyleClass().add("help-overlay");
        overlay.setPadding(new Insets(12));
        overlay.setVisible(false);
    }

    /** The bar under the toolbar: which stop, what to watch, Back / Next / End. */
    public VBox bar() {
        return bar;
    }

    /** The summary card over the window (the last page). */
    public StackPane overlay() {
        return overlay;
    }

    /** Starts from the first lesson. */
    public void start() {
        seen.clear();
        seenAt.clear();
        bar.setVisible(true);
        bar.setManaged(true);
        go(0);
    }

    public void close() {
        remember();
        page = -1;
        bar.setVisible(false);
        bar.setManaged(false);
        overlay.setVisible(false);
    }

    /** Goes to stop {@code to} (0..4), or the summary ({@code STOPS.size()}). */
    void go(int to) {
        if (to < 0 || to > STOPS.size()) {
            return;
        }
        remember();
        page = to;
        back.setDisable(to == 0);
        next.setDisable(to == STOPS.size());
        next.setText(to == STOPS.size() - 1 ? "Summary \u203A" : "Next \u203A");
        if (to == STOPS.size()) {
            model.pause();
            step.setText("Interview walkthrough: the answer");
            watch.setText("Each claim names the lesson that showed it; click a lesson to watch it again.");
            buildSummary();
            overlay.setVisible(true);
            return;
        }
        overlay.setVisible(false);
        Stop stop = STOPS.get(to);
        step.setText("Interview walkthrough, " + (to + 1) + " of " + STOPS.size() + ": " + stop.heading());
        watch.setText(stop.watch());
        if (opener.test(entry(stop.file()))) {
            model.play();
        }
    }

    /** Notes what the lesson on screen counted, for the summary ("in your run: ..."). */
    private void remember() {
        if (page < 0 || page >= STOPS.size() || model.run() == null) {
            return;
        }
        String file = LessonPanel.fileName(model.scenario().source());
        // only what the user watched: a few simulated seconds at least
        if (file.equals(STOPS.get(page).file()) && model.now() >= Durations.seconds(5)) {
            seen.put(file, model.run().metrics());
            seenAt.put(file, model.now());
        }
    }

    private static ScenarioCatalog.Entry entry(String file) {
        List<ScenarioCatalog.Entry> entries = ScenarioCatalog.list(Path.of("").toAbsolutePath());
        for (ScenarioCatalog.Entry e : entries) {
            if (e.label().equals(file)) {
                return e;
            }
        }
        return ScenarioCatalog.bundled("/scenarios/" + file);
    }

    // ---- the answer -------------------------------------------------------------------------

    private void buildSummary() {
        card.getChildren().clear();
        Label heading = new Label("\"A replica missed a write. Now what?\"");
        heading.getStyleClass().add("help-heading");
        Label lead = new Label("Three layers, each closing a different gap:");
        lead.getStyleClass().add("summary-claim");
        card.getChildren().addAll(heading, lead,
                claim("summaryHints", "1. Hinted handoff, for short outages.",
                        "The coordinator keeps the write a down replica missed and replays it when the replica is"
                                + " back; not past max_hint_window, and not if the hint holder itself is lost.",
                        1, "hintsStored", "hints stored", "hintsReplayed", "replayed", "hintsLost", "lost"),
                claim("summaryReadRepair", "2. Read repair, for what is read.",
                        "A read that finds replicas disagreeing answers with the newest value and writes it back"
                                + " (foreground before answering, background after); keys nobody reads stay stale.",
                        2, "readRepairWrites", "replicas repaired by reads", "staleReads", "stale reads"),
                claim("summaryAntiEntropy", "3. Anti-entropy, for everything else.",
                        "Merkle trees find the differing ranges with a few hashes and stream just those leaves:"
                                + " the safety net for cold data, lost hints and expired ones.",
                        3, "aeRowsActuallyDiffering", "rows differing", "aeRowsStreamed", "rows streamed",
                        "aeHashesCompared", "hashes compared"),
                claim("summaryWhy", "Why all three.",
                        "Without them a replica that missed a write serves stale data at ONE for ever; together, under"
                                + " sustained partial failures, every key converges and no acknowledged write is lost."
                                + " Only anti-entropy guarantees it; the others make it fast where it matters.",
                        0, "staleReads", "stale reads", "divergentKeys", "keys still divergent", "lostWrites",
                        "acknowledged writes lost"));
        Button again = new Button("Start over");
        again.setId("summaryStartOver");
        again.setOnAction(e -> start());
        Button done = new Button("Close");
        done.setId("summaryClose");
        done.setOnAction(e -> close());
        HBox buttons = new HBox(8, again, done);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        card.getChildren().add(buttons);
    }

    /**
     * One claim: its layer, what it says, the lessons that showed it (links that reopen them), and what
     * the user's runs of those lessons counted. {@code primary} is the stop the claim leans on; the
     * "why" claim cites lessons 1 and 12.
     */
    private VBox claim(String id, String layer, String text, int primary, String... counters) {
        Label title = new Label(layer);
        title.getStyleClass().add("summary-layer");
        TextFlow body = new TextFlow(text(text + " Shown in "));
        body.getStyleClass().add("summary-claim");
        List<Integer> stops = primary == 0 ? List.of(0, 4) : primary == 2 ? List.of(2, 0) : List.of(primary);
        for (int i = 0; i < stops.size(); i++) {
            int s = stops.get(i);
            Stop stop = STOPS.get(s);
            if (i > 0) {
                body.getChildren().add(text(s == 0 && primary == 2 ? " and at the end of " : " and "));
            }
            Hyperlink link = new Hyperlink(stop.heading());
            link.setId(id + "Link" + (i + 1));
            link.setPadding(Insets.EMPTY);
            link.setOnAction(e -> go(s));
            body.getChildren().add(link);
            String counted = counted(stop.file(), counters);
            if (!counted.isEmpty()) {
                javafx.scene.text.Text c = text(" (" + counted + ")");
                c.getStyleClass().add("summary-counted");
                body.getChildren().add(c);
            }
        }
        body.getChildren().add(text("."));
        VBox box = new VBox(1, title, body);
        box.setId(id);
        return box;
    }

    private static javafx.scene.text.Text text(String s) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.getStyleClass().add("summary-text");
        return t;
    }

    /** "in your run, to 34s: 3 hints stored, 1 replayed", or "" if the user did not run that lesson. */
    private String counted(String file, String... counters) {
        Map<String, Long> metrics = seen.get(file);
        if (metrics == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("in your run, to " + Durations.format(seenAt.get(file)) + ", ");
        for (int i = 0; i + 1 < counters.length; i += 2) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(String.format(java.util.Locale.ROOT, "%,d ", metrics.getOrDefault(counters[i], 0L)))
                    .append(counters[i + 1]);
        }
        return out.toString();
    }

    // ---- for tests ---------------------------------------------------------------------------

    /** The page on screen: 0..4 a lesson, 5 the summary, -1 not walking. */
    public int page() {
        return page;
    }

    public boolean summaryShown() {
        return overlay.isVisible();
    }

    /** The summary's text, all claims (tests). */
    public String summaryText() {
        StringBuilder text = new StringBuilder();
        collect(card, text);
        return text.toString();
    }

    private static void collect(javafx.scene.Node node, StringBuilder text) {
        if (node instanceof javafx.scene.control.Labeled l) {
            text.append(l.getText()).append('\n');
        } else if (node instanceof javafx.scene.text.Text t) {
            text.append(t.getText());
        } else if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, text));
        }
    }
}
