package dev.repairscope.repair;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A mechanism's variant as users name it: an id ("sloppy") and a sentence saying which system does it. */
public interface Variant {
    String id();

    String explanation();

    /** The constant of {@code type} whose id is {@code text} (case, blanks and '_' versus '-' ignored). */
    static <E extends Enum<E> & Variant> E parse(Class<E> type, String text, String what) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (E constant : type.getEnumConstants()) {
            if (constant.id().equals(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " \"" + text + "\": expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Variant::id).collect(Collectors.joining(", ")));
    }
}
