package org.grantline.workflow;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * On H2, drops two kinds of Camunda's indexes from the tables every application writes.
 * <p>
 * Those on tenant ids and case instances (fix 27): grantline runs without tenants and without CMMN cases, so
 * these columns are null in every row, and an index on them can only ever match every row (Camunda's tenant check
 * asks for {@code TENANT_ID_ is null}); yet H2 writes an entry in each for every row inserted or deleted, two for
 * every row updated (it takes an updated row out of every index and puts it back), and visits them again at commit
 * (docs/benchmarks.md, fix 27). Indexes that back a foreign key stay.
 * <p>
 * Those whose columns only repeat the leading columns of another index of the same table (fix 29): every lookup
 * that could use one can use the longer index, and the shorter one is written with every row for nothing.
 * <p>
 * PostgreSQL keeps Camunda's schema as it is. Camunda's H2 drop scripts expect these indexes, so on H2
 * {@code camunda.bpm.database.schema-update} must not be {@code create-drop} or {@code drop-create}.
 */
@Component
class H2UnusedIndexes extends H2EngineSchemaChange {

    /** As Camunda 7.24's activiti.h2.create.engine.sql and .history.sql name them: tenant and case columns only. */
    static final List<String> INDEXES = List.of(
            "ACT_IDX_EXEC_TENANT_ID", "ACT_IDX_TASK_TENANT_ID", "ACT_IDX_VARIABLE_TENANT_ID",
            "ACT_IDX_EVENT_SUBSCR_TENANT_ID", "ACT_IDX_JOB_TENANT_ID",
            "ACT_IDX_HI_PRO_INST_TENANT_ID", "ACT_IDX_HI_ACT_INST_TENANT_ID", "ACT_IDX_HI_TASK_INST_TENANT_ID",
            "ACT_IDX_HI_VAR_INST_TENANT_ID", "ACT_IDX_HI_CASEVAR_CASE_INST",
            "ACT_IDX_HI_DETAIL_TENANT_ID", "ACT_IDX_HI_DETAIL_CASE_INST", "ACT_IDX_HI_DETAIL_CASE_EXEC",
            "ACT_IDX_HI_IDENT_LNK_TENANT_ID", "ACT_IDX_HI_JOB_LOG_TENANT_ID");

    /** Each dropped index, with the index of the same table whose leading columns are its columns. */
    static final Map<String, String> COVERED = Map.of(
            "ACT_IDX_VARIABLE_TASK_ID", "ACT_IDX_VARIABLE_TASK_NAME_TYPE",
            "ACT_IDX_JOB_HANDLER_TYPE", "ACT_IDX_JOB_HANDLER",
            "ACT_IDX_HI_DETAIL_BYTEAR", "ACT_IDX_HI_DETAIL_TASK_BYTEAR",
            "ACT_IDX_HI_PROCVAR_PROC_INST", "ACT_IDX_HI_VAR_PI_NAME_TYPE",
            "ACT_IDX_HI_VARINST_NAME", "ACT_IDX_HI_PROCVAR_NAME_TYPE");

    @Override
    List<String> statements(String prefix) {
        return Stream.concat(INDEXES.stream(), COVERED.keySet().stream().sorted())
                .map(index -> "drop index if exists " + prefix + index).toList();
    }
}
