package io.subnet2.validator.jobs.internal;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.subnet2.validator.dataset.DatasetStore;
import io.subnet2.validator.jobs.EvaluationProperties;
import io.subnet2.validator.sandbox.SandboxProperties;
import io.subnet2.validator.sandbox.SandboxRunner;
import io.subnet2.validator.tournament.NotFoundException;
import io.subnet2.validator.tournament.RunStatus;
import io.subnet2.validator.tournament.TournamentService;

/**
 * Crash safety at startup and while running (spec/lifecycle.md): half-written datasets are deleted,
 * and containers of our runs that are no longer running are removed, now and periodically; overdue
 * runs are ended by {@link RunDeadlines} every {@code validator.evaluation.deadline-check-interval}.
 * Interrupted runs themselves are recovered by Quartz ({@code requestRecovery}).
 */
@Component
class Housekeeping implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    /** Older temporary dataset folders belong to no live generation (a generation takes minutes). */
    private static final Duration STALE_DATASET = Duration.ofHours(1);

    private final DatasetStore datasets;
    private final SandboxRunner sandbox;
    private final SandboxProperties sandboxProperties;
    private final TournamentService tournaments;
    private final RunDeadlines deadlines;
    private final EvaluationProperties evaluation;
    private AutoCloseable reaper;
    private ScheduledExecutorService watchdog;

    Housekeeping(DatasetStore datasets, SandboxRunner sandbox, SandboxProperties sandboxProperties,
            TournamentService tournaments, RunDeadlines deadlines, EvaluationProperties evaluation) {
        this.deadlines = deadlines;
        this.evaluation = evaluation;
        this.datasets = datasets;
        this.sandbox = sandbox;
        this.sandboxProperties = sandboxProperties;
        this.tournaments = tournaments;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStartup() {
        try {
            sandbox.checkEngine();
        } catch (IllegalStateException e) {
            throw e; // a configured runtime or holder image the engine lacks: refuse to start
        } catch (RuntimeException e) {
            log.warn("Docker engine not reachable at startup, runtime not checked: {}", e.toString());
        }
        try {
            datasets.deleteIncomplete(STALE_DATASET).forEach(p -> log.info("deleted half-written dataset {}", p));
        } catch (RuntimeException e) {
            log.warn("could not clean half-written datasets: {}", e.toString());
        }
        reaper = sandbox.scheduleReaper(this::isLive, sandboxProperties.reaperInterval());
        watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "run-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        long every = evaluation.deadlineCheckInterval().toMillis();
        watchdog.scheduleWithFixedDelay(() -> {
            try {
                deadlines.endOverdue();
            } catch (RuntimeException e) {
                log.warn("run deadline check failed: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Container run ids are {@code {run uuid}-{phase}}. A container is an orphan only when its run is one
     * of ours and no longer running; containers of runs we do not know belong to another validator
     * (or a test) sharing the Docker engine and are left alone.
     */
    private boolean isLive(String containerRunId) {
        UUID id;
        try {
            id = UUID.fromString(containerRunId.substring(0, Math.min(36, containerRunId.length())));
        } catch (IllegalArgumentException e) {
            return true;
        }
        try {
            return tournaments.getRun(id).getStatus() == RunStatus.RUNNING;
        } catch (NotFoundException e) {
            return true;
        } catch (RuntimeException e) {
            return true; // database unreachable: never reap when unsure
        }
    }

    @Override
    public void destroy() throws Exception {
        if (reaper != null) {
            reaper.close();
        }
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
    }
}
