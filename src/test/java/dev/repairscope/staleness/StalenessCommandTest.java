package dev.repairscope.staleness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.repairscope.cli.RepairScopeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code repairscope staleness ...} end to end: exit codes, the table, the CSV. */
class StalenessCommandTest {

    record Outcome(int exit, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = RepairScopeCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    @Test
    void printsTheTableAndWritesTheCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("out.csv");
        Outcome outcome = run("staleness", "--n", "3", "--r", "1", "--w", "1", "--profile", "exponential",
                "--w-rate", "0.1", "--ars-rate", "1", "--t", "0,1,10,100", "--trials", "2000", "--seed", "3",
                "--csv", csv.toString());

        assertThat(outcome.exit()).as(outcome.err()).isZero();
        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.out()).contains("N=3 R=1 W=1").contains("exponential").contains("2,000 trials, seed 3")
                .contains("t (ms)").contains("consistent").contains("closed form").contains("33.33%")
                .contains("99.9% of reads consistent").contains("latency (ms)").contains("p99.9")
                .containsPattern("(?m)^read\\s+\\d").containsPattern("(?m)^write\\s+\\d");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("t_ms,reads,consistent_k1,closed_form_k1");
        assertThat(lines.get(1)).startsWith("0,2000,0.").endsWith(",0.333333");
        assertThat(lines.get(4)).startsWith("100,2000,");
        double atCommit = Double.parseDouble(lines.get(1).split(",")[2]);
        double late = Double.parseDouble(lines.get(4).split(",")[2]);
        assertThat(atCommit).isBetween(0.35, 0.50);
        assertThat(late).isGreaterThan(0.99);
        // the table shows the same figure as the CSV
        assertThat(outcome.out()).contains(String.format(java.util.Locale.ROOT, "%.2f%%", 100 * atCommit));
    }

    @Test
    void theSameSeedPrintsTheSameTable() {
        String[] args = {"staleness", "--profile", "LNKD-SSD", "--t", "0,1", "--trials", "1000", "--seed", "9"};
        assertThat(run(args).out()).isEqualTo(run(args).out());
    }

    @Test
    void kStalenessAddsAColumnPairPerK(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("k.csv");
        Outcome outcome = run("staleness", "--profile", "YMMR", "--writes", "confined", "--k", "2", "--t", "0",
                "--trials", "500", "--csv", csv.toString());

        assertThat(outcome.exit()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("consistent k=2").contains("closed form k=2").contains("55.56%");
        assertThat(Files.readAllLines(csv).get(0))
                .isEqualTo("t_ms,reads,consistent_k1,closed_form_k1,consistent_k2,closed_form_k2");
    }

    @Test
    void readRepairReportsItsWrites() {
        Outcome outcome = run("staleness", "--profile", "LNKD-DISK", "--read-repair", "background", "--t", "0,5",
                "--trials", "500");
        assertThat(outcome.exit()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("read repair background").contains("read repair writes sent:");
    }

    @Test
    void badFlagsExitTwoWithAClearMessage() {
        assertBad(List.of("--profile", "LNKD-TAPE"), "unknown profile \"LNKD-TAPE\"", "LNKD-SSD, LNKD-DISK, YMMR, WAN");
        assertBad(List.of("--profile", "YMMR", "--w-rate", "2"), "--w-rate and --ars-rate apply only to --profile exponential");
        assertBad(List.of("--profile", "exponential", "--w-rate", "-1"), "W rate must be a positive number");
        assertBad(List.of("--t", "0,soon"), "--t takes milliseconds");
        assertBad(List.of("--t", "-5"), "out of range");
        assertBad(List.of("--r", "4"), "R <= N");
        assertBad(List.of("--trials", "0"), "trials must be at least 1");
        assertBad(List.of("--writes", "some"), "--writes must be all or confined");
        assertBad(List.of("--read-repair", "sometimes"), "--read-repair must be off, none");
        assertBad(List.of("--replica-delay", "0,40"), "one extra delay per replica");
        assertBad(List.of("--profile", "WAN", "--replica-delay", "0,0,40"), "already places the replicas");
        assertBad(List.of("--n", "three"), "--n");
        assertBad(List.of("--nodes", "3"), "--nodes");
    }

    private static void assertBad(List<String> flags, String... messages) {
        List<String> args = new java.util.ArrayList<>(List.of("staleness"));
        args.addAll(flags);
        if (!flags.contains("--trials")) {
            args.addAll(List.of("--trials", "10")); // should the flags be accepted after all, stay quick
        }
        Outcome outcome = run(args.toArray(String[]::new));
        assertThat(outcome.exit()).as("%s -> %s", flags, outcome.err()).isEqualTo(2);
        assertThat(outcome.err()).as(String.join(" ", flags)).contains(messages);
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void helpNamesTheFlags() {
        Outcome help = run("staleness", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--n").contains("--r").contains("--w").contains("--profile").contains("--w-rate")
                .contains("--ars-rate").contains("--t").contains("--trials").contains("--seed").contains("--csv")
                .contains("Exit codes");
    }
}
