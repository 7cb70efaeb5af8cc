package io.subnet2.validator.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.subnet2.validator.dataset.internal.PatternInjector;

/** Every injected instance is findable: its type's scoring rule holds on the generated transfers. */
class InjectedInstancesTest {

    static Stream<Arguments> datasets() {
        return Stream.of(Arguments.of("ethereum 7 days", TestDatasets.ethereum()),
                Arguments.of("bitcoin 1 day", TestDatasets.bitcoinOneDay()));
    }

    private static Map<String, List<GroundTruthRow>> instances(GeneratedDataset dataset) throws IOException {
        Map<String, List<GroundTruthRow>> byId = new LinkedHashMap<>();
        String previous = null;
        for (GroundTruthRow row : GroundTruthReader.read(dataset.layout().groundTruth())) {
            if (!row.patternInstanceId().equals(previous)) {
                assertThat(byId).as("rows of an instance are contiguous").doesNotContainKey(row.patternInstanceId());
            }
            byId.computeIfAbsent(row.patternInstanceId(), k -> new ArrayList<>()).add(row);
            previous = row.patternInstanceId();
        }
        return byId;
    }

    private static Map<String, GenericRecord> labels(GeneratedDataset dataset) throws IOException {
        Map<String, GenericRecord> labels = new HashMap<>();
        for (GenericRecord r : TransferTable.records(dataset.layout().addressLabels())) {
            assertThat(labels.put(TransferTable.s(r, "address"), r)).as("one label per address").isNull();
        }
        return labels;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void everyInstanceSatisfiesItsRuleInCanonicalOrder(String name, GeneratedDataset dataset) throws IOException {
        Map<String, GenericRecord> labels = labels(dataset);
        Set<String> flagged = new HashSet<>();
        labels.forEach((address, r) -> {
            if ("flagged".equals(TransferTable.s(r, "address_type")) || "critical".equals(TransferTable.s(r, "risk_level"))) {
                flagged.add(address);
            }
        });
        RuleChecker checker = new RuleChecker(TransferTable.transfers(dataset.layout().transfers()), flagged);
        Map<String, List<GroundTruthRow>> instances = instances(dataset);
        Map<PatternType, Integer> perType = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (List<GroundTruthRow> rows : instances.values()) {
            PatternType type = rows.get(0).type();
            perType.merge(type, 1, Integer::sum);
            List<String> addresses = rows.stream().map(GroundTruthRow::address).toList();
            assertThat(rows).allSatisfy(r -> assertThat(r.type()).isEqualTo(type));
            assertThat(rows.get(0).patternInstanceId()).startsWith(type.id() + "-");
            assertThat(checker.check(type, addresses)).as("%s %s", rows.get(0).patternInstanceId(), addresses).isNull();
            assertThat(addresses.stream().filter(checker::present).count()).isGreaterThanOrEqualTo(2);
            for (String address : addresses) {
                assertThat(seen.add(address)).as("address %s in two instances", address).isTrue();
            }
            checkRoles(type, rows);
            if (type == PatternType.PROXIMITY_RISK) {
                checkProximity(rows, labels);
            } else {
                assertThat(rows).allSatisfy(r -> assertThat(r.hopDistance()).isNull())
                        .allSatisfy(r -> assertThat(r.flaggedAddress()).isNull())
                        .allSatisfy(r -> assertThat(r.flagType()).isNull());
            }
        }
        int expectedPerType = PatternInjector.instancesPerType(dataset.transfers());
        for (PatternType type : PatternType.values()) {
            assertThat(perType.get(type)).as(type.id()).isEqualTo(expectedPerType);
            assertThat(dataset.instances().get(type)).isEqualTo(expectedPerType);
        }
        assertThat(flagged).as("only injected sources are flagged")
                .hasSize(perType.get(PatternType.PROXIMITY_RISK));
    }

    @org.junit.jupiter.api.Test
    void theCheckerRejectsBrokenVariantsOfTheInstances() throws IOException {
        GeneratedDataset dataset = TestDatasets.ethereum();
        Set<String> flagged = new HashSet<>();
        labels(dataset).forEach((address, r) -> {
            if ("critical".equals(TransferTable.s(r, "risk_level"))) {
                flagged.add(address);
            }
        });
        RuleChecker checker = new RuleChecker(TransferTable.transfers(dataset.layout().transfers()), flagged);
        String stranger = null;
        int checked = 0;
        for (List<GroundTruthRow> rows : instances(dataset).values()) {
            List<String> a = rows.stream().map(GroundTruthRow::address).toList();
            List<String> reversed = new ArrayList<>(a);
            java.util.Collections.reverse(reversed);
            PatternType type = rows.get(0).type();
            switch (type) {
                case CYCLE, LAYERING_PATH -> assertThat(checker.check(type, reversed)).isNotNull();
                case MOTIF_FANIN -> assertThat(checker.check(PatternType.MOTIF_FANOUT, a)).isNotNull();
                case PROXIMITY_RISK -> assertThat(checker.check(type, a.subList(0, a.size() - 1).size() >= 2
                        ? a.subList(0, a.size() - 1) : reversed)).isNotNull();
                case THRESHOLD_EVASION -> assertThat(checker.check(type, reversed)).isNotNull();
                case TEMPORAL_BURST -> {
                    if (stranger != null) {
                        List<String> withStranger = new ArrayList<>(a);
                        withStranger.add(stranger);
                        assertThat(checker.check(type, withStranger)).isNotNull();
                    }
                }
                default -> {
                }
            }
            if (type == PatternType.MOTIF_FANOUT) {
                stranger = a.get(1);
            }
            assertThat(checker.check(type, List.of(a.get(0), a.get(0)))).isEqualTo("repeated_address");
            checked++;
        }
        assertThat(checked).isEqualTo(80);
    }

    private static void checkRoles(PatternType type, List<GroundTruthRow> rows) {
        List<String> roles = rows.stream().map(GroundTruthRow::role).toList();
        String first = roles.get(0);
        String last = roles.get(roles.size() - 1);
        List<String> middle = roles.subList(1, roles.size() - 1);
        switch (type) {
            case CYCLE -> assertThat(roles).containsOnly(GroundTruthRow.MEMBER).hasSizeBetween(3, 6);
            case LAYERING_PATH -> {
                assertThat(roles).hasSizeBetween(4, 8);
                assertThat(first).isEqualTo(GroundTruthRow.SOURCE);
                assertThat(last).isEqualTo(GroundTruthRow.SINK);
                assertThat(middle).containsOnly(GroundTruthRow.INTERMEDIATE);
            }
            case MOTIF_FANIN, MOTIF_FANOUT -> {
                assertThat(first).isEqualTo(GroundTruthRow.CENTER);
                assertThat(roles.subList(1, roles.size())).containsOnly(GroundTruthRow.SPOKE).hasSizeBetween(5, 15);
            }
            case SMURFING_NETWORK -> {
                assertThat(first).isEqualTo(GroundTruthRow.SOURCE);
                assertThat(roles.stream().filter(GroundTruthRow.SMURF::equals).count()).isBetween(5L, 10L);
                assertThat(roles.stream().filter(GroundTruthRow.COLLECTOR::equals).count()).isBetween(1L, 2L);
            }
            case PROXIMITY_RISK -> {
                assertThat(first).isEqualTo(GroundTruthRow.TARGET);
                assertThat(last).isEqualTo(GroundTruthRow.FLAGGED);
                assertThat(roles).hasSizeBetween(2, 4);
            }
            case TEMPORAL_BURST -> {
                assertThat(first).isEqualTo(GroundTruthRow.CENTER);
                assertThat(roles.subList(1, roles.size())).containsOnly(GroundTruthRow.COUNTERPART);
            }
            case THRESHOLD_EVASION -> {
                assertThat(first).isEqualTo(GroundTruthRow.CENTER);
                assertThat(roles.subList(1, roles.size())).containsOnly(GroundTruthRow.RECEIVER).hasSizeBetween(6, 12);
            }
        }
    }

    private static void checkProximity(List<GroundTruthRow> rows, Map<String, GenericRecord> labels) {
        int hops = rows.size() - 1;
        String flaggedAddress = rows.get(hops).address();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).hopDistance()).isEqualTo(hops - i);
            assertThat(rows.get(i).flaggedAddress()).isEqualTo(flaggedAddress);
            assertThat(rows.get(i).flagType()).isIn(PatternInjector.FLAG_SUBTYPES);
        }
        GenericRecord label = labels.get(flaggedAddress);
        assertThat(label).as("flagged address is labelled").isNotNull();
        assertThat(TransferTable.s(label, "address_type")).isEqualTo("flagged");
        assertThat(TransferTable.s(label, "address_subtype")).isEqualTo(rows.get(0).flagType());
        assertThat(TransferTable.s(label, "risk_level")).isEqualTo("critical");
    }
}
