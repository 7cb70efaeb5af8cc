package io.subnet2.validator.chain.bittensor.weights;

/**
 * A mortal transaction era (sp_runtime::generic::Era::Mortal): valid for {@code period} blocks from its
 * birth block; the signature commits to the birth block's hash.
 */
public record MortalEra(int period, int phase) {

    public MortalEra {
        if (Integer.bitCount(period) != 1 || period < 4 || period > 65_536 || phase < 0 || phase >= period) {
            throw new IllegalArgumentException("bad mortal era period=" + period + " phase=" + phase);
        }
    }

    /** The era of a transaction made at {@code currentBlock}, living about {@code requestedPeriod} blocks. */
    public static MortalEra at(long currentBlock, int requestedPeriod) {
        int period = Integer.highestOneBit(Math.max(4, Math.min(65_536, requestedPeriod)) * 2 - 1);
        period = Math.min(period, 65_536);
        int quantize = Math.max(period >> 12, 1);
        int phase = (int) (currentBlock % period) / quantize * quantize;
        return new MortalEra(period, phase);
    }

    /** The block the era starts at, as seen from {@code currentBlock} (its hash goes into the payload). */
    public long birth(long currentBlock) {
        return (Math.max(currentBlock, phase) - phase) / period * period + phase;
    }

    /** Two bytes: low 4 bits {@code log2(period) - 1}, the rest the quantised phase. */
    public byte[] encode() {
        int quantize = Math.max(period >> 12, 1);
        int encoded = Math.min(15, Math.max(1, Integer.numberOfTrailingZeros(period) - 1)) | ((phase / quantize) << 4);
        return new byte[] {(byte) encoded, (byte) (encoded >>> 8)};
    }

    /** Decodes {@link #encode()} (what the fake node checks). */
    public static MortalEra decode(int first, int second) {
        int encoded = first | (second << 8);
        int period = 2 << (encoded % (1 << 4));
        int quantize = Math.max(period >> 12, 1);
        return new MortalEra(period, (encoded >> 4) * quantize);
    }
}
