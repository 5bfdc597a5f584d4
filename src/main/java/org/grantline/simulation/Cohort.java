package org.grantline.simulation;

import org.grantline.intake.ApplicationRequest;
import org.grantline.intake.BulkImport;
import org.grantline.intake.CsvRows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A cohort file: one row per applicant, the bulk import's columns (its application) followed by the script
 * columns (what happens to it). Every problem is collected with its line, so a designer fixes them all at once.
 */
record Cohort(List<Member> members, List<String> problems) {

    static final List<String> SCRIPT_COLUMNS = List.of("selected", "getting_going_applied", "getting_going_approved",
            "plan_submitted", "signed_off", "withdrawn_at");
    static final List<String> COLUMNS = Stream.concat(BulkImport.COLUMNS.stream(), SCRIPT_COLUMNS.stream()).toList();

    /** One applicant: the line it was read from, its application and its script. */
    record Member(int line, ApplicationRequest application, Script script) {
    }

    static Cohort parse(String csv) {
        List<CsvRows.Row> rows = CsvRows.parse(csv);
        List<String> problems = new ArrayList<>();
        if (rows.isEmpty() || !rows.get(0).fields().stream().map(String::trim).toList().equals(COLUMNS)) {
            problems.add("line 1: the columns must be exactly " + String.join(",", COLUMNS));
            return new Cohort(List.of(), problems);
        }
        List<Member> members = new ArrayList<>();
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            if (row.fields().size() != COLUMNS.size()) {
                problems.add("line " + row.line() + ": " + row.fields().size() + " fields, " + COLUMNS.size() + " expected");
                continue;
            }
            Function<String, String> cell = column -> {
                String value = row.fields().get(COLUMNS.indexOf(column)).trim();
                return value.isEmpty() ? null : value;
            };
            try {
                members.add(new Member(row.line(), BulkImport.requestFrom(cell), script(cell)));
            } catch (BulkImport.CellException e) {
                problems.add("line " + row.line() + ": " + e.column() + ": " + e.getMessage());
            }
        }
        List<String> rounds = members.stream().map(m -> m.application().round()).distinct().toList();
        if (rounds.size() > 1) {
            problems.add("a cohort simulates one round; this one names " + rounds);
        }
        if (members.isEmpty() && problems.isEmpty()) {
            problems.add("the cohort has no applicants");
        }
        return new Cohort(members, problems);
    }

    /** Empty yes/no cells are no: what is not scripted does not happen. */
    private static Script script(Function<String, String> cell) {
        String plan = cell.apply("plan_submitted");
        Script.Plan planned;
        if (plan != null && plan.equalsIgnoreCase("late")) {
            planned = Script.Plan.LATE;
        } else {
            try {
                planned = yes(cell, "plan_submitted") ? Script.Plan.YES : Script.Plan.NO;
            } catch (BulkImport.CellException e) {
                throw new BulkImport.CellException("plan_submitted", "'" + plan + "' is not yes, late or no");
            }
        }
        String withdrawnAt = cell.apply("withdrawn_at");
        return new Script(yes(cell, "selected"), yes(cell, "getting_going_applied"), yes(cell, "getting_going_approved"),
                planned, yes(cell, "signed_off"), withdrawnAt == null ? null : withdrawnAt.toUpperCase(Locale.ROOT));
    }

    private static boolean yes(Function<String, String> cell, String column) {
        return Boolean.TRUE.equals(BulkImport.yesNo(column, cell.apply(column)));
    }

    String round() {
        return members.isEmpty() ? null : members.get(0).application().round();
    }
}
