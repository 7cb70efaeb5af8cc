package io.subnet2.validator.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DatasetCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new DatasetCommand().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void generatesAndPrintsAOneLineJsonSummary() {
        Path target = dir.resolve("d");
        int code = run("generate", "--out", target.toString(), "--seed", "12", "--transfers", "3000",
                "--network", "bitcoin", "--date", "2024-06-30", "--window-days", "2");
        assertThat(code).as(err.toString()).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed.strip()).doesNotContain("\n");
        JsonNode json = JsonMapper.builder().build().readTree(printed);
        assertThat(json.get("out").stringValue()).isEqualTo(target.toAbsolutePath().toString());
        assertThat(json.get("input").stringValue()).endsWith("input");
        assertThat(json.get("ground_truth").stringValue()).endsWith("ground_truth.parquet");
        assertThat(json.get("batch_id").stringValue()).isEqualTo("bitcoin-2024-06-30-2d");
        assertThat(json.get("transfers").longValue()).isEqualTo(3000);
        assertThat(json.get("addresses").longValue()).isPositive();
        assertThat(json.get("address_labels").longValue()).isPositive();
        for (PatternType type : PatternType.values()) {
            assertThat(json.get("instances").get(type.id()).intValue()).as(type.id()).isEqualTo(3);
        }
        assertThat(json.get("seconds").isNumber()).isTrue();
        assertThat(new DatasetLayout(target).meta()).isRegularFile();
    }

    @Test
    void badArgumentsPrintUsageWithExitCode2() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("generate", "--seed", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("missing --out").contains("usage: dataset generate");
        assertThat(run("generate", "--out", "x", "--seed", "one")).isEqualTo(2);
        assertThat(run("generate", "--out", "x", "--seed", "1", "--bogus", "2")).isEqualTo(2);
        assertThat(run("generate", "--out", "x", "--seed", "1", "--transfers", "10")).isEqualTo(2);
        assertThat(run("generate", "--out", "x", "--seed", "1", "--date", "yesterday")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anExistingOutputFolderFailsWithExitCode1() {
        assertThat(run("generate", "--out", dir.toString(), "--seed", "1", "--transfers", "1000")).isEqualTo(1);
        assertThat(err.toString()).contains(dir.toString());
    }

    @Test
    void aSecretFileKeysTheDatasetAndIsNeverPrinted() throws java.io.IOException {
        Path secret = java.nio.file.Files.writeString(dir.resolve("secret"), "command-line-test-secret-0123\n");
        assertThat(run("generate", "--out", dir.resolve("keyed").toString(), "--seed", "5", "--transfers", "1000",
                "--secret-file", secret.toString())).as(err.toString()).isZero();
        assertThat(run("generate", "--out", dir.resolve("dev").toString(), "--seed", "5", "--transfers", "1000")).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[0]).contains("\"secret\":\"file\"").doesNotContain("command-line-test-secret");
        assertThat(lines[1]).contains("\"secret\":\"development\"");
        assertThat(DatasetMeta.read(new DatasetLayout(dir.resolve("keyed")).meta()).sha256())
                .isNotEqualTo(DatasetMeta.read(new DatasetLayout(dir.resolve("dev")).meta()).sha256());
        java.nio.file.Files.writeString(secret, "short");
        assertThat(run("generate", "--out", dir.resolve("x").toString(), "--seed", "5", "--secret-file",
                secret.toString())).isEqualTo(2);
        assertThat(run("generate", "--out", dir.resolve("x").toString(), "--seed", "5", "--secret-file",
                dir.resolve("missing").toString())).isEqualTo(2);
    }
}
