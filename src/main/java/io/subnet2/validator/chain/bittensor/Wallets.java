package io.subnet2.validator.chain.bittensor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import io.subnet2.validator.chain.BittensorProperties;
import io.subnet2.validator.chain.bittensor.keys.Keyfile;
import io.subnet2.validator.chain.bittensor.keys.Sr25519Keypair;

/** Opens the operator's hotkey, with errors that say which file and which setting. */
public final class Wallets {

    private static final byte[] ENCRYPTED = "$NACL".getBytes(StandardCharsets.US_ASCII);

    private Wallets() {
    }

    public static Sr25519Keypair hotkey(BittensorProperties.Wallet wallet) {
        Path file = wallet.hotkeyFile();
        if (!Files.isRegularFile(file)) {
            throw new ChainStartupException("hotkey file " + file + " not found (wallet name '" + wallet.name()
                    + "', hotkey '" + wallet.hotkey() + "', path " + wallet.path()
                    + "; set --wallet.name/--wallet.hotkey/--wallet.path or BT_WALLET_NAME/BT_WALLET_HOTKEY/BT_WALLET_PATH)");
        }
        Optional<String> password = Optional.ofNullable(System.getenv(wallet.passwordEnv())).filter(p -> !p.isEmpty());
        if (password.isEmpty() && encrypted(file)) {
            throw new ChainStartupException("hotkey file " + file + " is encrypted and no password is set: put it in the"
                    + " environment variable " + wallet.passwordEnv());
        }
        try {
            return Keyfile.load(file, password).keypair();
        } catch (RuntimeException e) {
            throw new ChainStartupException("cannot open hotkey file " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean encrypted(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(ENCRYPTED.length), ENCRYPTED);
        } catch (IOException e) {
            throw new ChainStartupException("cannot read hotkey file " + file + ": " + e.getMessage(), e);
        }
    }
}
