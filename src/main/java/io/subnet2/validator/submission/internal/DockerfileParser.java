package io.subnet2.validator.submission.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Dockerfile into instructions the way the engine's parser (moby buildkit
 * {@code frontend/dockerfile/parser}, used by the classic builder) does for what the rules need:
 * a UTF-8 byte order mark dropped, the {@code # escape=} directive, line continuations joined
 * without a separator ({@code AD\} + {@code D x} is {@code ADD x}), comment and empty lines inside
 * a continuation skipped, case-insensitive keywords. A keyword with non-ASCII letters is kept as
 * written (the rules refuse it: Go lower-cases {@code İ} to {@code i}, Java does not). Heredocs
 * ({@code <<EOF}) are not a feature of the classic builder: their body lines are instructions to
 * the engine and so to this parser too. Arguments stay raw text.
 */
final class DockerfileParser {

    /** One instruction: upper-case keyword, raw arguments, 1-based line of its first line. */
    record Instruction(int line, String keyword, String args) {
    }

    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*([a-zA-Z]+)\\s*=\\s*(\\S*)\\s*");

    private DockerfileParser() {
    }

    static List<Instruction> parse(String text) {
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
        char escape = '\\';
        int i = 0;
        // parser directives: only at the very top, before any blank line, comment or instruction
        for (; i < lines.length; i++) {
            Matcher m = DIRECTIVE.matcher(lines[i].trim());
            if (!m.matches()) {
                break;
            }
            if (m.group(1).equalsIgnoreCase("escape") && m.group(2).equals("`")) {
                escape = '`';
            }
        }
        List<Instruction> result = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                continue;
            }
            if (current == null) {
                if (trimmed.isEmpty()) {
                    continue;
                }
                current = new StringBuilder();
                start = i + 1;
                line = line.stripLeading();
            } else if (trimmed.isEmpty()) {
                continue; // an empty continuation line
            }
            String stripped = stripTrailingBlanks(line);
            if (!stripped.isEmpty() && stripped.charAt(stripped.length() - 1) == escape) {
                current.append(stripped, 0, stripped.length() - 1);
                continue;
            }
            current.append(line);
            result.add(toInstruction(start, current.toString()));
            current = null;
        }
        if (current != null && !current.toString().isBlank()) {
            result.add(toInstruction(start, current.toString()));
        }
        return result;
    }

    /** Drops trailing spaces and tabs only, as the engine's continuation pattern ({@code \\[ \t]*$}) does. */
    private static String stripTrailingBlanks(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static Instruction toInstruction(int line, String text) {
        String trimmed = text.strip();
        int space = indexOfWhitespace(trimmed);
        String word = space < 0 ? trimmed : trimmed.substring(0, space);
        String keyword = isAscii(word) ? word.toUpperCase(Locale.ROOT) : word;
        String args = space < 0 ? "" : trimmed.substring(space).strip();
        return new Instruction(line, keyword, args);
    }

    static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c > ' ' && c < 127);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Shell-form words split on whitespace, surrounding quotes removed; JSON form parsed as an array. */
    static List<String> words(String args) {
        String trimmed = args.strip();
        if (trimmed.startsWith("[")) {
            List<String> json = jsonArray(trimmed);
            if (json != null) {
                return json;
            }
        }
        List<String> words = new ArrayList<>();
        for (String word : trimmed.split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(unquote(word));
            }
        }
        return words;
    }

    private static String unquote(String word) {
        if (word.length() >= 2 && (word.charAt(0) == '"' || word.charAt(0) == '\'')
                && word.charAt(word.length() - 1) == word.charAt(0)) {
            return word.substring(1, word.length() - 1);
        }
        return word;
    }

    private static final Pattern JSON_STRING = Pattern.compile("\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|])");

    /** A flat JSON array of strings, or null when the text is not one (then Docker treats it as shell form). */
    private static List<String> jsonArray(String text) {
        List<String> values = new ArrayList<>();
        int pos = 1;
        if (text.substring(1).strip().equals("]")) {
            return values;
        }
        while (pos < text.length()) {
            Matcher m = JSON_STRING.matcher(text).region(pos, text.length());
            if (!m.lookingAt()) {
                return null;
            }
            values.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            pos = m.end();
            if (m.group(2).equals("]")) {
                return text.substring(pos).isBlank() ? values : null;
            }
        }
        return null;
    }
}
