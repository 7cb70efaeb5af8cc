package io.subnet2.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.subnet2.baseline.patterns.PatternSink.Identified;
import io.subnet2.baseline.patterns.PatternsPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a synthetic dataset with heavy-tailed background and injected instances of all
 * eight shapes: every reported pattern is valid, and recall clears the bar (0.80).
 */
class SyntheticRecallTest {

    @TempDir
    Path dir;

    @Test
    void allPatternsValidAndRecallAboveTheBar() throws Exception {
        SyntheticData.Dataset data = SyntheticData.generate(42, 100_000, 15, 3);
        Path input = Files.createDirectories(dir.resolve("input"));
        Fixtures.writeTransfers(input, data.rows());
        Fixtures.writeLabels(input, data.labels());
        List<Identified> patterns = PatternsPhase.detect(input);
        List<Evaluation.Reported> reported = new ArrayList<>();
        for (Identified p : patterns) {
            reported.add(new Evaluation.Reported(p.type(), List.of(p.addresses())));
        }
        Evaluation strict = Evaluation.of(reported, data, true);
        System.out.println("same-type " + strict);
        assertEquals(1.0, strict.precision(), strict::toString);
        assertTrue(strict.recall() >= 0.8, strict::toString);
        for (int[] tally : strict.foundByType().values()) {
            assertTrue(tally[0] * 10 >= tally[1] * 6, strict::toString); // no type far behind
        }
    }
}
