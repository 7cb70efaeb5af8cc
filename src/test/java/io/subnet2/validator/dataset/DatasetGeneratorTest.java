package io.subnet2.validator.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** Determinism, META.json, row-level invariants and the output folder contract of the generator. */
class DatasetGeneratorTest {

    private static final List<String> ALL_FILES = List.of("input/transfers.parquet", "input/address_labels.parquet",
            "input/assets.parquet", "input/asset_prices.parquet", "input/META.json", "ground_truth.parquet");

    @Test
    void sameSeedGivesByteIdenticalFilesAndDifferentSeedDoesNot() throws IOException {
        GeneratedDataset a = TestDatasets.get(99, 5_000, "ethereum", LocalDate.of(2025, 1, 15), 7);
        GeneratedDataset b = new DatasetGenerator().generate(
                new GenerationRequest(TestDatasets.newFolder("again").resolve("d"), 99, 5_000, "ethereum",
                        LocalDate.of(2025, 1, 15), 7));
        GeneratedDataset c = TestDatasets.get(100, 5_000, "ethereum", LocalDate.of(2025, 1, 15), 7);
        for (String file : ALL_FILES) {
            assertThat(Files.readAllBytes(b.layout().root().resolve(file)))
                    .as(file).isEqualTo(Files.readAllBytes(a.layout().root().resolve(file)));
        }
        assertThat(a.meta().sha256()).isEqualTo(b.meta().sha256());
        for (String file : DatasetMeta.HASHED_FILES) {
            if (!file.equals(DatasetLayout.ASSETS)) { // assets do not depend on the seed
                assertThat(c.meta().sha256().get(file)).as(file).isNotEqualTo(a.meta().sha256().get(file));
            }
        }
        assertThat(Files.readAllBytes(c.layout().groundTruth())).isNotEqualTo(Files.readAllBytes(a.layout().groundTruth()));
    }

    @Test
    void sameSecretAndSeedGiveByteIdenticalFilesAndAnotherSecretSharesNoAddress() throws IOException {
        DatasetSecret secret = new DatasetSecret("generator-test-secret-one-0123");
        GenerationRequest request = new GenerationRequest(TestDatasets.newFolder("s1").resolve("d"), 42, 20_000,
                "ethereum", LocalDate.of(2025, 1, 15), 7, secret);
        GeneratedDataset a = new DatasetGenerator().generate(request);
        GeneratedDataset b = new DatasetGenerator().generate(
                new GenerationRequest(TestDatasets.newFolder("s2").resolve("d"), 42, 20_000, "ethereum",
                        LocalDate.of(2025, 1, 15), 7, secret));
        for (String file : ALL_FILES) {
            assertThat(Files.readAllBytes(b.layout().root().resolve(file)))
                    .as(file).isEqualTo(Files.readAllBytes(a.layout().root().resolve(file)));
        }
        GeneratedDataset other = new DatasetGenerator().generate(new GenerationRequest(
                TestDatasets.newFolder("s3").resolve("d"), 42, 20_000, "ethereum", LocalDate.of(2025, 1, 15), 7,
                new DatasetSecret("generator-test-secret-two-0123")));
        Set<String> first = addressesAndTxIds(a);
        Set<String> second = addressesAndTxIds(other);
        assertThat(first).hasSizeGreaterThan(2_000);
        assertThat(second).as("addresses and tx ids under another secret, same seed").doesNotContainAnyElementsOf(first);
    }

    private static Set<String> addressesAndTxIds(GeneratedDataset dataset) throws IOException {
        Set<String> values = new HashSet<>();
        for (TransferTable.Transfer t : TransferTable.transfers(dataset.layout().transfers())) {
            values.add(t.from());
            values.add(t.to());
            values.add(t.txId());
        }
        for (GroundTruthRow row : GroundTruthReader.read(dataset.layout().groundTruth())) {
            values.add(row.address());
        }
        return values;
    }

    @Test
    void metaDescribesTheInputFilesExactly() throws IOException {
        GeneratedDataset dataset = TestDatasets.ethereum();
        DatasetMeta meta = DatasetMeta.read(dataset.layout().meta());
        assertThat(meta).isEqualTo(dataset.meta());
        assertThat(meta.schemaVersion()).isEqualTo("1.0.0");
        assertThat(meta.batchId()).isEqualTo("ethereum-2025-01-15-7d");
        assertThat(meta.network()).isEqualTo("ethereum");
        assertThat(meta.processingDate()).isEqualTo(LocalDate.of(2025, 1, 15));
        assertThat(meta.windowDays()).isEqualTo(7);
        assertThat(meta.generatedAt()).isEqualTo("2025-01-16T00:00:00Z");
        assertThat(meta.transfers()).isEqualTo(40_000).isEqualTo(TransferTable.records(dataset.layout().transfers()).size());
        assertThat(meta.addressLabels()).isEqualTo(TransferTable.records(dataset.layout().addressLabels()).size());
        assertThat(meta.sha256()).containsOnlyKeys(DatasetMeta.HASHED_FILES);
        for (String file : DatasetMeta.HASHED_FILES) {
            assertThat(meta.sha256().get(file)).isEqualTo(DatasetMeta.sha256(dataset.layout().input().resolve(file)));
        }
        String json = Files.readString(dataset.layout().meta());
        assertThat(json).contains("\"schema_version\"", "\"batch_id\"", "\"processing_date\"", "\"window_days\"",
                "\"generated_at\"", "\"counts\"", "\"address_labels\"", "\"sha256\"").doesNotContain("ground");
        try (Stream<Path> files = Files.list(dataset.layout().input())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("transfers.parquet",
                    "address_labels.parquet", "assets.parquet", "asset_prices.parquet", "META.json");
        }
        assertThat(dataset.layout().groundTruth()).isRegularFile();
    }

