package org.grantline.clock;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The one clock of grantline and of its process engine (Camunda's ClockUtil), so that rule dates,
 * deadlines and timers always agree. Programme dates are calendar dates in Europe/London.
 * {@code grantline.clock.start} moves business time to a given moment at start-up (it then runs on),
 * which is how a historic round such as 2014/15 can be tried today.
 */
@Component
public class BusinessClock {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final Logger log = LoggerFactory.getLogger(BusinessClock.class);

    public BusinessClock(@Value("${grantline.clock.start:}") String start) {
        if (start != null && !start.isBlank()) {
            Instant target = LocalDateTime.parse(start).atZone(ZONE).toInstant();
            ClockUtil.offset(target.toEpochMilli() - System.currentTimeMillis());
            log.warn("Business clock moved to {} (grantline.clock.start); timers and rule dates follow it", start);
        }
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), ZONE);
    }
}
