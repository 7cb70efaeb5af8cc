package io.subnet2.validator.tournament;

import static io.subnet2.validator.tournament.TournamentFixtures.EPOCH0_TORUS;
import static io.subnet2.validator.tournament.TournamentFixtures.SHA_A;
import static io.subnet2.validator.tournament.TournamentFixtures.SHA_B;
import static io.subnet2.validator.tournament.TournamentFixtures.submission;
import static io.subnet2.validator.tournament.TournamentFixtures.tournament;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.subnet2.validator.testsupport.DatabaseTest;

/** Lifecycle transitions and repository operations of {@link TournamentService} on the real database. */
class TournamentServiceTest extends DatabaseTest {

    @Autowired
    TournamentService service;

    @Test
    void aDeregisteredHotkeyKeepsItsHistoryAndStartsFreshWhenItReturns() {
        Tournament t = service.createTournament(tournament(61));
        Submission old = service.upsertSubmission(t.getId(), submission("hk-dereg", SHA_A));
        service.deregisterSubmission(old.getId(), "uid 7 is now held by hotkey hk-new");
        assertThat(service.getSubmission(old.getId()).getStatus()).isEqualTo(SubmissionStatus.DEREGISTERED);
        assertThat(service.getSubmission(old.getId()).getValidationError()).contains("hk-new");
        assertThat(service.findSubmission(t.getId(), "hk-dereg")).isEmpty();
        // nothing leaves deregistered: the returning hotkey, even with the same code, is a new submission
        assertThatThrownBy(() -> service.updateSubmissionStatus(old.getId(), SubmissionStatus.PENDING))
                .isInstanceOf(IllegalTransitionException.class);
        Submission back = service.upsertSubmission(t.getId(), submission("hk-dereg", SHA_A));
        assertThat(back.getId()).isNotEqualTo(old.getId());
        assertThat(back.getStatus()).isEqualTo(SubmissionStatus.PENDING);
        assertThat(service.listSubmissions(t.getId())).hasSize(2);
        Submission baseline = service.upsertSubmission(t.getId(), new NewSubmission(NewSubmission.BASELINE_HOTKEY,
                NewSubmission.BASELINE_UID, "https://github.com/org/baseline", SHA_A, true));
        assertThatThrownBy(() -> service.deregisterSubmission(baseline.getId(), "no"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createsAndReadsATournamentWithItsNetworksAndConfig() {
        Tournament created = service.createTournament(tournament(10));
        Tournament read = service.getTournament(created.getId());
        assertThat(read.getStatus()).isEqualTo(TournamentStatus.PENDING);
        assertThat(read.getTestNetworks()).containsExactly("torus", "bittensor");
        assertThat(read.getConfig()).contains("\"weights\"");
        assertThat(read.getEpochBlocks()).isEqualTo(360);
        assertThat(read.getCreatedAt()).isNotNull();
        assertThat(service.findActiveByNetuid(10)).isEmpty();
    }

    @Test
    void unknownTournamentIdIsNamedInTheError() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> service.getTournament(id)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining(id.toString());
    }

    @Test
    void tournamentWalksItsLifecycleAndCompletedSetsCompletedAt() {
        UUID id = service.createTournament(tournament(11)).getId();
        service.updateStatus(id, TournamentStatus.REGISTRATION);
        assertThat(service.findActiveByNetuid(11)).map(Tournament::getId).contains(id);
        service.updateStatus(id, TournamentStatus.ACTIVE);
        assertThat(service.findActiveByNetuid(11)).map(Tournament::getId).contains(id);
        service.updateStatus(id, TournamentStatus.SCORING);
        assertThat(service.findActiveByNetuid(11)).isEmpty();
        assertThat(service.getTournament(id).getCompletedAt()).isNull();
        Tournament done = service.updateStatus(id, TournamentStatus.COMPLETED);
        assertThat(done.getCompletedAt()).isNotNull();
        assertThat(service.updateStatus(id, TournamentStatus.COMPLETED).getCompletedAt())
                .isEqualTo(done.getCompletedAt());
    }

    @Test
    void illegalTournamentTransitionsNameBothStates() {
        UUID id = service.createTournament(tournament(12)).getId();
        assertThatThrownBy(() -> service.updateStatus(id, TournamentStatus.ACTIVE))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("pending -> active");
        service.fail(id, "operator stopped it");
        assertThat(service.getTournament(id).getFailureReason()).isEqualTo("operator stopped it");
        assertThatThrownBy(() -> service.updateStatus(id, TournamentStatus.REGISTRATION))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("failed -> registration");
    }

    @Test
    void submissionValidationSetsValidatedAtAndAReplacementGoesBackToPending() {
        UUID t = service.createTournament(tournament(13)).getId();
        Submission s = service.upsertSubmission(t, submission("hk", SHA_A));
        assertThat(s.getStatus()).isEqualTo(SubmissionStatus.PENDING);
        assertThatThrownBy(() -> service.updateSubmissionStatus(s.getId(), SubmissionStatus.VALIDATED))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("pending -> validated");

        service.updateSubmissionStatus(s.getId(), SubmissionStatus.VALIDATING);
        Submission validated = service.recordVerdict(s.getId(),
                new SubmissionVerdict(SubmissionStatus.VALIDATED, "subnet2-submission:7-aaaa", "sha256:1", null, "warn: x", "log"));
        assertThat(validated.getValidatedAt()).isNotNull();
        assertThat(validated.getDockerImageTag()).isEqualTo("subnet2-submission:7-aaaa");

        // the same code again changes nothing
        assertThat(service.upsertSubmission(t, submission("hk", SHA_A)).getStatus()).isEqualTo(SubmissionStatus.VALIDATED);
        // new code replaces the submission
        Submission replaced = service.upsertSubmission(t, submission("hk", SHA_B));
        assertThat(replaced.getId()).isEqualTo(s.getId());
        assertThat(replaced.getStatus()).isEqualTo(SubmissionStatus.PENDING);
        assertThat(replaced.getCommitHash()).isEqualTo(SHA_B);
        assertThat(replaced.getValidatedAt()).isNull();
        assertThat(replaced.getDockerImageTag()).isNull();
        assertThat(service.findSubmission(t, "hk")).isPresent();
        assertThat(service.listSubmissions(t)).hasSize(1);
        assertThat(service.listSubmissions(SubmissionStatus.PENDING)).extracting(Submission::getId).contains(s.getId());
    }

    @Test
    void disqualificationStoresTheReason() {
        UUID t = service.createTournament(tournament(14)).getId();
        UUID s = service.upsertSubmission(t, submission("hk", SHA_A)).getId();
        service.updateSubmissionStatus(s, SubmissionStatus.VALIDATING);
        Submission d = service.recordVerdict(s,
                new SubmissionVerdict(SubmissionStatus.DISQUALIFIED, null, null, "USER root in final stage", null, ""));
        assertThat(d.getStatus()).isEqualTo(SubmissionStatus.DISQUALIFIED);
        assertThat(d.getValidationError()).isEqualTo("USER root in final stage");
        assertThat(d.getValidatedAt()).isNotNull();
    }

    @Test
    void runTransitionsAndTheTerminalWriteIsIdempotent() {
        UUID t = service.createTournament(tournament(15)).getId();
        UUID s = service.upsertSubmission(t, submission("hk", SHA_A)).getId();
        UUID run = service.ensureRun(s, EPOCH0_TORUS).getId();
        assertThatThrownBy(() -> service.finishRun(run, completed(0.9)))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("pending -> completed");

        assertThat(service.startRun(run).getAttempts()).isEqualTo(1);
        assertThatThrownBy(() -> service.startRun(run))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("running -> running");
        EvaluationRun retried = service.retryRun(run, "docker daemon restarted");
        assertThat(retried.getStatus()).isEqualTo(RunStatus.PENDING);
        assertThat(retried.getFailureKind()).isEqualTo(FailureKind.PLATFORM);
        assertThat(service.startRun(run).getAttempts()).isEqualTo(2);

        EvaluationRun done = service.finishRun(run, completed(0.9));
        assertThat(done.getStatus()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.getExecutionTimeSeconds()).isEqualTo(3.5);
        assertThat(done.getCompletedAt()).isNotNull();
        EvaluationRun again = service.finishRun(run, RunOutcome.minerFault(RunStatus.TIMEOUT, null, 1.0, null, "", "x"));
        assertThat(again.getStatus()).isEqualTo(RunStatus.COMPLETED);
        assertThat(again.getFinalScore()).isEqualTo(0.9);
        assertThat(again.getCompletedAt()).isEqualTo(done.getCompletedAt());
        assertThat(service.listRuns(s)).hasSize(1);
        EvaluationRun stored = service.listRuns(s).get(0);
        assertThat(stored.getPatternAccuracy()).isEqualTo(0.8);
        assertThat(stored.getPatternRecall()).isEqualTo(0.9);
        assertThat(JSON.readTree(stored.getRecallByType())).isEqualTo(JSON.readTree(RECALL_BY_TYPE));
        assertThat(service.listRunsOfTournament(t)).extracting(EvaluationRun::getId).containsExactly(run);
    }

    @Test
    void resultsAreReplacedAndListedByRankWithTheBaselineLast() {
        UUID t = service.createTournament(tournament(16)).getId();
        service.replaceResults(t, List.of(result("old", 1, 0.1)));
        List<TournamentResult> ranked = service.replaceResults(t,
                List.of(result("b", 2, 0.5), result("baseline", null, 0.6), result("a", 1, 0.7)));
        assertThat(ranked).extracting(TournamentResult::getHotkey).containsExactly("a", "b", "baseline");
        assertThat(service.listResults(t)).extracting(TournamentResult::getRank).containsExactly(1, 2, null);
        assertThatThrownBy(() -> service.replaceResults(t, List.of(result("a", 1, 0.1), result("a", 2, 0.1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static NewResult result(String hotkey, Integer rank, double score) {
        return new NewResult(hotkey, 1, score, 1.0, 0.5, score, rank, false, false, 1, 0.0);
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();
    private static final String RECALL_BY_TYPE =
            "{\"cycle\":{\"counted\":4,\"found\":3,\"recall\":0.75},\"motif_fanin\":{\"counted\":2,\"found\":2,\"recall\":1.0}}";

    private static RunOutcome completed(double score) {
        return new RunOutcome(RunStatus.COMPLETED, null, 0, 1.5, 2.0, true, 0.8, 0.9, 1.0, RECALL_BY_TYPE, 0.0, 0.5,
                score, 10, 10, 10, 9, "log", null);
    }
}
