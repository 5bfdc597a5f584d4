package org.grantline.intake;

import org.grantline.web.ApiException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@Repository
public class ApplicationRepository {

    private static final RowMapper<ApplicationRow> ROW = (rs, n) -> new ApplicationRow(
            rs.getString("id"), rs.getString("round_code"), rs.getString("lead_name"), rs.getString("lead_type"),
            rs.getString("area_name"), rs.getString("area_district"), rs.getString("stage"),
            rs.getString("process_instance_id"), rs.getDate("submitted_on").toLocalDate(),
            rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by"), rs.getString("payload"));

    /** Through uq_application_lead_round: the table has no other index its plan could take (V7). */
    static final String APPLICATIONS_OF_LEAD = "select id from application where round_code = ? and lead_key = ?";

    private final JdbcClient jdbc;

    public ApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** E9 compares leads by name, ignoring case and spacing. */
    public static String leadKey(String leadName) {
        return leadName.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public void insert(ApplicationRow row) {
        jdbc.sql("""
                insert into application (id, round_code, lead_key, lead_name, lead_type, area_name, area_district,
                    area_district_key, stage, submitted_on, submitted_at, submitted_by, payload)
                values (?, ?, ?, ?, ?, ?, ?, lower(trim(?)), ?, ?, ?, ?, ?)""")
                .params(row.id(), row.roundCode(), leadKey(row.leadName()), row.leadName(), row.leadType(),
                        row.areaName(), row.areaDistrict(), row.areaDistrict(), row.stage(), row.submittedOn(),
                        Timestamp.from(row.submittedAt()), row.submittedBy(), row.payload())
                .update();
    }

    /**
     * Fills in the application's process instance unless a stage change already did ({@link #setStage}): an
     * update that finds no row to change rewrites nothing.
     */
    public void setProcessInstance(String id, String processInstanceId) {
        jdbc.sql("update application set process_instance_id = ? where id = ? and process_instance_id is null")
                .params(processInstanceId, id).update();
    }

    /**
     * True if the row changed. A stage the application is already in is not written again: H2 would rewrite the
     * whole row, payload included, and take it out of every index and back (every process enters SUBMITTED, the
     * stage the row is inserted with). The first change also fills in the process instance, which saves the
     * start a second rewrite of the row. A stage entered by another instance of the application's process (one
     * restarted through Camunda's REST API after it was cancelled) moves the application to that instance, so
     * that the case file, the console and the auditors' timeline follow the process that now runs. (While the
     * row has no instance yet, {@code process_instance_id <> ?} is unknown, not true: SUBMITTED at the start
     * writes nothing.) A restart before an activity without a stage listener moves it at the next stage.
     */
    public boolean setStage(String id, String stage, String processInstanceId) {
        return jdbc.sql("""
                        update application set stage = ?, process_instance_id = coalesce(?, process_instance_id)
                        where id = ? and (stage <> ? or process_instance_id <> ?)""")
                .params(stage, processInstanceId, id, stage, processInstanceId).update() == 1;
    }

    /**
     * Holds the application's row until the transaction ends, so that the changes grantline's API makes to its
     * process go one at a time: the same message sent twice at once, a withdrawal beside a submission (task
     * completions hold the same row, found from the task: {@code tasks.TaskApplicationLock}). The second
     * waits for the first to commit and then meets the process as the first left it. {@code FOR UPDATE}, not the
     * no-op update of the other locks (docs/benchmarks.md, fix 35): H2 would rewrite this row, payload and all.
     */
    public void lockForChange(String id) {
        jdbc.sql("select id from application where id = ? for update").param(id).query(String.class).optional()
                .orElseThrow(() -> ApiException.notFound("application", id));
    }

    public Optional<ApplicationRow> find(String id) {
        return jdbc.sql("select * from application where id = ?").param(id).query(ROW).optional();
    }

    public ApplicationRow get(String id) {
        return find(id).orElseThrow(() -> ApiException.notFound("application", id));
    }

    public List<String> otherApplicationsOfLead(String roundCode, String leadName) {
        return jdbc.sql(APPLICATIONS_OF_LEAD)
                .params(roundCode, leadKey(leadName)).query(String.class).list();
    }

    /**
     * Each award held by another, not withdrawn, application in the district (ignoring case), with that
     * application, through the district's index (area_district_key: the district as SQL lower-cases and trims it).
     */
    public List<AwardedApplication> awardedInDistrict(String district, String exceptId) {
        return jdbc.sql("""
                        select a.*, w.type as award_type from award w join application a on a.id = w.application_id
                        where a.area_district_key = lower(trim(?)) and a.id <> ?
                          and a.stage <> 'WITHDRAWN'
                        order by w.created_at, w.id""")
                .params(district, exceptId)
                .query((rs, n) -> new AwardedApplication(ROW.mapRow(rs, n), rs.getString("award_type"))).list();
    }

    public record AwardedApplication(ApplicationRow application, String awardType) {
    }

    public List<ApplicationRow> list(String round, String stage, String submittedBy, int page, int size) {
        return jdbc.sql("""
                select * from application
                where (cast(:round as varchar) is null or round_code = :round)
                  and (cast(:stage as varchar) is null or stage = :stage)
                  and (cast(:owner as varchar) is null or submitted_by = :owner)
                order by submitted_at, id
                limit :size offset :offset""")
                .param("round", round).param("stage", stage).param("owner", submittedBy)
                .param("size", size).param("offset", page * size)
                .query(ROW).list();
    }
}
