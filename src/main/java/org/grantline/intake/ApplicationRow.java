package org.grantline.intake;

import java.time.Instant;
import java.time.LocalDate;

/** An application as stored: identity, where it stands, and the submitted payload (JSON). */
public record ApplicationRow(String id, String roundCode, String leadName, String leadType, String areaName,
                             String areaDistrict, String stage, String processInstanceId, LocalDate submittedOn,
                             Instant submittedAt, String submittedBy, String payload) {
}
