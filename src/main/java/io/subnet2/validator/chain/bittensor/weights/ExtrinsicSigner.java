package io.subnet2.validator.chain.bittensor.weights;

/** The hotkey that signs extrinsics: its sr25519 public key and a signature over a message. */
public interface ExtrinsicSigner {

    byte[] publicKey();

    byte[] sign(byte[] message);
}
