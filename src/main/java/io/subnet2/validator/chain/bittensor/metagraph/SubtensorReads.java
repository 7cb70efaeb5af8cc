package io.subnet2.validator.chain.bittensor.metagraph;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.subnet2.validator.chain.bittensor.rpc.JsonRpcClient;
import io.subnet2.validator.chain.bittensor.rpc.RpcException;
import io.subnet2.validator.chain.bittensor.scale.Hex;
import io.subnet2.validator.chain.bittensor.scale.ScaleException;
import io.subnet2.validator.chain.bittensor.scale.ScaleReader;
import io.subnet2.validator.chain.bittensor.scale.ScaleWriter;
import tools.jackson.databind.JsonNode;

/** The chain reads of the validator, each one JSON-RPC call decoded and checked. */
public final class SubtensorReads {

    /** {@code twox128("Timestamp") ++ twox128("Now")}: the block's time in ms (u64). */
    static final String TIMESTAMP_NOW = "0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb";
    private static final int HASH_HEX = 2 + 64;

    private final JsonRpcClient rpc;

    public SubtensorReads(JsonRpcClient rpc) {
        this.rpc = rpc;
    }

    public JsonRpcClient rpc() {
        return rpc;
    }

    /** {@code state_getRuntimeVersion}. */
    public RuntimeVersion runtimeVersion() {
        JsonNode v = rpc.call("state_getRuntimeVersion");
        JsonNode spec = v.get("specVersion");
        JsonNode tx = v.get("transactionVersion");
        JsonNode name = v.get("specName");
        if (spec == null || !spec.isIntegralNumber() || tx == null || !tx.isIntegralNumber()) {
            throw new RpcException("state_getRuntimeVersion: no specVersion/transactionVersion in " + abbreviate(v));
        }
        return new RuntimeVersion(name == null ? "" : name.asString(), spec.longValue(), tx.longValue());
    }

    /** The finalized head: its hash and number. */
    public BlockRef finalizedHead() {
        String hash = hash(rpc.call("chain_getFinalizedHead"), "chain_getFinalizedHead");
        JsonNode header = rpc.call("chain_getHeader", hash);
        JsonNode number = header == null ? null : header.get("number");
        if (number == null || !number.isString()) {
            throw new RpcException("chain_getHeader: no number in " + abbreviate(header));
        }
        String hex = number.stringValue();
        long block;
        try {
            block = Long.parseLong(hex.startsWith("0x") ? hex.substring(2) : hex, 16);
        } catch (NumberFormatException e) {
            throw new RpcException("chain_getHeader: bad block number " + abbreviate(number));
        }
        return new BlockRef(block, hash);
    }

    /** {@code chain_getBlockHash(n)}; empty when the node does not know that block. */
    public Optional<String> blockHash(long number) {
        JsonNode hash = rpc.call("chain_getBlockHash", number);
        return hash == null || hash.isNull() ? Optional.empty() : Optional.of(hash(hash, "chain_getBlockHash"));
    }

    /** The {@code Timestamp.Now} of a block; empty when the node no longer keeps that block's state. */
    public Optional<Instant> timestampAt(String blockHash) {
        JsonNode value;
        try {
            value = rpc.call("state_getStorage", TIMESTAMP_NOW, blockHash);
        } catch (io.subnet2.validator.chain.bittensor.rpc.RpcErrorException e) {
            return Optional.empty(); // pruned state
        }
        if (value == null || value.isNull() || !value.isString()) {
            return Optional.empty();
        }
        ScaleReader r = ScaleReader.ofHex(value.stringValue());
        long millis = r.u64();
        r.expectEnd();
        return Optional.of(Instant.ofEpochMilli(millis));
    }

    /** {@code NeuronInfoRuntimeApi_get_neurons_lite(netuid)} at the best block. */
    public List<NeuronInfoLite> neuronsLite(int netuid) {
        String arg = new ScaleWriter().u16(netuid).toHex();
        JsonNode result = rpc.call("state_call", "NeuronInfoRuntimeApi_get_neurons_lite", arg);
        if (result == null || !result.isString()) {
            throw new RpcException("state_call get_neurons_lite: not a hex string: " + abbreviate(result));
        }
        try {
            return NeuronInfoLite.readAll(Hex.decode(result.stringValue()));
        } catch (ScaleException e) {
            throw new RpcException("state_call get_neurons_lite: undecodable answer (runtime layout changed?): "
                    + e.getMessage());
        }
    }

    private static String hash(JsonNode node, String method) {
        if (node == null || !node.isString() || node.stringValue().length() != HASH_HEX
                || !node.stringValue().startsWith("0x")) {
            throw new RpcException(method + ": not a block hash: " + abbreviate(node));
        }
        Hex.decode(node.stringValue());
        return node.stringValue();
    }

    private static String abbreviate(JsonNode node) {
        String s = String.valueOf(node);
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    /** A block number and hash. */
    public record BlockRef(long number, String hash) {
    }

    /** The runtime's identity; layouts are tied to {@code specVersion}. */
    public record RuntimeVersion(String specName, long specVersion, long transactionVersion) {
    }
}
