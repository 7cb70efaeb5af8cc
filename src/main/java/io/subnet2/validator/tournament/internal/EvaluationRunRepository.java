package io.subnet2.validator.tournament.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import io.subnet2.validator.tournament.EvaluationRun;
import io.subnet2.validator.tournament.RunStatus;
import jakarta.persistence.LockModeType;

public interface EvaluationRunRepository extends JpaRepository<EvaluationRun, UUID>, JpaSpecificationExecutor<EvaluationRun> {

    List<EvaluationRun> findBySubmissionIdOrderByEpochNumberAscNetworkAsc(UUID submissionId);

    Optional<EvaluationRun> findBySubmissionIdAndEpochNumberAndNetworkAndTestDate(UUID submissionId, int epochNumber,
            String network, LocalDate testDate);

    List<EvaluationRun> findByStatusOrderByEpochNumberAscNetworkAsc(RunStatus status);

    @Query("""
            select r from EvaluationRun r, Submission s
            where r.submissionId = s.id and s.tournamentId = :tournamentId
            order by r.epochNumber, r.network, s.hotkey""")
    List<EvaluationRun> findByTournament(UUID tournamentId);

    @Query("""
            select r from EvaluationRun r, Submission s
            where r.submissionId = s.id and s.hotkey = :hotkey
            order by r.completedAt desc nulls first, r.epochNumber desc, r.network""")
    List<EvaluationRun> findByHotkey(String hotkey);

    @Query("select r.status, count(r) from EvaluationRun r group by r.status")
    List<Object[]> countByStatus();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from EvaluationRun r where r.id = :id")
    Optional<EvaluationRun> lockById(UUID id);

    /** Creates the run unless it exists; safe when several validators do it at once. */
    @Modifying
    @Query(value = """
            insert into evaluation_runs (submission_id, epoch_number, network, test_date)
            values (:submissionId, :epochNumber, :network, :testDate)
            on conflict (submission_id, epoch_number, network, test_date) do nothing""", nativeQuery = true)
    int insertIfAbsent(UUID submissionId, int epochNumber, String network, LocalDate testDate);
}
