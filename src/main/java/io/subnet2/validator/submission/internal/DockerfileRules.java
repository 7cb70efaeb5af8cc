package io.subnet2.validator.submission.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.subnet2.validator.submission.internal.DockerfileParser.Instruction;

/**
 * Static rules on the root Dockerfile: every FROM (all stages) resolves, with the defaults of
 * global ARGs, to an allowed base image or an earlier stage; COPY --from names an earlier stage or
 * an allowed image; no ADD at all (the classic builder downloads ADD URLs in the daemon, on the
 * host's network, and build arguments, quoting, JSON escapes and continuations hide a URL from a
 * literal check: COPY does everything else ADD does except unpacking archives); no ONBUILD (it
 * fires in a later FROM of some other build); no VOLUME (an unscanned writable volume at run time);
 * no RUN options; no docker.sock; the final stage's effective USER is a literal non-root user.
 * The images a build names (FROM and COPY --from images, not stages) are returned for the local
 * image checks that run before the engine builds ({@link LocalImages}).
 */
public final class DockerfileRules {

    static final long MAX_DOCKERFILE_BYTES = 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final ImagePatterns baseImages;
    private final Map<String, String> buildArgs;

    public DockerfileRules(List<String> allowedBaseImages) {
        this(allowedBaseImages, Map.of());
    }

    /** With {@code buildArgs}: values the build passes for declared ARGs (they replace the defaults). */
    public DockerfileRules(List<String> allowedBaseImages, Map<String, String> buildArgs) {
        this.baseImages = new ImagePatterns(allowedBaseImages);
        this.buildArgs = Map.copyOf(buildArgs);
    }

    /** The violations and the images (FROM and COPY --from, stages excluded) the Dockerfile names. */
    public record Analysis(List<Violation> violations, Set<String> images) {
        public Analysis {
            violations = List.copyOf(violations);
            images = Collections.unmodifiableSet(new LinkedHashSet<>(images));
        }
    }

    /** Checks {@code root/Dockerfile}; a missing one is a violation too. */
    public Analysis check(Path root) throws IOException {
        Path file = root.resolve("Dockerfile");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Analysis(List.of(Violation.of(Rule.FILES_DOCKERFILE)), Set.of());
        }
        if (Files.size(file) > MAX_DOCKERFILE_BYTES) {
            return new Analysis(List.of(Violation.of(Rule.DOCKERFILE_PARSE,
                    "larger than " + MAX_DOCKERFILE_BYTES + " bytes")), Set.of());
        }
        return analyse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    /** One build stage: its alias, the earlier stage it builds on (if any) and its last USER. */
    private static final class Stage {
        String alias;
        Stage parent;
        String user;
    }

    List<Violation> check(String dockerfile) {
        return analyse(dockerfile).violations();
    }

    Analysis analyse(String dockerfile) {
        List<Violation> violations = new ArrayList<>();
        Set<String> images = new LinkedHashSet<>();
        if (dockerfile.toLowerCase(Locale.ROOT).contains("docker.sock")) {
            violations.add(Violation.of(Rule.DOCKERFILE_DOCKER_SOCK));
        }
        Map<String, String> globalArgs = new HashMap<>();
        List<Stage> stages = new ArrayList<>();
        for (Instruction ins : DockerfileParser.parse(dockerfile)) {
            String where = "line " + ins.line();
            switch (ins.keyword()) {
                case "ARG" -> {
                    if (stages.isEmpty()) {
                        readArgs(ins.args(), globalArgs, buildArgs);
                    }
                }
                case "FROM" -> stages.add(from(ins, where, globalArgs, stages, violations, images));
                case "COPY" -> {
                    if (!stages.isEmpty()) {
                        checkCopyFrom(ins, where, stages, violations, images);
                    }
                }
                case "ADD" -> violations.add(Violation.of(Rule.DOCKERFILE_ADD, where + ": " + clip(ins.args())));
                case "ONBUILD" -> violations.add(Violation.of(Rule.DOCKERFILE_ONBUILD, where + ": " + clip(ins.args())));
                case "VOLUME" -> violations.add(Violation.of(Rule.DOCKERFILE_VOLUME, where + ": " + clip(ins.args())));
                case "RUN" -> checkRun(ins, where, violations);
                case "USER" -> {
                    if (!stages.isEmpty()) {
                        stages.get(stages.size() - 1).user = ins.args().strip();
                    }
                }
                default -> {
                    if (!DockerfileParser.isAscii(ins.keyword())) {
                        violations.add(Violation.of(Rule.DOCKERFILE_PARSE,
                                where + ": instruction with non-ASCII characters: " + clip(ins.keyword())));
                    }
                }
            }
        }
        if (stages.isEmpty()) {
            violations.add(Violation.of(Rule.DOCKERFILE_NO_FROM));
            return new Analysis(violations, images);
        }
        checkFinalUser(stages.get(stages.size() - 1), violations);
        return new Analysis(violations, images);
    }

