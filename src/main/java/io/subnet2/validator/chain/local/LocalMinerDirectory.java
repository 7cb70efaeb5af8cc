package io.subnet2.validator.chain.local;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import io.subnet2.validator.chain.ChainProperties;
import io.subnet2.validator.chain.MinerDirectory;
import io.subnet2.validator.chain.Neuron;

/** Local mode: the configured miners, without axons; registrations are not tracked. */
public final class LocalMinerDirectory implements MinerDirectory {

    private final List<Neuron> neurons;

    public LocalMinerDirectory(List<ChainProperties.LocalMiner> miners) {
        this.neurons = miners.stream()
                .map(m -> new Neuron(m.uid(), m.hotkey(), Optional.empty(), BigInteger.ZERO, false)).toList();
    }

    @Override
    public List<Neuron> refresh() {
        return neurons;
    }

    @Override
    public boolean tracksRegistrations() {
        return false;
    }
}
