package io.subnet2.validator.dataset;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.generic.GenericRecord;

/**
 * What a cheater can compute per address from the input files alone (no secret, no ground truth):
 * the leak audit's statistics. Test-side and independent of the generator; an address is an index
 * into {@link #addresses()}.
 */
final class AddressStatistics {

    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 24 * HOUR_MS;

    /** Per-address accumulator over the transfers. */
    private static final class Activity {
        final Set<Integer> senders = new HashSet<>();
        final Set<Integer> receivers = new HashSet<>();
        final Set<String> assets = new HashSet<>();
        final List<Long> times = new ArrayList<>();
        int txIn;
        int txOut;
        int firstRow = -1;
        int round;
        int nativeAsset;
        int multiEvent;
        int night;
        double logUsd;
        double maxUsd;
    }

    private final List<String> addresses = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Activity> activity = new ArrayList<>();
    private final List<int[]> edges = new ArrayList<>();
    private final Set<String> labelled = new HashSet<>();
    private final Map<String, double[]> statistics = new LinkedHashMap<>();

    AddressStatistics(Path transfers, Path labels) throws IOException {
        List<GenericRecord> rows = TransferTable.records(transfers);
        Map<String, Integer> rowsPerTx = new HashMap<>();
        for (GenericRecord r : rows) {
            rowsPerTx.merge(TransferTable.s(r, "tx_id"), 1, Integer::sum);
        }
        for (int row = 0; row < rows.size(); row++) {
            GenericRecord r = rows.get(row);
            int from = intern(TransferTable.s(r, "from_address"), row);
            int to = intern(TransferTable.s(r, "to_address"), row);
            edges.add(new int[] {from, to});
            activity.get(from).receivers.add(to);
            activity.get(from).txOut++;
            activity.get(to).senders.add(from);
            activity.get(to).txIn++;
            long time = (Long) r.get("block_timestamp");
            BigDecimal usd = TransferTable.decimal(r, "amount_usd");
            boolean multi = rowsPerTx.get(TransferTable.s(r, "tx_id")) > 1;
            boolean isNative = TransferTable.s(r, "asset_contract").matches("0x0+");
            for (int a : new int[] {from, to}) {
                Activity act = activity.get(a);
                act.times.add(time);
                act.assets.add(TransferTable.s(r, "asset_symbol"));
                act.round += usd.stripTrailingZeros().scale() <= 0 ? 1 : 0;
                act.nativeAsset += isNative ? 1 : 0;
                act.multiEvent += multi ? 1 : 0;
                act.night += (time % DAY_MS) < 6 * HOUR_MS ? 1 : 0;
                act.logUsd += Math.log(usd.doubleValue());
                act.maxUsd = Math.max(act.maxUsd, usd.doubleValue());
            }
        }
        for (GenericRecord r : TransferTable.records(labels)) {
            labelled.add(TransferTable.s(r, "address"));
        }
        compute();
    }

    List<String> addresses() {
        return addresses;
    }

    /** Statistic name to one value per address, in a fixed order. */
    Map<String, double[]> statistics() {
        return statistics;
    }

    int counterparties(int address) {
        Set<Integer> all = new HashSet<>(activity.get(address).senders);
        all.addAll(activity.get(address).receivers);
        return all.size();
    }

    /** Every transfer as (from, to) address indexes, in file order. */
    List<int[]> edges() {
        return edges;
    }

    private int intern(String address, int row) {
        Integer id = index.get(address);
        if (id == null) {
            id = addresses.size();
            index.put(address, id);
            addresses.add(address);
            Activity act = new Activity();
            act.firstRow = row;
            activity.add(act);
        }
        return id;
    }

