package io.subnet2.validator.chain.bittensor;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a bittensor-mode startup error as its one-line reason instead of a stack trace. */
class ChainStartupFailureAnalyzer extends AbstractFailureAnalyzer<ChainStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ChainStartupException cause) {
        return new FailureAnalysis("bittensor mode cannot start: " + cause.getMessage(),
                "Fix the wallet, network or netuid settings (validator.chain.bittensor.*, docs/operations.md \"Run on a subnet\").",
                cause);
    }
}
