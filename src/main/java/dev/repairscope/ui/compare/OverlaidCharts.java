package dev.repairscope.ui.compare;

import dev.repairscope.ui.model.ChartData;
import dev.repairscope.ui.model.SimulationModel;
import dev.repairscope.ui.view.ChartsPane;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The two runs' chart series on the same axes: for each measure, run A as a solid line and run B
 * as a dashed line of the same colour (lessons.css pairs the series: even = A, odd = B).
 */
public final class OverlaidCharts extends VBox {
    /** One line: a series of one run. */
    private record Line(ChartData.Series series, boolean runB) {
    }

    private final CompareModel model;
    private final Map<Line, XYChart.Series<Number, Number>> lines = new LinkedHashMap<>();
    private final Map<Line, Integer> shown = new LinkedHashMap<>();
    private final List<LineChart<Number, Number>> charts = new ArrayList<>();
    private ChartData dataA;
    private ChartData dataB;

    public OverlaidCharts(CompareModel model) {
        this.model = model;
        setId("compareCharts");
        setSpacing(2);
        charts.add(chart("Divergent keys (hot, cold)", "keys", ChartData.Series.DIVERGENT_HOT,
                ChartData.Series.DIVERGENT_COLD));
        charts.add(chart("Stale reads (total) and queued hints", "count", ChartData.Series.STALE_READS,
                ChartData.Series.HINTS_QUEUED));
        charts.add(chart("Repair traffic (bytes sent, cumulative)", "bytes", ChartData.Series.BYTES_READ_REPAIR,
                ChartData.Series.BYTES_ANTI_ENTROPY, ChartData.Series.BYTES_HINTS));
        charts.get(charts.size() - 1).getXAxis().setLabel("simulated seconds");
        charts.forEach(c -> VBox.setVgrow(c, Priority.ALWAYS));
        getChildren().addAll(charts);
    }

    private LineChart<Number, Number> chart(String title, String unit, ChartData.Series... measures) {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setLowerBound(0);
        x.setUpperBound(1);
        NumberAxis y = new NumberAxis();
        y.setLabel(unit);
        y.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setMinHeight(120);
        chart.setPrefHeight(200);
        chart.getStyleClass().addAll("run-chart", "compare-chart");
        chart.setAccessibleText(title + ": run A solid, run B dashed");
        Tooltip.install(chart, new Tooltip(title + " over simulated seconds: run A solid, run B dashed"));
        for (ChartData.Series s : measures) {
            for (boolean runB : new boolean[] {false, true}) {
                XYChart.Series<Number, Number> line = new XYChart.Series<>();
                line.setName(s.label() + (runB ? " - B" : " - A"));
                chart.getData().add(line);
                lines.put(new Line(s, runB), line);
            }
        }
        return chart;
    }

    /** Appends the points both runs produced since the last refresh (starts over after a replay). */
    public void refresh() {
        SimulationModel a = model.a();
        SimulationModel b = model.b();
        if (a.charts() != dataA || b.charts() != dataB) {
            dataA = a.charts();
            dataB = b.charts();
            lines.values().forEach(s -> s.getData().clear());
            shown.clear();
        }
        if (dataA == null || dataB == null) {
            return;
        }
        double end = Math.max(1, model.endTimeProperty().get() / 1e6);
        for (LineChart<Number, Number> chart : charts) {
            NumberAxis x = (NumberAxis) chart.getXAxis();
            if (x.getUpperBound() != end) {
                x.setUpperBound(end);
                x.setTickUnit(ChartsPane.niceTick(end));
            }
        }
        for (Map.Entry<Line, XYChart.Series<Number, Number>> e : lines.entrySet()) {
            ChartData data = e.getKey().runB() ? dataB : dataA;
            List<ChartData.Point> points = data.points(e.getKey().series());
            int from = shown.getOrDefault(e.getKey(), 0);
            if (from < points.size()) {
                List<XYChart.Data<Number, Number>> add = new ArrayList<>(points.size() - from);
                for (int i = from; i < points.size(); i++) {
                    ChartData.Point p = points.get(i);
                    add.add(new XYChart.Data<>(p.at() / 1e6, p.value()));
                }
                e.getValue().getData().addAll(add);
                shown.put(e.getKey(), points.size());
            }
        }
    }

    /** Points shown for a measure of run A or B (tests). */
    public int pointCount(ChartData.Series series, boolean runB) {
        return lines.get(new Line(series, runB)).getData().size();
    }

    /** The last value shown for a measure of run A or B, or 0 (tests). */
    public double lastValue(ChartData.Series series, boolean runB) {
        List<XYChart.Data<Number, Number>> data = lines.get(new Line(series, runB)).getData();
        return data.isEmpty() ? 0 : data.get(data.size() - 1).getYValue().doubleValue();
    }
}
