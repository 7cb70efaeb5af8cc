package io.subnet2.validator.tournament.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import io.subnet2.validator.tournament.Tournament;
import io.subnet2.validator.tournament.TournamentStatus;
import jakarta.persistence.LockModeType;

public interface TournamentRepository extends JpaRepository<Tournament, UUID>, JpaSpecificationExecutor<Tournament> {

    Optional<Tournament> findFirstByNetuidAndStatusIn(int netuid, Collection<TournamentStatus> statuses);

    List<Tournament> findByStatusInOrderByCreatedAt(Collection<TournamentStatus> statuses);

    List<Tournament> findAllByOrderByCreatedAtDesc();

    @Query("select t.status, count(t) from Tournament t group by t.status")
    List<Object[]> countByStatus();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Tournament t where t.id = :id")
    Optional<Tournament> lockById(UUID id);
}
