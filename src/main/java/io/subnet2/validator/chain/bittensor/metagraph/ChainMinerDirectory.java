package io.subnet2.validator.chain.bittensor.metagraph;

import java.util.List;

import io.subnet2.validator.chain.MinerDirectory;
import io.subnet2.validator.chain.Neuron;

/** The subnet's neurons from {@code NeuronInfoRuntimeApi_get_neurons_lite}. */
public final class ChainMinerDirectory implements MinerDirectory {

    private final SubtensorReads reads;
    private final int netuid;

    public ChainMinerDirectory(SubtensorReads reads, int netuid) {
        this.reads = reads;
        this.netuid = netuid;
    }

    @Override
    public List<Neuron> refresh() {
        return reads.neuronsLite(netuid).stream().map(NeuronInfoLite::toNeuron).toList();
    }

    @Override
    public boolean tracksRegistrations() {
        return true;
    }
}
