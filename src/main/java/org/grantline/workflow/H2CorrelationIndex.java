package org.grantline.workflow;

import org.springframework.stereotype.Component;

import java.util.List;

/**
 * On H2, an index that lets Camunda's message correlation find the one event subscription of the execution it
 * correlates to, whatever statistics H2 last gathered. Without it, statistics taken while few applications
 * were active lead H2 to read every application's subscription to the same message for each correlation, so a
 * submission's cost grows with the number of applications waiting (docs/benchmarks.md, fix 13). It holds every
 * column the correlation's {@code exists} reads, which makes it cheaper than the message-name index under any
 * statistics. PostgreSQL keeps its statistics current and has Camunda's own index on the execution.
 */
@Component
class H2CorrelationIndex extends H2EngineSchemaChange {

    static final String INDEX = "GL_IDX_EVENT_SUBSCR_EXEC_EVENT";

    @Override
    List<String> statements(String prefix) {
        return List.of("create index if not exists " + prefix + INDEX
                + " on " + prefix + "ACT_RU_EVENT_SUBSCR (EXECUTION_ID_, EVENT_TYPE_, EVENT_NAME_, ID_)");
    }
}
