package io.subnet2.validator.chain.local;

import java.util.List;
import java.util.UUID;

import io.subnet2.validator.chain.ChainProperties;
import io.subnet2.validator.chain.MinerAnswer;
import io.subnet2.validator.chain.SubmissionCollector;

/**
 * Local mode: the miners of {@code validator.chain.local.miners} answer with their configured code.
 * Miners added through the admin REST endpoint are written straight to the database instead.
 */
public final class ConfiguredMiners implements SubmissionCollector {

    private final List<ChainProperties.LocalMiner> miners;

    public ConfiguredMiners(List<ChainProperties.LocalMiner> miners) {
        this.miners = List.copyOf(miners);
    }

    @Override
    public List<MinerAnswer> collect(UUID tournamentId, long epochNumber) {
        return miners.stream().map(m -> new MinerAnswer(m.hotkey(), m.uid(), m.repositoryUrl(), m.commitHash()))
                .toList();
    }
}
