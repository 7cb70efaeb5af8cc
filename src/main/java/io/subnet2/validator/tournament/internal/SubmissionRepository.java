package io.subnet2.validator.tournament.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import io.subnet2.validator.tournament.Submission;
import io.subnet2.validator.tournament.SubmissionStatus;
import jakarta.persistence.LockModeType;

public interface SubmissionRepository extends JpaRepository<Submission, UUID> {

    List<Submission> findByTournamentIdOrderBySubmittedAtAscHotkeyAsc(UUID tournamentId);

    Optional<Submission> findFirstByTournamentIdAndHotkeyAndStatusNot(UUID tournamentId, String hotkey,
            SubmissionStatus status);

    List<Submission> findByStatusOrderBySubmittedAt(SubmissionStatus status);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Submission s where s.id = :id")
    Optional<Submission> lockById(UUID id);
}
