package io.subnet2.validator.jobs.internal;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.subnet2.validator.tournament.Tournament;

/** Applies a job step to each tournament; one tournament's failure is logged and never stops the others. */
final class EachTournament {

    private static final Logger log = LoggerFactory.getLogger(EachTournament.class);

    private EachTournament() {
    }

    static void apply(String step, List<Tournament> tournaments, Consumer<Tournament> action) {
        for (Tournament tournament : tournaments) {
            try {
                action.accept(tournament);
            } catch (RuntimeException e) {
                log.error("{} failed for tournament {}: {}", step, tournament.getId(), e.toString(), e);
            }
        }
    }
}
