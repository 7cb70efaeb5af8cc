package io.subnet2.baseline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded stand-in for the project's generator (which is written elsewhere): heavy-tailed
 * background traffic (a few hubs, power-law activity, log-normal amounts) plus injected instances
 * of the eight pattern shapes described in the baseline's task. Used by tests and the benchmark.
 */
public final class SyntheticData {

    public record Instance(String type, List<String> addresses) {
    }

    public record Dataset(List<Fixtures.Row> rows, Map<String, List<String>> labels, List<Instance> instances) {
    }

    private static final long MIN = 60_000L;
    private static final long HOUR = 60 * MIN;
    private static final double[] THRESHOLDS = {10_000, 15_000, 50_000, 100_000};
    private static final String[] FLAG_TYPES = {"sanctions", "exploit", "mixer", "darknet"};

    private final Random random;
    private final long start = Scenario.T0;
    private final long window;
    private final String[] background;
    private final List<Fixtures.Row> rows = new ArrayList<>();
    private final Map<String, List<String>> labels = new LinkedHashMap<>();
    private final List<Instance> instances = new ArrayList<>();

    /** Probability that a pattern member is an existing background address rather than a fresh one. */
    private final double reuse;

    private SyntheticData(long seed, int transfers, int days, double reuse) {
        this.random = new Random(seed);
        this.reuse = reuse;
        this.window = days * 24 * HOUR;
        this.background = new String[Math.max(50, transfers / 8)];
        for (int i = 0; i < background.length; i++) {
            background[i] = address();
        }
    }

    /** {@code transfers} background rows plus {@code perType} instances of each type. */
    public static Dataset generate(long seed, int transfers, int perType, int days) {
        return generate(seed, transfers, perType, days, 0);
    }

    /** As above; {@code reuse} of the pattern members are drawn from the background (harder). */
    public static Dataset generate(long seed, int transfers, int perType, int days, double reuse) {
        SyntheticData g = new SyntheticData(seed, transfers, days, reuse);
        g.background(transfers);
        for (int i = 0; i < perType; i++) {
            g.cycle();
            g.layering(i % 2 == 1);
            g.motif(true);
            g.motif(false);
            g.smurfing();
            g.proximity();
            g.burst();
            g.threshold();
        }
        g.labelBackground(Math.max(5, perType));
        return new Dataset(g.rows, g.labels, g.instances);
    }

    private void background(int transfers) {
        int hubs = Math.min(50, background.length / 10);
        for (int i = 0; i < transfers; i++) {
            String from = pick(hubs);
            String to = pick(hubs);
            if (from.equals(to)) {
                continue;
            }
            add(from, to, start + (long) (random.nextDouble() * window), logNormal(300, 1.8));
        }
    }

    /** 30% a hub (Zipf-like among hubs), else a power-law pick over all addresses. */
    private String pick(int hubs) {
        if (random.nextDouble() < 0.3) {
            return background[(int) (hubs * Math.pow(random.nextDouble(), 2))];
        }
        return background[(int) (background.length * Math.pow(random.nextDouble(), 3))];
    }

    private void cycle() {
        int k = 3 + random.nextInt(4);
        List<String> a = members(k);
        long t = time(12 * HOUR);
        double amount = logNormal(20_000, 1.0);
        for (int i = 0; i < k; i++) {
            add(a.get(i), a.get((i + 1) % k), t, amount * (1 - 0.01 * i) * (0.99 + 0.02 * random.nextDouble()));
            t += 10 * MIN + (long) (random.nextDouble() * 110 * MIN);
        }
        instances.add(new Instance("cycle", a));
    }

    private void layering(boolean peel) {
        int k = 4 + random.nextInt(5);
        List<String> chain = members(k);
        List<String> all = new ArrayList<>(chain);
        long t = time(30 * HOUR);
        double amount = logNormal(50_000, 1.0);
        for (int i = 0; i + 1 < k; i++) {
            if (peel) {
                String side = member();
                all.add(side);
                add(chain.get(i), side, t, amount * (0.05 + 0.05 * random.nextDouble()));
            }
            amount *= 0.9 + 0.09 * random.nextDouble();
            add(chain.get(i), chain.get(i + 1), t + MIN, amount);
            t += 10 * MIN + (long) (random.nextDouble() * 4 * HOUR);
        }
        instances.add(new Instance("layering_path", all));
    }

