package io.subnet2.validator.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;


/** Reads {@code ground_truth.parquet} in file order (see {@link GroundTruthRow} for the order). */
public final class GroundTruthReader {

    /** Far above any generated dataset (2,000 instances per type, at most ~41 rows each). */
    public static final int MAX_ROWS = 5_000_000;

    private GroundTruthReader() {
    }

    public static List<GroundTruthRow> read(Path file) throws IOException {
        List<GroundTruthRow> rows = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new ChannelInputFile(file))
                .withDataModel(GenericData.get()).build()) {
            GenericRecord r;
            while ((r = reader.read()) != null) {
                if (rows.size() >= MAX_ROWS) {
                    throw new IOException(file + ": more than " + MAX_ROWS + " ground-truth rows");
                }
                Object hop = r.get("hop_distance");
                rows.add(new GroundTruthRow(text(r, "address"), text(r, "role"), text(r, "pattern_type"),
                        text(r, "pattern_instance_id"), hop == null ? null : ((Number) hop).intValue(),
                        text(r, "flagged_address"), text(r, "flag_type")));
            }
        }
        return rows;
    }

    private static String text(GenericRecord record, String field) {
        Object value = record.get(field);
        return value == null ? null : value.toString();
    }
}
