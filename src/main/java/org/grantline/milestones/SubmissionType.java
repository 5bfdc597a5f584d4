package org.grantline.milestones;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The milestone documents and data an application can send, each with the shape of its payload.
 * The process waits for each as a BPMN message of the same name; sent at any other time, it is refused.
 */
public enum SubmissionType {
    DEVELOPMENT_STRATEGY(Payloads.Document.class),
    LOGIC_MODEL(Payloads.Document.class),
    GETTING_GOING_APPLICATION(Payloads.GettingGoing.class),
    DRAFT_PLAN(Payloads.Plan.class),
    FINAL_PLAN(Payloads.Plan.class),
    MATCH_FUNDING_COMMITMENTS(Payloads.Commitments.class),
    MATCH_FUNDING_PAYMENT(Payloads.MatchPayment.class),
    OUTTURN(Payloads.OutturnFigures.class);

    private final Class<?> payload;

    SubmissionType(Class<?> payload) {
        this.payload = payload;
    }

    public Class<?> payload() {
        return payload;
    }

    /** The BPMN message the process waits for. */
    public String message() {
        return name();
    }

    public static Optional<SubmissionType> parse(String raw) {
        return Arrays.stream(values()).filter(t -> t.name().equals(raw.toUpperCase(Locale.ROOT).replace('-', '_')))
                .findFirst();
    }
}
