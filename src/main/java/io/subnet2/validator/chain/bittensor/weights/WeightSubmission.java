package io.subnet2.validator.chain.bittensor.weights;

import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.subnet2.validator.chain.bittensor.rpc.RpcErrorException;
import io.subnet2.validator.chain.bittensor.rpc.RpcException;
import io.subnet2.validator.chain.bittensor.scale.Hex;

/**
 * Builds, signs and submits one extrinsic: nonce from system_accountNextIndex, a mortal era born at the
 * finalized head, tip 0. Transient failures (no node answering, a stale or clashing nonce) are retried with
 * a fresh nonce and a doubling backoff; a rejection by the pool is not.
 */
class WeightSubmission {

    private static final Logger log = LoggerFactory.getLogger(WeightSubmission.class);

    /** An extrinsic ready to send. */
    record Built(byte[] extrinsic, long nonce) {
        String hex() {
            return Hex.encode(extrinsic);
        }
    }

    /** A submission that did not go through; {@code reason} is the metric tag and the attempt's reason. */
    static final class Failure extends RuntimeException {
        final String reason;

        Failure(String reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }
    }

    private final WeightsChain chain;
    private final ExtrinsicSigner signer;
    private final String address;
    private final WeightsProperties properties;

    WeightSubmission(WeightsChain chain, ExtrinsicSigner signer, String address, WeightsProperties properties) {
        this.chain = chain;
        this.signer = signer;
        this.address = address;
        this.properties = properties;
    }

    Built build(byte[] call, WeightsChain.Block head) {
        long nonce = chain.nextNonce(address);
        MortalEra era = MortalEra.at(head.number(), properties.eraPeriod());
        long birth = era.birth(head.number());
        byte[] birthHash = birth == head.number() ? head.hash() : chain.blockHash(birth);
        return new Built(SignedExtrinsic.build(call, signer, nonce, era, birthHash, chain.runtime(head)), nonce);
    }

    /** Sends {@code call}; answers the built extrinsic and the pool's transaction hash. */
    Sent send(byte[] call, WeightsChain.Block head) {
        Duration backoff = properties.submitBackoff();
        for (int attempt = 1;; attempt++) {
            try {
                Built built = build(call, head);
                return new Sent(built, chain.submit(built.extrinsic()));
            } catch (RpcException e) {
                String reason = reason(e);
                boolean retry = isTransient(e) && attempt < properties.submitAttempts();
                log.warn("weights: submission attempt {}/{} failed ({}): {}{}", attempt, properties.submitAttempts(),
                        reason, e.getMessage(), retry ? "; retrying in " + backoff.toMillis() + " ms" : "");
                if (!retry) {
                    throw new Failure(reason, e.getMessage(), e);
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    /** A sent extrinsic. */
    record Sent(Built built, String txHash) {
    }

    static boolean isTransient(RpcException e) {
        if (!(e instanceof RpcErrorException error)) {
            return true;
        }
        String m = e.getMessage().toLowerCase(Locale.ROOT);
        return error.code() == 1014 || error.code() == 1012 || m.contains("outdated") || m.contains("stale")
                || m.contains("future");
    }

    /** The failure reason recorded and counted: from the pool's answer where it says one. */
    static String reason(RpcException e) {
        if (!(e instanceof RpcErrorException error)) {
            return "node-unavailable";
        }
        String m = e.getMessage().toLowerCase(Locale.ROOT);
        if (m.contains("custom error: 6")) {
            return "rate-limited";
        }
        if (m.contains("bad signature") || m.contains("badproof")) {
            return "bad-signature";
        }
        if (m.contains("ancient birth block")) {
            return "stale-era";
        }
        if (isTransient(e)) {
            return "nonce";
        }
        return error.code() == 1010 ? "invalid-transaction" : "rejected";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", "interrupted while waiting to retry", e);
        }
    }
}
