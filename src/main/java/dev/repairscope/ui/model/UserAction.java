package dev.repairscope.ui.model;

import dev.repairscope.scenario.Scenario;
import dev.repairscope.scenario.ScenarioFile.Step;
import dev.repairscope.scenario.ScenarioRun;

/**
 * Something the user did to the running cluster from the window. Every action goes through the
 * run's own verbs ({@link ScenarioRun#perform}, {@link ScenarioRun#reconfigure}, the anti-entropy
 * stepper), so the journal records it, and the model can apply it again, at the same point, when
 * it rebuilds the run to seek backwards.
 */
public sealed interface UserAction {

    /** What the timeline and the log show for it: "crash n2", "read repair: foreground". */
    String describe();

    void applyTo(ScenarioRun run);

    /** A timeline step carried out now (crash, recover, cut, heal, blip, loss, read, write, sweep, repair). */
    record Perform(Step step, String description) implements UserAction {
        @Override
        public String describe() {
            return description;
        }

        @Override
        public void applyTo(ScenarioRun run) {
            run.perform(step, result -> { });
        }
    }

    /** New repair settings for the three mechanisms. */
    record Reconfigure(Scenario.RepairSetup setup, String description) implements UserAction {
        @Override
        public String describe() {
            return description;
        }

        @Override
        public void applyTo(ScenarioRun run) {
            run.reconfigure(setup);
        }
    }

    /** Starts a manual Merkle exchange between two replicas: it waits for a step before each level. */
    record StepwiseRepair(String nodeA, String nodeB) implements UserAction {
        @Override
        public String describe() {
            return "stepwise anti-entropy " + nodeA + " <-> " + nodeB;
        }

        @Override
        public void applyTo(ScenarioRun run) {
            run.antiEntropy().repairStepwise(nodeA, nodeB);
            run.antiEntropy().stepExchange();
        }
    }

    /** Advances the current Merkle exchange by one level (or starts the next one). */
    record StepExchange() implements UserAction {
        @Override
        public String describe() {
            return "step the anti-entropy exchange";
        }

        @Override
        public void applyTo(ScenarioRun run) {
            run.antiEntropy().stepExchange();
        }
    }
}
