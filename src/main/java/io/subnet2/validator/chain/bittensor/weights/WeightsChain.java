package io.subnet2.validator.chain.bittensor.weights;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.subnet2.validator.chain.bittensor.rpc.JsonRpcClient;
import io.subnet2.validator.chain.bittensor.scale.Hex;
import io.subnet2.validator.chain.bittensor.scale.ScaleReader;
import io.subnet2.validator.chain.bittensor.scale.ScaleWriter;
import tools.jackson.databind.JsonNode;

/** The node reads and the one write that setting weights needs (spec/bittensor.md "Weights"). */
public class WeightsChain {

    /** A block: number and hash. */
    public record Block(long number, byte[] hash) {
        public String hashHex() {
            return Hex.encode(hash);
        }
    }

    private final JsonRpcClient rpc;

    public WeightsChain(JsonRpcClient rpc) {
        this.rpc = rpc;
    }

    public Block finalizedHead() {
        String hash = text(rpc.call("chain_getFinalizedHead"), "chain_getFinalizedHead");
        JsonNode header = rpc.call("chain_getHeader", hash);
        return new Block(Long.decode(text(header.get("number"), "header number")), Hex.decode(hash));
    }

    public byte[] blockHash(long number) {
        return Hex.decode(text(rpc.call("chain_getBlockHash", number), "chain_getBlockHash(" + number + ")"));
    }

    public SignedExtrinsic.Runtime runtime(Block at) {
        JsonNode version = rpc.call("state_getRuntimeVersion", at.hashHex());
        return new SignedExtrinsic.Runtime(version.get("specVersion").asLong(), version.get("transactionVersion").asLong(),
                blockHash(0));
    }

    public long nextNonce(String ss58) {
        JsonNode nonce = rpc.call("system_accountNextIndex", ss58);
        if (!nonce.isIntegralNumber() || nonce.asLong() < 0) {
            throw new IllegalStateException("system_accountNextIndex answered " + nonce);
        }
        return nonce.asLong();
    }

    /** Submits a signed extrinsic; answers the transaction hash the pool gives. */
    public String submit(byte[] extrinsic) {
        return text(rpc.call("author_submitExtrinsic", Hex.encode(extrinsic)), "author_submitExtrinsic");
    }

    public SubnetWeightState subnetState(int netuid, byte[] hotkey, Block at) {
        OptionalInt uid = storage(StorageKeys.uid(netuid, hotkey), at).map(r -> OptionalInt.of(r.u16()))
                .orElse(OptionalInt.empty());
        boolean permit = false;
        long lastUpdate = 0;
        if (uid.isPresent()) {
            List<Boolean> permits = storage(StorageKeys.byNetuid("ValidatorPermit", netuid), at)
                    .map(r -> r.vec(1, ScaleReader::bool)).orElse(List.of());
            permit = uid.getAsInt() < permits.size() && permits.get(uid.getAsInt());
            lastUpdate = lastUpdate(netuid, uid.getAsInt(), at);
        }
        return new SubnetWeightState(at.number(),
                storage(StorageKeys.byNetuid("CommitRevealWeightsEnabled", netuid), at).map(ScaleReader::bool).orElse(true),
                storage(StorageKeys.commitRevealVersion(), at).map(ScaleReader::u16).orElse(4),
                storage(StorageKeys.byNetuid("WeightsSetRateLimit", netuid), at).map(ScaleReader::u64).orElse(100L),
                storage(StorageKeys.byNetuid("WeightsVersionKey", netuid), at).map(ScaleReader::u64).orElse(0L),
                storage(StorageKeys.byNetuid("Tempo", netuid), at).map(ScaleReader::u16).orElse(360),
                storage(StorageKeys.revealPeriodEpochs(netuid), at).map(ScaleReader::u64).orElse(1L),
                uid, permit, lastUpdate);
    }

    /** {@code LastUpdate[netuid][uid]}, 0 when absent. */
    public long lastUpdate(int netuid, int uid, Block at) {
        List<Long> updates = storage(StorageKeys.lastUpdate(netuid), at).map(r -> r.vec(8, ScaleReader::u64))
                .orElse(List.of());
        return uid < updates.size() ? updates.get(uid) : 0;
    }

    /** A v2 commit as stored: its hash and the epoch it belongs to. */
    public record HashCommit(byte[] hash, long epoch, long block) {
    }

    /** Our unrevealed v2 commits ({@code WeightCommits}: VecDeque<(H256, u64 epoch, u64 block, u64)>). */
    public List<HashCommit> hashCommits(int netuid, byte[] hotkey, Block at) {
        return storage(StorageKeys.weightCommits(netuid, hotkey), at).map(r -> r.vec(56, c -> {
            HashCommit commit = new HashCommit(c.fixed(32), c.u64(), c.u64());
            c.u64();
            return commit;
        })).orElse(List.of());
    }

    public long lastStoredRound(Block at) {
        return storage(StorageKeys.lastStoredRound(), at).map(ScaleReader::u64).orElse(0L);
    }

    public long subnetEpochIndex(int netuid, Block at) {
        return storage(StorageKeys.byNetuid("SubnetEpochIndex", netuid), at).map(ScaleReader::u64).orElse(0L);
    }

    /** {@code SubnetInfoRuntimeApi_get_next_epoch_start_block(netuid) -> Option<u64>}; empty when tempo is 0. */
    public OptionalLong nextEpochStart(int netuid, Block at) {
        String data = new ScaleWriter().u16(netuid).toHex();
        ScaleReader r = ScaleReader.ofHex(text(rpc.call("state_call", "SubnetInfoRuntimeApi_get_next_epoch_start_block",
                data, at.hashHex()), "state_call"));
        Optional<Long> next = r.option(ScaleReader::u64);
        r.expectEnd();
        return next.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private Optional<ScaleReader> storage(String key, Block at) {
        JsonNode value = rpc.call("state_getStorage", key, at.hashHex());
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(ScaleReader.ofHex(text(value, "state_getStorage")));
    }

    private static String text(JsonNode node, String what) {
        if (node == null || !node.isString()) {
            throw new IllegalStateException(what + " answered " + node + " where a hex string was expected");
        }
        return node.asString();
    }
}
