package io.subnet2.validator.tournament;

import static io.subnet2.validator.tournament.TournamentFixtures.SHA_A;
import static io.subnet2.validator.tournament.TournamentFixtures.submission;
import static io.subnet2.validator.tournament.TournamentFixtures.tournament;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import io.subnet2.validator.testsupport.DatabaseTest;

/** Each constraint of the schema rejects what it should, checked with plain SQL against the real database. */
class SchemaConstraintTest extends DatabaseTest {

    @Autowired
    TournamentService service;

    @Test
    void duplicateHotkeyInOneTournamentIsRejected() {
        UUID t = service.createTournament(tournament(1)).getId();
        service.upsertSubmission(t, submission("hk1", SHA_A));
        assertThatThrownBy(() -> jdbc.update("""
                insert into submissions (tournament_id, hotkey, uid, repository_url, commit_hash)
                values (?, 'hk1', 3, 'https://github.com/x/y', ?)""", t, SHA_A))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("submissions_one_per_hotkey");
    }

    @Test
    void secondOpenTournamentForANetuidIsRejected() {
        Tournament first = service.createTournament(tournament(2));
        Tournament second = service.createTournament(tournament(2));
        service.updateStatus(first.getId(), TournamentStatus.REGISTRATION);
        assertThatThrownBy(() -> service.updateStatus(second.getId(), TournamentStatus.REGISTRATION))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("tournaments_one_open_per_netuid");
        // another netuid, or the first one finished: allowed
        Tournament other = service.createTournament(tournament(3));
        assertThat(service.updateStatus(other.getId(), TournamentStatus.REGISTRATION).getStatus())
                .isEqualTo(TournamentStatus.REGISTRATION);
        service.fail(first.getId(), "test");
        assertThat(service.updateStatus(second.getId(), TournamentStatus.REGISTRATION).getStatus())
                .isEqualTo(TournamentStatus.REGISTRATION);
    }

    @Test
    void unknownStatusesAreRejected() {
        UUID t = service.createTournament(tournament(4)).getId();
        assertThatThrownBy(() -> jdbc.update("update tournaments set status = 'paused' where id = ?", t))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("tournaments_status_check");
        UUID s = service.upsertSubmission(t, submission("hk", SHA_A)).getId();
        assertThatThrownBy(() -> jdbc.update("update submissions set status = 'approved' where id = ?", s))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("submissions_status_check");
        UUID r = service.ensureRun(s, TournamentFixtures.EPOCH0_TORUS).getId();
        assertThatThrownBy(() -> jdbc.update("update evaluation_runs set status = 'done' where id = ?", r))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("evaluation_runs_status_check");
        assertThatThrownBy(() -> jdbc.update("update evaluation_runs set failure_kind = 'nobody' where id = ?", r))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("evaluation_runs_failure_kind_check");
    }

    @Test
    void duplicateRunKeyIsRejectedAndEnsureRunIsIdempotent() {
        UUID t = service.createTournament(tournament(5)).getId();
        UUID s = service.upsertSubmission(t, submission("hk", SHA_A)).getId();
        UUID run = service.ensureRun(s, TournamentFixtures.EPOCH0_TORUS).getId();
        assertThat(service.ensureRun(s, TournamentFixtures.EPOCH0_TORUS).getId()).isEqualTo(run);
        assertThatThrownBy(() -> jdbc.update("""
                insert into evaluation_runs (submission_id, epoch_number, network, test_date)
                values (?, 0, 'torus', date '2026-01-01')""", s))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("evaluation_runs_one_per_key");
        assertThat(jdbc.queryForObject("select count(*) from evaluation_runs", Integer.class)).isEqualTo(1);
    }

    @Test
    void commitHashMustBeAFullLowerCaseSha() {
        UUID t = service.createTournament(tournament(6)).getId();
        assertThatThrownBy(() -> jdbc.update("""
                insert into submissions (tournament_id, hotkey, uid, repository_url, commit_hash)
                values (?, 'hk', 1, 'https://github.com/x/y', 'main')""", t))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("submissions_commit_hash_check");
    }

    @Test
    void duplicateResultPerHotkeyIsRejected() {
        UUID t = service.createTournament(tournament(7)).getId();
        String insert = "insert into tournament_results (tournament_id, hotkey, uid) values (?, 'hk', 1)";
        jdbc.update(insert, t);
        assertThatThrownBy(() -> jdbc.update(insert, t))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("tournament_results_one_per_hotkey");
    }
}
