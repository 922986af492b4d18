package dev.chartroom.caseflow;

import java.time.Instant;

/** Sends cases with this NewConsult value to the named intake agent. */
record RoutingRule(boolean newConsult, String agent, Instant createdAt) {}
