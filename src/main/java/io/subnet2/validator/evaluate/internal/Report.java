package io.subnet2.validator.evaluate.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.subnet2.validator.sandbox.SandboxResult;
import io.subnet2.validator.scoring.PhaseTimes;
import io.subnet2.validator.scoring.RunScore;
import io.subnet2.validator.submission.SubmissionOutcome;
import tools.jackson.databind.json.JsonMapper;

/** What an evaluation found: the analyzer's side and, when it ran, the baseline's. */
public record Report(String repo, String commit, long transfers, long seed, Side candidate, Side baseline,
                     SubmissionOutcome rejection) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Report rejected(EvaluationOptions options, SubmissionOutcome outcome) {
        return new Report(options.repo(), options.commit(), options.transfers(), options.seed(), null, null, outcome);
    }

    static Report evaluated(EvaluationOptions options, Side candidate, Side baseline) {
        return new Report(options.repo(), options.commit(), options.transfers(), options.seed(), candidate, baseline,
                null);
    }

    /** True when the analyzer ran both phases and was scored (whatever the score). */
    public boolean evaluated() {
        return candidate != null && candidate.score() != null;
    }

    /** One analyzer's build, phases and score; {@code score} is null when a phase failed. */
    public record Side(String label, String image, String status, String reason, Phase features, Phase patterns,
                       RunScore score) {

        static Side scored(String label, SubmissionOutcome build, SandboxResult features, SandboxResult patterns,
                RunScore score) {
            return new Side(label, build.dockerImageTag(), score.minerFault() ? "failed" : "scored", score.error(),
                    Phase.of(features), Phase.of(patterns), score);
        }

        static Side failed(String label, SubmissionOutcome build, SandboxResult features, SandboxResult patterns) {
            SandboxResult failed = patterns != null ? patterns : features;
            String reason = failed.phase().name().toLowerCase(Locale.ROOT) + " phase: "
                    + (failed.reason() == null ? "failed" : failed.reason().name().toLowerCase(Locale.ROOT))
                    + (failed.detail() == null ? "" : " (" + failed.detail() + ")");
            return new Side(label, build.dockerImageTag(), "failed", reason, Phase.of(features),
                    patterns == null ? null : Phase.of(patterns), null);
        }

        PhaseTimes times() {
            return PhaseTimes.of(features == null ? null : features.seconds(),
                    patterns == null ? null : patterns.seconds());
        }
    }

    /** One sandbox phase: status, wall time, exit code and the tail of its log. */
    public record Phase(String status, double seconds, Integer exitCode, String reason, String logTail) {

        private static final int LOG_TAIL_CHARS = 2_000;

        static Phase of(SandboxResult result) {
            String log = result.logExcerpt() == null ? "" : result.logExcerpt();
            return new Phase(result.status().name().toLowerCase(Locale.ROOT), result.wallSeconds(), result.exitCode(),
                    result.reason() == null ? null : result.reason().name().toLowerCase(Locale.ROOT),
                    log.length() <= LOG_TAIL_CHARS ? log : log.substring(log.length() - LOG_TAIL_CHARS));
        }
    }

    public String json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("repo", repo);
        json.put("commit", commit);
        json.put("transfers", transfers);
        json.put("seed", seed);
        if (rejection != null) {
            json.put("rejected", Map.of("status", rejection.status().dbValue(), "reason", rejection.validationError(),
                    "build_log", rejection.buildLog()));
        }
        json.put("candidate", candidate);
        json.put("baseline", baseline);
        return JSON.writeValueAsString(json);
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Evaluation of ").append(repo).append(commit == null ? "" : " at " + commit)
                .append(" on ").append(transfers).append(" generated transfers (seed ").append(seed).append(")\n");
        if (rejection != null) {
            out.append("  REJECTED (").append(rejection.status().dbValue()).append("):\n");
            rejection.validationError().lines().forEach(l -> out.append("    ").append(l).append('\n'));
            return out.toString();
        }
        appendSide(out, candidate);
        if (baseline != null) {
            appendSide(out, baseline);
            if (candidate.score() != null && baseline.score() != null) {
                double margin = candidate.score().finalScore() - baseline.score().finalScore();
                out.append(String.format(Locale.ROOT, "  final score %+.4f against the baseline%n", margin));
            }
        } else {
            out.append("  no baseline: performance scored at parity (0.5 per phase)\n");
        }
        return out.toString();
    }

    private static void appendSide(StringBuilder out, Side side) {
        out.append("  ").append(side.label()).append(": ").append(side.status())
                .append(side.reason() == null ? "" : " (" + side.reason() + ")").append('\n');
        appendPhase(out, "features", side.features());
        appendPhase(out, "patterns", side.patterns());
        RunScore s = side.score();
        if (s != null) {
            out.append(String.format(Locale.ROOT,
                    "    data correct %s, pattern accuracy %.4f (recall %.4f, precision %.4f), performance %.4f,"
                            + " final %.4f%n",
                    s.dataCorrect(), s.patternAccuracy(), s.recall(), s.precision(), s.performance(), s.finalScore()));
            out.append("    patterns reported ").append(s.counts().patternsReported()).append(", valid ")
                    .append(s.counts().patternsValid()).append(", instances found ").append(s.counts().instancesFound())
                    .append(" of ").append(s.counts().instancesCounted()).append('\n');
        }
    }

    private static void appendPhase(StringBuilder out, String name, Phase phase) {
        if (phase == null) {
            return;
        }
        out.append(String.format(Locale.ROOT, "    %-8s %s in %.1f s (exit %s)%s%n", name, phase.status(),
                phase.seconds(), phase.exitCode(), phase.reason() == null ? "" : ", " + phase.reason()));
    }
}
