package dev.chartroom.webhook;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/** Event data for webhook tests, which are about delivery, not shape: any fields, sent as given. */
public record TestEvent(@JsonValue Map<String, ?> fields) implements EventData {}
