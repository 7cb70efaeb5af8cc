package io.subnet2.validator.submission.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data-driven scan of Python, Java and shell sources and of the Dockerfile's text. Rules come from
 * scanner-rules.json (or a replacement file): a regex, or an entropy test over the file's long
 * base64-like runs. A finding of a {@code block} rule disqualifies, {@code warn} is only recorded.
 * This is a speed bump, not a sandbox: the container's isolation is what contains hostile code.
 */
public final class CodeScanner {

    public enum Severity { BLOCK, WARN }

    public record Finding(String ruleId, Severity severity, String path, int line, String description) {
        public String text() {
            return ruleId + " at " + path + ":" + line + ": " + description;
        }
    }

    /** One rule as stored in the JSON file. */
    record RuleSpec(String id, String severity, List<String> languages, String type, String pattern,
            Integer minLength, Double minEntropy, String description) {
    }

    record RuleFile(String comment, List<RuleSpec> rules) {
    }

    private record CompiledRule(RuleSpec spec, Severity severity, Set<String> languages, Pattern pattern) {
    }

    static final String BUILT_IN = "/io/subnet2/validator/submission/scanner-rules.json";
    static final Set<String> LANGUAGES = Set.of("python", "java", "shell", "dockerfile");
    private static final int MAX_FINDINGS = 100;
    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9+/=_-]{40,}");

    private final List<CompiledRule> rules;

    private CodeScanner(List<CompiledRule> rules) {
        this.rules = rules;
    }

    /** The built-in rules, or those of {@code rulesFile} when it is not null. */
    public static CodeScanner load(Path rulesFile) {
        try (InputStream in = rulesFile == null ? CodeScanner.class.getResourceAsStream(BUILT_IN)
                : Files.newInputStream(rulesFile)) {
            if (in == null) {
                throw new IllegalStateException("scanner rules resource missing: " + BUILT_IN);
            }
            RuleFile file = JsonMapper.builder().build().readValue(in, RuleFile.class);
            return new CodeScanner(compile(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scanner rules " + rulesFile, e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("invalid scanner rules: " + e.getOriginalMessage(), e);
        }
    }

    List<String> ruleIds() {
        return rules.stream().map(r -> r.spec().id()).toList();
    }

    private static List<CompiledRule> compile(RuleFile file) {
        if (file == null || file.rules() == null || file.rules().isEmpty()) {
            throw new IllegalArgumentException("scanner rules file has no rules");
        }
        Set<String> ids = new HashSet<>();
        List<CompiledRule> compiled = new ArrayList<>();
        for (RuleSpec r : file.rules()) {
            if (r.id() == null || r.id().isBlank() || !ids.add(r.id())) {
                throw new IllegalArgumentException("scanner rule id missing or duplicated: " + r.id());
            }
            Severity severity = Severity.valueOf(String.valueOf(r.severity()).toUpperCase(Locale.ROOT));
            if (r.languages() == null || r.languages().isEmpty() || !LANGUAGES.containsAll(r.languages())) {
                throw new IllegalArgumentException("scanner rule " + r.id() + ": languages must be among " + LANGUAGES);
            }
            boolean entropy = "entropy".equals(r.type());
            if (entropy && (r.minLength() == null || r.minEntropy() == null)) {
                throw new IllegalArgumentException("scanner rule " + r.id() + ": entropy needs minLength and minEntropy");
            }
            if (!entropy && r.type() != null && !"regex".equals(r.type())) {
                throw new IllegalArgumentException("scanner rule " + r.id() + ": unknown type " + r.type());
            }
            Pattern pattern = entropy ? null : Pattern.compile(r.pattern());
            compiled.add(new CompiledRule(r, severity, Set.copyOf(r.languages()), pattern));
        }
        return List.copyOf(compiled);
    }

    /** Scans every file under root whose language is known; at most 100 findings. */
    public List<Finding> scan(Path root) throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String language = language(file.getFileName().toString(), firstLine(file));
            if (language == null) {
                continue;
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            String relative = root.relativize(file).toString();
            for (CompiledRule rule : rules) {
                if (findings.size() >= MAX_FINDINGS) {
                    return findings;
                }
                if (rule.languages().contains(language)) {
                    Finding f = apply(rule, relative, text);
                    if (f != null) {
                        findings.add(f);
                    }
                }
            }
        }
        return findings;
    }

    private static String firstLine(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(256), StandardCharsets.UTF_8);
            int nl = head.indexOf('\n');
            return nl < 0 ? head : head.substring(0, nl);
        }
    }

    /** The scanner language of a file from its name, or from the shebang of an extension-less script. */
    static String language(String name, String firstLine) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.equals("Dockerfile")) {
            return "dockerfile";
        }
        if (lower.endsWith(".py") || lower.endsWith(".pyw") || lower.endsWith(".pyi")) {
            return "python";
        }
        if (lower.endsWith(".java")) {
            return "java";
        }
        if (lower.endsWith(".sh") || lower.endsWith(".bash")) {
            return "shell";
        }
        if (!lower.contains(".") && firstLine.startsWith("#!")) {
            if (firstLine.contains("python")) {
                return "python";
            }
            if (firstLine.matches("#!.*\\b(ba|da|z|k)?sh\\b.*")) {
                return "shell";
            }
        }
        return null;
    }

    private static Finding apply(CompiledRule rule, String path, String text) {
        RuleSpec spec = rule.spec();
        int offset;
        if (rule.pattern() != null) {
            Matcher m = rule.pattern().matcher(text);
            if (!m.find()) {
                return null;
            }
            offset = m.start();
        } else {
            offset = entropyHit(text, spec.minLength(), spec.minEntropy());
            if (offset < 0) {
                return null;
            }
        }
        return new Finding(spec.id(), rule.severity(), path, lineOf(text, offset), spec.description());
    }

    /**
     * Offset of the first run counted when the file's base64-like runs (40+ characters, mixing
     * digits, upper and lower case, so identifiers do not count) reach minLength characters
     * together with a Shannon entropy of at least minEntropy bits per character; else -1.
     */
    static int entropyHit(String text, int minLength, double minEntropy) {
        StringBuilder runs = new StringBuilder();
        int first = -1;
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            String run = m.group();
            if (run.chars().anyMatch(Character::isDigit) && run.chars().anyMatch(Character::isUpperCase)
                    && run.chars().anyMatch(Character::isLowerCase)) {
                if (first < 0) {
                    first = m.start();
                }
                runs.append(run);
            }
        }
        return runs.length() >= minLength && entropy(runs) >= minEntropy ? first : -1;
    }

    static double entropy(CharSequence s) {
        int[] counts = new int[128];
        for (int i = 0; i < s.length(); i++) {
            counts[s.charAt(i) & 127]++;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / s.length();
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
