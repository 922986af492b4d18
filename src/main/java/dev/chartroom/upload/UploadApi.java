package dev.chartroom.upload;

import dev.chartroom.audit.AuditLog;
import dev.chartroom.tenant.Caller;
import dev.chartroom.web.Cursor;
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
@RequestMapping("/v1/uploads")
@Tag(name = "Uploads", description = "What came in, how it went, and row-level errors")
class UploadApi {

    private final Uploads uploads;
    private final AuditLog audit;

    UploadApi(Uploads uploads, AuditLog audit) {
        this.uploads = uploads;
        this.audit = audit;
    }

    record UploadList(List<Upload> data) {}

    @GetMapping
    @Operation(
            summary = "List uploads, newest first",
            description = "Each upload with its counts and row errors; filter by fileName or kind.")
    UploadList list(
            Caller caller,
            @RequestParam(required = false) String fileName,
            @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "50") int limit) {
        audit.read(caller, "list", "upload", null);
        return new UploadList(uploads.list(caller.organizationId(), fileName, kind, Cursor.limit(limit, 500)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One upload with its counts and row errors")
    Upload get(Caller caller, @PathVariable String id) {
        Upload upload = uploads.find(caller.organizationId(), id)
                .orElseThrow(() -> new NotFoundException("upload_not_found", "No upload with that id."));
        audit.read(caller, "read", "upload", id);
        return upload;
    }
}
