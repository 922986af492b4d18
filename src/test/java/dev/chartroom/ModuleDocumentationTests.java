package dev.chartroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Writes the module documentation into the build output ({@code target/spring-modulith-docs}): a
 * component diagram of all modules, and per module a diagram and a canvas of its API, events and
 * settings. The README links it.
 */
class ModuleDocumentationTests {

    @Test
    void writesTheModuleDocumentation() throws Exception {
        var modules = ApplicationModules.of(ChartroomApplication.class);
        new Documenter(modules).writeDocumentation();

        Path docs = Path.of("target", "spring-modulith-docs");
        assertThat(docs.resolve("components.puml")).exists();
        for (var module : modules) {
            assertThat(docs.resolve("module-" + module.getIdentifier() + ".adoc"))
                    .as("canvas of " + module.getIdentifier())
                    .exists();
        }
        try (var files = Files.list(docs)) {
            assertThat(files.count()).isGreaterThan(modules.stream().count());
        }
    }
}
