package org.grantline.decisions;

import org.grantline.rules.DecisionResult;

/** A decision result together with the id of the record that keeps it. */
public record RecordedDecision(String id, DecisionResult result) {}
