package io.subnet2.validator.chain;

import java.util.List;
import java.util.UUID;

/** Asks every miner of the subnet what it submits for a tournament epoch. */
public interface SubmissionCollector {

    /** The answers received; miners that did not answer are absent. Never throws for one miner's fault. */
    List<MinerAnswer> collect(UUID tournamentId, long epochNumber);
}
