package org.grantline.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One thing that happened to an application, as the audit trail recorded it. */
public record TimelineEntry(long seq, String kind, String refId, String actor, Instant at, JsonNode content) {
}
