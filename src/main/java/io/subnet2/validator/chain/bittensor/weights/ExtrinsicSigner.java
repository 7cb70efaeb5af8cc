package io.subnet2.validator.chain.bittensor.weights;

import io.subnet2.validator.chain.bittensor.keys.Sr25519Keypair;

/** The hotkey that signs extrinsics: its sr25519 public key and a signature over a message. */
public interface ExtrinsicSigner {

    byte[] publicKey();

    byte[] sign(byte[] message);

    static ExtrinsicSigner of(Sr25519Keypair keypair) {
        return new ExtrinsicSigner() {
            @Override
            public byte[] publicKey() {
                return keypair.publicKey();
            }

            @Override
            public byte[] sign(byte[] message) {
                return keypair.sign(message);
            }
        };
    }
}
