package io.subnet2.validator.scoring.internal;

/**
 * Everything a {@link TransferIndex} holds besides its addresses: CSR offsets, rows and neighbours
 * by sender and by receiver, transfer times, the per-address recomputed features, and the
 * threshold-band counts and edges.
 */
record IndexArrays(int rows, int bandKinds, long[] ts, int[] outOff, int[] outRow, int[] outNbr, int[] inOff,
                   int[] inRow, int[] inNbr, int[] txOut, int[] txIn, int[] degOut, int[] degIn,
                   int[] counterparties, long[] first, long[] last, double[] sumOut, double[] sumIn,
                   int[] bandCount, long[][] bandEdges) {
}
