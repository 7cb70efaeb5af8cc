package io.subnet2.validator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.subnet2.validator.ValidatorApplication;

/** Without validator.api.admin-token the admin API refuses everything, whatever token is sent. */
class AdminApiDisabledTest {

    @TempDir
    Path workDir;

    @Test
    void adminEndpointsAreRefusedWhileNoTokenIsConfigured() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ValidatorApplication.class)
                .run("--validator.paths.work-dir=" + workDir, "--spring.datasource.url=", "--server.port=0")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/admin/tournaments"))
                            .header("Authorization", "Bearer anything-at-all-0123456789").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("validator.api.admin-token");
        }
    }
}
