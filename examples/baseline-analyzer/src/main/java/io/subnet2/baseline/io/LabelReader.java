package io.subnet2.baseline.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Flagged addresses of address_labels.parquet, as the scorer defines them. */
public final class LabelReader {

    public static final String FILE = "address_labels.parquet";

    private LabelReader() {
    }

    /** Addresses with address_type 'flagged' or risk_level 'critical'; empty when there is no file. */
    public static Set<String> flagged(Path inputDir) throws IOException {
        Path file = inputDir.resolve(FILE);
        Set<String> flagged = new HashSet<>();
        if (!Files.isRegularFile(file)) {
            return flagged;
        }
        try (ColumnFile in = ColumnFile.open(file, List.of("address"), List.of("address_type", "risk_level"))) {
            for (int rows = in.nextRowGroup(); rows >= 0; rows = in.nextRowGroup()) {
                String[] address = new String[rows];
                String[] type = new String[rows];
                String[] risk = new String[rows];
                in.strings("address", address, 0);
                if (in.has("address_type")) {
                    in.strings("address_type", type, 0);
                }
                if (in.has("risk_level")) {
                    in.strings("risk_level", risk, 0);
                }
                for (int i = 0; i < rows; i++) {
                    if (address[i] != null && ("flagged".equals(type[i]) || "critical".equals(risk[i]))) {
                        flagged.add(address[i]);
                    }
                }
            }
        }
        return flagged;
    }
}
