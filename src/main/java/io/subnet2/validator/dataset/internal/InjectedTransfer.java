package io.subnet2.validator.dataset.internal;

/** One transfer of an injected instance, by address number, placed on a block of the grid. */
public record InjectedTransfer(int block, long from, long to, int asset, long usdMicros) {
}
