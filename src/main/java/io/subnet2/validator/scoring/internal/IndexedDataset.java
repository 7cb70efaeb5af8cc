package io.subnet2.validator.scoring.internal;

import java.util.BitSet;
import java.util.List;

/** What scoring needs of a dataset: its transfer index, its flagged addresses and its ground-truth instances. */
public record IndexedDataset(TransferIndex index, BitSet flagged, List<ReferenceData.Instance> instances) {
}
