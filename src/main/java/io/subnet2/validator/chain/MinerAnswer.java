package io.subnet2.validator.chain;

/** A miner's answer to "what do you submit?": untrusted until the submission module has checked it. */
public record MinerAnswer(String hotkey, int uid, String repositoryUrl, String commitHash) {
}
