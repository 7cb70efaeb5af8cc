package io.subnet2.validator.chain.bittensor.dendrite;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.subnet2.validator.chain.MinerAnswer;
import io.subnet2.validator.chain.MinerDirectory;
import io.subnet2.validator.chain.Neuron;
import io.subnet2.validator.chain.SubmissionCollector;
import io.subnet2.validator.chain.bittensor.dendrite.QueryOutcome.Reason;

/**
 * Bittensor mode's collector: reads the metagraph again, sends the signed synapse to every serving axon
 * (a bounded number at once, each with a timeout), checks each answer against the URL and commit policy,
 * and returns the good ones. Every outcome is counted ({@code validator.chain.dendrite.queries}, tag
 * {@code reason}); a miner's failure is logged once per tournament epoch and never stops the round.
 */
public final class DendriteCollector implements SubmissionCollector {

    private static final Logger log = LoggerFactory.getLogger(DendriteCollector.class);
    static final String METRIC = "validator.chain.dendrite.queries";
    private static final int REMEMBERED_LOGS = 20_000;

    private final MinerDirectory directory;
    private final Dendrite dendrite;
    private final Function<MinerAnswer, Optional<String>> policy;
    private final MeterRegistry meters;
    private final int concurrency;
    private final Map<String, Boolean> logged = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_LOGS;
        }
    };

    /**
     * @param policy the reason an answer's repository URL or commit is refused, if it is (the submission
     *        module's policy)
     */
    public DendriteCollector(MinerDirectory directory, Dendrite dendrite, Function<MinerAnswer, Optional<String>> policy,
            MeterRegistry meters, int concurrency) {
        this.directory = directory;
        this.dendrite = dendrite;
        this.policy = policy;
        this.meters = meters;
        this.concurrency = concurrency;
    }

    @Override
    public List<MinerAnswer> collect(UUID tournamentId, long epochNumber) {
        List<Neuron> targets = directory.refresh().stream()
                .filter(n -> !n.hotkey().equals(dendrite.hotkey())).toList();
        List<QueryOutcome> outcomes = queryAll(targets, tournamentId.toString(), epochNumber);
        Map<Reason, Integer> counts = new EnumMap<>(Reason.class);
        List<MinerAnswer> answers = new ArrayList<>();
        for (QueryOutcome outcome : outcomes) {
            QueryOutcome checked = outcome.answer().flatMap(policy)
                    .map(why -> QueryOutcome.failed(outcome.uid(), outcome.hotkey(), Reason.REJECTED, why))
                    .orElse(outcome);
            counts.merge(checked.reason(), 1, Integer::sum);
            meters.counter(METRIC, "reason", checked.reason().tag()).increment();
            checked.answer().ifPresent(answers::add);
            if (checked.reason() != Reason.ANSWERED && checked.reason() != Reason.NOT_SERVING) {
                logOnce(tournamentId, epochNumber, checked);
            }
        }
        log.info("dendrite tournament={} epoch={} neurons={} queried={} outcomes={}", tournamentId, epochNumber,
                targets.size(), targets.stream().filter(n -> n.axon().isPresent()).count(), counts);
        return answers;
    }

    /** One round trip per neuron, at most {@code concurrency} at once; outcomes in the neurons' order. */
    public List<QueryOutcome> queryAll(List<Neuron> neurons, String tournamentId, long epochNumber) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, neurons.size())), r -> {
            Thread t = new Thread(r, "dendrite");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<QueryOutcome>> futures = new ArrayList<>();
            for (Neuron neuron : neurons) {
                futures.add(pool.submit(() -> dendrite.query(neuron, tournamentId, epochNumber)));
            }
            List<QueryOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                outcomes.add(await(futures.get(i), neurons.get(i)));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static QueryOutcome await(Future<QueryOutcome> future, Neuron neuron) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return QueryOutcome.failed(neuron.uid(), neuron.hotkey(), Reason.UNREACHABLE, "interrupted");
        } catch (ExecutionException e) {
            // a bug on our side for this miner must not cost the others their round
            return QueryOutcome.failed(neuron.uid(), neuron.hotkey(), Reason.MALFORMED, String.valueOf(e.getCause()));
        }
    }

    private void logOnce(UUID tournamentId, long epochNumber, QueryOutcome outcome) {
        String key = tournamentId + "/" + epochNumber + "/" + outcome.hotkey();
        synchronized (logged) {
            if (logged.put(key, Boolean.TRUE) != null) {
                return;
            }
        }
        log.warn("miner uid={} hotkey={} gave no usable answer for tournament {} epoch {}: {} ({})", outcome.uid(),
                outcome.hotkey(), tournamentId, epochNumber, outcome.reason().tag(), outcome.detail());
    }
}
