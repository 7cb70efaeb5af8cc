package io.subnet2.validator.web.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Formatting helpers of the templates ({@code ${@pageFormat.score(x)}}); null shows as a dash. */
@Component("pageFormat")
public class PageFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String NONE = "–";

    public String time(Instant instant) {
        return instant == null ? NONE : TIME.format(instant);
    }

    public String score(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.4f", value);
    }

    public String seconds(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.1f s", value);
    }

    public String percent(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.1f %%", value * 100);
    }

    /** Started to completed, or to now while the run is still going. */
    public String elapsed(Instant from, Instant to) {
        if (from == null) {
            return NONE;
        }
        long seconds = Duration.between(from, to == null ? Instant.now() : to).toSeconds();
        return seconds < 120 ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
    }

    public String shortSha(String sha) {
        return sha == null ? NONE : sha.substring(0, Math.min(10, sha.length()));
    }
}
