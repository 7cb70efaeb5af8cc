package io.subnet2.validator.sandbox;

/** Tells the reaper which run ids still own their containers (the caller knows, e.g. from the database). */
@FunctionalInterface
public interface LiveRuns {

    boolean isLive(String runId);
}
