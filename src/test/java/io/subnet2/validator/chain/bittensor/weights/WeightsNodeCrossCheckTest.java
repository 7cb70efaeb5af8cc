package io.subnet2.validator.chain.bittensor.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.subnet2.validator.chain.WeightVector;
import io.subnet2.validator.chain.bittensor.keys.Sr25519Keypair;
import io.subnet2.validator.chain.bittensor.scale.Hex;
import io.subnet2.validator.chain.bittensor.timelock.DrandVectors;
import io.subnet2.validator.chain.bittensor.timelock.TimelockEncryption;
import io.subnet2.validator.testsupport.NodeScript;
import tools.jackson.databind.JsonNode;

/**
 * What Java builds, checked by independent implementations on Node.js (src/test/node/weights/check.mjs):
 * @polkadot/types decodes the extrinsics (hand-declared call layouts: no recorded metadata here),
 * @polkadot/util-crypto verifies the sr25519 signatures and hashes the storage keys and the v2 commit, and
 * @noble/curves decrypts the v4 commit with drand's round-1000 signature.
 */
class WeightsNodeCrossCheckTest {

    static final int NETUID = 7;
    final Sr25519Keypair alice = Sr25519Keypair.fromUri("//Alice");
    final SignedExtrinsic.Runtime runtime = new SignedExtrinsic.Runtime(425, 1, FakeSubtensor.hashOf(0));

