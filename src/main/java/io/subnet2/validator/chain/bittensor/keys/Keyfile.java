package io.subnet2.validator.chain.bittensor.keys;

import java.nio.file.Path;
import java.util.Optional;

/** TEMPORARY compile stub until branch keys is merged (replaced by the real class there). */
public final class Keyfile {
    public static Sr25519Keypair load(Path path, Optional<String> password) {
        throw new UnsupportedOperationException("stub");
    }
}
