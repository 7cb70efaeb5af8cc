package io.subnet2.validator.chain.bittensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.subnet2.validator.chain.bittensor.metagraph.SubtensorReads;
import io.subnet2.validator.chain.bittensor.scale.Hex;
import io.subnet2.validator.chain.bittensor.scale.ScaleException;
import io.subnet2.validator.chain.bittensor.scale.ScaleReader;
import io.subnet2.validator.chain.bittensor.scale.ScaleWriter;
import io.subnet2.validator.testsupport.NodeScript;
import tools.jackson.databind.JsonNode;

/** SCALE against known answers (parity-scale-codec's docs) and against @polkadot/types both ways. */
class ScaleCodecTest {

    @Test
    void compactKnownAnswers() {
        Map<Long, String> known = Map.of(0L, "0x00", 1L, "0x04", 42L, "0xa8", 63L, "0xfc", 64L, "0x0101", 69L, "0x1501",
                16383L, "0xfdff", 16384L, "0x02000100", 1073741823L, "0xfeffffff", 1073741824L, "0x0300000040");
        known.forEach((value, hex) -> {
            assertThat(new ScaleWriter().compact(value).toHex()).as("encode %d", value).isEqualTo(hex);
            assertThat(ScaleReader.ofHex(hex).compactLong()).as("decode %s", hex).isEqualTo(value);
        });
        BigInteger u64max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        assertThat(new ScaleWriter().compact(u64max).toHex()).isEqualTo("0x13ffffffffffffffff");
        assertThat(ScaleReader.ofHex("0x13ffffffffffffffff").compact()).isEqualTo(u64max);
    }

    @Test
    void hostileEncodingsAreRefused() {
        // non-canonical compacts (a small value in a wider mode), bad bool and option tags, truncation,
        // vector lengths the input cannot hold, values above the type's range, trailing bytes
        for (String hex : List.of("0x0100", "0x02000000", "0x03ffffff3f", "0x07ffffffff00")) {
            assertThatThrownBy(() -> ScaleReader.ofHex(hex).compact()).as(hex).isInstanceOf(ScaleException.class);
        }
        assertThatThrownBy(() -> ScaleReader.ofHex("0x02").bool()).isInstanceOf(ScaleException.class);
        assertThatThrownBy(() -> ScaleReader.ofHex("0x02").option(ScaleReader::u8)).isInstanceOf(ScaleException.class);
        assertThatThrownBy(() -> ScaleReader.ofHex("0x0102").u32()).isInstanceOf(ScaleException.class);
        assertThatThrownBy(() -> ScaleReader.ofHex("0xfeffffff00").bytes()).isInstanceOf(ScaleException.class);
        assertThatThrownBy(() -> ScaleReader.ofHex("0xfeff0300").compactInt(255)).isInstanceOf(ScaleException.class);
        assertThatThrownBy(() -> ScaleReader.ofHex("0x13ffffffffffffffff").compactLong()).isInstanceOf(ScaleException.class);
        ScaleReader r = ScaleReader.ofHex("0x0001");
        r.u8();
        assertThatThrownBy(r::expectEnd).isInstanceOf(ScaleException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> Hex.decode("0xzz")).isInstanceOf(ScaleException.class);
        assertThatThrownBy(() -> new ScaleWriter().u16(65536)).isInstanceOf(ScaleException.class);
    }

    @Test
    void javaAndPolkadotAgreeBothWays() {
        Random random = new Random(42);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int bits = 1 + random.nextInt(127);
            BigInteger big = new BigInteger(bits, random);
            cases.add(Map.of("type", "Compact<u128>", "value", big.toString()));
            cases.add(Map.of("type", "u128", "value", big.toString()));
            cases.add(Map.of("type", "Compact<u64>", "value", big.shiftRight(Math.max(0, bits - 64)).toString()));
            cases.add(Map.of("type", "u64", "value", big.shiftRight(Math.max(0, bits - 63)).toString()));
            cases.add(Map.of("type", "u32", "value", Long.toString(random.nextInt() & 0xffffffffL)));
            cases.add(Map.of("type", "u16", "value", Integer.toString(random.nextInt(65536))));
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            cases.add(Map.of("type", "Vec<u8>", "value", Hex.encode(bytes)));
        }
        cases.add(Map.of("type", "bool", "value", true));
        cases.add(Map.of("type", "bool", "value", false));
        // Node encodes, Java decodes and re-encodes to the same bytes
        JsonNode encoded = NodeScript.run("scale", "scale.mjs", Map.of("command", "encode-primitives", "input", cases),
                Duration.ofSeconds(60));
        List<Map<String, Object>> javaEncoded = new ArrayList<>();
        for (JsonNode c : encoded) {
            String type = c.get("type").stringValue();
            String hex = c.get("hex").stringValue();
            JsonNode value = c.get("value");
            assertThat(encode(type, value)).as("%s %s", type, value).isEqualTo(hex);
            assertThat(decode(type, hex)).as("%s %s", type, hex).isEqualTo(value.isBoolean() ? value.asString() : value.stringValue());
            javaEncoded.add(Map.of("type", type, "hex", encode(type, value)));
        }
        // Java encodes, Node decodes to the same values
        JsonNode decoded = NodeScript.run("scale", "scale.mjs", Map.of("command", "decode-primitives", "input", javaEncoded),
                Duration.ofSeconds(60));
        for (int i = 0; i < cases.size(); i++) {
            assertThat(decoded.get(i).get("value").asString()).as("%s", cases.get(i))
                    .isEqualTo(String.valueOf(cases.get(i).get("value")));
        }
    }

    @Test
    void timestampStorageKeyIsTwox128OfPalletAndItem() {
        JsonNode key = NodeScript.run("scale", "scale.mjs", Map.of("command", "storage-key", "input",
                List.of("Timestamp", "Now")), Duration.ofSeconds(60));
        assertThat(key.stringValue()).isEqualTo(SubtensorReads.TIMESTAMP_NOW);
    }

    private static String encode(String type, JsonNode value) {
        ScaleWriter w = new ScaleWriter();
        switch (type) {
            case "bool" -> w.bool(value.booleanValue());
            case "Vec<u8>" -> w.bytes(Hex.decode(value.stringValue()));
            case "u16" -> w.u16(Integer.parseInt(value.stringValue()));
            case "u32" -> w.u32(Long.parseLong(value.stringValue()));
            case "u64" -> w.u64(Long.parseLong(value.stringValue()));
            case "u128" -> w.u128(new BigInteger(value.stringValue()));
            default -> w.compact(new BigInteger(value.stringValue()));
        }
        return w.toHex();
    }

    private static String decode(String type, String hex) {
        ScaleReader r = ScaleReader.ofHex(hex);
        String value = switch (type) {
            case "bool" -> Boolean.toString(r.bool());
            case "Vec<u8>" -> "0x" + HexFormat.of().formatHex(r.bytes());
            case "u16" -> Integer.toString(r.u16());
            case "u32" -> Long.toString(r.u32());
            case "u64" -> Long.toString(r.u64());
            case "u128" -> r.u128().toString();
            default -> r.compact().toString();
        };
        r.expectEnd();
        return value;
    }
}
