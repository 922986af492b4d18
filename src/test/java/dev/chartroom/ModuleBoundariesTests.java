package dev.chartroom;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each top-level package is a module: none reaches into another's internals, and none forms a cycle. */
class ModuleBoundariesTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(ChartroomApplication.class).verify();
    }
}
