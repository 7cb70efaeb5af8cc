package io.subnet2.validator.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import io.subnet2.validator.submission.internal.BoundedLog;

class SubmissionPropertiesTest {

    @Test
    void defaultsAreTheSpecs() {
        SubmissionProperties p = SubmissionProperties.defaults();
        assertThat(p.allowedHosts()).containsExactly("github.com", "gitlab.com");
        assertThat(p.allowLoopbackHttp()).isFalse();
        assertThat(p.maxRepoBytes()).isEqualTo(DataSize.ofMegabytes(100));
        assertThat(p.maxFiles()).isEqualTo(2000);
        assertThat(p.maxFileBytes()).isEqualTo(DataSize.ofMegabytes(20));
        assertThat(p.fetchTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(p.buildTimeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(p.maxImageBytes()).isEqualTo(DataSize.ofGigabytes(8));
        assertThat(p.allowedBaseImages()).containsExactly("python", "eclipse-temurin", "debian", "ubuntu", "subnet2-base/*");
        assertThat(p.pull()).isFalse();
        assertThat(p.buildLogMaxBytes()).isEqualTo(DataSize.ofKilobytes(64));
        assertThat(p.isLoopbackHttpHost("127.0.0.1:8080")).isFalse();
    }

    @Test
    void loopbackHostsMustBeLoopbackIpLiterals() {
        assertThat(SubmissionProperties.withLoopbackHosts(List.of("127.0.0.1:8080", "[::1]:9000"))
                .isLoopbackHttpHost("127.0.0.1:8080")).isTrue();
        for (String entry : List.of("10.0.0.1:80", "localhost:80", "github.com:443", "127.0.0.1", "169.254.169.254:80",
                "0.0.0.0:80", "127.0.0.1:0")) {
            assertThatThrownBy(() -> SubmissionProperties.withLoopbackHosts(List.of(entry)))
                    .as(entry).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a loopback IP:port");
        }
        // without the switch the entries are inert
        SubmissionProperties off = SubmissionProperties.defaults().toBuilder().loopbackHttpHosts(List.of("10.0.0.1:80")).build();
        assertThat(off.isLoopbackHttpHost("10.0.0.1:80")).isFalse();
    }

    @Test
    void bindsFromSpringProperties() {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        source.put("validator.submission.allowed-hosts", "GitHub.com");
        source.put("validator.submission.max-repo-bytes", "50MB");
        source.put("validator.submission.build-timeout", "90s");
        source.put("validator.submission.allowed-base-images[0]", "python");
        SubmissionProperties p = new Binder(source).bind("validator.submission", SubmissionProperties.class).get();
        assertThat(p.allowedHosts()).containsExactly("github.com");
        assertThat(p.maxRepoBytes()).isEqualTo(DataSize.ofMegabytes(50));
        assertThat(p.buildTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(p.allowedBaseImages()).containsExactly("python");
        assertThat(p.maxFiles()).isEqualTo(2000);

        source.put("validator.submission.allow-loopback-http", "true");
        source.put("validator.submission.loopback-http-hosts", "192.168.1.5:8080");
        assertThatThrownBy(() -> new Binder(source).bind("validator.submission", SubmissionProperties.class))
                .rootCause().hasMessageContaining("not a loopback IP:port");
    }

    @Test
    void buildLimitsBindAndAreValidated() {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        source.put("validator.submission.build-limits.cpus", "0.5");
        source.put("validator.submission.build-limits.pids", "300");
        source.put("validator.submission.build-limits.file-bytes", "1GB");
        source.put("validator.submission.build-limits.watchdog-interval", "100ms");
        BuildLimits limits = new Binder(source).bind("validator.submission", SubmissionProperties.class).get()
                .buildLimits();
        assertThat(limits.cpuQuotaMicros()).isEqualTo(50_000);
        assertThat(limits.pids()).isEqualTo(300);
        assertThat(limits.fileBytes()).isEqualTo(DataSize.ofGigabytes(1));
        assertThat(limits.diskBytes()).isEqualTo(DataSize.ofGigabytes(8));
        assertThat(limits.minFreeDisk()).isEqualTo(DataSize.ofGigabytes(2));
        assertThat(limits.watchdogInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(SubmissionProperties.defaults().buildLimits()).isEqualTo(BuildLimits.defaults());

        source.put("validator.submission.build-limits.pids", "3");
        assertThatThrownBy(() -> new Binder(source).bind("validator.submission", SubmissionProperties.class))
                .rootCause().hasMessageContaining("build-limits.pids must be at least 16");
        assertThatThrownBy(() -> new BuildLimits(null, "0;rm", null, null, null, null, null))
                .hasMessageContaining("cpuset-cpus is not a CPU list");
    }

    /** Build arguments reach every RUN step and the image history: nothing that looks like a secret may go there. */
    @Test
    void secretLookingBuildArgumentsAreRefused() {
        for (String name : List.of("API_TOKEN", "DB_PASSWORD", "aws_secret", "HF_API_KEY", "ADMIN_AUTH", "WALLET_SEED",
                "mnemonic")) {
            assertThatThrownBy(() -> SubmissionProperties.defaults().toBuilder()
                    .buildArgs(java.util.Map.of(name, "x")).build())
                    .as(name).hasMessageContaining("looks like a secret");
        }
        assertThat(SubmissionProperties.defaults().toBuilder()
                .buildArgs(java.util.Map.of("BASE_IMAGE", "subnet2-base/jre:17")).build().buildArgs())
                .containsEntry("BASE_IMAGE", "subnet2-base/jre:17");
    }

    @Test
    void boundedLogKeepsHeadAndTail() {
        BoundedLog log = new BoundedLog(100);
        for (int i = 0; i < 100; i++) {
            log.append("line " + i + "\n");
        }
        String text = log.text();
        assertThat(text).startsWith("line 0\nline 1\n").endsWith("line 99\n").contains("bytes of build log dropped");
        assertThat(text.length()).isLessThan(200);
        assertThat(log.tail(8)).isEqualTo("line 99\n");
    }
}