    @Test
    void nodeDecodesVerifiesAndDecryptsWhatJavaBuilds() {
        U16Weights weights = U16Weights.of(new WeightVector(null, 0, "p",
                List.of(new WeightVector.UidWeight(4, 0.2), new WeightVector.UidWeight(9, 0.8), new WeightVector.UidWeight(1, 0.0))));
        List<Integer> salt = List.of(1, 65535, 300, 7);
        byte[] commit = TimelockEncryption.quicknet().encrypt(WeightCalls.timelockPayload(alice.publicKey(), weights, 42), 1000)
                .toBytes();
        byte[] hash = WeightCalls.commitHash(alice.publicKey(), NETUID, weights, salt, 42);
        List<byte[]> calls = List.of(WeightCalls.setMechanismWeights(NETUID, weights, 42),
                WeightCalls.commitTimelockedMechanismWeights(NETUID, commit, 1000),
                WeightCalls.commitWeights(NETUID, hash), WeightCalls.revealWeights(NETUID, weights, salt, 42));
        long current = 1_000_123;
        MortalEra era = MortalEra.at(current, 64);
        byte[] birthHash = FakeSubtensor.hashOf(era.birth(current));
        List<Map<String, Object>> extrinsics = new ArrayList<>();
        List<byte[]> built = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            byte[] x = SignedExtrinsic.build(calls.get(i), ExtrinsicSigner.of(alice), 17 + i, era, birthHash, runtime);
            built.add(x);
            extrinsics.add(Map.of("hex", Hex.encode(x), "currentBlock", current, "birthHash", Hex.encode(birthHash)));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("extrinsics", extrinsics);
        request.put("specVersion", 425);
        request.put("transactionVersion", 1);
        request.put("genesis", Hex.encode(runtime.genesisHash()));
        request.put("roundSignature", DrandVectors.ROUND_1000_SIGNATURE_HEX);
        request.put("netuid", NETUID);
        request.put("hotkey", Hex.encode(alice.publicKey()));
        request.put("commit", Map.of("hotkey", Hex.encode(alice.publicKey()), "netuid", NETUID, "uids", weights.uids(),
                "values", weights.values(), "salt", salt, "versionKey", 42));

        JsonNode answer = NodeScript.run("weights", "check.mjs", request, Duration.ofSeconds(120));

        for (int i = 0; i < calls.size(); i++) {
            JsonNode x = answer.get("extrinsics").get(i);
            assertThat(x.get("signatureValid").asBoolean()).as("signature of extrinsic %d", i).isTrue();
            assertThat(x.get("version").asInt()).isEqualTo(0x84);
            assertThat(x.get("signer").asString()).isEqualTo("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
            assertThat(x.get("signatureType").asString()).isEqualTo("Sr25519");
            assertThat(x.get("nonce").asLong()).isEqualTo(17 + i);
            assertThat(x.get("tip").asString()).isEqualTo("0");
            assertThat(x.get("mode").asInt()).isZero();
            assertThat(x.get("eraPeriod").asInt()).isEqualTo(64);
            assertThat(x.get("eraPhase").asInt()).isEqualTo(era.phase());
            assertThat(x.get("birth").asLong()).isEqualTo(era.birth(current));
            assertThat(x.get("txHash").asString()).isEqualTo(Hex.encode(SignedExtrinsic.hash(built.get(i))));
        }
        JsonNode set = answer.get("extrinsics").get(0);
        assertThat(set.get("callIndex").asInt()).isEqualTo(119);
        assertThat(set.get("payloadHashed").asBoolean()).isFalse();
        assertThat(set.get("args").get("dests").toString()).isEqualTo("[4,9]");
        assertThat(set.get("args").get("weights").toString()).isEqualTo("[16384,65535]");
        assertThat(set.get("args").get("version_key").asLong()).isEqualTo(42);

        JsonNode tl = answer.get("extrinsics").get(1);
        assertThat(tl.get("callIndex").asInt()).isEqualTo(118);
        assertThat(tl.get("payloadHashed").asBoolean()).as("a commit makes the payload > 256 bytes").isTrue();
        assertThat(tl.get("args").get("reveal_round").asLong()).isEqualTo(1000);
        assertThat(tl.get("args").get("commit_reveal_version").asInt()).isEqualTo(4);
        JsonNode opened = tl.get("decrypted");
        assertThat(opened.get("uMatches").asBoolean()).isTrue();
        assertThat(opened.get("suite").asString()).isEqualTo("AES_GCM_");
        assertThat(opened.get("payload").get("hotkey").asString()).isEqualTo(Hex.encode(alice.publicKey()));
        assertThat(opened.get("payload").get("uids").toString()).isEqualTo("[4,9]");
        assertThat(opened.get("payload").get("values").toString()).isEqualTo("[16384,65535]");
        assertThat(opened.get("payload").get("version_key").asLong()).isEqualTo(42);

        assertThat(answer.get("extrinsics").get(2).get("args").get("commit_hash").asString()).isEqualTo(Hex.encode(hash));
        assertThat(answer.get("commitHash").asString()).as("v2 hash computed by @polkadot").isEqualTo(Hex.encode(hash));
        JsonNode reveal = answer.get("extrinsics").get(3).get("args");
        assertThat(reveal.get("salt").toString()).isEqualTo("[1,65535,300,7]");

        assertThat(answer.get("roundSignatureValid").asBoolean()).isTrue();
        assertThat(answer.get("roundSignatureValidFor1001").asBoolean()).isFalse();

        JsonNode keys = answer.get("storageKeys");
        for (String item : List.of("CommitRevealWeightsEnabled", "WeightsSetRateLimit", "WeightsVersionKey", "Tempo",
                "ValidatorPermit", "SubnetEpochIndex")) {
            assertThat(keys.get(item).asString()).as(item).isEqualTo(StorageKeys.byNetuid(item, NETUID));
        }
        assertThat(keys.get("LastUpdate").asString()).isEqualTo(StorageKeys.lastUpdate(NETUID));
        assertThat(keys.get("RevealPeriodEpochs").asString()).isEqualTo(StorageKeys.revealPeriodEpochs(NETUID));
        assertThat(keys.get("Uids").asString()).isEqualTo(StorageKeys.uid(NETUID, alice.publicKey()));
        assertThat(keys.get("WeightCommits").asString()).isEqualTo(StorageKeys.weightCommits(NETUID, alice.publicKey()));
        assertThat(keys.get("CommitRevealWeightsVersion").asString()).isEqualTo(StorageKeys.commitRevealVersion());
        assertThat(keys.get("LastStoredRound").asString()).isEqualTo(StorageKeys.lastStoredRound());
    }
}