    private Stage from(Instruction ins, String where, Map<String, String> globalArgs, List<Stage> stages,
            List<Violation> violations, Set<String> images) {
        Stage stage = new Stage();
        List<String> words = withoutFlags(DockerfileParser.words(ins.args()));
        if (words.isEmpty()) {
            violations.add(Violation.of(Rule.DOCKERFILE_PARSE, where + ": FROM without image"));
            return stage;
        }
        if (words.size() >= 3 && words.get(1).equalsIgnoreCase("AS")) {
            stage.alias = words.get(2).toLowerCase(Locale.ROOT);
        }
        String image = expand(words.get(0), globalArgs);
        if (image == null) {
            violations.add(Violation.of(Rule.DOCKERFILE_BASE_IMAGE,
                    where + ": " + clip(words.get(0)) + " uses a build argument without a default"));
            return stage;
        }
        Stage earlier = findStage(stages, image.toLowerCase(Locale.ROOT));
        if (earlier != null) {
            stage.parent = earlier;
        } else if (!baseImages.allows(image)) {
            violations.add(Violation.of(Rule.DOCKERFILE_BASE_IMAGE, where + ": " + clip(image)
                    + " (allowed: " + String.join(", ", baseImages.patterns()) + ")"));
        } else if (!image.equals("scratch")) { // the engine's empty image: never pulled, never local
            images.add(image);
        }
        return stage;
    }

    private void checkCopyFrom(Instruction ins, String where, List<Stage> stages, List<Violation> violations,
            Set<String> images) {
        for (String word : leadingFlags(DockerfileParser.words(ins.args()))) {
            if (!word.toLowerCase(Locale.ROOT).startsWith("--from=")) {
                continue;
            }
            String source = word.substring("--from=".length());
            int current = stages.size() - 1;
            boolean ok;
            if (source.matches("[0-9]{1,4}")) {
                ok = Integer.parseInt(source) < current;
            } else {
                Stage stage = findStage(stages.subList(0, current), source.toLowerCase(Locale.ROOT));
                ok = stage != null || (!source.contains("$") && baseImages.allows(source));
                if (ok && stage == null) {
                    images.add(source);
                }
            }
            if (!ok) {
                violations.add(Violation.of(Rule.DOCKERFILE_COPY_FROM, where + ": --from=" + clip(source)));
            }
        }
    }

    private static void checkRun(Instruction ins, String where, List<Violation> violations) {
        if (ins.args().startsWith("[")) {
            return;
        }
        for (String flag : leadingFlags(DockerfileParser.words(ins.args()))) {
            violations.add(Violation.of(Rule.DOCKERFILE_RUN_FLAG, where + ": " + clip(flag)));
        }
    }

    private static void checkFinalUser(Stage last, List<Violation> violations) {
        String user = null;
        for (Stage s = last; s != null && user == null; s = s.parent) {
            user = s.user;
        }
        if (user == null || user.isEmpty()) {
            violations.add(Violation.of(Rule.DOCKERFILE_USER, "no USER in the final stage"));
            return;
        }
        String name = user.split(":", 2)[0].strip();
        if (name.contains("$") || name.isEmpty() || name.contains(" ")) {
            violations.add(Violation.of(Rule.DOCKERFILE_USER, "USER " + clip(user) + " is not a literal user"));
        } else if (name.equals("root") || (name.matches("[0-9]{1,10}") && Long.parseLong(name) == 0)) {
            violations.add(Violation.of(Rule.DOCKERFILE_USER, "USER " + clip(user) + " is root"));
        }
    }

    private static Stage findStage(List<Stage> stages, String name) {
        for (Stage s : stages) {
            if (name.equals(s.alias)) {
                return s;
            }
        }
        return null;
    }

    private static List<String> leadingFlags(List<String> words) {
        int n = 0;
        while (n < words.size() && words.get(n).startsWith("--")) {
            n++;
        }
        return words.subList(0, n);
    }

    private static List<String> withoutFlags(List<String> words) {
        return words.subList(leadingFlags(words).size(), words.size());
    }

    private static void readArgs(String args, Map<String, String> into, Map<String, String> buildArgs) {
        for (String word : DockerfileParser.words(args)) {
            int eq = word.indexOf('=');
            String name = eq < 0 ? word : word.substring(0, eq);
            if (NAME.matcher(name).matches()) {
                into.put(name, buildArgs.getOrDefault(name, eq < 0 ? "" : word.substring(eq + 1)));
            }
        }
    }

    /** Expands $NAME, ${NAME} and ${NAME:-word}; null when a variable has no (non-empty) value. */
    static String expand(String text, Map<String, String> args) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            String name;
            String fallback = null;
            if (i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int close = text.indexOf('}', i);
                if (close < 0) {
                    return null;
                }
                String body = text.substring(i + 2, close);
                int sep = body.indexOf(":-");
                name = sep < 0 ? body : body.substring(0, sep);
                fallback = sep < 0 ? null : body.substring(sep + 2);
                i = close + 1;
            } else {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                name = text.substring(i + 1, end);
                i = end;
            }
            if (!NAME.matcher(name).matches()) {
                return null;
            }
            String value = args.get(name);
            if (value == null || value.isEmpty()) {
                value = fallback;
            }
            if (value == null || value.isEmpty() || value.contains("$")) {
                return null;
            }
            out.append(value);
        }
        return out.toString();
    }

    private static String clip(String value) {
        return UrlPolicy.printable(value, 120);
    }
}
