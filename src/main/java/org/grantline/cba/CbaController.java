package org.grantline.cba;

import jakarta.validation.constraints.NotBlank;
import org.grantline.clock.BusinessClock;
import org.grantline.intake.ApplicationService;
import org.grantline.parameters.MissingParameterException;
import org.grantline.rules.RulesetRegistry;
import org.grantline.web.ApiException;
import org.grantline.web.FieldProblem;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Works out a cost-benefit analysis with the round's appraisal parameters in force today, step by step. Only
 * calculates: nothing is stored (a plan's CBA figures are sent with the plan).
 */
@RestController
@RequestMapping("/api/cba")
class CbaController {

    private final RulesetRegistry rulesets;
    private final ApplicationService intake;
    private final BusinessClock clock;

    CbaController(RulesetRegistry rulesets, ApplicationService intake, BusinessClock clock) {
        this.rulesets = rulesets;
        this.intake = intake;
        this.clock = clock;
    }

    @PostMapping("/calculation")
    CbaResult calculate(@RequestParam @NotBlank String round, @RequestBody CbaInput input) {
        intake.requireKnownRound(round);
        CbaTables tables;
        try {
            tables = CbaTables.from(rulesets.active(round).parameters().on(clock.today()));
        } catch (MissingParameterException e) {
            throw ApiException.unprocessable("round " + round + " has no appraisal parameters in force: " + e.getMessage(),
                    List.of(new FieldProblem("round", "no cba.discount_rate and cba.optimism_bias.* in force")));
        }
        try {
            return CbaCalculator.calculate(input, tables);
        } catch (CbaInputException e) {
            throw ApiException.unprocessable(e.getMessage(), e.problems().stream()
                    .map(p -> new FieldProblem(p.substring(0, p.indexOf(':')), p.substring(p.indexOf(':') + 2))).toList());
        }
    }
}
