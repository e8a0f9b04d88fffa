package dev.repairscope.ui;

import java.util.prefs.Preferences;

/** What the window remembers between sessions: its size and the last scenario opened. */
public final class WindowState {
    private final Preferences prefs;
    private double width;
    private double height;
    private String lastScenario;

    private WindowState(Preferences prefs, double width, double height, String lastScenario) {
        this.prefs = prefs;
        this.width = width;
        this.height = height;
        this.lastScenario = lastScenario;
    }

    /** The user's remembered state (java.util.prefs). */
    public static WindowState load() {
        try {
            Preferences p = Preferences.userNodeForPackage(WindowState.class);
            return new WindowState(p, p.getDouble("width", 1500), p.getDouble("height", 940), p.get("lastScenario", null));
        } catch (SecurityException | IllegalStateException e) {
            return transientState(1500, 940);
        }
    }

    /** A state that remembers nothing (tests, screenshots). */
    public static WindowState transientState(double width, double height) {
        return new WindowState(null, width, height, null);
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public String lastScenario() {
        return lastScenario;
    }

    public void rememberScenario(String token) {
        lastScenario = token;
        if (prefs != null) {
            prefs.put("lastScenario", token);
        }
    }

    public void rememberSize(double w, double h) {
        width = w;
        height = h;
        if (prefs != null) {
            prefs.putDouble("width", w);
            prefs.putDouble("height", h);
        }
    }
}
