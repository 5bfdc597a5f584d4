package org.grantline.console;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Applications by round, stage, lead type and open task, a page at a time, for the console's list. */
@Component
class ApplicationSearch {

    /** What the list is filtered by; a blank filter is no filter. */
    record Filter(String round, String stage, String leadType, String openTask) {
        boolean isEmpty(String value) {
            return value == null || value.isBlank();
        }
    }

    record Row(String id, String round, String stage, String leadName, String leadType, String areaName,
               String areaDistrict, LocalDate submittedOn, List<String> openTasks) {
    }

    /** {@code pages}: how many pages the whole result fills (at least one). */
    record Page(List<Row> rows, long total, int page, int size, int pages) {
        static Page of(List<Row> rows, long total, int page, int size) {
            return new Page(rows, total, page, size, (int) Math.max(1, (total + size - 1) / size));
        }
    }

    private final JdbcClient jdbc;
    private final TaskService tasks;

    ApplicationSearch(JdbcClient jdbc, TaskService tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    Page search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        condition(filter.round(), "round_code = :round", "round", where, params);
        condition(filter.stage(), "stage = :stage", "stage", where, params);
        condition(filter.leadType(), "lead_type = :leadType", "leadType", where, params);
        if (!filter.isEmpty(filter.openTask())) {
            Set<String> instances = tasks.createTaskQuery().taskDefinitionKey(filter.openTask()).list().stream()
                    .map(Task::getProcessInstanceId).collect(Collectors.toSet());
            if (instances.isEmpty()) {
                return Page.of(List.of(), 0, page, size);
            }
            where.append(" and process_instance_id in (:instances)");
            params.put("instances", instances);
        }
        long total = jdbc.sql("select count(*) from application" + where).params(params).query(Long.class).single();
        List<Hit> hits = jdbc.sql("select id, round_code, stage, lead_name, lead_type, area_name, area_district, "
                        + "submitted_on, process_instance_id from application" + where
                        + " order by submitted_at desc, id limit :size offset :offset")
                .params(params).param("size", size).param("offset", page * size)
                .query((rs, n) -> new Hit(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getDate(8).toLocalDate(), List.of()),
                        rs.getString(9)))
                .list();
        return Page.of(withOpenTasks(hits), total, page, size);
    }

    private record Hit(Row row, String processInstanceId) {
    }

    /** Each row with the names of its process instance's open tasks. */
    private List<Row> withOpenTasks(List<Hit> hits) {
        String[] instances = hits.stream().map(Hit::processInstanceId).filter(java.util.Objects::nonNull)
                .toArray(String[]::new);
        Map<String, List<String>> names = instances.length == 0 ? Map.of()
                : tasks.createTaskQuery().processInstanceIdIn(instances).list().stream()
                .collect(Collectors.groupingBy(Task::getProcessInstanceId,
                        Collectors.mapping(Task::getName, Collectors.toList())));
        List<Row> rows = new ArrayList<>();
        for (Hit hit : hits) {
            Row r = hit.row();
            rows.add(new Row(r.id(), r.round(), r.stage(), r.leadName(), r.leadType(), r.areaName(), r.areaDistrict(),
                    r.submittedOn(), names.getOrDefault(hit.processInstanceId(), List.of())));
        }
        return rows;
    }

    /** The round of the most recent application, the one a dashboard shows first. */
    java.util.Optional<String> latestRound() {
        return jdbc.sql("select round_code from application order by submitted_at desc, id limit 1")
                .query(String.class).optional();
    }

    /** The stages, lead types and open task keys that occur, for the filter menus. */
    List<String> stages() {
        return jdbc.sql("select distinct stage from application order by stage").query(String.class).list();
    }

    List<String> leadTypes() {
        return jdbc.sql("select distinct lead_type from application order by lead_type").query(String.class).list();
    }

    /** Task key to task name, from a sample of open tasks (enough to name every kind a round has). */
    Map<String, String> openTaskKinds() {
        Map<String, String> kinds = new java.util.TreeMap<>();
        tasks.createTaskQuery().listPage(0, 2000).forEach(t -> kinds.putIfAbsent(t.getTaskDefinitionKey(), t.getName()));
        return kinds;
    }

    private static void condition(String value, String sql, String name, StringBuilder where, Map<String, Object> params) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(sql);
            params.put(name, value);
        }
    }
}
