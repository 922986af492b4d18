package dev.chartroom.caseflow;

import dev.chartroom.tenant.Caller;
import dev.chartroom.web.NativeApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An organization's clinicians, staff members and routing rules. */
@RestController
@NativeApi
@RequestMapping("/v1")
@Tag(name = "Configuration")
class ConfigurationApi {

    private final Clinicians clinicians;
    private final StaffMembers staff;
    private final RoutingRules routingRules;

    ConfigurationApi(Clinicians clinicians, StaffMembers staff, RoutingRules routingRules) {
        this.clinicians = clinicians;
        this.staff = staff;
        this.routingRules = routingRules;
    }

    record NewClinician(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            Boolean active) {}

    record NewStaffMember(
            @NotBlank @Size(max = 100) @Pattern(regexp = "\\S+", message = "must not contain spaces") String id,

            @NotBlank @Size(max = 200) String name,
            Boolean active) {}

    record NewRoutingRule(
            @NotNull Boolean newConsult,
            @NotBlank @Size(max = 200) String agent) {}

    record Listing<T>(List<T> data) {}

    @PostMapping("/clinicians")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Register a clinician",
            description = "Appointments must name an active clinician by last name.")
    Clinician createClinician(Caller caller, @Valid @RequestBody NewClinician body) {
        return clinicians.create(
                caller.organizationId(),
                body.firstName().strip(),
                body.lastName().strip(),
                body.active() == null || body.active());
    }

    @GetMapping("/clinicians")
    @Operation(summary = "List clinicians")
    Listing<Clinician> listClinicians(Caller caller) {
        return new Listing<>(clinicians.list(caller.organizationId()));
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Add or update a staff member",
            description = "Documents can be assigned to active staff members.")
    StaffMember saveStaffMember(Caller caller, @Valid @RequestBody NewStaffMember body) {
        return staff.save(
                caller.organizationId(), body.id(), body.name().strip(), body.active() == null || body.active());
    }

    @GetMapping("/staff")
    @Operation(summary = "List staff members")
    Listing<StaffMember> listStaff(Caller caller) {
        return new Listing<>(staff.list(caller.organizationId()));
    }

    @PostMapping("/routing-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Route cases by NewConsult to an agent",
            description = "A rule for the same newConsult value replaces the previous one.")
    RoutingRule saveRoutingRule(Caller caller, @Valid @RequestBody NewRoutingRule body) {
        return routingRules.save(
                caller.organizationId(), body.newConsult(), body.agent().strip());
    }

    @GetMapping("/routing-rules")
    @Operation(summary = "List routing rules")
    Listing<RoutingRule> listRoutingRules(Caller caller) {
        return new Listing<>(routingRules.list(caller.organizationId()));
    }
}
