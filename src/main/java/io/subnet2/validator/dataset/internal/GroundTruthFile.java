package io.subnet2.validator.dataset.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;

/** Writes {@code ground_truth.parquet}: instances one after another, members in canonical order. */
final class GroundTruthFile {

    private GroundTruthFile() {
    }

    static long write(Path file, List<Instance> instances, AddressBook book) throws IOException {
        long rows = 0;
        try (ParquetWriter<GenericRecord> writer =
                     ParquetFiles.writer(file, Schemas.GROUND_TRUTH, Schemas.GROUND_TRUTH_PARQUET)) {
            GenericData.Record r = new GenericData.Record(Schemas.GROUND_TRUTH);
            for (Instance instance : instances) {
                String flagged = instance.flagged() >= 0 ? book.string(instance.flagged()) : null;
                for (Instance.Member member : instance.members()) {
                    r.put("address", book.string(member.address()));
                    r.put("role", member.role());
                    r.put("pattern_type", instance.type().id());
                    r.put("pattern_instance_id", instance.id());
                    r.put("hop_distance", member.hop());
                    r.put("flagged_address", flagged);
                    r.put("flag_type", instance.flagType());
                    writer.write(r);
                    rows++;
                }
            }
        }
        return rows;
    }
}
