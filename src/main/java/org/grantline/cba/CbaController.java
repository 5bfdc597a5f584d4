package org.grantline.cba;

import jakarta.validation.constraints.NotBlank;
import org.grantline.clock.BusinessClock;
import org.grantline.intake.ApplicationService;
import org.grantline.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Works out a cost-benefit analysis with the round's appraisal parameters and unit values in force today, step
 * by step, and lists those unit values. Only calculates: a plan's CBA is appraised and kept when the plan is sent.
 */
@RestController
@RequestMapping("/api/cba")
class CbaController {

    private final CbaAppraisal appraisal;
    private final ApplicationService intake;
    private final BusinessClock clock;

    CbaController(CbaAppraisal appraisal, ApplicationService intake, BusinessClock clock) {
        this.appraisal = appraisal;
        this.intake = intake;
        this.clock = clock;
    }

    @PostMapping("/calculation")
    CbaResult calculate(@RequestParam @NotBlank String round, @RequestBody CbaInput input) {
        intake.requireKnownRound(round);
        try {
            return appraisal.appraise(round, clock.today(), input);
        } catch (CbaInputException e) {
            throw ApiException.unprocessable(e.getMessage(), e.problems());
        }
    }

    /** The round's unit values in force today, by the code an outcome names them with, each with its source. */
    @GetMapping("/unit-values")
    List<CbaAppraisal.ListedUnitValue> unitValues(@RequestParam @NotBlank String round) {
        intake.requireKnownRound(round);
        return appraisal.unitValues(round, clock.today());
    }
}
