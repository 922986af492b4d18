package dev.chartroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.chartroom.tenant.Caller;
import dev.chartroom.webhook.EventData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Where things go, as rules the build checks (with {@link ModuleBoundariesTests} for the modules
 * themselves): a setting, an event and an intake contract placed any other way fail here.
 */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.chartroom");

    /** A setting is a component of a record under chartroom.*, so its default and meaning have one source. */
    @Test
    void settingsAreRecordsUnderTheChartroomPrefix() {
        classes()
                .that()
                .areAnnotatedWith(ConfigurationProperties.class)
                .should()
                .beRecords()
                .andShould(readSettingsUnder("chartroom"))
                .because("the configuration processor documents record components (@DefaultValue, @param)")
                .check(MAIN);
    }

    /** No setting is read past the records: @Value would be a second source with its own default. */
    @Test
    void noSettingIsReadWithValue() {
        noFields().should().beAnnotatedWith(Value.class).check(MAIN);
        classes().should(haveNoParameterAnnotatedWithValue()).check(MAIN);
    }

    /** Event data is a record of the module that announces it; webhook only serializes it. */
    @Test
    void eventDataAreRecordsOfTheAnnouncingModule() {
        classes()
                .that()
                .implement(EventData.class)
                .should()
                .beRecords()
                .andShould()
                .resideOutsideOfPackage("dev.chartroom.webhook..")
                .check(MAIN);
    }

    /** Every event type and every field of its data is in the README's table of event shapes. */
    @Test
    void everyEventShapeIsInTheReadme() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String table = readme.substring(readme.indexOf("Each event's `data`, by type"));
        table = table.substring(0, table.indexOf("\n## "));
        for (var type : dev.chartroom.webhook.EventType.values()) {
            org.assertj.core.api.Assertions.assertThat(table)
                    .as("README row of " + type)
                    .contains("`" + type.value() + "`");
        }
        for (JavaClass data : MAIN.stream()
                .filter(c -> c.isAssignableTo(EventData.class) && c.isRecord())
                .toList()) {
            for (var component : data.reflect().getRecordComponents()) {
                if (component.getAccessor().isAnnotationPresent(com.fasterxml.jackson.annotation.JsonIgnore.class)
                        || component.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonIgnore.class)) {
                    continue;
                }
                String field = component
                        .getName()
                        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                        .toLowerCase(java.util.Locale.ROOT);
                org.assertj.core.api.Assertions.assertThat(table)
                        .as(data.getSimpleName() + "." + component.getName())
                        .contains("`" + field + "`");
            }
        }
    }

    /** A multipart upload is an intake contract: its controller lives in a package under intake. */
    @Test
    void uploadControllersAreIntakeContracts() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .and(takeAFilePart())
                .should()
                .resideInAPackage("dev.chartroom.intake.(*)")
                .check(MAIN);
    }

    /**
     * A contract's controller reads the request into its form and hands it to its intake's
     * {@code accept(Caller, Form)}: it looks nothing up and writes nothing itself.
     */
    @Test
    void contractControllersOnlyHandTheirFormToTheirIntake() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .and()
                .resideInAPackage("dev.chartroom.intake.(*)")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.chartroom.intake..",
                        "dev.chartroom.tenant",
                        "dev.chartroom.web",
                        "java..",
                        "org.springframework..",
                        "io.swagger..",
                        "jakarta..")
                .andShould(callOnlyAcceptOfTheirIntakeWithTheirForm())
                .check(MAIN);
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> takeAFilePart() {
        return com.tngtech.archunit.base.DescribedPredicate.describe(
                "take a file part",
                type -> type.getMethods().stream()
                        .flatMap(method -> method.getParameters().stream())
                        .flatMap(parameter -> parameter.getType().getAllInvolvedRawTypes().stream())
                        .anyMatch(raw -> raw.isAssignableTo(MultipartFile.class)));
    }

    private static ArchCondition<JavaClass> callOnlyAcceptOfTheirIntakeWithTheirForm() {
        return new ArchCondition<>("call only accept(Caller, <Contract>Form) of their package's intake") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                String contract = controller.getSimpleName().replaceFirst("Controller$", "");
                int accepts = 0;
                for (var call : controller.getMethodCallsFromSelf()) {
                    var owner = call.getTargetOwner();
                    if (!owner.getPackageName().equals(controller.getPackageName())
                            || !owner.getSimpleName().endsWith("Intake")) {
                        continue;
                    }
                    var parameters = call.getTarget().getRawParameterTypes();
                    boolean shaped = call.getName().equals("accept")
                            && parameters.size() == 2
                            && parameters.get(0).isEquivalentTo(Caller.class)
                            && parameters.get(1).getSimpleName().equals(contract + "Form")
                            && parameters.get(1).getPackageName().equals(controller.getPackageName());
                    events.add(new SimpleConditionEvent(call, shaped, call.getDescription()));
                    accepts++;
                }
                events.add(new SimpleConditionEvent(
                        controller, accepts > 0, controller.getName() + " calls its intake " + accepts + " times"));
            }
        };
    }

    private static ArchCondition<JavaClass> readSettingsUnder(String prefix) {
        return new ArchCondition<>("read settings under " + prefix) {
            @Override
            public void check(JavaClass settings, ConditionEvents events) {
                var annotation = settings.getAnnotationOfType(ConfigurationProperties.class);
                String name = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
                events.add(new SimpleConditionEvent(
                        settings,
                        name.equals(prefix) || name.startsWith(prefix + "."),
                        settings.getName() + " reads '" + name + "'"));
            }
        };
    }

    private static ArchCondition<JavaClass> haveNoParameterAnnotatedWithValue() {
        return new ArchCondition<>("have no parameter annotated with @Value") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (var unit : type.getCodeUnits()) {
                    for (var parameter : unit.getParameters()) {
                        if (parameter.isAnnotatedWith(Value.class)) {
                            events.add(SimpleConditionEvent.violated(
                                    unit, unit.getFullName() + " reads a setting with @Value"));
                        }
                    }
                }
            }
        };
    }
}
