package io.subnet2.validator;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules talk to each other only through their top-level packages, without cycles (spec/architecture.md). */
class ModularityTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(ValidatorApplication.class).verify();
    }
}
