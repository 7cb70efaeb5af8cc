package io.subnet2.validator.sandbox;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.LoggerFactory;

import io.subnet2.validator.CliCommand;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sandbox-run --image IMG --phase features|patterns --input DIR [--features DIR] --output DIR
 * [--timeout-seconds N] [--memory BYTES] [--env K=V]... [--seccomp FILE] [--run-id ID]}: runs one phase in
 * the sandbox with the default limits and prints the {@link SandboxResult} as one JSON object. Exit code 0
 * whenever the sandbox worked (whatever the container did), 1 when it could not run, 2 on bad usage.
 */
public final class SandboxRunCommand implements CliCommand {

    static final String USAGE = "usage: sandbox-run --image IMG --phase features|patterns --input DIR"
            + " [--features DIR] --output DIR [--timeout-seconds N] [--memory BYTES] [--env K=V]..."
            + " [--seccomp FILE] [--run-id ID]";

    @Override
    public String name() {
        return "sandbox-run";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("sandbox-run: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        quietLogging();
        PrintStream stdout = System.out;
        System.setOut(err); // library logging to the console must not corrupt the JSON on stdout
        try (SandboxRunner runner = SandboxRunner.create(options.properties())) {
            SandboxResult result = runner.run(options.spec());
            out.println(JsonMapper.builder().build().writeValueAsString(result));
            return 0;
        } catch (SandboxException | IllegalArgumentException e) {
            err.println("sandbox-run: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("sandbox-run: " + e);
            return 1;
        } finally {
            System.setOut(stdout);
        }
    }

    /** Without Spring, logback's default is DEBUG on the console; the CLI keeps warnings only. */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private record Options(RunSpec spec, SandboxProperties properties) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> env = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (!flag.startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("unexpected argument " + flag);
                }
                String value = args[++i];
                switch (flag) {
                    case "--image", "--phase", "--input", "--features", "--output", "--timeout-seconds", "--memory",
                            "--seccomp", "--run-id" -> {
                        if (values.put(flag, value) != null) {
                            throw new IllegalArgumentException(flag + " given twice");
                        }
                    }
                    case "--env" -> {
                        int eq = value.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--env needs NAME=VALUE");
                        }
                        env.put(value.substring(0, eq), value.substring(eq + 1));
                    }
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            SandboxProperties properties = SandboxProperties.defaults();
            if (values.containsKey("--seccomp")) {
                properties = properties.withSeccompProfile(Path.of(values.get("--seccomp")));
            }
            String host = System.getenv("DOCKER_HOST");
            if (host != null && !host.isBlank()) {
                properties = properties.withDockerHost(host);
            }
            SandboxLimits limits = properties.limits();
            if (values.containsKey("--timeout-seconds")) {
                limits = limits.withTimeout(Duration.ofSeconds(positive(values.get("--timeout-seconds"), "--timeout-seconds")));
            }
            if (values.containsKey("--memory")) {
                limits = limits.withMemoryBytes(positive(values.get("--memory"), "--memory"));
            }
            String features = values.get("--features");
            RunSpec spec = RunSpec.of(
                    values.getOrDefault("--run-id", "cli-" + UUID.randomUUID()),
                    required(values, "--image"),
                    Phase.parse(required(values, "--phase")),
                    env,
                    Path.of(required(values, "--input")),
                    features == null ? null : Path.of(features),
                    Path.of(required(values, "--output")),
                    limits);
            return new Options(spec, properties);
        }

        private static String required(Map<String, String> values, String flag) {
            String value = values.get(flag);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(flag + " is required");
            }
            return value;
        }

        private static long positive(String value, String flag) {
            try {
                long n = Long.parseLong(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(flag + " must be a positive integer");
        }
    }
}
