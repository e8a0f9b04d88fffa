package dev.repairscope;

import dev.repairscope.cli.RepairScopeCommand;
import dev.repairscope.ui.RepairScopeApp;

/**
 * The jar's entry point. Deliberately not a JavaFX Application (a jar whose main class extends
 * Application fails with "JavaFX runtime components are missing"): no arguments open the window,
 * anything else goes to the command line.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            RepairScopeApp.launchWindow(args);
            return;
        }
        System.exit(RepairScopeCommand.execute(args));
    }
}
