package dev.repairscope.ui.staleness;

import dev.repairscope.staleness.StalenessResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * What one run of the lab found: one {@link StalenessResult} per (R, W) pair, in the order asked.
 * Knows how to write itself as CSV: the curves first (one column per pair), then the latency
 * percentiles and the closed form per pair.
 */
public record LabResults(LabSettings settings, List<LabSettings.Pair> pairs, List<StalenessResult> results) {

    public LabResults {
        pairs = List.copyOf(pairs);
        results = List.copyOf(results);
        if (pairs.size() != results.size()) {
            throw new IllegalArgumentException("one result per pair");
        }
    }

    public String csv() {
        StringBuilder out = new StringBuilder();
        StalenessResult first = results.get(0);
        out.append("# staleness lab: N=").append(settings.n()).append(", ").append(first.experiment().profile().describe()
                .replace(',', ';')).append(", ").append(settings.trials()).append(" trials per pair, seed ")
                .append(settings.seed()).append('\n');
        out.append("t_ms");
        for (LabSettings.Pair pair : pairs) {
            out.append(",consistent_r").append(pair.r()).append("_w").append(pair.w());
        }
        out.append('\n');
        for (int i = 0; i < first.points().size(); i++) {
            out.append(millis(first.points().get(i).t()));
            for (StalenessResult result : results) {
                out.append(String.format(Locale.ROOT, ",%.6f", result.points().get(i).consistent()));
            }
            out.append('\n');
        }
        out.append("\nr,w,reads_per_t,closed_form,safe_999_from_ms,read_p50_ms,read_p99_ms,read_p999_ms,"
                + "write_p50_ms,write_p99_ms,write_p999_ms\n");
        for (int i = 0; i < pairs.size(); i++) {
            StalenessResult r = results.get(i);
            OptionalLong safe = r.tReaching(StalenessResult.SAFE);
            out.append(pairs.get(i).r()).append(',').append(pairs.get(i).w()).append(',')
                    .append(r.points().get(0).reads()).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", r.closedForm(1))).append(',')
                    .append(safe.isPresent() ? millis(safe.getAsLong()) : "").append(',')
                    .append(millis(r.readLatency().p50())).append(',').append(millis(r.readLatency().p99())).append(',')
                    .append(millis(r.readLatency().p999())).append(',')
                    .append(millis(r.writeLatency().p50())).append(',').append(millis(r.writeLatency().p99())).append(',')
                    .append(millis(r.writeLatency().p999())).append('\n');
        }
        return out.toString();
    }

    /** Microseconds as plain milliseconds: "0", "2.5", "45.125". */
    static String millis(long micros) {
        return BigDecimal.valueOf(micros, 3).stripTrailingZeros().toPlainString();
    }
}
