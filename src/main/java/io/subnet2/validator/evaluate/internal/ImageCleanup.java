package io.subnet2.validator.evaluate.internal;

import java.util.List;
import java.util.UUID;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;

import io.subnet2.validator.submission.SubmissionPipeline;

/** Removes the images one evaluation built (labelled with its id as their tournament). */
final class ImageCleanup {

    private ImageCleanup() {
    }

    static void removeImagesOf(DockerClient docker, UUID evaluationId) {
        List<Image> images = docker.listImagesCmd()
                .withLabelFilter(java.util.Map.of(SubmissionPipeline.LABEL_TOURNAMENT, evaluationId.toString()))
                .exec();
        for (Image image : images) {
            try {
                docker.removeImageCmd(image.getId()).withForce(true).exec();
            } catch (RuntimeException e) {
                // already gone or still used by a container being removed: the next run's clean-up takes it
            }
        }
    }
}
