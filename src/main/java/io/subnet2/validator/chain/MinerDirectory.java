package io.subnet2.validator.chain;

import java.util.List;

/** The subnet's registered neurons (miners and validators alike). */
public interface MinerDirectory {

    /** Reads the neurons again (in bittensor mode from the chain; once per epoch by the collector). */
    List<Neuron> refresh();

    /**
     * Whether the directory knows the subnet's registrations: then a submission whose hotkey no longer holds
     * its uid belongs to a miner that left, and a hotkey that took a uid is a new miner. In local mode
     * miners come from configuration and the admin API, and nothing is known about registrations.
     */
    boolean tracksRegistrations();
}
