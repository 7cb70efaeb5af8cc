package io.subnet2.validator.chain.bittensor.weights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.subnet2.validator.chain.bittensor.scale.ScaleReader;

/** Decodes the SubtensorModule weight calls by their argument layouts (subtensor macros/dispatches.rs). */
final class WeightCallDecoder {

    private WeightCallDecoder() {
    }

    static Map<String, Object> decode(byte[] call) {
        ScaleReader r = new ScaleReader(call);
        r.u8();
        int index = r.u8();
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("netuid", r.u16());
        switch (index) {
            case WeightCalls.SET_MECHANISM_WEIGHTS -> {
                args.put("mecid", r.u8());
                args.put("dests", u16s(r));
                args.put("weights", u16s(r));
                args.put("version_key", r.u64());
            }
            case WeightCalls.COMMIT_TIMELOCKED_MECHANISM_WEIGHTS -> {
                args.put("mecid", r.u8());
                byte[] commit = r.bytes();
                if (commit.length > 5000) {
                    throw WeightRules.invalid("commit longer than BoundedVec<u8, 5000>");
                }
                args.put("commit", commit);
                args.put("reveal_round", r.u64());
                args.put("commit_reveal_version", r.u16());
            }
            case WeightCalls.COMMIT_WEIGHTS -> args.put("commit_hash", r.fixed(32));
            case WeightCalls.REVEAL_WEIGHTS -> {
                args.put("uids", u16s(r));
                args.put("values", u16s(r));
                args.put("salt", u16s(r));
                args.put("version_key", r.u64());
            }
            default -> throw WeightRules.invalid("call index " + index + " is not a weights call this fake knows");
        }
        if (!r.atEnd()) {
            throw WeightRules.invalid(r.remaining() + " bytes after the call's arguments");
        }
        return args;
    }

    /** get_commit_hash: blake2_256 of (AccountId32, u16, Vec<u16> uids, values, salt, u64), written by hand. */
    @SuppressWarnings("unchecked")
    static byte[] v2Hash(byte[] hotkey, int netuid, Map<String, Object> reveal) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(hotkey);
        out.write(netuid & 0xff);
        out.write(netuid >>> 8);
        for (String field : List.of("uids", "values", "salt")) {
            List<Integer> values = (List<Integer>) reveal.get(field);
            if (values.size() >= 64) {
                throw new IllegalArgumentException("the hand encoder writes single-byte compact lengths only");
            }
            out.write(values.size() << 2);
            for (int v : values) {
                out.write(v & 0xff);
                out.write(v >>> 8);
            }
        }
        long key = (Long) reveal.get("version_key");
        for (int i = 0; i < 8; i++) {
            out.write((int) (key >>> (8 * i)) & 0xff);
        }
        return WeightRules.blake2(out.toByteArray());
    }

    private static List<Integer> u16s(ScaleReader r) {
        return r.vec(2, ScaleReader::u16);
    }
}
