package io.subnet2.validator.jobs;

import org.springframework.stereotype.Component;

import io.subnet2.validator.chain.ChainProperties;
import io.subnet2.validator.dataset.DatasetProperties;
import io.subnet2.validator.sandbox.SandboxLimits;
import io.subnet2.validator.sandbox.SandboxProperties;
import io.subnet2.validator.scoring.ScoringProperties;
import io.subnet2.validator.tournament.Tournament;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The configuration a tournament is pinned to: scoring constants, sandbox limits and dataset size are
 * copied into tournaments.config when it is created, so changing the validator's configuration never
 * changes how a tournament under way is run or scored (scoring.md).
 */
@Component
public class TournamentSettings {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScoringProperties scoring;
    private final SandboxLimits limits;
    private final DatasetProperties dataset;

    TournamentSettings(ScoringProperties scoring, SandboxProperties sandbox, DatasetProperties dataset,
            ChainProperties chain) {
        this.scoring = scoring.forChainMode(chain.mode());
        this.limits = sandbox.limits();
        this.dataset = dataset;
    }

    /** The snapshot stored in a new tournament's config column. */
    public String snapshotJson() {
        ObjectNode root = JSON.createObjectNode();
        root.set("scoring", JSON.readTree(scoring.toJson()));
        root.set("sandbox_limits", JSON.valueToTree(limits));
        ObjectNode data = root.putObject("dataset");
        data.put("transfers", dataset.transfers());
        data.put("window_days", dataset.windowDays());
        return JSON.writeValueAsString(root);
    }

    public ScoringProperties scoring(Tournament tournament) {
        JsonNode node = config(tournament).get("scoring");
        return node == null ? scoring : ScoringProperties.fromJson(node.toString());
    }

    public SandboxLimits limits(Tournament tournament) {
        JsonNode node = config(tournament).get("sandbox_limits");
        return node == null ? limits : JSON.treeToValue(node, SandboxLimits.class);
    }

    public int windowDays(Tournament tournament) {
        JsonNode node = config(tournament).path("dataset").get("window_days");
        return node == null ? dataset.windowDays() : node.asInt();
    }

    private static JsonNode config(Tournament tournament) {
        return JSON.readTree(tournament.getConfig() == null ? "{}" : tournament.getConfig());
    }
}
