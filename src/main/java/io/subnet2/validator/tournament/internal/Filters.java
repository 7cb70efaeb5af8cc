package io.subnet2.validator.tournament.internal;

import java.util.UUID;

import org.springframework.data.jpa.domain.Specification;

import io.subnet2.validator.tournament.EvaluationRun;
import io.subnet2.validator.tournament.RunStatus;
import io.subnet2.validator.tournament.Submission;
import io.subnet2.validator.tournament.Tournament;
import io.subnet2.validator.tournament.TournamentStatus;
import jakarta.persistence.criteria.Subquery;

/** Optional filters of the read-only listings; a null value matches everything. */
public final class Filters {

    private Filters() {
    }

    public static Specification<Tournament> tournaments(TournamentStatus status, Integer netuid) {
        return (root, query, cb) -> cb.and(
                status == null ? cb.conjunction() : cb.equal(root.get("status"), status),
                netuid == null ? cb.conjunction() : cb.equal(root.get("netuid"), netuid));
    }

    public static Specification<EvaluationRun> runs(UUID tournamentId, Integer epoch, String network,
            RunStatus status) {
        return (root, query, cb) -> {
            Subquery<UUID> ofTournament = query.subquery(UUID.class);
            var submission = ofTournament.from(Submission.class);
            ofTournament.select(submission.get("id")).where(cb.equal(submission.get("tournamentId"), tournamentId));
            return cb.and(root.get("submissionId").in(ofTournament),
                    epoch == null ? cb.conjunction() : cb.equal(root.get("epochNumber"), epoch),
                    network == null ? cb.conjunction() : cb.equal(root.get("network"), network),
                    status == null ? cb.conjunction() : cb.equal(root.get("status"), status));
        };
    }
}
