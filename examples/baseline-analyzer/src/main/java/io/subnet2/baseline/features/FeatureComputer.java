package io.subnet2.baseline.features;

import io.subnet2.baseline.graph.Graph;
import io.subnet2.baseline.graph.Transfers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Per-address features: the contract's required columns (exactly as the validator recomputes them)
 * and further behavioural features. Every loop is linear in the address's own transfers.
 */
public final class FeatureComputer {

    static final long HOUR_MS = 3_600_000L;
    static final long DAY_MS = 86_400_000L;
    /** Structuring thresholds of the threshold_evasion rule, in USD. */
    public static final double[] THRESHOLDS = {10_000, 15_000, 50_000, 100_000};

    private FeatureComputer() {
    }

    /** Computes the column groups in parallel; the column order is fixed. */
    public static FeatureTable compute(Graph g, boolean[] flagged) {
        List<Consumer<FeatureTable>> groups = List.of(table -> required(g, table), table -> amounts(g, table),
                table -> timeline(g, table), table -> counterparties(g, flagged, table), table -> other(g, table));
        List<FeatureTable> parts = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            parts.add(new FeatureTable(g.t.names()));
        }
        IntStream.range(0, groups.size()).parallel().forEach(i -> groups.get(i).accept(parts.get(i)));
        FeatureTable table = new FeatureTable(g.t.names());
        parts.forEach(table::addAll);
        return table;
    }

    private static void other(Graph g, FeatureTable table) {
        Transfers t = g.t;
        int n = g.n;
        int[] assets = new int[n];
        int[] selfTransfers = new int[n];
        if (t.asset() != null) {
            int[] stamp = new int[Math.max(1, t.assetCount())];
            Arrays.fill(stamp, -1);
            for (int a = 0; a < n; a++) {
                assets[a] = countAssets(g.outTx, g.outOff[a], g.outOff[a + 1], t.asset(), stamp, a)
                        + countAssets(g.inTx, g.inOff[a], g.inOff[a + 1], t.asset(), stamp, a);
            }
        }
        for (int i = 0; i < t.size(); i++) {
            if (t.from()[i] == t.to()[i]) {
                selfTransfers[t.from()[i]]++;
            }
        }
        table.add("distinct_assets", assets).add("self_transfer_count", selfTransfers);
    }

    private static void required(Graph g, FeatureTable table) {
        int n = g.n;
        long[] ts = g.t.ts();
        double[] usd = g.t.usd();
        int[] degIn = new int[n];
        int[] degOut = new int[n];
        int[] txIn = new int[n];
        int[] txOut = new int[n];
        double[] totalIn = new double[n];
        double[] totalOut = new double[n];
        int[] unique = new int[n];
        long[] first = new long[n];
        long[] last = new long[n];
        for (int a = 0; a < n; a++) {
            degIn[a] = g.inDegree(a);
            degOut[a] = g.outDegree(a);
            txIn[a] = g.inOff[a + 1] - g.inOff[a];
            txOut[a] = g.outOff[a + 1] - g.outOff[a];
            totalIn[a] = sum(usd, g.inTx, g.inOff[a], g.inOff[a + 1]);
            totalOut[a] = sum(usd, g.outTx, g.outOff[a], g.outOff[a + 1]);
            // und excludes the address itself; a self-transfer makes it its own counterparty
            unique[a] = g.undDegree(a) + (g.hasEdge(a, a) ? 1 : 0);
            first[a] = Long.MAX_VALUE;
            last[a] = Long.MIN_VALUE;
            if (txOut[a] > 0) {
                first[a] = ts[g.outTx[g.outOff[a]]];
                last[a] = ts[g.outTx[g.outOff[a + 1] - 1]];
            }
            if (txIn[a] > 0) {
                first[a] = Math.min(first[a], ts[g.inTx[g.inOff[a]]]);
                last[a] = Math.max(last[a], ts[g.inTx[g.inOff[a + 1] - 1]]);
            }
        }
        table.add("degree_in", degIn).add("degree_out", degOut)
                .add("tx_in_count", txIn).add("tx_out_count", txOut)
                .add("total_in_usd", totalIn).add("total_out_usd", totalOut)
                .add("unique_counterparties", unique)
                .add("first_activity_timestamp", first).add("last_activity_timestamp", last);
    }

    private static void amounts(Graph g, FeatureTable table) {
        int n = g.n;
        double[] usd = g.t.usd();
        double[] volume = new double[n];
        double[] net = new double[n];
        double[] avgIn = new double[n];
        double[] avgOut = new double[n];
        double[] maxIn = new double[n];
        double[] maxOut = new double[n];
        double[] roundRatio = new double[n];
        int[] nearThreshold = new int[n];
        for (int a = 0; a < n; a++) {
            int inCount = g.inOff[a + 1] - g.inOff[a];
            int outCount = g.outOff[a + 1] - g.outOff[a];
            double in = sum(usd, g.inTx, g.inOff[a], g.inOff[a + 1]);
            double out = sum(usd, g.outTx, g.outOff[a], g.outOff[a + 1]);
            volume[a] = in + out;
            net[a] = in - out;
            avgIn[a] = inCount == 0 ? 0 : in / inCount;
            avgOut[a] = outCount == 0 ? 0 : out / outCount;
            int round = 0;
            for (int i = g.inOff[a]; i < g.inOff[a + 1]; i++) {
                maxIn[a] = Math.max(maxIn[a], usd[g.inTx[i]]);
                round += isRound(usd[g.inTx[i]]) ? 1 : 0;
            }
            for (int i = g.outOff[a]; i < g.outOff[a + 1]; i++) {
                double v = usd[g.outTx[i]];
                maxOut[a] = Math.max(maxOut[a], v);
                round += isRound(v) ? 1 : 0;
                nearThreshold[a] += nearThreshold(v) >= 0 ? 1 : 0;
            }
            roundRatio[a] = inCount + outCount == 0 ? 0 : (double) round / (inCount + outCount);
        }
        table.add("total_volume_usd", volume).add("net_flow_usd", net)
                .add("avg_in_usd", avgIn).add("avg_out_usd", avgOut)
                .add("max_in_usd", maxIn).add("max_out_usd", maxOut)
                .add("round_amount_ratio", roundRatio).add("near_threshold_out_count", nearThreshold);
    }

    /** Index of the threshold T with usd in [0.8T, T) (with a safety margin), or -1. */
    public static int nearThreshold(double usd) {
        for (int k = 0; k < THRESHOLDS.length; k++) {
            double t = THRESHOLDS[k];
            if (usd >= 0.8 * t + 1e-6 && usd < t - 1e-6) {
                return k;
            }
        }
        return -1;
    }

    private static boolean isRound(double usd) {
        return usd >= 100 && Math.abs(usd - Math.rint(usd / 100) * 100) < 0.005;
    }

    /** Features of the address's merged in/out timeline. */
    private static void timeline(Graph g, FeatureTable table) {
        int n = g.n;
        long[] ts = g.t.ts();
        int[] txCount = new int[n];
        double[] span = new double[n];
        int[] activeHours = new int[n];
        int[] activeDays = new int[n];
        double[] perDay = new double[n];
        double[] meanGap = new double[n];
        double[] burstiness = new double[n];
        int[] max1h = new int[n];
        double[] night = new double[n];
        double[] weekend = new double[n];
        long[] merged = new long[16];
        for (int a = 0; a < n; a++) {
            int k = g.outOff[a + 1] - g.outOff[a] + g.inOff[a + 1] - g.inOff[a];
            if (merged.length < k) {
                merged = new long[Math.max(k, merged.length * 2)];
            }
            int m = 0;
            int i1 = g.outOff[a];
            int i2 = g.inOff[a];
            while (i1 < g.outOff[a + 1] || i2 < g.inOff[a + 1]) { // both lists are in time order
                long x = i1 < g.outOff[a + 1] ? ts[g.outTx[i1]] : Long.MAX_VALUE;
                long y = i2 < g.inOff[a + 1] ? ts[g.inTx[i2]] : Long.MAX_VALUE;
                if (x <= y) {
                    merged[m++] = x;
                    i1++;
                } else {
                    merged[m++] = y;
                    i2++;
                }
            }
            txCount[a] = m;
            if (m == 0) {
                continue;
            }
            span[a] = (merged[m - 1] - merged[0]) / 1000.0;
            perDay[a] = m / Math.max(1.0, span[a] / 86_400.0);
            int nights = 0;
            int weekends = 0;
            int window = 0;
            double gapSum = 0;
            double gapSq = 0;
            for (int i = 0; i < m; i++) {
                long hour = Math.floorDiv(merged[i], HOUR_MS);
                long day = Math.floorDiv(merged[i], DAY_MS);
                if (i == 0 || hour != Math.floorDiv(merged[i - 1], HOUR_MS)) {
                    activeHours[a]++;
                }
                if (i == 0 || day != Math.floorDiv(merged[i - 1], DAY_MS)) {
                    activeDays[a]++;
                }
                nights += Math.floorMod(hour, 24) < 6 ? 1 : 0;
                weekends += Math.floorMod(day + 3, 7) >= 5 ? 1 : 0; // 1970-01-01 was a Thursday
                while (merged[i] - merged[window] >= HOUR_MS) {
                    window++;
                }
                max1h[a] = Math.max(max1h[a], i - window + 1);
                if (i > 0) {
                    double gap = (merged[i] - merged[i - 1]) / 1000.0;
                    gapSum += gap;
                    gapSq += gap * gap;
                }
            }
            night[a] = (double) nights / m;
            weekend[a] = (double) weekends / m;
            if (m >= 2) {
                double mu = gapSum / (m - 1);
                double sigma = Math.sqrt(Math.max(0, gapSq / (m - 1) - mu * mu));
                meanGap[a] = mu;
                burstiness[a] = m >= 3 && sigma + mu > 0 ? (sigma - mu) / (sigma + mu) : 0;
            }
        }
        table.add("tx_count", txCount).add("activity_span_seconds", span)
                .add("active_hours", activeHours).add("active_days", activeDays)
                .add("tx_per_day", perDay).add("mean_interevent_seconds", meanGap)
                .add("burstiness", burstiness).add("max_tx_in_1h", max1h)
                .add("night_tx_ratio", night).add("weekend_tx_ratio", weekend);
    }

    private static void counterparties(Graph g, boolean[] flagged, FeatureTable table) {
        int n = g.n;
        int[] reciprocal = new int[n];
        double[] reciprocity = new double[n];
        double[] fanIn = new double[n];
        double[] fanOut = new double[n];
        double[] inOutTx = new double[n];
        int[] flaggedNeighbours = new int[n];
        for (int a = 0; a < n; a++) {
            int i = g.outNbrOff[a];
            int j = g.inNbrOff[a];
            while (i < g.outNbrOff[a + 1] && j < g.inNbrOff[a + 1]) {
                int x = g.outNbr[i];
                int y = g.inNbr[j];
                if (x == y) {
                    reciprocal[a] += x == a ? 0 : 1;
                    i++;
                    j++;
                } else if (x < y) {
                    i++;
                } else {
                    j++;
                }
            }
            reciprocity[a] = g.undDegree(a) == 0 ? 0 : (double) reciprocal[a] / g.undDegree(a);
            fanIn[a] = (double) g.inDegree(a) / Math.max(1, g.outDegree(a));
            fanOut[a] = (double) g.outDegree(a) / Math.max(1, g.inDegree(a));
            inOutTx[a] = (double) (g.inOff[a + 1] - g.inOff[a]) / Math.max(1, g.outOff[a + 1] - g.outOff[a]);
            for (int k = g.undOff[a]; k < g.undOff[a + 1]; k++) {
                flaggedNeighbours[a] += flagged[g.und[k]] ? 1 : 0;
            }
        }
        table.add("reciprocal_counterparties", reciprocal).add("reciprocity_ratio", reciprocity)
                .add("fan_in_ratio", fanIn).add("fan_out_ratio", fanOut).add("in_out_tx_ratio", inOutTx)
                .add("is_flagged", flagged.clone()).add("flagged_counterparties", flaggedNeighbours);
    }

    private static int countAssets(int[] list, int from, int to, int[] asset, int[] stamp, int a) {
        int count = 0;
        for (int i = from; i < to; i++) {
            int x = asset[list[i]];
            if (stamp[x] != a) {
                stamp[x] = a;
                count++;
            }
        }
        return count;
    }

    private static double sum(double[] usd, int[] list, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += usd[list[i]];
        }
        return s;
    }
}
