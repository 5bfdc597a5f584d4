package org.grantline.intake;

import jakarta.validation.Validator;
import org.grantline.web.ApiException;
import org.grantline.web.FieldProblem;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Applications from a CSV file, one row each (the columns are in the README). Every row is checked as an
 * application sent alone would be and submitted on its own transaction: a bad row is reported with its line
 * and reasons and leaves nothing behind; the good rows are accepted.
 */
@Component
public class BulkImport {

    public static final List<String> COLUMNS = List.of("round", "lead_name", "lead_type", "charitable_purpose",
            "prior_service_delivery", "incorporated", "annual_turnover", "area_name", "area_district", "in_england",
            "partners", "themes", "specific_intervention", "need_evidenced", "builds_on_prior_activity");
    static final int MAX_ROWS = 5000;

    public record Accepted(int line, String applicationId) {
    }

    public record Rejected(int line, List<FieldProblem> errors) {
    }

    public record Result(int rows, List<Accepted> accepted, List<Rejected> rejected) {
    }

    private final ApplicationService intake;
    private final Validator validator;

    BulkImport(ApplicationService intake, Validator validator) {
        this.intake = intake;
        this.validator = validator;
    }

    public Result run(String csv, String user) {
        List<CsvRows.Row> rows = CsvRows.parse(csv);
        if (rows.isEmpty() || !rows.get(0).fields().stream().map(String::trim).toList().equals(COLUMNS)) {
            throw ApiException.unprocessable("the first line must name the columns " + String.join(",", COLUMNS),
                    List.of(new FieldProblem("line 1", "expected columns: " + String.join(",", COLUMNS))));
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw ApiException.unprocessable("at most " + MAX_ROWS + " applications per file",
                    List.of(new FieldProblem("file", "more than " + MAX_ROWS + " rows")));
        }
        List<Accepted> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            try {
                Submitted submitted = submit(request(row), user);
                if (submitted.applicationId() != null) {
                    accepted.add(new Accepted(row.line(), submitted.applicationId()));
                } else {
                    rejected.add(new Rejected(row.line(), submitted.problems()));
                }
            } catch (CellException e) {
                rejected.add(new Rejected(row.line(), List.of(new FieldProblem(e.column(), e.getMessage()))));
            }
        }
        return new Result(rows.size() - 1, accepted, rejected);
    }

    /** One application checked and submitted on its own: its id, or (id null) the problems that refused it. */
    public record Submitted(String applicationId, List<FieldProblem> problems) {
    }

    /** Checks and submits one application as each row of an import is (also the round simulation's intake). */
    public Submitted submit(ApplicationRequest request, String user) {
        List<FieldProblem> problems = validator.validate(request).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field)).toList();
        if (!problems.isEmpty()) {
            return new Submitted(null, problems);
        }
        try {
            return new Submitted(intake.submit(request, user), List.of());
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            return new Submitted(null, List.of(new FieldProblem("lead_name", "the lead has already applied in this round (E9)")));
        } catch (ApiException e) {
            return new Submitted(null, e.fields().isEmpty() ? List.of(new FieldProblem("(row)", e.getMessage())) : e.fields());
        }
    }

    private static ApplicationRequest request(CsvRows.Row row) {
        if (row.fields().size() != COLUMNS.size()) {
            throw new CellException("(row)", "has " + row.fields().size() + " fields, " + COLUMNS.size() + " expected");
        }
        return requestFrom(column -> {
            String value = row.fields().get(COLUMNS.indexOf(column)).trim();
            return value.isEmpty() ? null : value;
        });
    }

    /**
     * An application from the cells of the import {@link #COLUMNS} (null for an empty cell), as the import and the
     * round simulation read them. Not yet validated; a cell that cannot be read is a {@link CellException}.
     */
    public static ApplicationRequest requestFrom(Function<String, String> cell) {
        List<ApplicationRequest.PartnerRequest> partners = new ArrayList<>();
        if (cell.apply("partners") != null) {
            for (String partner : cell.apply("partners").split(";")) {
                String[] parts = partner.split("\\|", -1);
                if (parts.length < 2 || parts.length > 3) {
                    throw new CellException("partners", "each partner is name|TYPE or name|TYPE|track_record");
                }
                partners.add(new ApplicationRequest.PartnerRequest(parts[0].trim(), parts[1].trim(),
                        parts.length == 3 ? yesNo("partners", parts[2].trim()) : null));
            }
        }
        List<String> themes = cell.apply("themes") == null ? List.of()
                : Arrays.stream(cell.apply("themes").split(";")).map(String::trim).toList();
        return new ApplicationRequest(cell.apply("round"),
                new ApplicationRequest.Lead(cell.apply("lead_name"), cell.apply("lead_type"),
                        yesNo("charitable_purpose", cell.apply("charitable_purpose")),
                        yesNo("prior_service_delivery", cell.apply("prior_service_delivery")),
                        yesNo("incorporated", cell.apply("incorporated")), money("annual_turnover", cell.apply("annual_turnover"))),
                new ApplicationRequest.Area(cell.apply("area_name"), cell.apply("area_district"),
                        yesNo("in_england", cell.apply("in_england"))),
                partners, themes,
                new ApplicationRequest.Proposal(yesNo("specific_intervention", cell.apply("specific_intervention")),
                        yesNo("need_evidenced", cell.apply("need_evidenced")),
                        yesNo("builds_on_prior_activity", cell.apply("builds_on_prior_activity"))));
    }

    private static final Map<String, Boolean> YES_NO = Map.of("yes", true, "true", true, "no", false, "false", false);

    public static Boolean yesNo(String column, String value) {
        if (value == null) {
            return null;
        }
        Boolean answer = YES_NO.get(value.toLowerCase(Locale.ROOT));
        if (answer == null) {
            throw new CellException(column, "'" + value + "' is not yes or no");
        }
        return answer;
    }

    private static BigDecimal money(String column, String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new CellException(column, "'" + value + "' is not an amount");
        }
    }

    /** A cell that cannot be read as its column's kind of value. */
    /** A cell that cannot be read, with its column. */
    public static final class CellException extends RuntimeException {
        private final String column;

        public CellException(String column, String message) {
            super(message);
            this.column = column;
        }

        public String column() {
            return column;
        }
    }
}
