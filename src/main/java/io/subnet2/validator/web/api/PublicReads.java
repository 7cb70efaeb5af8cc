package io.subnet2.validator.web.api;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import io.subnet2.validator.chain.BlockClock;
import io.subnet2.validator.tournament.EvaluationRun;
import io.subnet2.validator.tournament.NotFoundException;
import io.subnet2.validator.tournament.RunStatus;
import io.subnet2.validator.tournament.Submission;
import io.subnet2.validator.tournament.SubmissionStatus;
import io.subnet2.validator.tournament.Tournament;
import io.subnet2.validator.tournament.TournamentService;
import io.subnet2.validator.tournament.TournamentStatus;
import io.subnet2.validator.web.ApiProperties;
import io.subnet2.validator.web.api.Views.Leaderboard;
import io.subnet2.validator.web.api.Views.LeaderboardEntry;
import io.subnet2.validator.web.api.Views.MinerHistory;
import io.subnet2.validator.web.api.Views.MinerResult;
import io.subnet2.validator.web.api.Views.OwnRun;
import io.subnet2.validator.web.api.Views.Paged;
import io.subnet2.validator.web.api.Views.RunView;
import io.subnet2.validator.web.api.Views.Stats;
import io.subnet2.validator.web.api.Views.SubmissionView;
import io.subnet2.validator.web.api.Views.TournamentDetail;
import io.subnet2.validator.web.api.Views.TournamentView;

/** The public read model: views built from TournamentService, shared by the JSON API and the pages. */
@Component
public class PublicReads {

    /** Runs listed on a miner's history (newest first). */
    static final int HISTORY_RUNS = 200;

    private final TournamentService tournaments;
    private final BlockClock blockClock;
    private final Clock clock;
    private final int logExcerptChars;

    PublicReads(TournamentService tournaments, BlockClock blockClock, Clock clock, ApiProperties api) {
        this.tournaments = tournaments;
        this.blockClock = blockClock;
        this.clock = clock;
        this.logExcerptChars = api.logExcerptChars();
    }

