package io.subnet2.validator.web.internal;

import java.util.Map;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.subnet2.validator.jobs.TournamentJobs;
import io.subnet2.validator.tournament.NotFoundException;

/** Admin: runs one of the three tournament jobs now, in the request (each is idempotent). */
@RestController
@RequestMapping("/api/v1/admin/jobs")
class AdminJobsController {

    private final TournamentJobs jobs;

    AdminJobsController(TournamentJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/{name}")
    Map<String, Object> fire(@PathVariable String name) {
        long start = System.nanoTime();
        switch (name) {
            case "epoch-start" -> jobs.epochStart();
            case "evaluation" -> jobs.evaluation();
            case "epoch-end" -> jobs.epochEnd();
            default -> throw new NotFoundException("job", name);
        }
        return Map.of("job", name, "millis", (System.nanoTime() - start) / 1_000_000);
    }
}
