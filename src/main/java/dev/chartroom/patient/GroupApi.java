package dev.chartroom.patient;

import dev.chartroom.tenant.Caller;
import dev.chartroom.web.ConflictException;
import dev.chartroom.web.NativeApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

@RestController
@NativeApi
@RequestMapping("/v1/groups")
@Tag(name = "Configuration")
class GroupApi {

    private final Groups groups;

    GroupApi(Groups groups) {
        this.groups = groups;
    }

    record NewGroup(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "use letters, digits, '.', '-' or '_'") String id,

            @NotBlank @Size(max = 200) String name) {}

    record GroupList(List<Group> data) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a group of patients")
    Group create(Caller caller, @Valid @RequestBody NewGroup body) {
        return groups.create(caller.organizationId(), body.id(), body.name().strip())
                .orElseThrow(() -> new ConflictException("group_exists", "A group with this id exists already."));
    }

    @GetMapping
    @Operation(summary = "List groups")
    GroupList list(Caller caller) {
        return new GroupList(groups.list(caller.organizationId()));
    }
}
