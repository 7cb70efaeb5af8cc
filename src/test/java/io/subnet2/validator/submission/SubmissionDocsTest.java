package io.subnet2.validator.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.subnet2.validator.submission.internal.Rule;

/** docs/submission.md must list every rule with its reason text, every scanner rule and every property. */
class SubmissionDocsTest {

    static final String DOCS = read();

    static String read() {
        try {
            return Files.readString(Path.of("docs/submission.md"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyRuleAndItsReasonText() {
        for (Rule rule : Rule.values()) {
            assertThat(DOCS).as(rule.id()).contains("| `" + rule.id() + "` |").contains(rule.text());
        }
    }

    @Test
    void everyScannerRule() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/io/subnet2/validator/submission/scanner-rules.json")) {
            JsonNode rules = JsonMapper.builder().build().readTree(in).get("rules");
            assertThat(rules.size()).isGreaterThan(10);
            for (JsonNode rule : rules) {
                assertThat(DOCS).contains("| `" + rule.get("id").asString() + "` | " + rule.get("severity").asString() + " |")
                        .contains(rule.get("description").asString());
            }
        }
    }

    @Test
    void everyProperty() {
        for (RecordComponent component : SubmissionProperties.class.getRecordComponents()) {
            String kebab = component.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
            assertThat(DOCS).as(kebab).contains("| `" + kebab + "` |");
        }
    }
}
