package dev.chartroom.webhook;

import dev.chartroom.tenant.Caller;
import dev.chartroom.web.NativeApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An organization's webhook endpoints and the log of their deliveries. */
@RestController
@NativeApi
@RequestMapping("/v1/webhooks")
@Tag(name = "Webhooks")
class WebhookApi {

    private final WebhookSubscriptions subscriptions;

    WebhookApi(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    record NewEndpoint(
            @NotBlank @Size(max = 2000) String url,
            @Size(max = 20) List<String> events) {}

    record CreatedEndpoint(String id, String url, List<String> events, String secret) {}

    record Endpoint(
            String id, String url, List<String> events, boolean enabled, String disabledReason, Instant createdAt) {

        static Endpoint of(WebhookEndpoint endpoint) {
            return new Endpoint(
                    endpoint.id(),
                    endpoint.url(),
                    endpoint.events(),
                    endpoint.enabled(),
                    endpoint.disabledReason(),
                    endpoint.createdAt());
        }
    }

    record Listing<T>(List<T> data) {}

    record Replay(String eventId) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Register a webhook endpoint",
            description = "events: types to receive; leave out for every type. The secret (whsec_…) is shown only "
                    + "in this answer: use it to verify the webhook-signature header (Standard Webhooks).")
    CreatedEndpoint register(Caller caller, @Valid @RequestBody NewEndpoint body) {
        var endpoint =
                subscriptions.register(caller.organizationId(), body.url().strip(), body.events());
        return new CreatedEndpoint(endpoint.id(), endpoint.url(), endpoint.events(), endpoint.secret());
    }

    @GetMapping
    @Operation(summary = "List webhook endpoints", description = "Secrets are not shown again.")
    Listing<Endpoint> list(Caller caller) {
        return new Listing<>(subscriptions.list(caller.organizationId()).stream()
                .map(Endpoint::of)
                .toList());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a webhook endpoint", description = "Its pending deliveries are dropped.")
    void delete(Caller caller, @PathVariable String id) {
        subscriptions.delete(caller.organizationId(), id);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(
            summary = "List delivery attempts of an endpoint",
            description = "The latest 100 attempts, newest first.")
    Listing<Delivery> deliveries(Caller caller, @PathVariable String id) {
        return new Listing<>(subscriptions.deliveries(caller.organizationId(), id));
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Send a delivered event again",
            description =
                    "Queues a new delivery of the same event with the same webhook-id; it appears as new attempts.")
    Replay replay(Caller caller, @PathVariable String id, @PathVariable String deliveryId) {
        return new Replay(subscriptions.replay(caller.organizationId(), id, deliveryId));
    }
}
