package org.grantline.cba;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.grantline.parameters.MissingParameterException;
import org.grantline.parameters.ParameterSet;
import org.grantline.parameters.UnitValue;
import org.grantline.rules.RulesetRegistry;
import org.grantline.web.FieldProblem;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Appraises a CBA with a round's parameters in force on a date: its discount rate, optimism-bias table and unit
 * values (outcomes that name a {@code unit_value.*} code are valued from the round's data file).
 */
@Service
public class CbaAppraisal {

    public static final String UNIT_VALUE_PREFIX = "unit_value.";

    private final RulesetRegistry rulesets;
    private final Validator validator;

    CbaAppraisal(RulesetRegistry rulesets, Validator validator) {
        this.rulesets = rulesets;
        this.validator = validator;
    }

    /** @throws CbaInputException naming each field that cannot be appraised */
    public CbaResult appraise(String round, LocalDate on, CbaInput input) {
        checkText(input);
        ParameterSet params = rulesets.active(round).parameters().on(on);
        CbaTables tables;
        try {
            tables = CbaTables.from(params);
        } catch (MissingParameterException e) {
            throw new CbaInputException(List.of(new FieldProblem("round",
                    "round " + round + " has no appraisal parameters in force on " + on + ": " + e.getMessage())));
        }
        return CbaCalculator.calculate(valued(input, params), tables);
    }

    /** One of a round's unit values in force: the code outcomes name it by, what it is, and the value itself. */
    public record ListedUnitValue(String code, String description, java.math.BigDecimal amount, String type,
                                  String agency, String source) {
    }

    /** The round's unit values in force on a date, by code. */
    public List<ListedUnitValue> unitValues(String round, LocalDate on) {
        List<ListedUnitValue> values = new ArrayList<>();
        rulesets.active(round).parameters().all().forEach((key, parameter) -> {
            if (key.startsWith(UNIT_VALUE_PREFIX) && parameter.valueOn(on).orElse(null) instanceof UnitValue value) {
                values.add(new ListedUnitValue(key.substring(UNIT_VALUE_PREFIX.length()), parameter.description(),
                        value.amount(), value.type(), value.agency(), value.source()));
            }
        });
        return values;
    }

    private void checkText(CbaInput input) {
        List<FieldProblem> problems = validator.validate(input).stream()
                .map(v -> new FieldProblem(path(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field)).toList();
        if (!problems.isEmpty()) {
            throw new CbaInputException(problems);
        }
    }

    private static String path(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replace("<list element>", "");
    }

    /** Outcomes naming a unit value get its amount, type, agency and source; others must bring all four. */
    private static CbaInput valued(CbaInput input, ParameterSet params) {
        Problems problems = new Problems();
        List<CbaInput.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < input.outcomes().size(); i++) {
            CbaInput.Outcome outcome = input.outcomes().get(i);
            String at = "outcomes[" + i + "].";
            if (outcome.unitValueRef() == null) {
                outcomes.add(outcome);
            } else if (outcome.bringsOwnValue()) {
                problems.add(at + "unitValueRef", "name one of the round's unit values, or give unitValue, type, "
                        + "agency and source of your own, not both");
            } else if (params.find(UNIT_VALUE_PREFIX + outcome.unitValueRef()).orElse(null) instanceof UnitValue value) {
                outcomes.add(outcome.valuedAt(value));
            } else {
                problems.add(at + "unitValueRef", "no unit value '" + outcome.unitValueRef() + "' is in force on "
                        + params.date() + " (GET /api/cba/unit-values lists them)");
            }
        }
        problems.throwIfAny();
        return new CbaInput(outcomes, input.costs());
    }
}
