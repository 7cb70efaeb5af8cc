package io.subnet2.validator.scoring.internal;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.subnet2.validator.scoring.InvalidReason;
import io.subnet2.validator.scoring.ScoringProperties;

/** Duplicates, verification, recall by instance, precision and novelty (scoring.md §3). */
public final class PatternScorer {

    /** Pattern components and the counts behind them. */
    public record Outcome(double recall, double precision, double novelty, int reported, int valid,
                          Map<String, Integer> invalidByReason, int instancesCounted, int instancesFound,
                          int novelPatterns) {
    }

    private record SetKey(int type, int[] sorted) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SetKey k && k.type == type && Arrays.equals(k.sorted, sorted);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(sorted);
        }
    }

    private PatternScorer() {
    }

    public static Outcome score(ReportedPatterns patterns, PatternVerifier verifier,
                                List<ReferenceData.Instance> instances, int addresses,
                                ScoringProperties.Rules rules) {
        BitSet truth = new BitSet(addresses);
        for (ReferenceData.Instance instance : instances) {
            for (int id : instance.reachable()) {
                truth.set(id);
            }
        }
        BitSet seenIds = new BitSet();
        Map<SetKey, Boolean> seenSets = new HashMap<>();
        int[] reasons = new int[InvalidReason.values().length];
        BitSet covered = new BitSet(addresses);
        int valid = 0;
        int novel = 0;
        for (int i = 0; i < patterns.count(); i++) {
            int[] listed = patterns.addressesOf(i);
            int[] sorted = listed.clone();
            Arrays.sort(sorted);
            boolean duplicate = seenSets.putIfAbsent(new SetKey(patterns.type(i), sorted), Boolean.TRUE) != null;
            int id = patterns.id(i);
            if (id >= 0) {
                duplicate |= seenIds.get(id);
                seenIds.set(id);
            }
            InvalidReason reason = duplicate ? InvalidReason.DUPLICATE : verifier.verify(patterns.type(i), listed);
            if (reason != null) {
                reasons[reason.ordinal()]++;
                continue;
            }
            valid++;
            boolean sharesTruth = false;
            for (int address : listed) {
                covered.set(address);
                sharesTruth |= truth.get(address);
            }
            if (!sharesTruth) {
                novel++;
            }
        }
        int counted = 0;
        int found = 0;
        for (ReferenceData.Instance instance : instances) {
            int[] reach = instance.reachable();
            if (reach.length < 2) {
                continue;
            }
            counted++;
            int hit = 0;
            for (int address : reach) {
                if (covered.get(address)) {
                    hit++;
                }
            }
            if (hit >= rules.recallCoverage() * reach.length) {
                found++;
            }
        }
        int reported = patterns.count();
        double recall = counted == 0 ? 0 : (double) found / counted;
        double precision = reported == 0 ? 0 : (double) valid / reported;
        double cap = counted * rules.noveltyCapFraction();
        double novelty = cap <= 0 ? 0 : Math.min(novel, cap) / cap;
        Map<String, Integer> byReason = new TreeMap<>();
        for (InvalidReason reason : InvalidReason.values()) {
            byReason.put(reason.id(), reasons[reason.ordinal()]);
        }
        return new Outcome(recall, precision, novelty, reported, valid, byReason, counted, found, novel);
    }
}
