package dev.repairscope.scenario;

import java.util.ArrayList;
import java.util.List;

/** Problems found while checking a bound file, each at a JSON pointer ("/timeline/3/node"). */
final class Problems {
    record Found(String pointer, String message) {
    }

    private final List<Found> found = new ArrayList<>();

    void add(String pointer, String message) {
        found.add(new Found(pointer, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<Found> all() {
        return found;
    }

    /** "/timeline/3/node" -> "timeline[3].node". */
    static String fieldOf(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                field.append('[').append(part).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(part);
            }
        }
        return field.toString();
    }
}
