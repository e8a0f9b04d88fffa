package dev.repairscope.cli;

import dev.repairscope.repair.readrepair.ReadRepairMode;
import dev.repairscope.sim.Durations;
import dev.repairscope.staleness.LatencyProfile;
import dev.repairscope.staleness.LatencyProfiles;
import dev.repairscope.staleness.Placement;
import dev.repairscope.staleness.StalenessExperiment;
import dev.repairscope.staleness.StalenessResult;
import dev.repairscope.staleness.WriteScope;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code staleness}: how eventual is eventual? The PBS experiment, headless. */
@Command(name = "staleness", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"How eventual is eventual? Runs the PBS staleness experiment (Bailis et al., VLDB 2012, "
                + "WARS model) on the simulated cluster: each trial writes a fresh key at W, then reads it at R "
                + "t ms after the write committed, and the table shows the share of reads that returned that write.",
                "Exit codes: 0 done, 2 bad flags."},
        footer = {"", "Example: repairscope staleness --profile exponential --w-rate 0.1 --ars-rate 1 --t 0,1,5,10,50 "
                + "--trials 100000 --csv out.csv"})
public final class StalenessCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--n", paramLabel = "N", defaultValue = "3", description = "replicas (default 3)")
    int n;

    @Option(names = "--r", paramLabel = "R", defaultValue = "1", description = "replies a read waits for (default 1)")
    int r;

    @Option(names = "--w", paramLabel = "W", defaultValue = "1", description = "acks a write waits for (default 1)")
    int w;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "LNKD-DISK",
            description = "latency profile: LNKD-SSD, LNKD-DISK (default), YMMR, WAN (the paper's fits) or exponential")
    String profile;

    @Option(names = "--w-rate", paramLabel = "PER_MS",
            description = "exponential profile only: rate of the W leg per ms (mean 1/rate ms; default 1)")
    Double wRate;

    @Option(names = "--ars-rate", paramLabel = "PER_MS",
            description = "exponential profile only: rate of the A, R and S legs per ms (default 1)")
    Double arsRate;

    @Option(names = "--t", paramLabel = "MS,MS,...", defaultValue = "0,1,2,5,10,20,50,100",
            description = "instants after commit at which to read, in ms (default 0,1,2,5,10,20,50,100)")
    String times;

    @Option(names = "--trials", paramLabel = "COUNT", defaultValue = "100000",
            description = "independent trials, each with its own key (default 100000)")
    int trials;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "the seed (default 1)")
    long seed;

    @Option(names = "--k", paramLabel = "K", defaultValue = "1",
            description = "writes per key: also report reads returning one of the last 1..K versions (default 1)")
    int versions;

    @Option(names = "--writes", paramLabel = "SCOPE", defaultValue = "all",
            description = "all (default: sent to all N, committed after W acks, as Dynamo) or confined "
                    + "(sent to exactly W random replicas: the static quorum of the closed form)")
    String writes;

    @Option(names = "--read-repair", paramLabel = "MODE", defaultValue = "off",
            description = "off (default, WARS: every replica asked, answer from the first R, nothing repaired), "
                    + "or a read repair mode switched on, with the simulator's own read path: none, foreground "
                    + "(both ask only the first R replicas of the preference list), background, probabilistic; "
                    + "a trial's reads then hit its key in turn, so an earlier read's repair can serve a later one")
    String readRepair;

    @Option(names = "--read-repair-chance", paramLabel = "P", defaultValue = "1",
            description = "share of reads that check every replica, with --read-repair probabilistic (default 1)")
    double readRepairChance;

    @Option(names = "--replica-delay", paramLabel = "MS,MS,...",
            description = "extra one-way delay to each replica on every leg, in ms, one per replica "
                    + "(a remote datacenter), e.g. 0,0,40")
    String replicaDelay;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the curve as CSV to this file")
    Path csv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StalenessExperiment experiment;
        try {
            experiment = experiment();
        } catch (IllegalArgumentException e) {
            err.println("repairscope staleness: " + e.getMessage());
            return Exit.BAD_INPUT;
        }
        StalenessResult result = experiment.run();
        if (csv != null) {
            try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                writer.write(csv(result));
            } catch (IOException e) {
                err.println("repairscope staleness: cannot write the CSV to " + csv + ": " + e.getMessage());
                return Exit.BAD_INPUT;
            }
        }
        out.print(table(result));
        out.flush();
        return Exit.OK;
    }

    // ---- flags to an experiment ---------------------------------------------------------------

    private StalenessExperiment experiment() {
        LatencyProfile latency = profile();
        if (replicaDelay != null) {
            if (!(latency.placement() instanceof Placement.SingleDatacenter)) {
                throw new IllegalArgumentException("--replica-delay: " + latency.name()
                        + " already places the replicas (" + latency.placement().describe() + ")");
            }
            latency = latency.withPlacement(new Placement.RemoteReplicas(millisList("--replica-delay", replicaDelay)));
        }
        return new StalenessExperiment(n, r, w, latency, millisList("--t", times), trials, seed, writeScope(), versions,
                readRepairMode(), readRepairChance);
    }

    private LatencyProfile profile() {
        if (profile.trim().equalsIgnoreCase("exponential")) {
            return LatencyProfiles.exponential(wRate == null ? 1 : wRate, arsRate == null ? 1 : arsRate);
        }
        if (wRate != null || arsRate != null) {
            throw new IllegalArgumentException("--w-rate and --ars-rate apply only to --profile exponential, not "
                    + profile);
        }
        return LatencyProfiles.preset(profile).orElseThrow(() -> new IllegalArgumentException("--profile: unknown profile \""
                + profile + "\"; choose one of " + String.join(", ", LatencyProfiles.presetNames()) + " or exponential"));
    }

    private WriteScope writeScope() {
        return switch (writes.trim().toLowerCase(Locale.ROOT)) {
            case "all" -> WriteScope.ALL;
            case "confined" -> WriteScope.CONFINED;
            default -> throw new IllegalArgumentException("--writes must be all or confined, got \"" + writes + "\"");
        };
    }

    private ReadRepairMode readRepairMode() {
        if (readRepair.trim().equalsIgnoreCase("off")) {
            return null;
        }
        try {
            return ReadRepairMode.parse(readRepair);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--read-repair must be off, none, foreground, background or "
                    + "probabilistic, got \"" + readRepair + "\"");
        }
    }

    /** "0,1,2.5" (ms) to microseconds. */
    private static List<Long> millisList(String flag, String text) {
        List<Long> values = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            double ms;
            try {
                ms = Double.parseDouble(part.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " takes milliseconds separated by commas, e.g. 0,1,2.5; got \""
                        + text + "\"");
            }
            if (!(ms >= 0) || ms > 86_400_000) {
                throw new IllegalArgumentException(flag + ": " + part.trim() + " ms is out of range (0 to one day)");
            }
            values.add(Durations.ms(ms));
        }
        return values;
    }

    // ---- output ---------------------------------------------------------------------------------

    static String table(StalenessResult result) {
        StalenessExperiment e = result.experiment();
        StringBuilder out = new StringBuilder();
        out.append("Staleness lab (PBS, Bailis et al., VLDB 2012) on the simulated cluster\n");
        out.append(e.describe()).append('\n');
        out.append(String.format(Locale.ROOT, "%,d trials, seed %d%n%n", e.trials(), e.seed()));
        out.append(String.format(Locale.ROOT, "%9s", "t (ms)"));
        for (int k = 1; k <= e.versions(); k++) {
            String within = e.versions() == 1 ? "" : " k=" + k;
            out.append(String.format(Locale.ROOT, "  %14s  %14s", "consistent" + within, "closed form" + within));
        }
        out.append('\n');
        for (StalenessResult.Point point : result.points()) {
            out.append(String.format(Locale.ROOT, "%9s", millis(point.t())));
            for (int k = 1; k <= e.versions(); k++) {
                out.append(String.format(Locale.ROOT, "  %13.2f%%  %13.2f%%", 100 * point.consistentWithin(k),
                        100 * result.closedForm(k)));
            }
            out.append('\n');
        }
        OptionalLong safe = result.tReaching(StalenessResult.SAFE);
        out.append('\n').append(safe.isPresent()
                ? "99.9% of reads consistent from t = " + millis(safe.getAsLong()) + " ms (the first listed t that reaches it)"
                : "99.9% of reads consistent: not reached by t = " + millis(e.times().get(e.times().size() - 1))
                + " ms; list later instants with --t").append('\n');
        out.append("closed form: 1 - (C(N-W,R)/C(N,R))^k, static quorums; exact with --writes confined, "
                + "a floor for writes sent to all N with identical legs\n\n");
        out.append(String.format(Locale.ROOT, "%-14s %10s %10s %10s%n", "latency (ms)", "p50", "p99", "p99.9"));
        out.append(latencyRow("read", result.readLatency()));
        out.append(latencyRow("write", result.writeLatency()));
        if (e.readRepair() != null) {
            out.append(String.format(Locale.ROOT, "%nread repair writes sent: %,d%n", result.repairWrites()));
        }
        return out.toString();
    }

    private static String latencyRow(String name, StalenessResult.Percentiles p) {
        return String.format(Locale.ROOT, "%-14s %10s %10s %10s%n", name, millis(p.p50()), millis(p.p99()),
                millis(p.p999()));
    }

    static String csv(StalenessResult result) {
        int versions = result.experiment().versions();
        StringBuilder out = new StringBuilder("t_ms,reads");
        for (int k = 1; k <= versions; k++) {
            out.append(",consistent_k").append(k).append(",closed_form_k").append(k);
        }
        out.append('\n');
        for (StalenessResult.Point point : result.points()) {
            out.append(millis(point.t())).append(',').append(point.reads());
            for (int k = 1; k <= versions; k++) {
                out.append(String.format(Locale.ROOT, ",%.6f,%.6f", point.consistentWithin(k), result.closedForm(k)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Microseconds as plain milliseconds: "0", "2.5", "45.125". */
    private static String millis(long micros) {
        return BigDecimal.valueOf(micros, 3).stripTrailingZeros().toPlainString();
    }
}
