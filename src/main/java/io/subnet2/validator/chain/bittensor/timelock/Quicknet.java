package io.subnet2.validator.chain.bittensor.timelock;

import java.time.Instant;
import java.util.HexFormat;

/**
 * drand's quicknet beacon, the one subtensor's Drand pallet stores (spec/bittensor.md "Commit-reveal v4"):
 * a BLS signature in G1 over {@code sha256(u64be(round))} every 3 s since genesis, verifiable with the
 * group's public key in G2.
 */
public final class Quicknet {

    public static final String CHAIN_HASH = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971";
    public static final long GENESIS_SECONDS = 1_692_803_367L;
    public static final long PERIOD_SECONDS = 3;
    /** Domain separation tag of hash-to-G1 (RFC 9380 suite, "NUL" = no augmentation). */
    public static final String DST = "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_";

    private static final byte[] PUBLIC_KEY = HexFormat.of().parseHex(
            "83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c"
                    + "8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb"
                    + "5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a");

    private Quicknet() {
    }

    /** The group public key, 96 bytes, zcash-compressed G2. */
    public static byte[] publicKey() {
        return PUBLIC_KEY.clone();
    }

    /** The latest round whose signature is published at or before {@code time} (round 1 at genesis). */
    public static long roundAt(Instant time) {
        long elapsed = time.getEpochSecond() - GENESIS_SECONDS;
        return elapsed < 0 ? 0 : elapsed / PERIOD_SECONDS + 1;
    }

    /** When {@code round}'s signature is published. */
    public static Instant timeOfRound(long round) {
        return Instant.ofEpochSecond(GENESIS_SECONDS + (round - 1) * PERIOD_SECONDS);
    }
}
