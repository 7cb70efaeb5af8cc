package io.subnet2.validator.web.internal;

import org.springframework.stereotype.Component;

/**
 * The configuration a new tournament is pinned to (scoring weights, limits, dataset size), as JSON
 * stored in tournaments.config. Filled in as the scoring, sandbox and dataset modules land.
 */
@Component
class TournamentConfigSnapshot {

    String json() {
        return "{}";
    }
}
