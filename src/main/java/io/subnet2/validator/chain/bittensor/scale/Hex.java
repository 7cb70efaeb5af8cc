package io.subnet2.validator.chain.bittensor.scale;

import java.util.HexFormat;

/** The {@code 0x}-prefixed hex strings in which JSON-RPC carries SCALE bytes and hashes. */
public final class Hex {

    private Hex() {
    }

    /** Accepts {@code 0x}-prefixed or bare hex. */
    public static byte[] decode(String hex) {
        String s = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        try {
            return HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException e) {
            throw new ScaleException("not hex: " + (s.length() > 40 ? s.substring(0, 40) + "..." : s));
        }
    }

    public static String encode(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
