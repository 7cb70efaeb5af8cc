package io.subnet2.validator.scoring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * The transfer graph as a cheater sees it: only {@code transfers.parquet} of the input folder (what
 * every analyzer gets), no secret, no ground truth. Addresses are ids in order of their string
 * (deterministic); edges keep every transfer's timestamp.
 */
final class TransferGraph {

    final List<String> names;
    /** Per address: distinct receivers / senders, sorted. */
    final int[][] out;
    final int[][] in;
    /** Per address: distinct counterparties (either direction), sorted. */
    final int[][] both;
    /** Per address and out-neighbour index: that edge's transfer timestamps, sorted. */
    final long[][][] outTimes;

    private TransferGraph(List<String> names, int[][] out, int[][] in, int[][] both, long[][][] outTimes) {
        this.names = names;
        this.out = out;
        this.in = in;
        this.both = both;
        this.outTimes = outTimes;
    }

    static TransferGraph read(Path transfers) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                new LocalInputFile(transfers)).build()) {
            for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                String from = r.get("from_address").toString();
                String to = r.get("to_address").toString();
                rows.add(new String[] {from, to});
                times.add((Long) r.get("block_timestamp"));
                all.add(from);
                all.add(to);
            }
        }
        List<String> names = new ArrayList<>(all);
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            ids.put(names.get(i), i);
        }
        int n = names.size();
        List<Map<Integer, List<Long>>> outEdges = new ArrayList<>();
        List<TreeSet<Integer>> inEdges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            outEdges.add(new java.util.TreeMap<>());
            inEdges.add(new TreeSet<>());
        }
        for (int k = 0; k < rows.size(); k++) {
            int a = ids.get(rows.get(k)[0]);
            int b = ids.get(rows.get(k)[1]);
            outEdges.get(a).computeIfAbsent(b, x -> new ArrayList<>()).add(times.get(k));
            inEdges.get(b).add(a);
        }
        int[][] out = new int[n][];
        int[][] in = new int[n][];
        int[][] both = new int[n][];
        long[][][] outTimes = new long[n][][];
        for (int a = 0; a < n; a++) {
            Map<Integer, List<Long>> edges = outEdges.get(a);
            out[a] = edges.keySet().stream().mapToInt(Integer::intValue).toArray();
            outTimes[a] = new long[out[a].length][];
            int j = 0;
            for (List<Long> ts : edges.values()) {
                outTimes[a][j++] = ts.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            in[a] = inEdges.get(a).stream().mapToInt(Integer::intValue).toArray();
            TreeSet<Integer> counterparties = new TreeSet<>(edges.keySet());
            counterparties.addAll(inEdges.get(a));
            counterparties.remove(a);
            both[a] = counterparties.stream().mapToInt(Integer::intValue).toArray();
        }
        return new TransferGraph(names, out, in, both, outTimes);
    }

    int size() {
        return names.size();
    }

    /** Distinct counterparties. */
    int degree(int a) {
        return both[a].length;
    }

    boolean hasEdge(int a, int b) {
        return Arrays.binarySearch(out[a], b) >= 0;
    }

    /** The earliest transfer a→b at or after {@code time}, or Long.MAX_VALUE. */
    long earliestEdge(int a, int b, long time) {
        int j = Arrays.binarySearch(out[a], b);
        if (j < 0) {
            return Long.MAX_VALUE;
        }
        for (long t : outTimes[a][j]) {
            if (t >= time) {
                return t;
            }
        }
        return Long.MAX_VALUE;
    }

    List<String> names(int[] ids) {
        List<String> list = new ArrayList<>(ids.length);
        for (int id : ids) {
            list.add(names.get(id));
        }
        return list;
    }

    /**
     * Connected pieces of at most {@code cap} addresses covering the addresses {@code keep} allows
     * (edges either direction, both ends kept): each grown breadth-first from the lowest unassigned
     * address through unassigned ones, so every piece is connected.
     */
    List<int[]> connectedPieces(java.util.function.IntPredicate keep, int cap) {
        boolean[] assigned = new boolean[size()];
        List<int[]> pieces = new ArrayList<>();
        int[] queue = new int[size()];
        for (int seed = 0; seed < size(); seed++) {
            if (assigned[seed] || !keep.test(seed)) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = seed;
            assigned[seed] = true;
            while (head < tail && tail < cap) {
                int a = queue[head++];
                for (int b : both[a]) {
                    if (tail < cap && !assigned[b] && keep.test(b)) {
                        assigned[b] = true;
                        queue[tail++] = b;
                    }
                }
            }
            pieces.add(Arrays.copyOf(queue, tail));
        }
        return pieces;
    }
}
