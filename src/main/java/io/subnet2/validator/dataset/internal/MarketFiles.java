package io.subnet2.validator.dataset.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;

/** {@code assets.parquet} and {@code asset_prices.parquet} (one price per asset and window day). */
final class MarketFiles {

    private MarketFiles() {
    }

    static long writeAssets(Path file, NetworkProfile profile, TimeGrid grid) throws IOException {
        try (ParquetWriter<GenericRecord> writer = ParquetFiles.writer(file, Schemas.ASSETS)) {
            long firstSeen = (grid.windowStartSeconds() - 400L * TimeGrid.DAY_SECONDS) * 1000L;
            for (NetworkProfile.Asset asset : profile.assets()) {
                boolean nativeAsset = asset.contract().equals(NetworkProfile.NATIVE_CONTRACT);
                GenericData.Record r = new GenericData.Record(Schemas.ASSETS);
                r.put("asset_symbol", asset.symbol());
                r.put("asset_contract", asset.contract());
                r.put("network", profile.network());
                r.put("verified", true);
                r.put("verification_source", nativeAsset ? "native" : "token_list");
                r.put("first_seen_timestamp", firstSeen);
                writer.write(r);
            }
        }
        return profile.assets().size();
    }

    static long writePrices(Path file, NetworkProfile profile, TimeGrid grid, PriceTable prices) throws IOException {
        Schema decimal = Schemas.ASSET_PRICES.getField("price_usd").schema();
        long rows = 0;
        try (ParquetWriter<GenericRecord> writer = ParquetFiles.writer(file, Schemas.ASSET_PRICES)) {
            for (int a = 0; a < prices.assets(); a++) {
                NetworkProfile.Asset asset = profile.assets().get(a);
                for (int d = 0; d < prices.days(); d++) {
                    byte[] price = new byte[Decimal18.BYTES];
                    Decimal18.write(prices.priceMicros(a, d), 0, price);
                    GenericData.Record r = new GenericData.Record(Schemas.ASSET_PRICES);
                    r.put("asset_symbol", asset.symbol());
                    r.put("asset_contract", asset.contract());
                    r.put("price_date", (int) grid.firstDay().plusDays(d).toEpochDay());
                    r.put("price_usd", new GenericData.Fixed(decimal, price));
                    r.put("source", "synthetic_oracle");
                    writer.write(r);
                    rows++;
                }
            }
        }
        return rows;
    }
}
