package io.subnet2.validator.submission.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerConfig;

/**
 * Checks, before the engine is asked to build, that every image the build names is already on the
 * engine (the classic builder pulls a missing FROM or COPY --from image even with {@code pull=false},
 * and an allow-list namespace like {@code subnet2-base/*} could be registered by anyone on Docker
 * Hub), and that none of them carries ONBUILD triggers (they would run ADD or RUN lines the miner's
 * Dockerfile does not show) or declares a VOLUME. The built image is checked for VOLUMEs as well.
 */
final class LocalImages {

    private final DockerClient docker;

    LocalImages(DockerClient docker) {
        this.docker = docker;
    }

    /**
     * @return each image with the id it resolves to on the engine
     * @throws Rejection naming every image that is missing or carries triggers or volumes
     */
    Map<String, String> check(Set<String> images) throws Rejection {
        Map<String, String> ids = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (String image : images) {
            InspectImageResponse inspect;
            try {
                inspect = docker.inspectImageCmd(image).exec();
            } catch (NotFoundException e) {
                violations.add(Violation.of(Rule.IMAGE_NOT_LOCAL, clip(image)));
                continue;
            } catch (DockerException e) {
                throw new Rejection(Violation.of(Rule.BUILD_ENGINE, "inspecting " + clip(image) + ": " + e.getMessage()));
            }
            ids.put(image, inspect.getId());
            violations.addAll(configViolations(image, inspect.getConfig()));
        }
        if (!violations.isEmpty()) {
            throw new Rejection(violations);
        }
        return ids;
    }

    /** ONBUILD triggers and VOLUMEs of an image's config ({@code what} names it in the reasons). */
    static List<Violation> configViolations(String what, ContainerConfig config) {
        List<Violation> violations = new ArrayList<>();
        if (config == null) {
            return violations;
        }
        String[] triggers = config.getOnBuild();
        if (triggers != null && triggers.length > 0) {
            violations.add(Violation.of(Rule.IMAGE_ONBUILD, clip(what) + ": " + clip(String.join("; ", triggers))));
        }
        Map<String, ?> volumes = config.getVolumes();
        if (volumes != null && !volumes.isEmpty()) {
            violations.add(Violation.of(Rule.IMAGE_VOLUME, clip(what) + ": " + clip(String.join(", ", volumes.keySet()))));
        }
        return violations;
    }

    private static String clip(String value) {
        return UrlPolicy.printable(value, 120);
    }
}
