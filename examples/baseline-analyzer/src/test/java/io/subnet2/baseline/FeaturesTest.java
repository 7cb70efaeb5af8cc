package io.subnet2.baseline;

import static io.subnet2.baseline.Scenario.HOUR;
import static io.subnet2.baseline.Scenario.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.subnet2.baseline.features.FeaturesPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesTest {

    @TempDir
    Path dir;

    private OutputFiles.Features run(Scenario s) throws Exception {
        Path input = s.write(dir);
        Path output = Files.createDirectories(dir.resolve("output"));
        FeaturesPhase.run(input, output);
        return OutputFiles.features(output.resolve("features.parquet"));
    }

    @Test
    void requiredColumnsMatchTheContractDefinitionsExactly() throws Exception {
        Scenario s = new Scenario()
                .transfer("a", "b", T0, 100.123456789012)
                .transfer("a", "b", T0 + HOUR, 50)
                .transfer("b", "a", T0 + 2 * HOUR, 30)
                .transfer("a", "a", T0 + 3 * HOUR, 10) // self-transfer: a is its own counterparty
                .transfer("c", "a", T0 + 50 * HOUR, 5.5)
                .transfer("b", "c", T0 + 10 * HOUR, 1_234_567.987654321)
                .noise(11, 40, 500);
        OutputFiles.Features f = run(s);
        NaiveFeatures.assertMatches(s.rows, f);
        assertEquals(3, f.get("unique_counterparties", "a"));
        assertEquals(3, f.get("degree_in", "a"), "b, c and a itself");
        assertEquals(T0, (long) f.get("first_activity_timestamp", "a"));
        assertEquals(T0 + 50 * HOUR, (long) f.get("last_activity_timestamp", "a"));
    }

    @Test
    void columnTypesAreUsableAndThereAreAtLeastTwentyExtraFeatures() throws Exception {
        OutputFiles.Features f = run(new Scenario().transfer("a", "b", T0, 1).transfer("b", "c", T0 + 1, 2));
        Map<String, PrimitiveTypeName> types = OutputFiles.types(f.schema());
        assertEquals(PrimitiveTypeName.BINARY, types.get("address"));
        for (String c : List.of("degree_in", "degree_out", "tx_in_count", "tx_out_count", "unique_counterparties")) {
            assertEquals(PrimitiveTypeName.INT32, types.get(c), c);
        }
        assertEquals(PrimitiveTypeName.DOUBLE, types.get("total_in_usd"));
        assertEquals(PrimitiveTypeName.DOUBLE, types.get("total_out_usd"));
        assertEquals(PrimitiveTypeName.INT64, types.get("first_activity_timestamp"));
        assertEquals(PrimitiveTypeName.INT64, types.get("last_activity_timestamp"));
        assertTrue(types.size() - 1 - NaiveFeatures.REQUIRED.length >= 20, "extra features: " + types.keySet());
    }

    @Test
    void behaviouralFeaturesHaveTheirDocumentedValues() throws Exception {
        Scenario s = new Scenario()
                .transfer("a", "b", T0, 100) // Thursday 00:00 UTC: night
                .transfer("b", "a", T0 + HOUR / 2, 100)
                .transfer("a", "a", T0 + HOUR, 7)
                .transfer("c", "a", T0 + 50 * HOUR, 9_500) // Saturday 02:00: weekend, night, near 10k
                .transfer("a", "d", T0 + 12 * HOUR, 14_000) // near 15k
                .flag("c", "flagged", "mixer", "critical");
        s.rows.add(new Fixtures.Row("a", "d", T0 + 13 * HOUR, 1, "USDT"));
        OutputFiles.Features f = run(s);
        assertEquals(1, f.get("reciprocal_counterparties", "a"), "b both ways; self excluded");
        assertEquals(1, f.get("self_transfer_count", "a"));
        assertEquals(1, f.get("flagged_counterparties", "a"));
        assertEquals(1, f.get("is_flagged", "c"));
        assertEquals(0, f.get("is_flagged", "a"));
        assertEquals(2, f.get("distinct_assets", "a"));
        assertEquals(1, f.get("near_threshold_out_count", "a"), "14000 < 15000, 9500 was received");
        assertEquals(3, f.get("max_tx_in_1h", "a"), "00:30 and the self-transfer at 01:00 (out and in); 00:00 is a full hour before");
        assertEquals(7, f.get("tx_count", "a"));
        assertEquals(5.0 / 7, f.get("night_tx_ratio", "a"), 1e-12);
        assertEquals(1.0 / 7, f.get("weekend_tx_ratio", "a"), 1e-12);
        assertEquals(50 * 3600.0, f.get("activity_span_seconds", "a"));
        assertEquals(1.0, f.get("fan_in_ratio", "a"), 1e-12, "in: b, a, c / out: b, a, d");
        assertEquals(1.0 / 3, f.get("reciprocity_ratio", "a"), 1e-12, "b of b, c, d");
        assertEquals(3.0 / 4, f.get("in_out_tx_ratio", "a"), 1e-12);
    }

    @Test
    void emptyTransfersGiveAnEmptyFeatureFile() throws Exception {
        OutputFiles.Features f = run(new Scenario());
        assertTrue(f.addresses().isEmpty());
    }
}
