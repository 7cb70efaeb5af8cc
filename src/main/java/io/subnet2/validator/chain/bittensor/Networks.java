package io.subnet2.validator.chain.bittensor;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The btcli network names and endpoint URLs of {@code validator.chain.bittensor.network}. */
public final class Networks {

    public static final Map<String, URI> NAMED = Map.of(
            "finney", URI.create("wss://entrypoint-finney.opentensor.ai:443"),
            "test", URI.create("wss://test.finney.opentensor.ai:443"),
            "local", URI.create("ws://127.0.0.1:9944"));

    private Networks() {
    }

    /** Each entry a name or a {@code ws(s)://} / {@code http(s)://} URL (a comma-separated entry counts as several). */
    public static List<URI> resolve(List<String> entries) {
        List<URI> endpoints = new ArrayList<>();
        for (String entry : entries) {
            for (String part : entry.split(",")) {
                String value = part.trim();
                if (value.isEmpty()) {
                    continue;
                }
                URI named = NAMED.get(value.toLowerCase(Locale.ROOT));
                endpoints.add(named != null ? named : url(value));
            }
        }
        if (endpoints.isEmpty()) {
            throw new ChainStartupException("validator.chain.bittensor.network is empty: use finney, test, local or a URL");
        }
        return List.copyOf(endpoints);
    }

    private static URI url(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw unknown(value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("ws", "wss", "http", "https").contains(scheme) || uri.getHost() == null) {
            throw unknown(value);
        }
        return uri;
    }

    private static ChainStartupException unknown(String value) {
        return new ChainStartupException("validator.chain.bittensor.network: '" + value
                + "' is neither finney, test, local nor a ws(s):// or http(s):// URL");
    }
}
