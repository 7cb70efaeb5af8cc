package io.subnet2.validator.dataset.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * {@code address_labels.parquet}: benign labels on the busiest background addresses (exchanges, DeFi,
 * bridges...), a sprinkle of ordinary and high-risk-but-not-flagged labels, and one critical
 * {@code flagged} label per proximity_risk source, all shuffled together.
 */
final class LabelFile {

    private record Kind(String type, String subtype, String name, String trust, String source, String risk) {
    }

    private static final List<Kind> HUB_KINDS = List.of(
            new Kind("exchange", "hot_wallet", "Exchange Hot Wallet", "verified", "public_tag", "low"),
            new Kind("exchange", "deposit", "Exchange Deposit", "high", "public_tag", "low"),
            new Kind("exchange", "cold_wallet", "Exchange Cold Wallet", "verified", "public_tag", "low"),
            new Kind("defi", "dex", "DEX Router", "verified", "public_tag", "low"),
            new Kind("defi", "lending", "Lending Pool", "verified", "public_tag", "low"),
            new Kind("bridge", "bridge", "Bridge Escrow", "high", "internal", "medium"),
            new Kind("payment", "processor", "Payment Processor", "high", "internal", "low"),
            new Kind("staking", "validator", "Staking Validator", "high", "community", "low"));
    private static final List<Kind> OTHER_KINDS = List.of(
            new Kind("wallet", "individual", "Known Wallet", "medium", "community", "low"),
            new Kind("nft", "marketplace", "NFT Marketplace User", "low", "community", "low"),
            new Kind("service", "custodian", "Custodial Service", "medium", "internal", "medium"),
            new Kind("gambling", "casino", "Online Casino", "medium", "community", "high"),
            new Kind("p2p", "otc_desk", "OTC Desk", "low", "community", "high"));
    private static final List<String> FLAG_SOURCES = List.of("ofac", "incident_report", "community", "law_enforcement");

    private final AddressBook book;
    private final String network;
    private final TimeGrid grid;
    private final SplittableRandom random;

    LabelFile(AddressBook book, String network, TimeGrid grid, SplittableRandom random) {
        this.book = book;
        this.network = network;
        this.grid = grid;
        this.random = random;
    }

    long write(Path file, List<PatternInjector.Flag> flags) throws IOException {
        List<GenericRecord> rows = new ArrayList<>();
        int background = book.population();
        Set<Long> taken = new HashSet<>();
        for (PatternInjector.Flag flag : flags) {
            taken.add(flag.address()); // one label per address: flagged hosts get only their flag
        }
        int hubs = Math.max(5, Math.min(2_000, background / 500));
        for (int id = 0; id < Math.min(hubs, background); id++) {
            if (!taken.contains((long) id)) {
                Kind kind = HUB_KINDS.get(random.nextInt(HUB_KINDS.size()));
                rows.add(row(id, kind, kind.name() + " " + (id + 1), 0.85f + 0.15f * random.nextFloat()));
            }
        }
        int others = Math.min(18_000, background / 100);
        int labelled = 0;
        while (labelled < others && taken.size() < background - hubs) {
            long id = hubs + random.nextInt(background - hubs);
            if (taken.add(id)) {
                labelled++;
                Kind kind = OTHER_KINDS.get(random.nextInt(OTHER_KINDS.size()));
                rows.add(row(id, kind, kind.name() + " " + labelled, 0.4f + 0.5f * random.nextFloat()));
            }
        }
        int n = 0;
        for (PatternInjector.Flag flag : flags) {
            int s = PatternInjector.FLAG_SUBTYPES.indexOf(flag.subtype());
            Kind kind = new Kind("flagged", flag.subtype(), "Flagged " + flag.subtype(), "verified",
                    FLAG_SOURCES.get(s), "critical");
            rows.add(row(flag.address(), kind, kind.name() + " " + (++n), 0.9f + 0.1f * random.nextFloat()));
        }
        Collections.shuffle(rows, new Random(random.nextLong()));
        try (ParquetWriter<GenericRecord> writer = ParquetFiles.writer(file, Schemas.ADDRESS_LABELS)) {
            for (GenericRecord row : rows) {
                writer.write(row);
            }
        }
        return rows.size();
    }

    private GenericRecord row(long address, Kind kind, String label, float confidence) {
        long windowStartMs = grid.windowStartSeconds() * 1000L;
        long created = windowStartMs - random.nextLong(2L * 365 * TimeGrid.DAY_SECONDS * 1000L);
        long updated = created + random.nextLong(windowStartMs - created + 1);
        GenericData.Record r = new GenericData.Record(Schemas.ADDRESS_LABELS);
        r.put("network", network);
        r.put("network_type", "mainnet");
        r.put("address", book.string(address));
        r.put("label", label);
        r.put("address_type", kind.type());
        r.put("address_subtype", kind.subtype());
        r.put("trust_level", kind.trust());
        r.put("source", kind.source());
        r.put("risk_level", kind.risk());
        r.put("confidence_score", Math.min(1f, confidence));
        r.put("created_timestamp", created);
        r.put("updated_timestamp", updated);
        return r;
    }
}
