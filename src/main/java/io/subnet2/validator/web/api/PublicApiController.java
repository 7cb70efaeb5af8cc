package io.subnet2.validator.web.api;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.subnet2.validator.web.api.Views.Leaderboard;
import io.subnet2.validator.web.api.Views.MinerHistory;
import io.subnet2.validator.web.api.Views.OwnRun;
import io.subnet2.validator.web.api.Views.Paged;
import io.subnet2.validator.web.api.Views.RunView;
import io.subnet2.validator.web.api.Views.Stats;
import io.subnet2.validator.web.api.Views.SubmissionView;
import io.subnet2.validator.web.api.Views.TournamentDetail;
import io.subnet2.validator.web.api.Views.TournamentView;

/** The public, read-only API (docs/api.md). Errors are problem+json: 400 for a bad parameter, 404 for an unknown id. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "public", description = "Read-only tournament data; no authentication, rate-limited per IP")
class PublicApiController {

    private final PublicReads reads;

    PublicApiController(PublicReads reads) {
        this.reads = reads;
    }

    @GetMapping("/tournaments")
    @Operation(summary = "Tournaments, newest first, filtered by status and netuid")
    Paged<TournamentView> tournaments(@RequestParam(required = false) String status,
            @RequestParam(required = false) Integer netuid, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return reads.tournaments(status, netuid, page, size);
    }

    @GetMapping("/tournaments/{id}")
    @Operation(summary = "A tournament with its current block and epoch and counts by status")
    TournamentDetail tournament(@PathVariable UUID id) {
        return reads.tournament(id);
    }

    @GetMapping("/tournaments/{id}/submissions")
    @Operation(summary = "A tournament's submissions (baseline included), with status and failure reason")
    Paged<SubmissionView> submissions(@PathVariable UUID id, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return reads.submissions(id, status, page, size);
    }

    @GetMapping("/tournaments/{id}/runs")
    @Operation(summary = "A tournament's runs by epoch, network and status (no logs)")
    Paged<RunView> runs(@PathVariable UUID id, @RequestParam(required = false) Integer epoch,
            @RequestParam(required = false) String network, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return reads.runs(id, epoch, network, status, page, size);
    }

    @GetMapping("/tournaments/{id}/leaderboard")
    @Operation(summary = "Ranked results as of the last epoch end, then the baseline")
    Leaderboard leaderboard(@PathVariable UUID id) {
        return reads.leaderboard(id);
    }

    @GetMapping("/miners/{hotkey}")
    @Operation(summary = "A miner's results, submissions and latest runs over every tournament")
    MinerHistory miner(@PathVariable String hotkey) {
        return reads.miner(hotkey);
    }

    @GetMapping("/miners/{hotkey}/runs/{id}")
    @Operation(summary = "One of the miner's own runs with its failure reason and the tail of its log; "
            + "404 when the run is not this hotkey's")
    OwnRun ownRun(@PathVariable String hotkey, @PathVariable UUID id) {
        return reads.ownRun(hotkey, id);
    }

    @GetMapping("/stats")
    @Operation(summary = "Global counts by status and the open tournaments")
    Stats stats() {
        return reads.stats();
    }
}
