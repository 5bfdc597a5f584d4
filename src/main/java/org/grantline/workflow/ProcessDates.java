package org.grantline.workflow;

import org.grantline.clock.BusinessClock;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Date;

/**
 * Turns the ISO dates that rules produce into timer moments: {@code ${dates.endOf(gettingGoingDeadline)}} is
 * midnight at the end of the deadline day in Europe/London, so the deadline day itself is still in time.
 */
@Component("dates")
public class ProcessDates {

    public Date endOf(String isoDate) {
        return Date.from(LocalDate.parse(isoDate).plusDays(1).atStartOfDay(BusinessClock.ZONE).toInstant());
    }

    public Date startOf(String isoDate) {
        return Date.from(LocalDate.parse(isoDate).atStartOfDay(BusinessClock.ZONE).toInstant());
    }
}
