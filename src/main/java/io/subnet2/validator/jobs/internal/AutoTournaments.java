package io.subnet2.validator.jobs.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.subnet2.validator.chain.BlockClock;
import io.subnet2.validator.jobs.AutoTournamentProperties;
import io.subnet2.validator.jobs.Baselines;
import io.subnet2.validator.jobs.TournamentSettings;
import io.subnet2.validator.tournament.NewTournament;
import io.subnet2.validator.tournament.Tournament;
import io.subnet2.validator.tournament.TournamentService;
import io.subnet2.validator.tournament.TournamentStatus;

/**
 * Creates the next tournament of {@code validator.tournaments} when the netuid has none pending, in
 * registration or active (a tournament in scoring is only finishing its last runs). Chain-mode
 * independent: blocks come from the {@link BlockClock}. Validators sharing a database serialise the
 * check and the insert on a PostgreSQL advisory lock, so only one of them creates it.
 */
@Component
public class AutoTournaments {

    private static final Logger log = LoggerFactory.getLogger(AutoTournaments.class);
    /** Advisory lock key of "create the next tournament" (any constant; one per netuid below). */
    private static final long LOCK_BASE = 0x5b2_0000_0000L;

    private final AutoTournamentProperties properties;
    private final TournamentService tournaments;
    private final TournamentSettings settings;
    private final BlockClock blockClock;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    AutoTournaments(AutoTournamentProperties properties, TournamentService tournaments, TournamentSettings settings,
            BlockClock blockClock, Clock clock, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.properties = properties;
        this.tournaments = tournaments;
        this.settings = settings;
        this.blockClock = blockClock;
        this.clock = clock;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** @return the tournament created now, or empty (turned off, one is open, or the baseline is unusable) */
    public Optional<Tournament> ensureOpen() {
        if (!properties.autoCreate()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(transaction.execute(status -> {
                jdbc.queryForList("select pg_advisory_xact_lock(?)", LOCK_BASE + properties.netuid());
                return hasOpen() ? null : create();
            }));
        } catch (IllegalArgumentException e) {
            log.error("cannot create the next tournament from validator.tournaments: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private boolean hasOpen() {
        return tournaments.listTournaments(TournamentStatus.PENDING, TournamentStatus.REGISTRATION,
                TournamentStatus.ACTIVE).stream().anyMatch(t -> t.getNetuid() == properties.netuid());
    }

    private Tournament create() {
        Instant now = clock.instant();
        Instant registrationEnd = now.plus(properties.registration());
        long startBlock = blockClock.blockAt(registrationEnd) + 1;
        long endBlock = startBlock + (long) properties.epochs() * properties.epochBlocks();
        long seq = tournaments.findTournaments(null, properties.netuid(), Pageable.ofSize(1)).getTotalElements() + 1;
        String name = properties.namePattern().replace("{seq}", Long.toString(seq))
                .replace("{netuid}", Integer.toString(properties.netuid()))
                .replace("{date}", LocalDate.ofInstant(now, ZoneOffset.UTC).toString());
        String baseline = properties.baselineRepository();
        Tournament created = tournaments.createTournament(new NewTournament(name, properties.netuid(), now,
                registrationEnd, startBlock, endBlock, properties.epochBlocks(), properties.networks(), baseline,
                Baselines.version(baseline, properties.baselineCommit()), settings.snapshotJson()));
        log.info("created tournament {} '{}' on netuid {}: registration until {}, blocks {}..{} ({} epochs of {})",
                created.getId(), name, properties.netuid(), registrationEnd, startBlock, endBlock, properties.epochs(),
                properties.epochBlocks());
        return created;
    }
}
