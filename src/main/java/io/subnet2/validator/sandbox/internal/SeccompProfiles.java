package io.subnet2.validator.sandbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.subnet2.validator.sandbox.SandboxException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the seccomp profile. The Engine API wants the profile's JSON text in {@code SecurityOpt}
 * ({@code seccomp=<json>}); a file path there passes create and fails at start.
 */
public final class SeccompProfiles {

    /** Classpath location of the packaged copy of the repository's seccomp.json. */
    public static final String RESOURCE = "/seccomp.json";
    private static final int MAX_BYTES = 1024 * 1024;

    private SeccompProfiles() {
    }

    /** The compact JSON text of {@code file}, or of the packaged profile when {@code file} is null. */
    public static String load(Path file) {
        byte[] bytes;
        String origin = file == null ? "classpath:" + RESOURCE : file.toString();
        try {
            if (file != null) {
                if (Files.size(file) > MAX_BYTES) {
                    throw new SandboxException("seccomp profile " + origin + " is larger than 1 MiB");
                }
                bytes = Files.readAllBytes(file);
            } else {
                try (InputStream in = SeccompProfiles.class.getResourceAsStream(RESOURCE)) {
                    if (in == null) {
                        throw new SandboxException("seccomp profile " + origin + " missing from the jar");
                    }
                    bytes = in.readNBytes(MAX_BYTES);
                }
            }
        } catch (IOException e) {
            throw new SandboxException("cannot read seccomp profile " + origin + ": " + e.getMessage(), e);
        }
        return validate(new String(bytes, StandardCharsets.UTF_8), origin);
    }

    /** Parses, sanity-checks (an allow-list: default action denies) and re-serialises without whitespace. */
    static String validate(String json, String origin) {
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new SandboxException("seccomp profile " + origin + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        String defaultAction = root.path("defaultAction").asString("");
        if (!defaultAction.startsWith("SCMP_ACT_ERRNO") && !defaultAction.startsWith("SCMP_ACT_KILL")) {
            throw new SandboxException("seccomp profile " + origin + " must deny by default (defaultAction errno/kill)");
        }
        if (!root.path("syscalls").isArray() || root.path("syscalls").isEmpty()) {
            throw new SandboxException("seccomp profile " + origin + " has no syscalls rules");
        }
        return mapper.writeValueAsString(root);
    }
}
