package io.subnet2.validator.chain.bittensor.weights;

import io.subnet2.validator.chain.bittensor.scale.ScaleWriter;

/**
 * A signed extrinsic v4 for the subtensor runtime (spec/bittensor.md "Weights"):
 * {@code compact(len) ‖ 0x84 ‖ 0x00 ‖ pub32 ‖ 0x01 ‖ sig64 ‖ era ‖ compact(nonce) ‖ compact(tip) ‖ 0x00 ‖ call}.
 * The signature covers {@code call ‖ era ‖ nonce ‖ tip ‖ mode ‖ spec_version ‖ transaction_version ‖ genesis ‖
 * birth block hash ‖ None (no metadata hash)}, blake2b-256 first when longer than 256 bytes. Tip 0,
 * metadata-hash mode off.
 */
public final class SignedExtrinsic {

    /** Where the transaction is valid: runtime versions and the chain's genesis hash. */
    public record Runtime(long specVersion, long transactionVersion, byte[] genesisHash) {
    }

    private SignedExtrinsic() {
    }

    public static byte[] build(byte[] call, ExtrinsicSigner signer, long nonce, MortalEra era, byte[] birthHash,
            Runtime runtime) {
        byte[] extra = new ScaleWriter().raw(era.encode()).compact(nonce).compact(0).u8(0).toByteArray();
        byte[] payload = signingPayload(call, extra, birthHash, runtime);
        byte[] signature = signer.sign(payload.length > 256 ? Blake2b.hash256(payload) : payload);
        byte[] publicKey = signer.publicKey();
        if (publicKey.length != 32 || signature.length != 64) {
            throw new IllegalStateException("an sr25519 signer gives a 32-byte key and 64-byte signatures");
        }
        byte[] body = new ScaleWriter().u8(0x84).u8(0x00).raw(publicKey).u8(0x01).raw(signature).raw(extra).raw(call)
                .toByteArray();
        return new ScaleWriter().bytes(body).toByteArray();
    }

    /** The bytes the signature covers, before the >256-byte hashing rule. */
    public static byte[] signingPayload(byte[] call, byte[] extra, byte[] birthHash, Runtime runtime) {
        return new ScaleWriter().raw(call).raw(extra).u32(runtime.specVersion()).u32(runtime.transactionVersion())
                .raw(runtime.genesisHash()).raw(birthHash).u8(0).toByteArray();
    }

    /** The transaction hash author_submitExtrinsic answers with: blake2b-256 of the encoded extrinsic. */
    public static byte[] hash(byte[] extrinsic) {
        return Blake2b.hash256(extrinsic);
    }
}
