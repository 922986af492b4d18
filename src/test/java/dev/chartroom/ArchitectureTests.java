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
import dev.chartroom.webhook.EventData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
        classes().that().areAnnotatedWith(ConfigurationProperties.class)
                .should().beRecords()
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
        classes().that().implement(EventData.class)
                .should().beRecords()
                .andShould().resideOutsideOfPackage("dev.chartroom.webhook..")
                .check(MAIN);
    }

    private static ArchCondition<JavaClass> readSettingsUnder(String prefix) {
        return new ArchCondition<>("read settings under " + prefix) {
            @Override
            public void check(JavaClass settings, ConditionEvents events) {
                var annotation = settings.getAnnotationOfType(ConfigurationProperties.class);
                String name = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
                events.add(new SimpleConditionEvent(settings, name.equals(prefix) || name.startsWith(prefix + "."),
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
                            events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " reads a setting with @Value"));
                        }
                    }
                }
            }
        };
    }
}