    private void compute() {
        int n = addresses.size();
        int[] component = UnionFind.componentSizes(n, edges);
        List<String> sorted = new ArrayList<>(addresses);
        sorted.sort(null);
        Map<String, Integer> lexical = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            lexical.put(sorted.get(i), i);
        }
        int busiest = 0;
        for (int a = 0; a < n; a++) {
            Activity act = activity.get(a);
            act.times.sort(null);
            if (act.txIn + act.txOut > activity.get(busiest).txIn + activity.get(busiest).txOut) {
                busiest = a;
            }
        }
        long busiestMix = V1Ids.unmix(addresses.get(busiest));
        put("degree_in", a -> activity.get(a).senders.size());
        put("degree_out", a -> activity.get(a).receivers.size());
        put("tx_in", a -> activity.get(a).txIn);
        put("tx_out", a -> activity.get(a).txOut);
        put("unique_counterparties", this::counterparties);
        put("first_activity", a -> activity.get(a).times.get(0));
        put("last_activity", a -> last(activity.get(a).times));
        put("active_span", a -> last(activity.get(a).times) - activity.get(a).times.get(0));
        put("first_row", a -> activity.get(a).firstRow);
        put("lexical_rank", a -> lexical.get(addresses.get(a)));
        put("v1_unmixed_id", a -> V1Ids.unmix(addresses.get(a)) ^ busiestMix);
        put("round_usd_share", a -> share(a, activity.get(a).round));
        put("round_usd_transfers", a -> activity.get(a).round);
        put("component_size", a -> component[a]);
        put("has_label", a -> labelled.contains(addresses.get(a)) ? 1 : 0);
        put("native_asset_share", a -> share(a, activity.get(a).nativeAsset));
        put("distinct_assets", a -> activity.get(a).assets.size());
        put("multi_event_tx_share", a -> share(a, activity.get(a).multiEvent));
        put("night_share", a -> share(a, activity.get(a).night));
        put("mean_log_usd", a -> activity.get(a).logUsd / activity.get(a).times.size());
        put("max_usd", a -> activity.get(a).maxUsd);
        put("max_transfers_per_hour", a -> maxInWindow(activity.get(a).times, HOUR_MS));
    }

    private interface Statistic {
        double of(int address);
    }

    private void put(String name, Statistic statistic) {
        double[] values = new double[addresses.size()];
        for (int a = 0; a < values.length; a++) {
            values[a] = statistic.of(a);
        }
        statistics.put(name, values);
    }

    private double share(int address, int count) {
        return (double) count / activity.get(address).times.size();
    }

    private static long last(List<Long> times) {
        return times.get(times.size() - 1);
    }

    private static int maxInWindow(List<Long> times, long window) {
        int best = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (times.get(end) - times.get(start) >= window) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }

    /** The v1 generator's address mix (SplitMix64's finalizer of id ^ salt), inverted: the v1 break. */
    static final class V1Ids {
        private static final long INVERSE_1 = inverse(0xbf58476d1ce4e5b9L);
        private static final long INVERSE_2 = inverse(0x94d049bb133111ebL);

        private V1Ids() {
        }

        static long unmix(String address) {
            long z = Long.parseUnsignedLong(address.substring(2, 18), 16);
            z ^= (z >>> 31) ^ (z >>> 62);
            z *= INVERSE_2;
            z ^= (z >>> 27) ^ (z >>> 54);
            z *= INVERSE_1;
            z ^= (z >>> 30) ^ (z >>> 60);
            return z;
        }

        private static long inverse(long odd) {
            long x = odd;
            for (int i = 0; i < 6; i++) {
                x *= 2 - odd * x;
            }
            return x;
        }
    }

    /** Sizes of the connected components of the undirected graph, per address. */
    static final class UnionFind {
        private UnionFind() {
        }

        static int[] componentSizes(int n, List<int[]> edges) {
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
            for (int[] e : edges) {
                parent[find(parent, e[0])] = find(parent, e[1]);
            }
            int[] size = new int[n];
            for (int i = 0; i < n; i++) {
                size[find(parent, i)]++;
            }
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = size[find(parent, i)];
            }
            return out;
        }

        static int find(int[] parent, int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }
    }
}
