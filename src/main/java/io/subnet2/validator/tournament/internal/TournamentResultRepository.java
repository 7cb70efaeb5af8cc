package io.subnet2.validator.tournament.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import io.subnet2.validator.tournament.TournamentResult;

public interface TournamentResultRepository extends JpaRepository<TournamentResult, UUID> {

    @Query("select r from TournamentResult r where r.tournamentId = :tournamentId order by r.rank asc nulls last, r.hotkey")
    List<TournamentResult> findRanked(UUID tournamentId);

    List<TournamentResult> findByHotkeyOrderByCalculatedAtDesc(String hotkey);
}
