package dev.chartroom.audit;

import dev.chartroom.tenant.Caller;
import dev.chartroom.text.Text;
import dev.chartroom.web.Cursor;
import dev.chartroom.web.NativeApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@NativeApi
@RequestMapping("/v1/audit")
@Tag(name = "Audit", description = "Who read which patient data, and when")
class AuditApi {

    private final AuditLog log;

    AuditApi(AuditLog log) {
        this.log = log;
    }

    record AuditPage(List<AuditEvent> data, String nextCursor) {}

    @GetMapping
    @Operation(
            summary = "Reads of patient data, newest first",
            description = "Filter by subjectType (patient, case, document, upload) and subjectId.")
    AuditPage list(
            Caller caller,
            @RequestParam(required = false) String subjectType,
            @RequestParam(required = false) String subjectId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "100") int limit) {
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Cursor.after(cursor);
        int size = Cursor.limit(limit, 1000);
        List<AuditEvent> page = log.list(
                caller.organizationId(), Text.blankToNull(subjectType), Text.blankToNull(subjectId), before, size + 1);
        String next = null;
        if (page.size() > size) {
            page = page.subList(0, size);
            next = Long.toString(page.getLast().id());
        }
        return new AuditPage(page, next);
    }
}
