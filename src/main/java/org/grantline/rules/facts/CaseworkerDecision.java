package org.grantline.rules.facts;

/** What a caseworker decided at a task (e.g. a plan sign-off) and the justification they gave. */
public record CaseworkerDecision(String task, boolean approved, boolean approvedExtra, String justification) {

    public boolean hasJustification() {
        return justification != null && !justification.isBlank();
    }
}
