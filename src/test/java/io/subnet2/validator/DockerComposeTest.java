package io.subnet2.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** docker-compose.yml carries no default password: compose refuses to start until one is set. */
class DockerComposeTest {

    @Test
    void everyPasswordIsRequiredFromTheEnvironment() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("docker-compose.yml")).stream()
                .filter(l -> !l.strip().startsWith("#") && l.toUpperCase().contains("PASSWORD")).toList();

        assertThat(lines).hasSizeGreaterThanOrEqualTo(2).allSatisfy(line -> {
            assertThat(line).contains("${POSTGRES_PASSWORD:?").doesNotContain(":-");
        });
    }
}
