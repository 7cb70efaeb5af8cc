package io.subnet2.validator.dataset.internal;

import static io.subnet2.validator.dataset.GroundTruthRow.CENTER;
import static io.subnet2.validator.dataset.GroundTruthRow.COLLECTOR;
import static io.subnet2.validator.dataset.GroundTruthRow.COUNTERPART;
import static io.subnet2.validator.dataset.GroundTruthRow.FLAGGED;
import static io.subnet2.validator.dataset.GroundTruthRow.INTERMEDIATE;
import static io.subnet2.validator.dataset.GroundTruthRow.MEMBER;
import static io.subnet2.validator.dataset.GroundTruthRow.RECEIVER;
import static io.subnet2.validator.dataset.GroundTruthRow.SINK;
import static io.subnet2.validator.dataset.GroundTruthRow.SMURF;
import static io.subnet2.validator.dataset.GroundTruthRow.SOURCE;
import static io.subnet2.validator.dataset.GroundTruthRow.SPOKE;
import static io.subnet2.validator.dataset.GroundTruthRow.TARGET;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;

import io.subnet2.validator.dataset.PatternType;
import io.subnet2.validator.dataset.internal.Instance.Member;

/**
 * Builds the injected instances (shapes in docs/dataset.md) and the transfers that realise them, on
 * placeholder slots later hosted on ordinary population addresses. Every shape satisfies its type's
 * verification rule by construction; the hosts' background transfers only add edges, which no rule
 * forbids.
 */
public final class PatternInjector {

    public static final List<String> FLAG_SUBTYPES = List.of("sanctions", "exploit", "mixer", "darknet");
    private static final long MINUTE = 60;
    private static final long HOUR = 3600;
    private static final long[] THRESHOLDS = {10_000, 15_000, 50_000, 100_000};

    /** Flagged sources created for proximity_risk instances (address number and subtype). */
    public record Flag(long address, String subtype) {
    }

    /** Instances, their transfers sorted by block, and the flagged addresses to label. */
    public record Result(List<Instance> instances, List<InjectedTransfer> transfers, List<Flag> flags) {
    }

    private final InjectionContext ctx;
    private final List<Instance> instances = new ArrayList<>();
    private final List<Flag> flags = new ArrayList<>();

    PatternInjector(TimeGrid grid, ActivityCurve curve, AddressBook book, NetworkProfile profile,
                    SplittableRandom random) {
        this.ctx = new InjectionContext(grid, curve, book, profile, random);
    }

    /** Instances per type for a dataset of {@code transfers}: about one instance per 500 transfers. */
    public static int instancesPerType(long transfers) {
        return (int) Math.max(3, Math.min(2000, Math.round(transfers / 4000.0)));
    }

    /**
     * Builds {@code perType} instances of every type on placeholder slots, then hosts the slots on
     * population addresses and thins the hosts' background draws ({@link HostAssigner}) for a dataset
     * of {@code totalTransfers}.
     */
    Result inject(int perType, long totalTransfers) {
        for (int i = 0; i < perType; i++) {
            for (PatternType type : PatternType.values()) {
                String id = type.id() + "-" + String.format(Locale.ROOT, "%05d", i);
                switch (type) {
                    case CYCLE -> cycle(id);
                    case LAYERING_PATH -> layering(id);
                    case MOTIF_FANIN -> fanIn(id);
                    case MOTIF_FANOUT -> fanOut(id);
                    case SMURFING_NETWORK -> smurfing(id);
                    case PROXIMITY_RISK -> proximity(id);
                    case TEMPORAL_BURST -> burst(id);
                    case THRESHOLD_EVASION -> threshold(id);
                }
            }
        }
        long background = Math.max(0, totalTransfers - ctx.transfers.size());
        HostAssigner.Hosting hosting = HostAssigner.host(ctx.book, ctx.slots(), ctx.hubs(), background,
                ctx.transfers, ctx.random);
        ctx.book.thin(hosting.skipAsSender(), hosting.skipAsReceiver());
        int population = ctx.book.population();
        LongUnaryOperator host = id -> hosting.map(id, population);
        List<InjectedTransfer> sorted = new ArrayList<>();
        for (InjectedTransfer t : ctx.transfers) {
            sorted.add(t.remap(host));
        }
        sorted.sort(Comparator.comparingInt(InjectedTransfer::block));
        return new Result(instances.stream().map(instance -> instance.remap(host)).toList(), sorted,
                flags.stream().map(flag -> new Flag(host.applyAsLong(flag.address()), flag.subtype())).toList());
    }

    private void add(PatternType type, String id, List<Member> members) {
        instances.add(new Instance(type, id, List.copyOf(members), -1, null));
    }

