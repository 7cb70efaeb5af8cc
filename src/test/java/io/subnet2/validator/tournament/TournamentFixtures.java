package io.subnet2.validator.tournament;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Valid values for tournament tests. */
final class TournamentFixtures {

    static final String SHA_A = "a".repeat(40);
    static final String SHA_B = "b".repeat(40);
    static final RunKey EPOCH0_TORUS = new RunKey(0, "torus", LocalDate.parse("2026-01-01"));

    private TournamentFixtures() {
    }

    static NewTournament tournament(int netuid) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        return new NewTournament("t" + netuid, netuid, start, start.plusSeconds(3600), 1000, 1000 + 360 * 3, 360,
                List.of("torus", "bittensor"), "https://github.com/org/baseline", SHA_A, "{\"weights\":1}");
    }

    static NewSubmission submission(String hotkey, String commit) {
        return new NewSubmission(hotkey, 7, "https://github.com/miner/" + hotkey, commit, false);
    }
}
