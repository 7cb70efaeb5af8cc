package io.subnet2.validator.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import io.subnet2.validator.chain.BlockClock;
import io.subnet2.validator.chain.local.LocalBlockClock;
import io.subnet2.validator.jobs.AutoTournamentProperties;
import io.subnet2.validator.jobs.TournamentSettings;
import io.subnet2.validator.testsupport.DatabaseTest;
import io.subnet2.validator.tournament.Tournament;
import io.subnet2.validator.tournament.TournamentService;
import io.subnet2.validator.tournament.TournamentStatus;

/** Auto-created tournaments on the real database, with a fixed block clock. */
class AutoTournamentsTest extends DatabaseTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final BlockClock BLOCKS = new LocalBlockClock(CLOCK, Instant.parse("2026-06-01T00:00:00Z"), 12);

    @Autowired
    TournamentService tournaments;
    @Autowired
    TournamentSettings settings;
    @Autowired
    PlatformTransactionManager transactions;

    private AutoTournaments auto(boolean on, int netuid, String baseline) {
        return new AutoTournaments(new AutoTournamentProperties(on, true, netuid, "t{seq} n{netuid} {date}", 3, 25,
                Duration.ofMinutes(2), List.of("torus", "bittensor"), baseline, null), tournaments, settings, BLOCKS,
                CLOCK, jdbc, transactions);
    }

    @Test
    void createsOneWhenNoneIsOpenAndNoMoreWhileItIs() {
        Tournament created = auto(true, 9, "examples/baseline-analyzer").ensureOpen().orElseThrow();
        assertThat(created.getName()).isEqualTo("t1 n9 2026-06-01");
        assertThat(created.getStatus()).isEqualTo(TournamentStatus.PENDING);
        assertThat(created.getRegistrationStart()).isEqualTo(NOW);
        assertThat(created.getRegistrationEnd()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        assertThat(BLOCKS.timeOfBlock(created.getStartBlock())).as("epoch 0 starts after registration")
                .isAfter(created.getRegistrationEnd());
        assertThat(created.getEndBlock() - created.getStartBlock()).isEqualTo(75);
        assertThat(created.getTestNetworks()).containsExactly("torus", "bittensor");
        assertThat(created.getBaselineRepository()).isEqualTo("examples/baseline-analyzer");
        assertThat(created.getBaselineVersion()).matches("[0-9a-f]{40}");
        assertThat(created.getConfig()).contains("scoring");

        assertThat(auto(true, 9, "examples/baseline-analyzer").ensureOpen()).isEmpty();
        tournaments.updateStatus(created.getId(), TournamentStatus.REGISTRATION);
        assertThat(auto(true, 9, "examples/baseline-analyzer").ensureOpen()).isEmpty();
        tournaments.updateStatus(created.getId(), TournamentStatus.ACTIVE);
        assertThat(auto(true, 9, "examples/baseline-analyzer").ensureOpen()).isEmpty();
    }

    @Test
    void theNextOneComesWhenTheLastStopsRunningAndOtherNetuidsDoNotCount() {
        Tournament first = auto(true, 9, "examples/baseline-analyzer").ensureOpen().orElseThrow();
        assertThat(auto(true, 10, "examples/baseline-analyzer").ensureOpen()).as("netuid 10 has none").isPresent();
        tournaments.updateStatus(first.getId(), TournamentStatus.REGISTRATION);
        tournaments.updateStatus(first.getId(), TournamentStatus.ACTIVE);
        tournaments.updateStatus(first.getId(), TournamentStatus.SCORING);
        Tournament second = auto(true, 9, "examples/baseline-analyzer").ensureOpen().orElseThrow();
        assertThat(second.getName()).startsWith("t2 ");
        tournaments.fail(second.getId(), "test");
        assertThat(auto(true, 9, "examples/baseline-analyzer").ensureOpen()).isPresent();
    }

    @Test
    void turnedOffOrWithAMissingBaselineItCreatesNothing() {
        assertThat(auto(false, 9, "examples/baseline-analyzer").ensureOpen()).isEmpty();
        assertThat(auto(true, 9, "no/such/folder").ensureOpen()).isEmpty();
        assertThat(auto(true, 9, "https://github.com/org/baseline").ensureOpen()).as("a URL needs a commit")
                .isEmpty();
        assertThat(tournaments.listTournaments()).isEmpty();
    }

    @Test
    void validatorsCallingAtOnceCreateExactlyOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Optional<Tournament>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> auto(true, 11, "examples/baseline-analyzer").ensureOpen());
            }
            long created = 0;
            for (Future<Optional<Tournament>> f : pool.invokeAll(calls)) {
                created += f.get().isPresent() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
            assertThat(tournaments.listTournaments()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
