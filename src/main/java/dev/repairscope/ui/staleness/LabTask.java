package dev.repairscope.ui.staleness;

import dev.repairscope.staleness.StalenessExperiment;
import dev.repairscope.staleness.StalenessResult;
import java.util.ArrayList;
import java.util.List;
import javafx.concurrent.Task;

/**
 * Runs the lab's experiments off the FX thread, one (R, W) pair after another, reporting progress
 * per pair. Cancelling stops before the next pair (one experiment is not interruptible).
 */
final class LabTask extends Task<LabResults> {
    private final LabSettings settings;
    private final List<StalenessExperiment> experiments;

    /** {@code experiments} come from {@link LabSettings#experiments()}, built (and checked) on the caller's thread. */
    LabTask(LabSettings settings, List<StalenessExperiment> experiments) {
        this.settings = settings;
        this.experiments = List.copyOf(experiments);
    }

    @Override
    protected LabResults call() {
        List<StalenessResult> results = new ArrayList<>();
        int total = experiments.size();
        long started = System.nanoTime();
        updateProgress(0, total);
        for (int i = 0; i < total; i++) {
            if (isCancelled()) {
                return null;
            }
            StalenessExperiment e = experiments.get(i);
            updateMessage(String.format(java.util.Locale.ROOT, "running R=%d W=%d (%d of %d), %,d trials\u2026",
                    e.r(), e.w(), i + 1, total, e.trials()));
            results.add(e.run());
            updateProgress(i + 1, total);
        }
        updateMessage(String.format(java.util.Locale.ROOT, "%d pairs x %,d trials in %.1f s", total, settings.trials(),
                (System.nanoTime() - started) / 1e9));
        return new LabResults(settings, settings.pairs(), results);
    }
}
