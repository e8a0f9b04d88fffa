package dev.repairscope.scenario;

/** One thing wrong with a scenario file, located as precisely as the parser allows. */
public record ScenarioProblem(String file, int line, int column, String field, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
