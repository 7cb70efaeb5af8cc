package io.subnet2.validator.chain.bittensor.metagraph;

import java.math.BigInteger;
import java.util.List;

import io.subnet2.validator.chain.Neuron;
import io.subnet2.validator.chain.bittensor.scale.ScaleReader;

/**
 * subtensor's {@code NeuronInfoLite} (pallets/subtensor/src/rpc_info/neuron_info.rs), field by field in
 * SCALE order; the prometheus endpoint is read and dropped.
 */
public record NeuronInfoLite(AccountId hotkey, AccountId coldkey, int uid, int netuid, boolean active,
        AxonInfo axonInfo, List<Stake> stake, int rank, long emission, int incentive, int consensus, int trust,
        int validatorTrust, int dividends, long lastUpdate, boolean validatorPermit, int pruningScore) {

    private static final int U16 = 0xffff;
    /** Smallest encoding: keys, uid, netuid, active, axon, prometheus, empty stake, 8 compacts, permit. */
    private static final int MIN_BYTES = 32 + 32 + 1 + 1 + 1 + 34 + 31 + 1 + 8 + 1;

    public NeuronInfoLite {
        stake = List.copyOf(stake);
    }

    /** One coldkey's stake on this hotkey, in rao. */
    public record Stake(AccountId coldkey, long amount) {
    }

    /** {@code Vec<NeuronInfoLite>}, the answer of {@code NeuronInfoRuntimeApi_get_neurons_lite}; all bytes used. */
    public static List<NeuronInfoLite> readAll(byte[] scale) {
        ScaleReader r = new ScaleReader(scale);
        List<NeuronInfoLite> neurons = r.vec(MIN_BYTES, NeuronInfoLite::read);
        r.expectEnd();
        return neurons;
    }

    static NeuronInfoLite read(ScaleReader r) {
        AccountId hotkey = AccountId.read(r);
        AccountId coldkey = AccountId.read(r);
        int uid = r.compactInt(U16);
        int netuid = r.compactInt(U16);
        boolean active = r.bool();
        AxonInfo axon = AxonInfo.read(r);
        r.u64(); // prometheus_info: block u64, version u32, ip u128, port u16, ip_type u8
        r.u32();
        r.u128();
        r.u16();
        r.u8();
        List<Stake> stake = r.vec(33, s -> new Stake(AccountId.read(s), s.compactLong()));
        return new NeuronInfoLite(hotkey, coldkey, uid, netuid, active, axon, stake, r.compactInt(U16),
                r.compactLong(), r.compactInt(U16), r.compactInt(U16), r.compactInt(U16), r.compactInt(U16),
                r.compactInt(U16), r.compactLong(), r.bool(), r.compactInt(U16));
    }

    public BigInteger totalStake() {
        return stake.stream().map(s -> BigInteger.valueOf(s.amount())).reduce(BigInteger.ZERO, BigInteger::add);
    }

    public Neuron toNeuron() {
        return new Neuron(uid, hotkey.ss58(), axonInfo.serving(), totalStake(), validatorPermit);
    }
}
