package io.subnet2.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.subnet2.validator.testsupport.DatabaseTest;

/** The whole application starts on a real PostgreSQL and its actuator answers over HTTP. */
class ApplicationHealthTest extends DatabaseTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, null);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsUpWithTheDatabase() throws Exception {
        HttpResponse<String> health = get("/actuator/health", ADMIN_TOKEN);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"");
    }

    @Test
    void healthDetailsAndMetricsNeedTheAdminTokenWhileProbesStayOpen() throws Exception {
        HttpResponse<String> plain = get("/actuator/health");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).contains("\"status\":\"UP\"").doesNotContain("\"db\"").doesNotContain("diskSpace");
        assertThat(get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
        for (String closed : new String[] {"/actuator/metrics", "/actuator/metrics/jvm.memory.used",
                "/actuator/health/db", "/actuator/health/diskSpace"}) {
            assertThat(get(closed).statusCode()).as(closed).isEqualTo(401);
            assertThat(get(closed, "wrong-token-0123456789").statusCode()).as(closed).isEqualTo(401);
        }
        assertThat(get("/actuator/health/db", ADMIN_TOKEN).body()).contains("\"status\":\"UP\"");
    }

    @Test
    void infoNamesTheVersion() throws Exception {
        HttpResponse<String> info = get("/actuator/info");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"build\"").contains("\"version\"");
    }

    @Test
    void metricsAreExposed() throws Exception {
        HttpResponse<String> metrics = get("/actuator/metrics", ADMIN_TOKEN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm.memory.used");
    }

    @Test
    void quartzTablesAreOwnedByFlyway() {
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isGreaterThanOrEqualTo(2);
    }
}
