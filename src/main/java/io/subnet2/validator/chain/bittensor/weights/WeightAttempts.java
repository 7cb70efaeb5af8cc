package io.subnet2.validator.chain.bittensor.weights;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.subnet2.validator.chain.WeightAttempt;
import io.subnet2.validator.chain.WeightAttemptHistory;

/** The weight_attempts and weight_reveals tables (Flyway V9). */
public class WeightAttempts implements WeightAttemptHistory {

    public static final String SUBMITTED = "submitted";
    public static final String CONFIRMED = "confirmed";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";
    public static final String DRY_RUN = "dry-run";

    /** What is known before the outcome. */
    public record Draft(int netuid, long block, String call, U16Weights weights, long versionKey, Long revealRound,
            Long nonce, UUID tournamentId, Long epochNumber) {
    }

    /** A v2 commit not yet known revealed or missed ({@code status} pending or sent). */
    public record PendingReveal(long commitAttemptId, int netuid, U16Weights weights, List<Integer> salt,
            long versionKey, String status, Long revealAttemptId, String commitOutcome) {
    }

    private final JdbcClient jdbc;

    public WeightAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long record(Draft d, String outcome, String txHash, String reason, String error) {
        return jdbc.sql("""
                INSERT INTO weight_attempts (netuid, block, call, uids, weights, version_key, reveal_round, nonce,
                    tx_hash, outcome, reason, error, tournament_id, epoch_number)
                VALUES (:netuid, :block, :call, :uids, :weights, :versionKey, :revealRound, :nonce, :txHash, :outcome,
                    :reason, :error, :tournamentId, :epochNumber)
                RETURNING id""")
                .param("netuid", d.netuid()).param("block", d.block()).param("call", d.call())
                .param("uids", d.weights().uids().toArray(Integer[]::new))
                .param("weights", d.weights().values().toArray(Integer[]::new)).param("versionKey", d.versionKey())
                .param("revealRound", d.revealRound()).param("nonce", d.nonce()).param("txHash", txHash)
                .param("outcome", outcome).param("reason", reason).param("error", bounded(error))
                .param("tournamentId", d.tournamentId()).param("epochNumber", d.epochNumber())
                .query(Long.class).single();
    }

    public void confirm(long id, long confirmedBlock) {
        jdbc.sql("UPDATE weight_attempts SET outcome = 'confirmed', confirmed_block = :b WHERE id = :id AND outcome = 'submitted'")
                .param("b", confirmedBlock).param("id", id).update();
    }

    public void fail(long id, String reason, String error) {
        jdbc.sql("UPDATE weight_attempts SET outcome = 'failed', reason = :reason, error = :error WHERE id = :id")
                .param("reason", reason).param("error", bounded(error)).param("id", id).update();
    }

    public List<WeightAttempt> submitted() {
        return jdbc.sql("SELECT * FROM weight_attempts WHERE outcome = 'submitted' ORDER BY id").query(WeightAttempts::row).list();
    }

    /** The block of the newest attempt that set (or, in dry-run, would have set) weights; 0 when none. */
    public long lastSetBlock(int netuid, boolean includeDryRuns) {
        Long block = jdbc.sql("""
                SELECT max(coalesce(confirmed_block, block)) FROM weight_attempts
                WHERE netuid = :netuid AND call <> 'reveal_weights' AND (outcome = 'confirmed' OR (:dry AND outcome = 'dry-run'))""")
                .param("netuid", netuid).param("dry", includeDryRuns).query(Long.class).optional().orElse(null);
        return block == null ? 0 : block;
    }

    @Override
    public List<WeightAttempt> recent(int limit) {
        return jdbc.sql("SELECT * FROM weight_attempts ORDER BY id DESC LIMIT :limit").param("limit", limit)
                .query(WeightAttempts::row).list();
    }

    public void addReveal(long commitAttemptId, int netuid, U16Weights weights, List<Integer> salt, long versionKey) {
        jdbc.sql("""
                INSERT INTO weight_reveals (commit_attempt_id, netuid, uids, weights, salt, version_key)
                VALUES (:id, :netuid, :uids, :weights, :salt, :versionKey)""")
                .param("id", commitAttemptId).param("netuid", netuid).param("uids", weights.uids().toArray(Integer[]::new))
                .param("weights", weights.values().toArray(Integer[]::new)).param("salt", salt.toArray(Integer[]::new))
                .param("versionKey", versionKey).update();
    }

    /** Pending reveals whose commit is confirmed or still in flight (a failed commit's reveal is dropped). */
    public List<PendingReveal> pendingReveals(int netuid) {
        return jdbc.sql("""
                SELECT r.*, a.outcome FROM weight_reveals r JOIN weight_attempts a ON a.id = r.commit_attempt_id
                WHERE r.netuid = :netuid AND r.status IN ('pending', 'sent')
                ORDER BY r.commit_attempt_id""")
                .param("netuid", netuid)
                .query((rs, n) -> new PendingReveal(rs.getLong("commit_attempt_id"), rs.getInt("netuid"),
                        new U16Weights(ints(rs.getArray("uids")), ints(rs.getArray("weights"))), ints(rs.getArray("salt")),
                        rs.getLong("version_key"), rs.getString("status"), (Long) rs.getObject("reveal_attempt_id"),
                        rs.getString("outcome")))
                .list();
    }

    public void revealSent(long commitAttemptId, long revealAttemptId) {
        jdbc.sql("UPDATE weight_reveals SET status = 'sent', reveal_attempt_id = :r, updated_at = now() WHERE commit_attempt_id = :id")
                .param("r", revealAttemptId).param("id", commitAttemptId).update();
    }

    public void closeReveal(long commitAttemptId, String status) {
        jdbc.sql("UPDATE weight_reveals SET status = :s, updated_at = now() WHERE commit_attempt_id = :id")
                .param("s", status).param("id", commitAttemptId).update();
    }

    private static WeightAttempt row(ResultSet rs, int n) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        return new WeightAttempt(rs.getLong("id"), created.toInstant(), rs.getInt("netuid"), rs.getLong("block"),
                rs.getString("call"), ints(rs.getArray("uids")), ints(rs.getArray("weights")), rs.getLong("version_key"),
                (Long) rs.getObject("reveal_round"), (Long) rs.getObject("nonce"), rs.getString("tx_hash"),
                rs.getString("outcome"), rs.getString("reason"), rs.getString("error"),
                (Long) rs.getObject("confirmed_block"), rs.getObject("tournament_id", UUID.class),
                (Long) rs.getObject("epoch_number"));
    }

    private static List<Integer> ints(Array array) throws SQLException {
        return Arrays.asList((Integer[]) array.getArray());
    }

    private static String bounded(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }
}
