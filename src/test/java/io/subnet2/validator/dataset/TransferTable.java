package io.subnet2.validator.dataset;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

import io.subnet2.validator.dataset.internal.Decimal18;

/** Test-side reader: every row of a small parquet file as Avro records, decimals decoded. */
final class TransferTable {

    record Transfer(String txId, String eventIndex, String edgeIndex, long blockHeight, long timestamp, String from,
                    String to, String assetSymbol, String assetContract, BigDecimal amount, BigDecimal amountUsd,
                    BigDecimal fee) {
    }

    private TransferTable() {
    }

    static List<GenericRecord> records(Path file) throws IOException {
        List<GenericRecord> rows = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
                .withDataModel(GenericData.get()).build()) {
            GenericRecord r;
            while ((r = reader.read()) != null) {
                rows.add(r);
            }
        }
        return rows;
    }

    static List<Transfer> transfers(Path file) throws IOException {
        List<Transfer> rows = new ArrayList<>();
        for (GenericRecord r : records(file)) {
            rows.add(new Transfer(s(r, "tx_id"), s(r, "event_index"), s(r, "edge_index"),
                    (Long) r.get("block_height"), (Long) r.get("block_timestamp"), s(r, "from_address"),
                    s(r, "to_address"), s(r, "asset_symbol"), s(r, "asset_contract"), decimal(r, "amount"),
                    decimal(r, "amount_usd"), decimal(r, "fee")));
        }
        return rows;
    }

    static String s(GenericRecord r, String field) {
        Object value = r.get(field);
        return value == null ? null : value.toString();
    }

    static BigDecimal decimal(GenericRecord r, String field) {
        return Decimal18.read(((GenericFixed) r.get(field)).bytes());
    }
}
