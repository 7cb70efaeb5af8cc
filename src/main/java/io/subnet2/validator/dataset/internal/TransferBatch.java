package io.subnet2.validator.dataset.internal;

/** Up to one row group of generated transfers in primitive arrays, filled by the generating thread. */
final class TransferBatch {

    final long[] tx;
    final byte[] event;
    final int[] block;
    final long[] from;
    final long[] to;
    final byte[] asset;
    final long[] amountMicros;
    final long[] amountExtra;
    final long[] usdMicros;
    final long[] feeMicros;
    int size;
    int index;

    TransferBatch(int capacity) {
        tx = new long[capacity];
        event = new byte[capacity];
        block = new int[capacity];
        from = new long[capacity];
        to = new long[capacity];
        asset = new byte[capacity];
        amountMicros = new long[capacity];
        amountExtra = new long[capacity];
        usdMicros = new long[capacity];
        feeMicros = new long[capacity];
    }

    boolean full() {
        return size == tx.length;
    }

    void add(long txNumber, int eventIndex, int blockIndex, long fromId, long toId, int assetIndex, long amount,
             long extra, long usd, long fee) {
        int i = size++;
        tx[i] = txNumber;
        event[i] = (byte) eventIndex;
        block[i] = blockIndex;
        from[i] = fromId;
        to[i] = toId;
        asset[i] = (byte) assetIndex;
        amountMicros[i] = amount;
        amountExtra[i] = extra;
        usdMicros[i] = usd;
        feeMicros[i] = fee;
    }
}
