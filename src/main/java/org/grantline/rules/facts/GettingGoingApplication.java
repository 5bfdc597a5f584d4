package org.grantline.rules.facts;

import java.time.LocalDate;

/** The Getting Going application: when it was made. Extra funding, if asked for, is an {@link ExtraFundingRequest}. */
public record GettingGoingApplication(LocalDate appliedOn) {}
