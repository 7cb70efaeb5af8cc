package io.subnet2.validator.web.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Validation of the public API's query and path parameters; a bad value is a 400 naming it. */
final class Params {

    static final int MAX_SIZE = 100;
    private static final Pattern HOTKEY = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern NETWORK = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

    private Params() {
    }

    /** An enum value by its stored id (lower case), or null when {@code value} is null. */
    static <E extends Enum<E>> E status(String name, String value, Class<E> type, Function<E, String> id) {
        if (value == null) {
            return null;
        }
        String wanted = value.toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> id.apply(e).equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + name + " '" + clip(value) + "' (one of "
                        + Arrays.stream(type.getEnumConstants()).map(id).collect(Collectors.joining(", ")) + ")"));
    }

    static void page(int page, int size) {
        require(page >= 0 && page <= 1_000_000, "page must be 0..1000000");
        require(size >= 1 && size <= MAX_SIZE, "size must be 1.." + MAX_SIZE);
    }

    static String hotkey(String hotkey) {
        require(hotkey != null && HOTKEY.matcher(hotkey).matches(),
                "hotkey must be 1..100 characters of letters, digits, '_', '.', '-'");
        return hotkey;
    }

    static String network(String network) {
        require(network == null || NETWORK.matcher(network).matches(), "bad network name");
        return network;
    }

    static Integer nonNegative(String name, Integer value) {
        require(value == null || value >= 0, name + " must be >= 0");
        return value;
    }

    private static String clip(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
