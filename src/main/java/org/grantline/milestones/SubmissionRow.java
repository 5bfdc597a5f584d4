package org.grantline.milestones;

import java.time.Instant;
import java.time.LocalDate;

public record SubmissionRow(long id, String applicationId, String type, LocalDate submittedOn, Instant submittedAt,
                            String submittedBy, String payload) {
}
