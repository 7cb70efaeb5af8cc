package io.subnet2.validator.scoring.internal;

import java.nio.file.Path;

import io.subnet2.validator.scoring.ScoringProperties;

/**
 * Times {@link TransferReader#read} alone, bulk page decoding against parquet-mr's per-value
 * column readers, alternating: {@code TransferReadBenchmark DIR/input/transfers.parquet [repeats]}.
 */
public final class TransferReadBenchmark {

    private TransferReadBenchmark() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ScoringProperties props = ScoringProperties.defaults();
        for (int i = 0; i < repeats; i++) {
            for (boolean bulk : new boolean[] {true, false}) {
                long start = System.nanoTime();
                TransferReader.Columns columns = TransferReader.read(file, props, bulk);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s: %.2f s, %d rows, %d addresses%n", bulk ? "bulk pages" : "per value ",
                        seconds, columns.rows(), columns.addresses().size());
            }
        }
    }
}
