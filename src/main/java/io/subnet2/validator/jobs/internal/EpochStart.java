package io.subnet2.validator.jobs.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import io.subnet2.validator.chain.BlockClock;
import io.subnet2.validator.chain.MinerAnswer;
import io.subnet2.validator.chain.MinerDirectory;
import io.subnet2.validator.chain.Neuron;
import io.subnet2.validator.chain.SubmissionCollector;
import io.subnet2.validator.tournament.Epochs;
import io.subnet2.validator.tournament.NewSubmission;
import io.subnet2.validator.tournament.RunKey;
import io.subnet2.validator.tournament.Submission;
import io.subnet2.validator.tournament.SubmissionStatus;
import io.subnet2.validator.tournament.Tournament;
import io.subnet2.validator.tournament.TournamentService;
import io.subnet2.validator.tournament.TournamentStatus;

/**
 * Epoch start (spec/lifecycle.md): opens and closes registration windows, collects miners' answers
 * while registration is open, and gives every validated submission (baseline included) one pending
 * run per test network of the current epoch, on a dataset that exists before the run does.
 */
@Component
public class EpochStart {

    private static final Logger log = LoggerFactory.getLogger(EpochStart.class);

    private final TournamentService tournaments;
    private final SubmissionCollector collector;
    private final MinerDirectory directory;
    private final BlockClock blockClock;
    private final EpochDatasets datasets;
    private final Clock clock;

    EpochStart(TournamentService tournaments, SubmissionCollector collector, MinerDirectory directory,
            BlockClock blockClock, EpochDatasets datasets, Clock clock) {
        this.tournaments = tournaments;
        this.collector = collector;
        this.directory = directory;
        this.blockClock = blockClock;
        this.datasets = datasets;
        this.clock = clock;
    }

    public void run() {
        EachTournament.apply("epoch start", tournaments.listTournaments(TournamentStatus.PENDING,
                TournamentStatus.REGISTRATION, TournamentStatus.ACTIVE), this::advance);
    }

    private void advance(Tournament tournament) {
        Instant now = clock.instant();
        TournamentStatus status = tournament.getStatus();
        if (status == TournamentStatus.PENDING && !now.isBefore(tournament.getRegistrationStart())) {
            status = move(tournament, TournamentStatus.REGISTRATION);
        }
        if (status == TournamentStatus.REGISTRATION || status == TournamentStatus.ACTIVE) {
            retireDeregistered(tournament);
        }
        if (status == TournamentStatus.REGISTRATION) {
            ensureBaseline(tournament);
            collect(tournament);
            if (!now.isBefore(tournament.getRegistrationEnd())) {
                status = move(tournament, TournamentStatus.ACTIVE);
            }
        }
        if (status == TournamentStatus.ACTIVE) {
            ensureBaseline(tournament);
            ensureRuns(tournament);
        }
    }

    private TournamentStatus move(Tournament tournament, TournamentStatus next) {
        try {
            return tournaments.updateStatus(tournament.getId(), next).getStatus();
        } catch (DataIntegrityViolationException e) {
            log.warn("tournament {} stays {}: another tournament is open on netuid {}", tournament.getId(),
                    tournament.getStatus().id(), tournament.getNetuid());
            return tournament.getStatus();
        }
    }

    private void collect(Tournament tournament) {
        long epoch = tournament.epochs().epochAt(blockClock.currentBlock());
        List<MinerAnswer> answers = collector.collect(tournament.getId(), epoch);
        for (MinerAnswer answer : answers) {
            try {
                tournaments.upsertSubmission(tournament.getId(), new NewSubmission(answer.hotkey(), answer.uid(),
                        answer.repositoryUrl(), answer.commitHash() == null ? null : answer.commitHash().trim(), false));
            } catch (IllegalArgumentException e) {
                log.warn("ignored answer of hotkey {} for tournament {}: {}", answer.hotkey(), tournament.getId(),
                        e.getMessage());
            }
        }
    }

    /**
     * Where the directory knows registrations, a submission whose hotkey no longer holds its uid is
     * deregistered: a uid whose hotkey changed is a new miner, and nothing of the old one carries over.
     */
    private void retireDeregistered(Tournament tournament) {
        if (!directory.tracksRegistrations()) {
            return;
        }
        Map<Integer, String> holders = directory.refresh().stream()
                .collect(Collectors.toMap(Neuron::uid, Neuron::hotkey, (a, b) -> a));
        for (Submission s : tournaments.listSubmissions(tournament.getId())) {
            if (s.isBaseline() || s.getStatus() == SubmissionStatus.DEREGISTERED
                    || s.getHotkey().equals(holders.get(s.getUid()))) {
                continue;
            }
            String holder = holders.get(s.getUid());
            tournaments.deregisterSubmission(s.getId(), holder == null
                    ? "uid " + s.getUid() + " is no longer registered"
                    : "uid " + s.getUid() + " is now held by hotkey " + holder);
        }
    }

    private void ensureBaseline(Tournament tournament) {
        if (tournament.getBaselineRepository() == null) {
            return;
        }
        tournaments.upsertSubmission(tournament.getId(), new NewSubmission(NewSubmission.BASELINE_HOTKEY,
                NewSubmission.BASELINE_UID, tournament.getBaselineRepository(), tournament.getBaselineVersion(), true));
    }

    /** Idempotent: also called by the evaluation job, so code validated mid-epoch runs in the same epoch. */
    void ensureRuns(Tournament tournament) {
        Epochs epochs = tournament.epochs();
        int epoch = Math.toIntExact(epochs.epochAt(blockClock.currentBlock()));
        LocalDate testDate = Epochs.testDate(blockClock.timeOfBlock(epochs.firstBlockOf(epoch)));
        List<Submission> validated = tournaments.listSubmissions(tournament.getId()).stream()
                .filter(s -> s.getStatus() == SubmissionStatus.VALIDATED).toList();
        for (String network : tournament.getTestNetworks()) {
            RunKey key = new RunKey(epoch, network, testDate);
            datasets.ensure(tournament, key);
            validated.forEach(s -> tournaments.ensureRun(s.getId(), key));
        }
    }
}
