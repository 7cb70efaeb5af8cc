package io.subnet2.validator.web.internal;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.subnet2.validator.chain.BlockClock;
import io.subnet2.validator.jobs.AutoTournamentProperties;
import io.subnet2.validator.jobs.Baselines;
import io.subnet2.validator.jobs.TournamentSettings;
import io.subnet2.validator.tournament.NewSubmission;
import io.subnet2.validator.tournament.NewTournament;
import io.subnet2.validator.tournament.Tournament;
import io.subnet2.validator.tournament.TournamentService;
import io.subnet2.validator.tournament.TournamentStatus;
import io.subnet2.validator.web.internal.ApiViews.AddSubmissionRequest;
import io.subnet2.validator.web.internal.ApiViews.CreateTournamentRequest;
import io.subnet2.validator.web.internal.ApiViews.ResultView;
import io.subnet2.validator.web.internal.ApiViews.RunView;
import io.subnet2.validator.web.internal.ApiViews.SubmissionView;
import io.subnet2.validator.web.internal.ApiViews.TournamentView;

/** Admin REST API (bearer token): tournaments, local-mode submissions, and read-only listings. */
@RestController
@RequestMapping("/api/v1/admin/tournaments")
class AdminController {

    private final TournamentService tournaments;
    private final BlockClock blockClock;
    private final TournamentSettings settings;
    private final AutoTournamentProperties auto;

    AdminController(TournamentService tournaments, BlockClock blockClock, TournamentSettings settings,
            AutoTournamentProperties auto) {
        this.tournaments = tournaments;
        this.blockClock = blockClock;
        this.settings = settings;
        this.auto = auto;
    }

    @PostMapping
    ResponseEntity<TournamentView> create(@RequestBody CreateTournamentRequest body) {
        require(body != null && body.name() != null && body.netuid() != null, "name and netuid are required");
        int epochBlocks = body.epochBlocks() == null ? 360 : body.epochBlocks();
        long startBlock = body.startBlock() == null ? blockClock.currentBlock() : body.startBlock();
        int epochs = body.epochs() == null ? 1 : body.epochs();
        require(epochs >= 1 && epochs <= 10_000, "epochs must be 1..10000");
        long endBlock = body.endBlock() == null ? startBlock + (long) epochs * epochBlocks : body.endBlock();
        Instant registrationStart = body.registrationStart() == null ? Instant.now() : body.registrationStart();
        Instant registrationEnd = body.registrationEnd() == null
                ? blockClock.timeOfBlock(startBlock) : body.registrationEnd();
        if (registrationEnd.isBefore(registrationStart)) {
            registrationEnd = registrationStart;
        }
        List<String> networks = body.testNetworks() == null ? List.of("torus") : body.testNetworks();
        String baselineVersion = Baselines.version(body.baselineRepository(), body.baselineVersion());
        Tournament created = tournaments.createTournament(new NewTournament(body.name(), body.netuid(),
                registrationStart, registrationEnd, startBlock, endBlock, epochBlocks, networks,
                body.baselineRepository(), baselineVersion, settings.snapshotJson()));
        return ResponseEntity.created(URI.create("/api/v1/admin/tournaments/" + created.getId()))
                .body(TournamentView.of(created));
    }

    @GetMapping
    List<TournamentView> list() {
        return tournaments.listTournaments().stream().map(TournamentView::of).toList();
    }

    @GetMapping("/{id}")
    TournamentView get(@PathVariable UUID id) {
        return TournamentView.of(tournaments.getTournament(id));
    }

    /** Local mode: registers (or replaces) a miner's submission while registration is open. */
    @PostMapping("/{id}/submissions")
    ResponseEntity<SubmissionView> addSubmission(@PathVariable UUID id, @RequestBody AddSubmissionRequest body) {
        require(body != null && body.hotkey() != null && body.uid() != null && body.repositoryUrl() != null
                && body.commitHash() != null, "hotkey, uid, repository_url and commit_hash are required");
        Tournament tournament = tournaments.getTournament(id);
        TournamentStatus status = tournament.getStatus();
        if (status != TournamentStatus.PENDING && status != TournamentStatus.REGISTRATION) {
            throw new IllegalStateException("tournament " + id + " is " + status.id() + ": registration is closed");
        }
        var submission = tournaments.upsertSubmission(id, new NewSubmission(body.hotkey(), body.uid(),
                body.repositoryUrl(), body.commitHash().toLowerCase(Locale.ROOT), false));
        return ResponseEntity.created(URI.create("/api/v1/admin/tournaments/" + id + "/submissions"))
                .body(SubmissionView.of(submission));
    }

    /** Local mode: registers a miner in the tournament whose registration is open on validator.tournaments.netuid. */
    @PostMapping("/current/submissions")
    ResponseEntity<SubmissionView> addToCurrent(@RequestBody AddSubmissionRequest body) {
        Tournament open = tournaments.listTournaments(TournamentStatus.PENDING, TournamentStatus.REGISTRATION).stream()
                .filter(t -> t.getNetuid() == auto.netuid())
                .min(Comparator.comparing(t -> t.getStatus() == TournamentStatus.REGISTRATION ? 0 : 1))
                .orElseThrow(() -> new IllegalStateException("no tournament is open for registration on netuid "
                        + auto.netuid() + "; the next one is created at an epoch start once the current one ends"));
        return addSubmission(open.getId(), body);
    }

    @GetMapping("/{id}/submissions")
    List<SubmissionView> submissions(@PathVariable UUID id) {
        tournaments.getTournament(id);
        return tournaments.listSubmissions(id).stream().map(SubmissionView::of).toList();
    }

    @GetMapping("/{id}/runs")
    List<RunView> runs(@PathVariable UUID id) {
        tournaments.getTournament(id);
        return tournaments.listRunsOfTournament(id).stream().map(RunView::of).toList();
    }

    @GetMapping("/{id}/results")
    List<ResultView> results(@PathVariable UUID id) {
        tournaments.getTournament(id);
        return tournaments.listResults(id).stream().map(ResultView::of).toList();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
