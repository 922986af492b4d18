package dev.chartroom.jobs;

import dev.chartroom.tenant.Caller;
import dev.chartroom.web.InvalidRequestException;
import dev.chartroom.web.NativeApi;
import dev.chartroom.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An organization's background jobs: above all the dead ones, so failures are never silent. */
@RestController
@NativeApi
@RequestMapping("/v1/jobs")
@Tag(name = "Jobs")
class JobsApi {

    private final Jobs jobs;

    JobsApi(Jobs jobs) {
        this.jobs = jobs;
    }

    record JobList(List<JobSummary> data) {}

    @GetMapping
    @Operation(
            summary = "List background jobs by status",
            description = "status is dead (default), ready or running. Jobs that succeeded are not kept.")
    JobList list(Caller caller, @RequestParam(defaultValue = "dead") String status) {
        return new JobList(jobs.list(caller.organizationId(), status(status)));
    }

    @PostMapping("/{id}/revive")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Run a dead job again", description = "The job gets a fresh set of attempts.")
    void revive(Caller caller, @PathVariable String id) {
        if (!jobs.revive(caller.organizationId(), id)) {
            throw new NotFoundException("job_not_found", "No dead job with this id.");
        }
    }

    private static JobStatus status(String value) {
        try {
            return JobStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_request", "status: use dead, ready or running.");
        }
    }
}
