package dev.chartroom.caseflow;

import dev.chartroom.audit.AuditLog;
import dev.chartroom.patient.Patients;
import dev.chartroom.tenant.Caller;
import dev.chartroom.text.Text;
import dev.chartroom.web.Cursor;
import dev.chartroom.web.InvalidRequestException;
import dev.chartroom.web.NativeApi;
import dev.chartroom.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@NativeApi
@RequestMapping("/v1/cases")
@Tag(name = "Cases", description = "Appointment intake cases with their medications, allergies and notes")
class CaseApi {

    private final Cases cases;
    private final Patients patients;
    private final AuditLog audit;

    CaseApi(Cases cases, Patients patients, AuditLog audit) {
        this.cases = cases;
        this.patients = patients;
        this.audit = audit;
    }

    record CasePage(List<Case> data, String nextCursor) {}

    @GetMapping
    @Operation(summary = "List cases", description = "Filters combine; pages follow nextCursor until it is null.")
    CasePage list(
            Caller caller,
            @RequestParam(required = false) String appointmentId,
            @RequestParam(required = false) String patientExternalId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "100") int limit) {
        Long patientId = null;
        if (patientExternalId != null && !patientExternalId.isBlank()) {
            var id = patients.idOf(caller.organizationId(), patientExternalId.strip());
            if (id.isEmpty()) {
                return new CasePage(List.of(), null);
            }
            patientId = id.get();
        }
        if (status != null
                && !status.isBlank()
                && !List.of(CaseDecision.ACTIVE, CaseDecision.CANCELLED).contains(status)) {
            throw new InvalidRequestException("invalid_request", "status: use active or cancelled.");
        }
        int size = Cursor.limit(limit, 500);
        List<Case> page = cases.list(
                caller.organizationId(),
                Text.blankToNull(appointmentId),
                patientId,
                Text.blankToNull(status),
                Cursor.after(cursor),
                size + 1);
        audit.read(caller, "list", "case", Text.blankToNull(appointmentId));
        String next = null;
        if (page.size() > size) {
            page = page.subList(0, size);
            next = Long.toString(page.getLast().id());
        }
        return new CasePage(page, next);
    }

    @GetMapping("/{appointmentId}")
    @Operation(summary = "One case, by its AppointmentId")
    Case get(Caller caller, @PathVariable String appointmentId) {
        Case found = cases.byAppointmentId(caller.organizationId(), appointmentId)
                .orElseThrow(() -> new NotFoundException("case_not_found", "No case with that appointment id."));
        audit.read(caller, "read", "case", appointmentId);
        return found;
    }
}