    @Test
    void transfersAreUniqueOnTheBlockGridInsideTheWindowAndPricedConsistently() throws IOException {
        GeneratedDataset dataset = TestDatasets.ethereum();
        List<TransferTable.Transfer> transfers = TransferTable.transfers(dataset.layout().transfers());
        long start = LocalDate.of(2025, 1, 9).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1000;
        long end = LocalDate.of(2025, 1, 16).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1000;
        Map<String, BigDecimal> prices = new HashMap<>();
        for (GenericRecord r : TransferTable.records(dataset.layout().assetPrices())) {
            LocalDate day = LocalDate.ofEpochDay((Integer) r.get("price_date"));
            prices.put(TransferTable.s(r, "asset_symbol") + "@" + day, TransferTable.decimal(r, "price_usd"));
        }
        Set<String> keys = new HashSet<>();
        Map<String, Integer> degree = new HashMap<>();
        long previous = Long.MIN_VALUE;
        for (TransferTable.Transfer t : transfers) {
            assertThat(keys.add(t.txId() + "/" + t.eventIndex() + "/" + t.edgeIndex())).as("unique key").isTrue();
            assertThat(t.txId()).matches("0x[0-9a-f]{64}");
            assertThat(t.from()).matches("0x[0-9a-f]{40}").isNotEqualTo(t.to());
            assertThat(t.to()).matches("0x[0-9a-f]{40}");
            assertThat(t.timestamp()).isBetween(start, end - 1).isGreaterThanOrEqualTo(previous);
            assertThat(t.timestamp() / 1000).isEqualTo(1_230_940_800L + t.blockHeight() * 12);
            previous = t.timestamp();
            assertThat(t.amount()).isPositive();
            assertThat(t.fee()).isPositive();
            assertThat(t.amount().scale()).isEqualTo(18);
            LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(t.timestamp(), 86_400_000L));
            BigDecimal price = prices.get(t.assetSymbol() + "@" + day);
            assertThat(price).as("price of %s on %s", t.assetSymbol(), day).isNotNull();
            BigDecimal tolerance = t.amountUsd().multiply(new BigDecimal("1e-6")).add(price.multiply(new BigDecimal("2e-6")));
            assertThat(t.amount().multiply(price).subtract(t.amountUsd()).abs()).isLessThanOrEqualTo(tolerance);
            degree.merge(t.from(), 1, Integer::sum);
            degree.merge(t.to(), 1, Integer::sum);
        }
        List<Integer> sorted = degree.values().stream().sorted().toList();
        int median = sorted.get(sorted.size() / 2);
        assertThat(sorted.get(sorted.size() - 1)).as("heavy-tailed degrees: a hub").isGreaterThan(50 * median);
        assertThat(dataset.addresses()).isEqualTo(degree.size());
    }

    @Test
    void smallestSizeWorksAndTooSmallIsRejected() {
        GeneratedDataset small = TestDatasets.get(5, 1_000, "ethereum", LocalDate.of(2025, 1, 15), 7);
        assertThat(small.transfers()).isEqualTo(1_000);
        assertThat(small.instances()).hasSize(PatternType.values().length).allSatisfy((t, n) -> assertThat(n).isEqualTo(3));
        assertThatThrownBy(() -> GenerationRequest.of(Path.of("x"), 1, 999)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GenerationRequest(Path.of("x"), 1, 5_000, "Bad Net", LocalDate.of(2025, 1, 1), 7))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GenerationRequest(Path.of("x"), 1, 5_000, "ethereum", LocalDate.of(2025, 1, 1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void existingOutputFolderIsRefusedAndLeftUntouched() throws IOException {
        Path parent = TestDatasets.newFolder("exists");
        Path out = Files.createDirectories(parent.resolve("d"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> new DatasetGenerator().generate(GenerationRequest.of(out, 1, 1_000)))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");
        try (Stream<Path> files = Files.list(parent)) {
            assertThat(files).containsExactly(out);
        }
    }
}
