package dev.repairscope.cli;

/** The runner's exit codes. */
final class Exit {
    static final int OK = 0;
    static final int EXPECTATION_FAILED = 1;
    static final int BAD_INPUT = 2;

    private Exit() {
    }
}
