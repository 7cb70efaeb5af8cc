package io.subnet2.validator.chain.bittensor.weights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.subnet2.validator.chain.bittensor.keys.Sr25519;
import io.subnet2.validator.chain.bittensor.keys.Ss58;
import io.subnet2.validator.chain.bittensor.scale.Hex;
import io.subnet2.validator.chain.bittensor.scale.ScaleReader;

/**
 * The checks a subtensor node applies to a weights extrinsic, in the order it applies them: the pool decodes it
 * (v4 signed, MultiAddress::Id, MultiSignature::Sr25519), checks era, signature over the rebuilt payload and
 * nonce, and the subtensor extension's rate limit and reveal-round floor; the block then dispatches the call
 * with the runtime's errors (CommitRevealEnabled/Disabled, IncorrectCommitRevealVersion, version key, permit).
 */
final class WeightRules {

    /** A JSON-RPC error, as the node answers author_submitExtrinsic. */
    static final class Rejected extends RuntimeException {
        final int code;

        Rejected(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** A decoded, pool-accepted extrinsic. */
    record Extrinsic(byte[] signer, long nonce, MortalEra era, long birth, int callIndex, Map<String, Object> args,
            byte[] raw) {
    }

    /** What dispatching an extrinsic did in its block. */
    record Dispatched(Extrinsic extrinsic, long block, String error) {
    }

    private final FakeSubtensor node;
    final List<Extrinsic> accepted = new CopyOnWriteArrayList<>();
    final List<Dispatched> dispatched = new CopyOnWriteArrayList<>();
    final List<Extrinsic> pool = new CopyOnWriteArrayList<>();
    /** v2 commits: hotkey hex -> (hash hex, epoch). */
    final Map<String, List<long[]>> commitEpochs = new ConcurrentHashMap<>();
    final Map<String, List<String>> commitHashes = new ConcurrentHashMap<>();

    WeightRules(FakeSubtensor node) {
        this.node = node;
    }

    String submit(byte[] bytes) {
        ScaleReader r = new ScaleReader(bytes);
        int length = r.compactInt(Integer.MAX_VALUE);
        if (length != r.remaining()) {
            throw invalid("length prefix " + length + " but " + r.remaining() + " bytes follow");
        }
        if (r.u8() != 0x84 || r.u8() != 0x00) {
            throw invalid("not a v4 signed extrinsic with a MultiAddress::Id signer");
        }
        byte[] signer = r.fixed(32);
        if (r.u8() != 0x01) {
            throw invalid("not an sr25519 MultiSignature");
        }
        byte[] signature = r.fixed(64);
        int extraStart = r.position();
        int first = r.u8();
        if (first == 0) {
            throw invalid("immortal transactions are not accepted here");
        }
        MortalEra era = MortalEra.decode(first, r.u8());
        long nonce = r.compactLong();
        long tip = r.compactLong();
        int mode = r.u8();
        byte[] extra = Arrays.copyOfRange(bytes, extraStart, r.position());
        byte[] call = r.fixed(r.remaining());
        if (tip != 0 || mode != 0) {
            throw invalid("tip " + tip + " / metadata-hash mode " + mode);
        }
        long birth = era.birth(node.head);
        if (birth > node.head || node.head >= birth + era.period()) {
            throw new Rejected(1010, "Invalid Transaction: Transaction has an ancient birth block");
        }
        byte[] payload = concat(call, extra, le32(FakeSubtensor.SPEC_VERSION), le32(FakeSubtensor.TX_VERSION),
                FakeSubtensor.hashOf(0), FakeSubtensor.hashOf(birth), new byte[] {0});
        if (!Sr25519.verify(signer, payload.length > 256 ? blake2(payload) : payload, signature)) {
            throw new Rejected(1010, "Invalid Transaction: Transaction has a bad signature");
        }
        String ss58 = Ss58.encode(signer, 42);
        long expected = node.nonces.getOrDefault(ss58, 0L);
        if (nonce < expected) {
            throw new Rejected(1010, "Invalid Transaction: Transaction is outdated");
        }
        if (nonce > expected) {
            throw new Rejected(1010, "Invalid Transaction: Transaction will be valid in the future");
        }
        Extrinsic x = new Extrinsic(signer, nonce, era, birth, callIndexOf(call), WeightCallDecoder.decode(call), bytes);
        poolChecks(x);
        node.nonces.put(ss58, nonce + 1);
        accepted.add(x);
        pool.add(x);
        return Hex.encode(blake2(bytes));
    }

    /** SubtensorTransactionExtension::validate: rate limit (custom error 6) and the reveal-round floor. */
    private void poolChecks(Extrinsic x) {
        Integer uid = uidOf(x.signer());
        if (x.callIndex() != WeightCalls.REVEAL_WEIGHTS && uid != null && !rateLimitPasses(uid)) {
            throw new Rejected(1010, "Invalid Transaction: Custom error: 6");
        }
        if (x.callIndex() == WeightCalls.COMMIT_TIMELOCKED_MECHANISM_WEIGHTS
                && (Long) x.args().get("reveal_round") < node.u64(StorageKeys.lastStoredRound(), 0)) {
            throw new Rejected(1010, "Invalid Transaction: Custom error: InvalidRevealRound");
        }
    }

    void dispatchPool(long block) {
        for (Extrinsic x : List.copyOf(pool)) {
            pool.remove(x);
            dispatched.add(new Dispatched(x, block, dispatch(x, block)));
        }
    }

    private String dispatch(Extrinsic x, long block) {
        Integer uid = uidOf(x.signer());
        boolean cr = crEnabled();
        if (uid == null) {
            return "HotKeyNotRegisteredInSubNet";
        }
        switch (x.callIndex()) {
            case WeightCalls.SET_MECHANISM_WEIGHTS -> {
                if (cr) {
                    return "CommitRevealEnabled";
                }
                return setWeights(x, uid, block, true);
            }
            case WeightCalls.COMMIT_TIMELOCKED_MECHANISM_WEIGHTS -> {
                if (!cr) {
                    return "CommitRevealDisabled";
                }
                if ((Integer) x.args().get("commit_reveal_version") != node.u64(StorageKeys.commitRevealVersion(), 4) % 65536) {
                    return "IncorrectCommitRevealVersion";
                }
                if (!rateLimitPasses(uid)) {
                    return "CommittingWeightsTooFast";
                }
                node.setLastUpdate(uid, block);
                return null;
            }
            case WeightCalls.COMMIT_WEIGHTS -> {
                if (!cr) {
                    return "CommitRevealDisabled";
                }
                node.setLastUpdate(uid, block);
                String key = Hex.encode(x.signer());
                commitHashes.computeIfAbsent(key, k -> new ArrayList<>()).add(Hex.encode((byte[]) x.args().get("commit_hash")));
                commitEpochs.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {epoch(), block});
                storeCommits(x.signer());
                return null;
            }
            case WeightCalls.REVEAL_WEIGHTS -> {
                return reveal(x, uid, block);
            }
            default -> {
                return "CallNotSupportedByFake";
            }
        }
    }

