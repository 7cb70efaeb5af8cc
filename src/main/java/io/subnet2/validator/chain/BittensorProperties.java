package io.subnet2.validator.chain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.util.unit.DataSize;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * {@code validator.chain.bittensor.*}: the subnet, the node(s) and the operator's wallet, with the
 * btcli defaults ({@code BT_WALLET_NAME}, {@code BT_WALLET_HOTKEY}, {@code BT_WALLET_PATH}).
 *
 * @param netuid the subnet (required in bittensor mode)
 * @param network {@code finney}, {@code test}, {@code local} or endpoint URLs; several are tried in turn
 */
public record BittensorProperties(@Min(0) @Max(65535) Integer netuid, @NotEmpty List<String> network,
        @Valid @NotNull Wallet wallet, @Valid @NotNull Rpc rpc, @Valid @NotNull Dendrite dendrite,
        @NotNull Duration blockTime) {

    public BittensorProperties {
        network = network == null || network.isEmpty() ? List.of("finney") : List.copyOf(network);
        wallet = wallet == null ? new Wallet(null, null, null, null) : wallet;
        rpc = rpc == null ? new Rpc(null, null, null, null, null, null) : rpc;
        dendrite = dendrite == null ? new Dendrite(null, null, null, null, null) : dendrite;
        blockTime = blockTime == null ? Duration.ofSeconds(12) : blockTime;
    }

    public static BittensorProperties defaults() {
        return new BittensorProperties(null, null, null, null, null, null);
    }

    /**
     * The hotkey file is {@code {path}/{name}/hotkeys/{hotkey}}; an encrypted one is opened with the password
     * in the environment variable {@code passwordEnv}.
     */
    public record Wallet(String name, String hotkey, Path path, String passwordEnv) {
        public Wallet {
            name = blankTo(name, env("BT_WALLET_NAME", "default"));
            hotkey = blankTo(hotkey, env("BT_WALLET_HOTKEY", "default"));
            path = path == null ? Path.of(expandHome(env("BT_WALLET_PATH", "~/.bittensor/wallets"))) : path;
            passwordEnv = blankTo(passwordEnv, "BT_WALLET_PASSWORD");
        }

        public Path hotkeyFile() {
            return path.resolve(name).resolve("hotkeys").resolve(hotkey);
        }
    }

    /** JSON-RPC limits: timeouts, attempts over all endpoints with a doubling backoff, largest reply. */
    public record Rpc(Duration connectTimeout, Duration callTimeout, @Min(1) @Max(100) Integer maxAttempts,
            Duration initialBackoff, Duration maxBackoff, DataSize maxReplySize) {
        public Rpc {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
            callTimeout = callTimeout == null ? Duration.ofSeconds(30) : callTimeout;
            maxAttempts = maxAttempts == null ? 4 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(8) : maxBackoff;
            maxReplySize = maxReplySize == null ? DataSize.ofMegabytes(32) : maxReplySize;
        }
    }

    /** Axon queries: timeout each, in flight at once, largest answer, announced ip, private axons allowed. */
    public record Dendrite(Duration timeout, @Min(1) @Max(256) Integer concurrency, DataSize maxResponseSize,
            String externalIp, Boolean allowPrivateAxons) {
        public Dendrite {
            timeout = timeout == null ? Duration.ofSeconds(12) : timeout;
            concurrency = concurrency == null ? 16 : concurrency;
            maxResponseSize = maxResponseSize == null ? DataSize.ofKilobytes(64) : maxResponseSize;
            externalIp = blankTo(externalIp, "0.0.0.0");
            allowPrivateAxons = allowPrivateAxons != null && allowPrivateAxons;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    static String expandHome(String path) {
        return path.equals("~") || path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }
}
