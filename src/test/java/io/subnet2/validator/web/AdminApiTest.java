package io.subnet2.validator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.subnet2.validator.testsupport.DatabaseTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin REST API over real HTTP on the real database. */
class AdminApiTest extends DatabaseTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @LocalServerPort
    int port;

    private HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return call(method, path, body, ADMIN_TOKEN);
    }

    @Test
    void wrongOrMissingTokenIsRefused() throws Exception {
        assertThat(call("GET", "/api/v1/admin/tournaments", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/admin/tournaments", null, "nope").statusCode()).isEqualTo(401);
        assertThat(admin("GET", "/api/v1/admin/tournaments", null).statusCode()).isEqualTo(200);
    }

    @Test
    void createsATournamentAndRegistersAndReplacesASubmission() throws Exception {
        HttpResponse<String> created = admin("POST", "/api/v1/admin/tournaments",
                "{\"name\":\"demo\",\"netuid\":42,\"epochs\":3,\"epoch_blocks\":10,\"test_networks\":[\"torus\",\"bittensor\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode tournament = JSON.readTree(created.body());
        String id = tournament.get("id").asString();
        assertThat(tournament.get("status").asString()).isEqualTo("pending");
        assertThat(tournament.get("end_block").asLong() - tournament.get("start_block").asLong()).isEqualTo(30);

        String submission = "{\"hotkey\":\"hk1\",\"uid\":3,\"repository_url\":\"https://github.com/a/b\",\"commit_hash\":\"%s\"}";
        HttpResponse<String> added = admin("POST", "/api/v1/admin/tournaments/" + id + "/submissions",
                submission.formatted(SHA.toUpperCase()));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).get("commit_hash").asString()).isEqualTo(SHA);
        admin("POST", "/api/v1/admin/tournaments/" + id + "/submissions", submission.formatted("f".repeat(40)));

        JsonNode listed = JSON.readTree(admin("GET", "/api/v1/admin/tournaments/" + id + "/submissions", null).body());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("commit_hash").asString()).isEqualTo("f".repeat(40));
        assertThat(listed.get(0).get("status").asString()).isEqualTo("pending");
        assertThat(JSON.readTree(admin("GET", "/api/v1/admin/tournaments/" + id + "/runs", null).body())).isEmpty();
        assertThat(JSON.readTree(admin("GET", "/api/v1/admin/tournaments/" + id + "/results", null).body())).isEmpty();
    }

    @Test
    void hostileBodiesGetClearErrors() throws Exception {
        assertThat(admin("POST", "/api/v1/admin/tournaments", "{not json").statusCode()).isEqualTo(400);
        HttpResponse<String> noName = admin("POST", "/api/v1/admin/tournaments", "{\"netuid\":1}");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("name and netuid are required");
        HttpResponse<String> badNetwork = admin("POST", "/api/v1/admin/tournaments",
                "{\"name\":\"x\",\"netuid\":1,\"test_networks\":[\"../etc\"]}");
        assertThat(badNetwork.statusCode()).isEqualTo(400);
        assertThat(badNetwork.body()).contains("bad network name");
        HttpResponse<String> huge = admin("POST", "/api/v1/admin/tournaments", "{\"name\":\"" + "x".repeat(100_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        HttpResponse<String> missing = admin("GET", "/api/v1/admin/tournaments/" + java.util.UUID.randomUUID(), null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(admin("GET", "/api/v1/admin/tournaments/not-a-uuid", null).statusCode()).isEqualTo(400);
    }

    @Test
    void badCommitIsRefused() throws Exception {
        String id = JSON.readTree(admin("POST", "/api/v1/admin/tournaments", "{\"name\":\"c\",\"netuid\":43}").body())
                .get("id").asString();
        HttpResponse<String> response = admin("POST", "/api/v1/admin/tournaments/" + id + "/submissions",
                "{\"hotkey\":\"hk\",\"uid\":1,\"repository_url\":\"https://github.com/a/b\",\"commit_hash\":\"main\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("40-hex");
    }

    @Test
    void currentMeansTheTournamentInRegistrationOnTheConfiguredNetuid() throws Exception {
        String body = "{\"hotkey\":\"hk\",\"uid\":1,\"repository_url\":\"https://github.com/a/b\",\"commit_hash\":\""
                + SHA + "\"}";
        HttpResponse<String> none = admin("POST", "/api/v1/admin/tournaments/current/submissions", body);
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(none.body()).contains("no tournament is open for registration on netuid 1");
        admin("POST", "/api/v1/admin/tournaments", "{\"name\":\"other netuid\",\"netuid\":2}");
        assertThat(admin("POST", "/api/v1/admin/tournaments/current/submissions", body).statusCode()).isEqualTo(409);
        String id = JSON.readTree(admin("POST", "/api/v1/admin/tournaments", "{\"name\":\"mine\",\"netuid\":1}").body())
                .get("id").asString();
        HttpResponse<String> added = admin("POST", "/api/v1/admin/tournaments/current/submissions", body);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(JSON.readTree(admin("GET", "/api/v1/admin/tournaments/" + id + "/submissions", null).body()))
                .hasSize(1);
        assertThat(call("POST", "/api/v1/admin/tournaments/current/submissions", body, null).statusCode())
                .as("no token").isEqualTo(401);
    }
}