    private String setWeights(Extrinsic x, int uid, long block, boolean updateLast) {
        long networkKey = node.u64(StorageKeys.byNetuid("WeightsVersionKey", node.netuid), 0);
        if (networkKey != 0 && (Long) x.args().get("version_key") < networkKey) {
            return "IncorrectWeightVersionKey";
        }
        if (!crEnabled() && !rateLimitPasses(uid)) {
            return "SettingWeightsTooFast";
        }
        if (!permitted(uid)) {
            return "NeuronNoValidatorPermit";
        }
        if (updateLast) {
            node.setLastUpdate(uid, block);
        }
        return null;
    }

    private String reveal(Extrinsic x, int uid, long block) {
        String key = Hex.encode(x.signer());
        List<String> hashes = commitHashes.getOrDefault(key, new ArrayList<>());
        byte[] hash = WeightCallDecoder.v2Hash(x.signer(), node.netuid, x.args());
        int at = hashes.indexOf(Hex.encode(hash));
        if (at < 0) {
            return "InvalidRevealCommitHashNotMatch";
        }
        long commitEpoch = commitEpochs.get(key).get(at)[0];
        long reveal = commitEpoch + node.u64(StorageKeys.revealPeriodEpochs(node.netuid), 1);
        if (epoch() != reveal) {
            return epoch() < reveal ? "RevealTooEarly" : "ExpiredWeightCommit";
        }
        hashes.remove(at);
        commitEpochs.get(key).remove(at);
        storeCommits(x.signer());
        return setWeights(x, uid, block, false);
    }

    /** Writes WeightCommits(netuid, hotkey) as VecDeque<(H256, epoch, block, 0)> for the publisher to read. */
    private void storeCommits(byte[] hotkey) {
        String key = Hex.encode(hotkey);
        List<String> hashes = commitHashes.getOrDefault(key, List.of());
        io.subnet2.validator.chain.bittensor.scale.ScaleWriter w = new io.subnet2.validator.chain.bittensor.scale.ScaleWriter()
                .compact(hashes.size());
        for (int i = 0; i < hashes.size(); i++) {
            long[] e = commitEpochs.get(key).get(i);
            w.raw(Hex.decode(hashes.get(i))).u64(e[0]).u64(e[1]).u64(0);
        }
        if (hashes.isEmpty()) {
            node.storage.remove(StorageKeys.weightCommits(node.netuid, hotkey));
        } else {
            node.put(StorageKeys.weightCommits(node.netuid, hotkey), w.toByteArray());
        }
    }

    long epoch() {
        return node.u64(StorageKeys.byNetuid("SubnetEpochIndex", node.netuid), 0);
    }

    private boolean crEnabled() {
        byte[] v = node.storage.get(StorageKeys.byNetuid("CommitRevealWeightsEnabled", node.netuid));
        return v == null || v[0] == 1;
    }

    private boolean rateLimitPasses(int uid) {
        List<Long> updates = node.lastUpdates();
        long last = uid < updates.size() ? updates.get(uid) : 0;
        long limit = node.u64(StorageKeys.byNetuid("WeightsSetRateLimit", node.netuid), 100);
        return last == 0 || node.head - last >= limit;
    }

    private boolean permitted(int uid) {
        byte[] v = node.storage.get(StorageKeys.byNetuid("ValidatorPermit", node.netuid));
        List<Boolean> permits = v == null ? List.of() : new ScaleReader(v).vec(1, ScaleReader::bool);
        return uid < permits.size() && permits.get(uid);
    }

    private Integer uidOf(byte[] hotkey) {
        byte[] v = node.storage.get(StorageKeys.uid(node.netuid, hotkey));
        return v == null ? null : new ScaleReader(v).u16();
    }

    private static int callIndexOf(byte[] call) {
        if (call.length < 2 || (call[0] & 0xff) != WeightCalls.SUBTENSOR_PALLET) {
            throw invalid("not a SubtensorModule call");
        }
        return call[1] & 0xff;
    }

    static Rejected invalid(String why) {
        return new Rejected(1002, "Verification Error: Runtime error: Execution failed: " + why);
    }

    static byte[] blake2(byte[] input) {
        return Blake2b.hash256(input);
    }

    private static byte[] le32(long v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
