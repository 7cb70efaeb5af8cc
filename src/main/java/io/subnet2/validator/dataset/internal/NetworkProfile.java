package io.subnet2.validator.dataset.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-network constants: block interval and the traded assets. Addresses use the EVM format on
 * every network (documented in docs/dataset.md); asset contracts do not depend on the seed.
 */
public record NetworkProfile(String network, int blockSeconds, List<Asset> assets) {

    public static final String NATIVE_CONTRACT = "0x0000000000000000000000000000000000000000";

    /** share = fraction of background transfers in this asset; volatility = daily log-price sigma. */
    public record Asset(String symbol, String contract, double basePriceUsd, double volatility, double share) {
    }

    private static final Map<String, Integer> BLOCK_SECONDS = Map.of(
            "bitcoin", 600, "polygon", 2, "bsc", 3, "tron", 3, "torus", 8);
    private static final Map<String, String> NATIVE_SYMBOL = Map.of(
            "ethereum", "ETH", "bitcoin", "BTC", "bittensor", "TAO", "torus", "TORUS",
            "polygon", "POL", "bsc", "BNB", "tron", "TRX");
    private static final Map<String, Double> NATIVE_PRICE = Map.of(
            "ethereum", 3000.0, "bitcoin", 60000.0, "bittensor", 400.0, "torus", 0.5,
            "polygon", 0.5, "bsc", 600.0, "tron", 0.12);

    public static NetworkProfile of(String network) {
        int blockSeconds = BLOCK_SECONDS.getOrDefault(network, 12);
        String nativeSymbol = NATIVE_SYMBOL.getOrDefault(network, nativeSymbolFallback(network));
        Asset nativeAsset = new Asset(nativeSymbol, NATIVE_CONTRACT, NATIVE_PRICE.getOrDefault(network, 10.0), 0.035,
                0.5);
        if (network.equals("bitcoin")) {
            return new NetworkProfile(network, blockSeconds, List.of(
                    new Asset(nativeSymbol, NATIVE_CONTRACT, nativeAsset.basePriceUsd(), 0.03, 1.0)));
        }
        return new NetworkProfile(network, blockSeconds, List.of(
                nativeAsset,
                new Asset("USDT", contract(network, "USDT"), 1.0, 0.0, 0.25),
                new Asset("USDC", contract(network, "USDC"), 1.0, 0.0, 0.15),
                new Asset("WBTC", contract(network, "WBTC"), 60000.0, 0.03, 0.10)));
    }

    /** A token contract: public and the same in every dataset of the network (SHA-256 of its name). */
    private static String contract(String network, String symbol) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("subnet2-validator/contract/" + network + "/" + symbol).getBytes(StandardCharsets.UTF_8));
            return "0x" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String nativeSymbolFallback(String network) {
        String upper = network.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        return upper.isEmpty() ? "NATIVE" : upper.substring(0, Math.min(6, upper.length()));
    }

    /** Index of the asset for a uniform draw u in [0, 1). */
    public int pickAsset(double u) {
        double acc = 0;
        for (int i = 0; i < assets.size() - 1; i++) {
            acc += assets.get(i).share();
            if (u < acc) {
                return i;
            }
        }
        return assets.size() - 1;
    }
}