    private void motif(boolean fanIn) {
        String center = member();
        int m = 5 + random.nextInt(11);
        List<String> all = new ArrayList<>(List.of(center));
        long t = time(24 * HOUR);
        for (int i = 0; i < m; i++) {
            String other = random.nextDouble() < 0.2 ? background[random.nextInt(background.length)] : member();
            if (all.contains(other)) {
                continue;
            }
            all.add(other);
            long ts = t + (long) (random.nextDouble() * 24 * HOUR);
            add(fanIn ? other : center, fanIn ? center : other, ts, logNormal(2_000, 1.0));
        }
        instances.add(new Instance(fanIn ? "motif_fanin" : "motif_fanout", all));
    }

    private void smurfing() {
        String source = member();
        int s = 5 + random.nextInt(6);
        List<String> smurfs = members(s);
        List<String> collectors = members(1 + random.nextInt(2));
        long t = time(30 * HOUR);
        for (String smurf : smurfs) {
            add(source, smurf, t + (long) (random.nextDouble() * HOUR), 5_000 + 4_900 * random.nextDouble());
            int pays = 1 + random.nextInt(2);
            for (int p = 0; p < pays; p++) {
                String c = collectors.get(random.nextInt(collectors.size()));
                add(smurf, c, t + 2 * HOUR + (long) (random.nextDouble() * 6 * HOUR), 2_000 + 7_900 * random.nextDouble());
            }
        }
        List<String> all = new ArrayList<>(List.of(source));
        all.addAll(smurfs);
        all.addAll(collectors);
        instances.add(new Instance("smurfing_network", all));
    }

    private void proximity() {
        String flagged = member();
        labels.put(flagged, List.of("flagged", FLAG_TYPES[random.nextInt(4)], "critical"));
        List<String> all = new ArrayList<>(List.of(flagged));
        int hops = 1 + random.nextInt(3);
        String previous = flagged;
        long t = time(40 * HOUR);
        for (int h = 0; h < hops; h++) {
            String next = member();
            boolean towards = random.nextBoolean();
            add(towards ? next : previous, towards ? previous : next, t + h * HOUR, logNormal(3_000, 1.0));
            all.add(next);
            previous = next;
        }
        if (random.nextBoolean()) { // the outermost address also trades with the background
            add(previous, background[random.nextInt(background.length)], t + 5 * HOUR, logNormal(500, 1.0));
        }
        instances.add(new Instance("proximity_risk", all));
    }

    private void burst() {
        String a = random.nextBoolean() ? member() : background[background.length / 2 + random.nextInt(background.length / 2)];
        int n = 15 + random.nextInt(26);
        List<String> all = new ArrayList<>(List.of(a));
        long t = time(HOUR);
        for (int i = 0; i < n; i++) {
            String other = member();
            all.add(other);
            boolean out = random.nextBoolean();
            add(out ? a : other, out ? other : a, t + (long) (random.nextDouble() * 30 * MIN), logNormal(200, 1.0));
        }
        instances.add(new Instance("temporal_burst", all));
    }

    private void threshold() {
        String sender = member();
        double limit = THRESHOLDS[random.nextInt(THRESHOLDS.length)];
        int n = 6 + random.nextInt(7);
        List<String> all = new ArrayList<>(List.of(sender));
        for (int i = 0; i < n; i++) {
            String to = random.nextDouble() < 0.3 ? background[random.nextInt(background.length)] : member();
            if (!all.contains(to)) {
                all.add(to);
            }
            add(sender, to, time(0), limit * (0.85 + 0.14 * random.nextDouble()));
        }
        instances.add(new Instance("threshold_evasion", all));
    }

    /** Non-flagged labels on background addresses, and a few flagged ones (not instances). */
    private void labelBackground(int count) {
        for (int i = 0; i < count; i++) {
            labels.put(background[random.nextInt(background.length)], List.of("exchange", "cex", "low"));
        }
        labels.put(background[background.length - 1], List.of("flagged", "mixer", "high"));
    }

    private void add(String from, String to, long ts, double usd) {
        rows.add(new Fixtures.Row(from, to, ts, Math.round(usd * 100) / 100.0));
    }

    private long time(long reserve) {
        return start + (long) (random.nextDouble() * Math.max(HOUR, window - reserve));
    }

    private double logNormal(double median, double sigma) {
        return Math.min(5_000_000, median * Math.exp(sigma * random.nextGaussian()));
    }

    private String member() {
        return random.nextDouble() < reuse ? background[random.nextInt(background.length)] : address();
    }

    private List<String> members(int n) {
        List<String> out = new ArrayList<>(n);
        while (out.size() < n) {
            String a = member();
            if (!out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    private String address() {
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < 40; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }
}
