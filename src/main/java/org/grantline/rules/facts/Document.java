package org.grantline.rules.facts;

import java.time.LocalDate;

/** A milestone document on file (development strategy, logic model, plans ...). */
public record Document(String type, LocalDate submittedOn) {}
