package io.subnet2.validator.dataset.internal;

import java.util.function.LongUnaryOperator;

/** One transfer of an injected instance, by address number, placed on a block of the grid. */
public record InjectedTransfer(int block, long from, long to, int asset, long usdMicros) {

    InjectedTransfer remap(LongUnaryOperator address) {
        return new InjectedTransfer(block, address.applyAsLong(from), address.applyAsLong(to), asset, usdMicros);
    }
}
