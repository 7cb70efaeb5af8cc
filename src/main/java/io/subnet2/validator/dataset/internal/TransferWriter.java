package io.subnet2.validator.dataset.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Writes one {@link TransferBatch} as a one-row-group parquet part through one reused Avro record:
 * parquet-avro copies reused byte arrays (Utf8, fixed) where it keeps them, so no per-row strings or
 * decimals are allocated except fresh addresses' Utf8.
 */
final class TransferWriter {

    private static final Set<String> PLAIN = Set.of("tx_id", "amount", "amount_usd", "fee");
    private static final Set<String> NO_STATISTICS =
            Set.of("tx_id", "from_address", "to_address", "amount", "amount_usd", "fee");
    static final int MAX_EVENT_INDEX = 16;

    private final GenericData.Record record = new GenericData.Record(Schemas.TRANSFERS);
    private final Ids ids;
    private final AddressBook book;
    private final TimeGrid grid;
    private final byte[] txBytes = new byte[Ids.TX_HASH_LENGTH];
    private final byte[] amount = new byte[Decimal18.BYTES];
    private final byte[] amountUsd = new byte[Decimal18.BYTES];
    private final byte[] fee = new byte[Decimal18.BYTES];
    private final Utf8[] eventIndex = new Utf8[MAX_EVENT_INDEX];
    private final Utf8[] symbols;
    private final Utf8[] contracts;

    TransferWriter(Ids ids, AddressBook book, TimeGrid grid, NetworkProfile profile) {
        this.ids = ids;
        this.book = book;
        this.grid = grid;
        for (int i = 0; i < MAX_EVENT_INDEX; i++) {
            eventIndex[i] = new Utf8(Integer.toString(i));
        }
        symbols = new Utf8[profile.assets().size()];
        contracts = new Utf8[profile.assets().size()];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = new Utf8(profile.assets().get(i).symbol());
            contracts[i] = new Utf8(profile.assets().get(i).contract().getBytes(StandardCharsets.US_ASCII));
        }
        Schema decimal = Schemas.TRANSFERS.getField("amount").schema();
        record.put("tx_id", new Utf8(txBytes));
        record.put("edge_index", eventIndex[0]);
        record.put("amount", new GenericData.Fixed(decimal, amount));
        record.put("amount_usd", new GenericData.Fixed(decimal, amountUsd));
        record.put("fee", new GenericData.Fixed(decimal, fee));
    }

    void write(TransferBatch batch, Path part) throws IOException {
        try (ParquetWriter<GenericRecord> writer =
                     ParquetFiles.writer(part, Schemas.TRANSFERS, PLAIN, NO_STATISTICS)) {
            for (int i = 0; i < batch.size; i++) {
                ids.txHash(batch.tx[i], txBytes);
                Decimal18.write(batch.amountMicros[i], batch.amountExtra[i], amount);
                Decimal18.write(batch.usdMicros[i], 0, amountUsd);
                Decimal18.write(batch.feeMicros[i], 0, fee);
                int block = batch.block[i];
                record.put(1, eventIndex[batch.event[i]]);
                record.put(3, grid.height(block));
                record.put(4, grid.timestampMs(block));
                record.put(5, book.utf8(batch.from[i]));
                record.put(6, book.utf8(batch.to[i]));
                record.put(7, symbols[batch.asset[i]]);
                record.put(8, contracts[batch.asset[i]]);
                writer.write(record);
            }
        }
    }
}
