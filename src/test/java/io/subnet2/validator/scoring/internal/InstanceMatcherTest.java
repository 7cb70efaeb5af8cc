package io.subnet2.validator.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The two-sided match and the confidence ranking of integrity.md "Scoring rules". */
class InstanceMatcherTest {

    private static final List<ReferenceData.Instance> INSTANCES = List.of(
            new ReferenceData.Instance("a", "cycle", new int[] {0, 1, 2, 3}),
            new ReferenceData.Instance("b", "cycle", new int[] {2, 3, 4, 5}),
            new ReferenceData.Instance("c", "cycle", new int[] {10, 11}),
            new ReferenceData.Instance("single", "cycle", new int[] {20}));

    private static InstanceMatcher matcher() {
        return new InstanceMatcher(INSTANCES, new boolean[] {true, true, true, false}, 32, 0.5, 0.5);
    }

    @Test
    void aPatternMustCoverHalfTheInstanceAndBeHalfInstance() {
        InstanceMatcher m = matcher();
        boolean[] found = new boolean[4];
        assertThat(m.best(new int[] {10}, found)).isEqualTo(2);
        assertThat(m.best(new int[] {10, 11, 12}, found)).isEqualTo(2);
        // 2 of c, but only 2 of 5 listed addresses are c's
        assertThat(m.best(new int[] {10, 11, 12, 13, 14}, found)).isEqualTo(-1);
        assertThat(m.best(new int[] {0}, found)).isEqualTo(-1);
        // an instance with one reachable address never counts, so never matches
        assertThat(m.best(new int[] {20}, found)).isEqualTo(-1);
    }

    @Test
    void theLargestOverlapWinsThenTheLowestInstanceAndFoundOnesAreSkipped() {
        InstanceMatcher m = matcher();
        boolean[] found = new boolean[4];
        assertThat(m.best(new int[] {2, 3, 4}, found)).isEqualTo(1);
        assertThat(m.best(new int[] {2, 3}, found)).isEqualTo(0);
        found[0] = true;
        assertThat(m.best(new int[] {2, 3}, found)).isEqualTo(1);
        found[1] = true;
        assertThat(m.best(new int[] {2, 3}, found)).isEqualTo(-1);
        // the overlap counters are reset between calls
        assertThat(m.best(new int[] {10, 11}, found)).isEqualTo(2);
        assertThat(m.best(new int[] {10, 30, 31}, found)).isEqualTo(-1);
    }

    @Test
    void rankingIsByConfidenceDescendingWithEqualConfidencesInFileOrder() {
        double[] keys = {0.5, 0.9, 0.5, Double.POSITIVE_INFINITY, 0.0, 0.9};
        int[] order = new int[keys.length];
        int[] groups = PatternScorer.rankByConfidence(keys, order);
        assertThat(order).containsExactly(3, 1, 5, 0, 2, 4);
        assertThat(groups).containsExactly(0, 1, 3, 5, 6);
        assertThat(PatternScorer.rankByConfidence(new double[0], new int[0])).containsExactly(0);
    }
}
