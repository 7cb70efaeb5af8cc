package io.subnet2.validator.chain.bittensor.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import io.subnet2.validator.chain.bittensor.scale.Hex;
import net.openhft.hashing.LongHashFunction;

/**
 * Storage keys read for weights (subtensor pallets/subtensor/src/lib.rs, pallets/drand): {@code twox128(pallet) ‖
 * twox128(item) ‖ hashed keys}, with the hasher each item declares.
 */
public final class StorageKeys {

    private static final String SUBTENSOR = "SubtensorModule";

    private StorageKeys() {
    }

    /** Identity-hashed netuid maps: CommitRevealWeightsEnabled, WeightsSetRateLimit, WeightsVersionKey, Tempo, ValidatorPermit, SubnetEpochIndex. */
    public static String byNetuid(String item, int netuid) {
        return Hex.encode(concat(prefix(SUBTENSOR, item), u16(netuid)));
    }

    /** {@code LastUpdate}: Identity over the NetUidStorageIndex (= netuid for mechanism 0). */
    public static String lastUpdate(int netuid) {
        return byNetuid("LastUpdate", netuid);
    }

    /** {@code RevealPeriodEpochs}: Twox64Concat over the netuid. */
    public static String revealPeriodEpochs(int netuid) {
        byte[] key = u16(netuid);
        return Hex.encode(concat(prefix(SUBTENSOR, "RevealPeriodEpochs"), le64(LongHashFunction.xx(0).hashBytes(key)), key));
    }

    /** {@code WeightCommits(netuid_index, hotkey)}: Twox64Concat over both keys (v2 commits). */
    public static String weightCommits(int netuid, byte[] hotkey) {
        byte[] index = u16(netuid);
        return Hex.encode(concat(prefix(SUBTENSOR, "WeightCommits"), le64(LongHashFunction.xx(0).hashBytes(index)), index,
                le64(LongHashFunction.xx(0).hashBytes(hotkey)), hotkey));
    }

    /** {@code Uids(netuid, hotkey)}: Identity, then Blake2_128Concat over the account id. */
    public static String uid(int netuid, byte[] hotkey) {
        return Hex.encode(concat(prefix(SUBTENSOR, "Uids"), u16(netuid), Blake2b.hash128(hotkey), hotkey));
    }

    /** {@code CommitRevealWeightsVersion}: a plain value. */
    public static String commitRevealVersion() {
        return Hex.encode(prefix(SUBTENSOR, "CommitRevealWeightsVersion"));
    }

    /** {@code Drand.LastStoredRound}: a plain value. */
    public static String lastStoredRound() {
        return Hex.encode(prefix("Drand", "LastStoredRound"));
    }

    static byte[] prefix(String pallet, String item) {
        return concat(twox128(pallet), twox128(item));
    }

    static byte[] twox128(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return concat(le64(LongHashFunction.xx(0).hashBytes(bytes)), le64(LongHashFunction.xx(1).hashBytes(bytes)));
    }

    private static byte[] u16(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8)};
    }

    private static byte[] le64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer out = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            out.put(p);
        }
        return out.array();
    }
}
