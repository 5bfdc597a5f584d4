package org.grantline.workflow;

import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.grantline.database.TimeOrderedIds;
import org.springframework.stereotype.Component;

/**
 * Camunda's ids for its own rows, time-ordered as grantline's ({@link TimeOrderedIds}), in place of the starter's
 * time-based UUIDs, whose text begins with the low bits of the time and so starts again from the bottom of every
 * index about every 7 minutes: each pass put inserts all over the index, beside pages written minutes before
 * (docs/benchmarks.md, fix 22). Like the starter's, they need no database round trip, so several nodes can make
 * them at once.
 */
@Component
class TimeOrderedEngineIds implements IdGenerator {

    @Override
    public String getNextId() {
        return TimeOrderedIds.next();
    }
}