    public Paged<TournamentView> tournaments(String status, Integer netuid, int page, int size) {
        Params.page(page, size);
        Params.nonNegative("netuid", netuid);
        TournamentStatus wanted = Params.status("status", status, TournamentStatus.class, TournamentStatus::id);
        Page<Tournament> found = tournaments.findTournaments(wanted, netuid,
                PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
        return new Paged<>(found.map(TournamentView::of).getContent(), found.getTotalElements(), page, size);
    }

    public TournamentDetail tournament(UUID id) {
        Tournament t = tournaments.getTournament(id);
        long block = blockClock.currentBlock();
        long epoch = t.epochs().epochAt(block);
        Map<String, Long> submissions = countBy(tournaments.listSubmissions(id), s -> s.getStatus().id(),
                SubmissionStatus.values(), SubmissionStatus::id);
        Map<String, Long> runs = countBy(tournaments.listRunsOfTournament(id), r -> r.getStatus().id(),
                RunStatus.values(), RunStatus::id);
        return new TournamentDetail(TournamentView.of(t), block, epoch, submissions, runs);
    }

    public Paged<SubmissionView> submissions(UUID id, String status, int page, int size) {
        Params.page(page, size);
        SubmissionStatus wanted = Params.status("status", status, SubmissionStatus.class, SubmissionStatus::id);
        tournaments.getTournament(id);
        List<SubmissionView> all = tournaments.listSubmissions(id).stream()
                .filter(s -> wanted == null || s.getStatus() == wanted).map(SubmissionView::of).toList();
        return slice(all, page, size);
    }

    public Paged<RunView> runs(UUID id, Integer epoch, String network, String status, int page, int size) {
        Params.page(page, size);
        Params.nonNegative("epoch", epoch);
        Params.network(network);
        RunStatus wanted = Params.status("status", status, RunStatus.class, RunStatus::id);
        Map<UUID, String> hotkeys = hotkeys(id);
        Page<EvaluationRun> found = tournaments.findRuns(id, epoch, network, wanted, PageRequest.of(page, size,
                Sort.by(Sort.Order.desc("epochNumber"), Sort.Order.asc("network"), Sort.Order.asc("submissionId"))));
        return new Paged<>(found.map(r -> RunView.of(r, hotkeys.get(r.getSubmissionId()))).getContent(),
                found.getTotalElements(), page, size);
    }

    /** Ranked miners (rank 1 first), then the baseline; scores as of the last epoch end. */
    public Leaderboard leaderboard(UUID id) {
        Tournament t = tournaments.getTournament(id);
        Map<String, Submission> byHotkey = tournaments.listSubmissions(id).stream()
                .collect(Collectors.toMap(Submission::getHotkey, Function.identity()));
        List<LeaderboardEntry> entries = tournaments.listResults(id).stream()
                .map(r -> LeaderboardEntry.of(r, byHotkey.get(r.getHotkey()))).toList();
        Double baseline = entries.stream().filter(LeaderboardEntry::isBaseline).findFirst()
                .map(LeaderboardEntry::finalScore).orElse(null);
        return new Leaderboard(id, t.getStatus().id(), baseline, entries);
    }

    public MinerHistory miner(String hotkey) {
        Params.hotkey(hotkey);
        List<Submission> submissions = tournaments.listSubmissionsOfHotkey(hotkey);
        if (submissions.isEmpty()) {
            throw new NotFoundException("miner", hotkey);
        }
        Map<UUID, Submission> byTournament = submissions.stream()
                .collect(Collectors.toMap(Submission::getTournamentId, Function.identity()));
        List<MinerResult> results = tournaments.listResultsOfHotkey(hotkey).stream()
                .map(r -> MinerResult.of(r, tournaments.getTournament(r.getTournamentId()),
                        byTournament.get(r.getTournamentId())))
                .toList();
        List<RunView> runs = tournaments.listRunsOfHotkey(hotkey).stream().limit(HISTORY_RUNS)
                .map(r -> RunView.of(r, hotkey)).toList();
        return new MinerHistory(hotkey, results, submissions.stream().map(SubmissionView::of).toList(), runs);
    }

    /**
     * A run seen by its own miner: 404 unless the run belongs to a submission of {@code hotkey}, so one
     * miner's path never shows another's output. The log is the tail of the stored excerpt.
     */
    public OwnRun ownRun(String hotkey, UUID runId) {
        Params.hotkey(hotkey);
        EvaluationRun run;
        Submission submission;
        try {
            run = tournaments.getRun(runId);
            submission = tournaments.getSubmission(run.getSubmissionId());
        } catch (NotFoundException e) {
            throw new NotFoundException("run of " + hotkey, runId);
        }
        if (!submission.getHotkey().equals(hotkey)) {
            throw new NotFoundException("run of " + hotkey, runId);
        }
        String log = run.getLogExcerpt() == null ? "" : run.getLogExcerpt();
        boolean truncated = log.length() > logExcerptChars;
        String tail = truncated ? log.substring(log.length() - logExcerptChars) : log;
        return new OwnRun(submission.getTournamentId(), RunView.of(run, hotkey), tail, truncated);
    }

    public Stats stats() {
        List<TournamentView> open = tournaments.listTournaments(TournamentStatus.REGISTRATION,
                TournamentStatus.ACTIVE, TournamentStatus.SCORING).stream().map(TournamentView::of).toList();
        return new Stats(ids(tournaments.countTournaments(), TournamentStatus::id),
                ids(tournaments.countSubmissions(), SubmissionStatus::id), ids(tournaments.countRuns(), RunStatus::id),
                tournaments.countMiners(), open, clock.instant());
    }

    /** Submission id to hotkey, for a tournament's runs. */
    Map<UUID, String> hotkeys(UUID tournamentId) {
        tournaments.getTournament(tournamentId);
        return tournaments.listSubmissions(tournamentId).stream()
                .collect(Collectors.toMap(Submission::getId, Submission::getHotkey));
    }

    private static <T> Paged<T> slice(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        return new Paged<>(all.subList(from, Math.min(from + size, all.size())), all.size(), page, size);
    }

    private static <T, E> Map<String, Long> countBy(List<T> items, Function<T, String> key, E[] values,
            Function<E, String> id) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (E value : values) {
            counts.put(id.apply(value), 0L);
        }
        items.forEach(item -> counts.merge(key.apply(item), 1L, Long::sum));
        return counts;
    }

    private static <E> Map<String, Long> ids(Map<E, Long> counts, Function<E, String> id) {
        Map<String, Long> byId = new LinkedHashMap<>();
        counts.forEach((k, v) -> byId.put(id.apply(k), v));
        return byId;
    }
}
