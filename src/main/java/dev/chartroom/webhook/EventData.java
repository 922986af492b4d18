package dev.chartroom.webhook;

/**
 * The {@code data} of a webhook event: a record owned by the module that announces it, serialized
 * by {@link WebhookEvents} inside the one envelope every event shares ({@code id}, {@code object},
 * {@code created}, {@code type}, {@code data}). Only these reach {@code publish}, so no event goes
 * out as an ad-hoc map; {@code ArchitectureTests} holds them to records outside this module.
 */
public interface EventData {}
