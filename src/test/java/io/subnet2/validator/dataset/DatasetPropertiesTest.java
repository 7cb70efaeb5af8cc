package io.subnet2.validator.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The property names documented in docs/dataset.md bind onto the record. */
class DatasetPropertiesTest {

    @Test
    void bindsKebabCaseNamesAndKeepsDefaultsForTheRest() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "validator.dataset.transfers", "2500000",
                "validator.dataset.window-days", "3",
                "validator.dataset.secret", "0123456789abcdef-secret",
                "validator.dataset.snapshots-dir", "/srv/data")));
        DatasetProperties bound = binder.bind("validator.dataset", DatasetProperties.class).get();
        assertThat(bound.transfers()).isEqualTo(2_500_000L);
        assertThat(bound.windowDays()).isEqualTo(3);
        assertThat(bound.secret()).isEqualTo("0123456789abcdef-secret");
        assertThat(bound.snapshotsDir()).isEqualTo(Path.of("/srv/data"));
        assertThat(bound.root()).as("unset: {work-dir}/datasets").isNull();
        assertThat(bound.toString()).doesNotContain("0123456789abcdef-secret").contains("secret=<redacted>");
        assertThat(DatasetProperties.defaults().secret()).as("unset by default: the database's").isNull();
    }
}
