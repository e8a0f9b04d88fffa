package dev.repairscope.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario file that cannot be used; nothing of it was applied. Lists every problem found. */
public final class ScenarioException extends Exception {
    private final List<ScenarioProblem> problems;

    public ScenarioException(List<ScenarioProblem> problems) {
        super(problems.stream().map(ScenarioProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ScenarioProblem> problems() {
        return problems;
    }
}
