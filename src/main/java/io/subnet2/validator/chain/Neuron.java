package io.subnet2.validator.chain;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A registered neuron of the subnet: its uid, hotkey (SS58), the axon it serves on (empty when it
 * serves none), its total stake in rao and whether it holds a validator permit.
 */
public record Neuron(int uid, String hotkey, Optional<Axon> axon, BigInteger stake, boolean validatorPermit) {

    /** Where a miner answers synapses: a host literal (IPv4 or bracket-free IPv6) and a port. */
    public record Axon(String host, int port) {
    }
}
