package io.subnet2.validator.web.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.subnet2.validator.web.api.Views.RunView;

/**
 * An inline SVG line chart of a miner's run scores in completion order (final score 0..1 on y).
 * Points carry their tooltip; {@code polyline} is the SVG points attribute.
 */
public record ScoreChart(int width, int height, String polyline, List<Point> points) {

    static final int WIDTH = 640;
    static final int HEIGHT = 180;
    private static final int PAD = 24;

    public record Point(double x, double y, String label) {
    }

    static ScoreChart of(List<RunView> runs) {
        List<RunView> finished = runs.stream().filter(r -> r.finalScore() != null && r.completedAt() != null)
                .sorted(Comparator.comparing(RunView::completedAt)).toList();
        List<Point> points = new ArrayList<>();
        int n = finished.size();
        for (int i = 0; i < n; i++) {
            RunView r = finished.get(i);
            double x = n == 1 ? WIDTH / 2.0 : PAD + i * (WIDTH - 2.0 * PAD) / (n - 1);
            double y = HEIGHT - PAD - Math.max(0, Math.min(1, r.finalScore())) * (HEIGHT - 2.0 * PAD);
            points.add(new Point(round(x), round(y), String.format(Locale.ROOT, "epoch %d %s: %.4f (%s)",
                    r.epochNumber(), r.network(), r.finalScore(), r.status())));
        }
        StringBuilder line = new StringBuilder();
        points.forEach(p -> line.append(line.isEmpty() ? "" : " ").append(p.x()).append(',').append(p.y()));
        return new ScoreChart(WIDTH, HEIGHT, line.toString(), List.copyOf(points));
    }

    /** y of a score value, for the axis lines. */
    public double yOf(double score) {
        return round(HEIGHT - PAD - score * (HEIGHT - 2.0 * PAD));
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
