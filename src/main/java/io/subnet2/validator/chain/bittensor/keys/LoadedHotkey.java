package io.subnet2.validator.chain.bittensor.keys;

import java.nio.file.Path;

/** A hotkey read from its keyfile: the keypair (checked against the file's public key) and its SS58 address. */
public record LoadedHotkey(Sr25519Keypair keypair, String ss58Address, Path file) {

    public byte[] publicKey() {
        return keypair.publicKey();
    }
}
