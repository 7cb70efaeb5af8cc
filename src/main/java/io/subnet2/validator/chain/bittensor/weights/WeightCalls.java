package io.subnet2.validator.chain.bittensor.weights;

import java.util.List;

import io.subnet2.validator.chain.bittensor.scale.ScaleWriter;

/**
 * SCALE call data of the SubtensorModule weight calls (spec/bittensor.md "Weights"; subtensor
 * macros/dispatches.rs): {@code pallet index ‖ call index ‖ arguments}.
 */
public final class WeightCalls {

    public static final int SUBTENSOR_PALLET = 7;
    public static final int SET_WEIGHTS = 0;
    public static final int COMMIT_WEIGHTS = 96;
    public static final int REVEAL_WEIGHTS = 97;
    public static final int COMMIT_TIMELOCKED_MECHANISM_WEIGHTS = 118;
    public static final int SET_MECHANISM_WEIGHTS = 119;
    /** The main mechanism; SDK 10 always sends mecid 0. */
    public static final int MAIN_MECHANISM = 0;
    /** The only commit-reveal version this validator encrypts for. */
    public static final int TIMELOCK_VERSION = 4;

    private WeightCalls() {
    }

    /** {@code set_mechanism_weights(netuid, mecid, dests, weights, version_key)} (119). */
    public static byte[] setMechanismWeights(int netuid, U16Weights weights, long versionKey) {
        ScaleWriter w = call(SET_MECHANISM_WEIGHTS).u16(netuid).u8(MAIN_MECHANISM);
        return u16s(u16s(w, weights.uids()), weights.values()).u64(versionKey).toByteArray();
    }

    /**
     * {@code commit_timelocked_mechanism_weights(netuid, mecid, commit, reveal_round, commit_reveal_version)}
     * (118); {@code commit} is a serialised {@link io.subnet2.validator.chain.bittensor.timelock.TimelockCiphertext}.
     */
    public static byte[] commitTimelockedMechanismWeights(int netuid, byte[] commit, long revealRound) {
        return call(COMMIT_TIMELOCKED_MECHANISM_WEIGHTS).u16(netuid).u8(MAIN_MECHANISM).bytes(commit).u64(revealRound)
                .u16(TIMELOCK_VERSION).toByteArray();
    }

    /** {@code commit_weights(netuid, commit_hash)} (96), commit-reveal v2. */
    public static byte[] commitWeights(int netuid, byte[] commitHash) {
        if (commitHash.length != 32) {
            throw new IllegalArgumentException("a commit hash is 32 bytes");
        }
        return call(COMMIT_WEIGHTS).u16(netuid).raw(commitHash).toByteArray();
    }

    /** {@code reveal_weights(netuid, uids, values, salt, version_key)} (97), commit-reveal v2. */
    public static byte[] revealWeights(int netuid, U16Weights weights, List<Integer> salt, long versionKey) {
        ScaleWriter w = call(REVEAL_WEIGHTS).u16(netuid);
        return u16s(u16s(u16s(w, weights.uids()), weights.values()), salt).u64(versionKey).toByteArray();
    }

    /**
     * The plaintext of a v4 commit, {@code WeightsTlockPayload{hotkey: Vec<u8>, uids, values, version_key}}
     * (subtensor coinbase/reveal_commits.rs); the chain drops it unless hotkey is the committer.
     */
    public static byte[] timelockPayload(byte[] hotkey, U16Weights weights, long versionKey) {
        ScaleWriter w = new ScaleWriter().bytes(hotkey);
        return u16s(u16s(w, weights.uids()), weights.values()).u64(versionKey).toByteArray();
    }

    /**
     * The v2 commit hash, {@code blake2_256(SCALE(AccountId32, u16 netuid_index, uids, values, salt, u64
     * version_key))} (subtensor subnets/weights.rs get_commit_hash); netuid_index = netuid for mecid 0.
     */
    public static byte[] commitHash(byte[] hotkey, int netuid, U16Weights weights, List<Integer> salt, long versionKey) {
        if (hotkey.length != 32) {
            throw new IllegalArgumentException("an AccountId32 is 32 bytes");
        }
        ScaleWriter w = new ScaleWriter().raw(hotkey).u16(netuid);
        return Blake2b.hash256(u16s(u16s(u16s(w, weights.uids()), weights.values()), salt).u64(versionKey).toByteArray());
    }

    private static ScaleWriter call(int index) {
        return new ScaleWriter().u8(SUBTENSOR_PALLET).u8(index);
    }

    private static ScaleWriter u16s(ScaleWriter w, List<Integer> values) {
        return w.vec(values, ScaleWriter::u16);
    }
}
