package io.subnet2.validator.scoring;

import java.util.Map;

/**
 * What the pattern components were computed from; invalid patterns by reason id (sorted). Every
 * found instance is one hit of the ranking walk, so hits = {@code instancesFound}.
 */
public record PatternCounts(int patternsReported, int patternsValid, Map<String, Integer> invalidByReason,
                            int instancesCounted, int instancesFound, int novelPatterns) {

    public static PatternCounts none() {
        return new PatternCounts(0, 0, Map.of(), 0, 0, 0);
    }
}
