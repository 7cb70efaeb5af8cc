package io.subnet2.baseline.patterns;

import io.subnet2.baseline.graph.Graph;

/** A rule-based detector of one or more pattern types; must be deterministic and bounded. */
public interface Detector {

    /** Upper bound on the patterns one detector keeps (most confident first). */
    int DEFAULT_CAP = 20_000;

    String name();

    void run(Graph g, PatternSink sink);

    default int cap() {
        return DEFAULT_CAP;
    }
}
