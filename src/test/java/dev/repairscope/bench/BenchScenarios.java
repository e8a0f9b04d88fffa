package dev.repairscope.bench;

import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioException;
import dev.repairscope.scenario.ScenarioLoader;

/** The workloads the benchmarks run, as scenario text (the same format users write). */
final class BenchScenarios {
    private BenchScenarios() {
    }

    /** Six nodes, N = 3, QUORUM, Zipf, all three mechanisms on, a fault every two seconds. */
    static Scenario busyCluster(int seconds) {
        StringBuilder timeline = new StringBuilder();
        String[] nodes = {"n1", "n2", "n3", "n4", "n5", "n6"};
        for (int t = 2, i = 0; t < seconds; t += 2, i++) {
            String a = nodes[i % 6];
            String b = nodes[(i + 2) % 6];
            if (i % 3 == 0) {
                timeline.append(step(t, "\"action\": \"blip\", \"from\": \"" + a + "\", \"to\": \"" + b + "\", \"duration\": \"700ms\""));
            } else if (i % 3 == 1) {
                timeline.append(step(t, "\"action\": \"crash\", \"node\": \"" + a + "\""));
                timeline.append(step(t + 1, "\"action\": \"recover\", \"node\": \"" + a + "\""));
            } else {
                timeline.append(step(t, "\"action\": \"loss\", \"probability\": " + (i % 2 == 0 ? 0.02 : 0.0)));
            }
        }
        return parse("""
                {"name": "busy cluster", "description": "benchmark", "seed": 1, "duration": "%ds",
                 "cluster": {"nodes": 6, "replicationFactor": 3, "detectionDelay": "1s"},
                 "network": {"latency": {"type": "exponential", "min": "500us", "mean": "1ms"}},
                 "repair": {"hintedHandoff": {"enabled": true}, "readRepair": {"mode": "foreground"},
                            "antiEntropy": {"enabled": true, "interval": "5s", "depth": 8}},
                 "workload": {"clients": 16, "rate": 2000, "readShare": 0.5, "keys": 2000, "distribution": "zipf",
                              "writeConsistency": "QUORUM", "readConsistency": "QUORUM", "start": "0s", "stop": "%ds"},
                 "timeline": [%s]}
                """.formatted(seconds, seconds, timeline.isEmpty() ? "" : timeline.substring(0, timeline.length() - 1)));
    }

    /** A ten-minute run at 200 client operations a second (the seek benchmark's subject). */
    static Scenario tenMinutes() {
        return parse("""
                {"name": "ten minutes", "description": "benchmark", "seed": 1, "duration": "600s",
                 "cluster": {"nodes": 5, "replicationFactor": 3},
                 "repair": {"hintedHandoff": {"enabled": true}, "readRepair": {"mode": "foreground"},
                            "antiEntropy": {"enabled": true, "interval": "60s", "depth": 8}},
                 "workload": {"clients": 8, "rate": 200, "readShare": 0.5, "keys": 1000, "distribution": "zipf",
                              "start": "0s", "stop": "600s"},
                 "timeline": [{"at": "100s", "action": "crash", "node": "n2"},
                              {"at": "130s", "action": "recover", "node": "n2"}]}
                """);
    }

    private static String step(int at, String body) {
        return "{\"at\": \"" + at + "s\", " + body + "},";
    }

    private static Scenario parse(String text) {
        try {
            return new ScenarioLoader().parse(text, "benchmark");
        } catch (ScenarioException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
