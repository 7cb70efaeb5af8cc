package io.subnet2.validator.chain.bittensor.dendrite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code SubmissionSynapse} request as the bittensor SDK's dendrite sends it (spec/bittensor.md
 * "Synapse over HTTP"): headers, JSON body and the message the dendrite signs.
 */
public final class SubmissionSynapse {

    public static final String NAME = "SubmissionSynapse";
    /** SDK 10.2.0 as the axon reads it (major·10^6 + minor·10^3 + patch). */
    public static final int SDK_VERSION = 10_002_000;
    /** sha3-256 over no required hash field, i.e. over the empty string. */
    public static final String EMPTY_BODY_HASH = "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** Who calls whom: the validator (dendrite) and the miner's axon. */
    public record Terminals(String dendriteIp, long nonce, String uuid, String dendriteHotkey, String axonIp,
            int axonPort, String axonHotkey) {
    }

    /** A request ready to sign: call {@link #signedMessage()}, then {@link #headers(String)} and {@link #body(String)}. */
    public record Request(Terminals terminals, double timeoutSeconds, String tournamentId, long epochNumber) {

        /** {@code "{nonce}.{dendrite_hotkey}.{axon_hotkey}.{uuid}.{body_hash}"}, UTF-8. */
        public byte[] signedMessage() {
            Terminals t = terminals;
            return (t.nonce() + "." + t.dendriteHotkey() + "." + t.axonHotkey() + "." + t.uuid() + "." + EMPTY_BODY_HASH)
                    .getBytes(StandardCharsets.UTF_8);
        }

        /** The full model dump, nulls included. */
        public String body(String signature) {
            ObjectNode body = JSON.createObjectNode();
            body.put("name", NAME);
            body.put("timeout", timeoutSeconds);
            body.put("total_size", 0);
            body.put("header_size", 0);
            ObjectNode dendrite = terminal(body.putObject("dendrite"));
            dendrite.put("ip", terminals.dendriteIp());
            dendrite.put("version", SDK_VERSION);
            dendrite.put("nonce", terminals.nonce());
            dendrite.put("uuid", terminals.uuid());
            dendrite.put("hotkey", terminals.dendriteHotkey());
            dendrite.put("signature", signature);
            ObjectNode axon = terminal(body.putObject("axon"));
            axon.put("ip", terminals.axonIp());
            axon.put("port", terminals.axonPort());
            axon.put("hotkey", terminals.axonHotkey());
            body.put("computed_body_hash", "");
            body.put("tournament_id", tournamentId);
            body.put("epoch_number", epochNumber);
            body.putNull("repository_url");
            body.putNull("commit_hash");
            return JSON.writeValueAsString(body);
        }

        private static ObjectNode terminal(ObjectNode node) {
            for (String field : new String[] {"status_code", "status_message", "process_time", "ip", "port", "version",
                    "nonce", "uuid", "hotkey", "signature"}) {
                node.putNull(field);
            }
            return node;
        }

        /** Header names lower-case, values strings; one {@code bt_header_input_obj_} per required field. */
        public Map<String, String> headers(String signature, int bodyLength) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("name", NAME);
            h.put("timeout", Double.toString(timeoutSeconds));
            h.put("bt_header_axon_ip", terminals.axonIp());
            h.put("bt_header_axon_port", Integer.toString(terminals.axonPort()));
            h.put("bt_header_axon_hotkey", terminals.axonHotkey());
            h.put("bt_header_dendrite_ip", terminals.dendriteIp());
            h.put("bt_header_dendrite_version", Integer.toString(SDK_VERSION));
            h.put("bt_header_dendrite_nonce", Long.toString(terminals.nonce()));
            h.put("bt_header_dendrite_uuid", terminals.uuid());
            h.put("bt_header_dendrite_hotkey", terminals.dendriteHotkey());
            h.put("bt_header_dendrite_signature", signature);
            h.put("bt_header_input_obj_tournament_id", defaultOf("\"\""));
            h.put("bt_header_input_obj_epoch_number", defaultOf("0"));
            h.put("computed_body_hash", EMPTY_BODY_HASH);
            int headerSize = h.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
            h.put("header_size", Integer.toString(headerSize));
            h.put("total_size", Integer.toString(headerSize + bodyLength));
            return h;
        }

        private static String defaultOf(String json) {
            return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private SubmissionSynapse() {
    }

    /** sha3-256 hex of the concatenated sha3-256 hex of each required hash field (none here). */
    static String bodyHash(String... requiredHashFieldValues) {
        StringBuilder concatenated = new StringBuilder();
        for (String value : requiredHashFieldValues) {
            concatenated.append(sha3Hex(value));
        }
        return sha3Hex(concatenated.toString());
    }

    static String sha3Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA3-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
