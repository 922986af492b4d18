package dev.chartroom.patient;

import dev.chartroom.tenant.Caller;
import dev.chartroom.web.NativeApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@NativeApi
@RequestMapping("/v1/patients")
@Tag(name = "Patients")
class PatientApi {

    record PatientPage(List<Object> data, String nextCursor) {
    }

    @GetMapping
    @Operation(summary = "List patients")
    PatientPage list(Caller caller) {
        return new PatientPage(List.of(), null);
    }
}
