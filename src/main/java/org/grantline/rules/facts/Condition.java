package org.grantline.rules.facts;

import java.time.LocalDate;

/** A condition the application already carries: OPEN, MET or BREACHED. */
public record Condition(String code, String status, LocalDate dueOn) {

    public boolean isOpen() {
        return "OPEN".equals(status);
    }
}
