package dev.repairscope.ui.view;

import dev.repairscope.ui.model.ChartData;
import dev.repairscope.ui.model.SimulationModel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Charts over simulated time: divergent keys (hot and cold apart), stale reads and queued hints,
 * and repair traffic per mechanism. The points come from {@link ChartData}: the oracle's samples
 * and counts read from the journal at fixed boundaries.
 */
public final class ChartsPane extends HBox {
    private final SimulationModel model;
    private final Map<ChartData.Series, XYChart.Series<Number, Number>> series = new EnumMap<>(ChartData.Series.class);
    private final Map<ChartData.Series, Integer> shown = new EnumMap<>(ChartData.Series.class);
    private final List<LineChart<Number, Number>> charts;
    private ChartData data;

    public ChartsPane(SimulationModel model) {
        this.model = model;
        setId("chartsPane");
        getStyleClass().add("charts-pane");
        setSpacing(4);
        charts = List.of(
                chart("Divergent keys", "keys", ChartData.Series.DIVERGENT_HOT, ChartData.Series.DIVERGENT_COLD),
                chart("Stale reads and queued hints", "count", ChartData.Series.STALE_READS, ChartData.Series.HINTS_QUEUED),
                chart("Repair traffic (bytes sent, cumulative)", "bytes", ChartData.Series.BYTES_HINTS,
                        ChartData.Series.BYTES_READ_REPAIR, ChartData.Series.BYTES_ANTI_ENTROPY));
        charts.forEach(c -> HBox.setHgrow(c, Priority.ALWAYS));
        getChildren().addAll(charts);
        model.runProperty().addListener((obs, old, now) -> reset());
        reset();
    }

    private LineChart<Number, Number> chart(String title, String unit, ChartData.Series... of) {
        NumberAxis x = new NumberAxis();
        x.setLabel("simulated seconds");
        x.setTickLabelsVisible(true);
        x.setAutoRanging(false);
        x.setForceZeroInRange(true);
        NumberAxis y = new NumberAxis();
        y.setLabel(unit);
        y.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setAccessibleText(title);
        javafx.scene.control.Tooltip.install(chart, new javafx.scene.control.Tooltip(title + " over simulated time"));
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setMinWidth(220);
        chart.setPrefHeight(230);
        chart.getStyleClass().add("run-chart");
        for (ChartData.Series s : of) {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(s.label());
            chart.getData().add(line);
            series.put(s, line);
        }
        return chart;
    }

    private void reset() {
        data = model.charts();
        series.values().forEach(s -> s.getData().clear());
        shown.clear();
        double end = Math.max(1, model.endTimeProperty().get() / 1e6);
        for (LineChart<Number, Number> chart : charts) {
            NumberAxis x = (NumberAxis) chart.getXAxis();
            x.setUpperBound(end);
            x.setTickUnit(niceTick(end));
        }
        refresh();
    }

    /** Appends the points the run produced since the last refresh. */
    public void refresh() {
        if (data != model.charts()) {
            reset();
            return;
        }
        if (data == null) {
            return;
        }
        double end = Math.max(model.endTimeProperty().get(), model.now()) / 1e6;
        for (LineChart<Number, Number> chart : charts) {
            NumberAxis x = (NumberAxis) chart.getXAxis();
            if (x.getUpperBound() < end) {
                x.setUpperBound(end);
                x.setTickUnit(niceTick(end));
            }
        }
        for (Map.Entry<ChartData.Series, XYChart.Series<Number, Number>> e : series.entrySet()) {
            List<ChartData.Point> points = data.points(e.getKey());
            int from = shown.getOrDefault(e.getKey(), 0);
            if (from < points.size()) {
                List<XYChart.Data<Number, Number>> add = new java.util.ArrayList<>(points.size() - from);
                for (int i = from; i < points.size(); i++) {
                    ChartData.Point p = points.get(i);
                    add.add(new XYChart.Data<>(p.at() / 1e6, p.value()));
                }
                e.getValue().getData().addAll(add);
                shown.put(e.getKey(), points.size());
            }
        }
    }

    /** Number of points a series shows (tests). */
    public int pointCount(ChartData.Series s) {
        return series.get(s).getData().size();
    }

    /** A tick spacing of 1, 2 or 5 times a power of ten giving about six ticks over {@code span}. */
    public static double niceTick(double span) {
        double raw = span / 6;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (raw <= step * magnitude) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
