package io.subnet2.validator.jobs.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** The runs this instance is executing now, with their thread and stage (for the job watchdog). */
@Component
class LiveExecutions {

    enum Stage { SANDBOX, SCORING }

    static final class Execution {
        final Thread thread;
        volatile Stage stage = Stage.SANDBOX;

        Execution(Thread thread) {
            this.thread = thread;
        }
    }

    private final Map<UUID, Execution> executions = new ConcurrentHashMap<>();

    Execution begin(UUID runId) {
        Execution execution = new Execution(Thread.currentThread());
        executions.put(runId, execution);
        return execution;
    }

    void end(UUID runId, Execution execution) {
        executions.remove(runId, execution);
    }

    Optional<Execution> find(UUID runId) {
        return Optional.ofNullable(executions.get(runId));
    }
}
