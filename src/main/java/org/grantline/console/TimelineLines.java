package org.grantline.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.grantline.audit.Timeline;
import org.grantline.audit.TimelineEntry;
import org.grantline.trail.AuditTrail;

import org.grantline.clock.BusinessClock;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An application's audit trail in plain language, one line per recorded change, for the console's timeline. */
final class TimelineLines {

    /** {@code when}: the moment in London time; {@code decisionId} is set for a decision, for a link to it. */
    record Line(Instant at, String when, String actor, String kind, String text, String decisionId) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
            .withZone(BusinessClock.ZONE);

    static List<Line> of(Timeline timeline) {
        List<Line> lines = new ArrayList<>();
        for (TimelineEntry entry : timeline.entries()) {
            JsonNode c = entry.content();
            String text;
            String decisionId = null;
            switch (entry.kind()) {
                case AuditTrail.DECISION -> {
                    decisionId = entry.refId();
                    text = "Decision " + c.path("decision").asText() + ": " + words(c.path("outcome").asText())
                            + " (" + c.path("triggerType").asText().toLowerCase(Locale.ROOT) + ")";
                }
                case AuditTrail.TASK -> text = "Task “" + c.path("taskName").asText() + "” completed"
                        + variables(c.path("variables"));
                case AuditTrail.PAYMENT -> text = "Tranche " + c.path("awardType").asText() + " " + c.path("number").asText()
                        + " (£" + c.path("amount").decimalValue().toPlainString() + "): "
                        + (c.path("from").isNull() ? "" : words(c.path("from").asText()) + " → ") + words(c.path("to").asText());
                default -> text = entry.kind();
            }
            lines.add(new Line(entry.at(), WHEN.format(entry.at()), entry.actor(), entry.kind(), text, decisionId));
        }
        return lines;
    }

    private static String variables(JsonNode variables) {
        List<String> parts = new ArrayList<>();
        variables.fields().forEachRemaining(f -> parts.add(f.getKey() + " " + f.getValue().asText()));
        return parts.isEmpty() ? "" : ": " + String.join(", ", parts);
    }

    private static String words(String code) {
        return code.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    private TimelineLines() {
    }
}