    private long[] slots(int count) {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = ctx.slot();
        }
        return ids;
    }

    private static List<Member> members(long[] addresses, String role) {
        List<Member> list = new ArrayList<>();
        for (long address : addresses) {
            list.add(new Member(address, role, null));
        }
        return list;
    }

    /** a1 -> a2 -> ... -> ak -> a1, similar amounts, hops 10 min to 3 h apart. */
    private void cycle(String id) {
        long[] m = slots(ctx.between(3, 6));
        int asset = ctx.asset();
        long usd = Amounts.usdMicrosAtLeast(ctx.random, 1_000);
        int block = ctx.start(m.length * ctx.grid.blocks(3 * HOUR));
        ctx.fund(m[0], block, usd + usd / 50);
        for (int i = 0; i < m.length; i++) {
            ctx.emit(block, m[i], m[(i + 1) % m.length], asset, usd);
            usd -= (long) (usd * (0.002 + 0.008 * ctx.random.nextDouble()));
            block += ctx.gap(10 * MINUTE, 3 * HOUR);
        }
        add(PatternType.CYCLE, id, members(m, MEMBER));
    }

    /** Path of 4..8 with strictly later hops and shrinking amounts; half are peel chains. */
    private void layering(String id) {
        long[] p = slots(ctx.between(4, 8));
        boolean peel = ctx.random.nextBoolean();
        int asset = ctx.asset();
        long usd = Amounts.usdMicrosAtLeast(ctx.random, 5_000);
        int block = ctx.start(p.length * ctx.grid.blocks(3 * HOUR));
        ctx.fund(p[0], block, usd);
        for (int i = 0; i + 1 < p.length; i++) {
            if (peel) {
                long side = ctx.slot();
                long peeled = (long) (usd * (0.05 + 0.05 * ctx.random.nextDouble()));
                ctx.emit(block, p[i], side, asset, peeled);
                usd -= peeled;
            }
            usd -= (long) (usd * (0.005 + 0.025 * ctx.random.nextDouble()));
            ctx.emit(block, p[i], p[i + 1], asset, usd);
            block += ctx.gap(5 * MINUTE, 3 * HOUR);
        }
        ctx.cashOut(p[p.length - 1], block, usd);
        List<Member> list = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            String role = i == 0 ? SOURCE : i == p.length - 1 ? SINK : INTERMEDIATE;
            list.add(new Member(p[i], role, null));
        }
        add(PatternType.LAYERING_PATH, id, list);
    }

    /** 5..15 distinct senders pay one center within a day; the center then forwards to a hub. */
    private void fanIn(String id) {
        long center = ctx.slot();
        long[] senders = slots(ctx.between(5, 15));
        int window = ctx.span(24 * HOUR);
        int start = ctx.start(window);
        long total = 0;
        int last = start;
        for (long sender : senders) {
            long usd = Amounts.usdMicros(ctx.random);
            int block = start + ctx.random.nextInt(window);
            ctx.emit(block, sender, center, ctx.asset(), usd);
            total += usd;
            last = Math.max(last, block);
        }
        ctx.cashOut(center, last, total);
        add(PatternType.MOTIF_FANIN, id, spokes(center, senders));
    }

    /** A hub funds one center, which pays 5..15 distinct receivers within a day. */
    private void fanOut(String id) {
        long center = ctx.slot();
        long[] receivers = slots(ctx.between(5, 15));
        int window = ctx.span(24 * HOUR);
        int start = ctx.start(window);
        long total = 0;
        for (long receiver : receivers) {
            long usd = Amounts.usdMicros(ctx.random);
            ctx.emit(start + ctx.random.nextInt(window), center, receiver, ctx.asset(), usd);
            total += usd;
        }
        ctx.fund(center, start, total);
        add(PatternType.MOTIF_FANOUT, id, spokes(center, receivers));
    }

    private static List<Member> spokes(long center, long[] others) {
        List<Member> list = new ArrayList<>();
        list.add(new Member(center, CENTER, null));
        list.addAll(members(others, SPOKE));
        return list;
    }

    /** A source splits into 5..10 smurfs, each forwarding sub-10k amounts to 1 or 2 collectors. */
    private void smurfing(String id) {
        long source = ctx.slot();
        long[] smurfs = slots(ctx.between(5, 10));
        long[] collectors = slots(ctx.between(1, 2));
        int asset = ctx.asset();
        int window = ctx.span(18 * HOUR);
        int start = ctx.start(window);
        long total = 0;
        for (int i = 0; i < smurfs.length; i++) {
            long usd = Amounts.uniformMicros(ctx.random, 3_000, 9_990);
            total += usd;
            int sent = start + ctx.random.nextInt(Math.max(1, window / 3));
            ctx.emit(sent, source, smurfs[i], asset, usd);
            int forward = sent + ctx.gap(30 * MINUTE, 6 * HOUR);
            long kept = usd - usd / 100;
            if (collectors.length == 2 && ctx.random.nextBoolean()) {
                long half = kept / 2;
                ctx.emit(forward, smurfs[i], collectors[0], asset, half);
                ctx.emit(forward + ctx.gap(MINUTE, HOUR), smurfs[i], collectors[1], asset, kept - half);
            } else {
                ctx.emit(forward, smurfs[i], collectors[i % collectors.length], asset, kept);
            }
        }
        ctx.fund(source, start, total + total / 50);
        for (long collector : collectors) {
            ctx.cashOut(collector, start + window, total / collectors.length);
        }
        List<Member> list = new ArrayList<>();
        list.add(new Member(source, SOURCE, null));
        list.addAll(members(smurfs, SMURF));
        list.addAll(members(collectors, COLLECTOR));
        add(PatternType.SMURFING_NETWORK, id, list);
    }

    /** flagged f -> h1 -> .. -> a with 1..3 hops; rows from a (hop d) to f (hop 0). */
    private void proximity(String id) {
        int hops = ctx.between(1, 3);
        long[] chain = slots(hops + 1); // chain[0] = f, chain[hops] = a
        String subtype = FLAG_SUBTYPES.get(ctx.random.nextInt(FLAG_SUBTYPES.size()));
        int asset = ctx.asset();
        long usd = Amounts.usdMicrosAtLeast(ctx.random, 2_000);
        int block = ctx.start(hops * ctx.grid.blocks(6 * HOUR) + 1);
        for (int i = 0; i < hops; i++) {
            ctx.emit(block, chain[i], chain[i + 1], asset, usd);
            usd -= (long) (usd * (0.01 + 0.04 * ctx.random.nextDouble()));
            block += ctx.gap(10 * MINUTE, 6 * HOUR);
        }
        ctx.cashOut(chain[hops], block, usd);
        List<Member> list = new ArrayList<>();
        for (int hop = hops; hop >= 0; hop--) {
            String role = hop == hops ? TARGET : hop == 0 ? FLAGGED : INTERMEDIATE;
            list.add(new Member(chain[hop], role, hop));
        }
        flags.add(new Flag(chain[0], subtype));
        instances.add(new Instance(PatternType.PROXIMITY_RISK, id, List.copyOf(list), chain[0], subtype));
    }

    /** 15..40 transfers in and out of one address within 30 minutes, plus ordinary activity elsewhere. */
    private void burst(String id) {
        long center = ctx.slot();
        int count = ctx.between(15, 40);
        long[] counterparts = slots(ctx.between(Math.max(3, count / 2), count));
        int window = ctx.grid.blocks(30 * MINUTE);
        int start = ctx.start(window);
        for (int i = 0; i < count; i++) {
            long other = counterparts[i < counterparts.length ? i : ctx.random.nextInt(counterparts.length)];
            int block = start + ctx.random.nextInt(window);
            long usd = Amounts.usdMicros(ctx.random);
            if (ctx.random.nextBoolean()) {
                ctx.emit(block, center, other, ctx.asset(), usd);
            } else {
                ctx.emit(block, other, center, ctx.asset(), usd);
            }
        }
        List<Member> list = new ArrayList<>();
        list.add(new Member(center, CENTER, null));
        list.addAll(members(counterparts, COUNTERPART));
        add(PatternType.TEMPORAL_BURST, id, list);
    }

    /** 6..12 sends with amount_usd in [0.85 T, 0.99 T) to distinct receivers over up to 36 hours. */
    private void threshold(String id) {
        long sender = ctx.slot();
        long[] receivers = slots(ctx.between(6, 12));
        long t = THRESHOLDS[ctx.random.nextInt(THRESHOLDS.length)];
        int window = ctx.span(36 * HOUR);
        int start = ctx.start(window);
        long total = 0;
        for (long receiver : receivers) {
            long usd = Amounts.uniformMicros(ctx.random, 0.85 * t, 0.99 * t);
            ctx.emit(start + ctx.random.nextInt(window), sender, receiver, ctx.asset(), usd);
            total += usd;
        }
        ctx.fund(sender, start, total + total / 20);
        List<Member> list = new ArrayList<>();
        list.add(new Member(sender, CENTER, null));
        list.addAll(members(receivers, RECEIVER));
        add(PatternType.THRESHOLD_EVASION, id, list);
    }
}
