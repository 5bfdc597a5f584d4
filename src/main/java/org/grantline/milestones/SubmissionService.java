package org.grantline.milestones;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.grantline.cba.CbaAppraisal;
import org.grantline.cba.CbaInputException;
import org.grantline.cba.CbaResult;
import org.grantline.cba.OutturnComparison;
import org.grantline.clock.BusinessClock;
import org.grantline.trail.CanonicalJson;
import org.grantline.decisions.FactsAssembler;
import org.grantline.intake.ApplicationRepository;
import org.grantline.intake.ApplicationRequest;
import org.grantline.intake.ApplicationRow;
import org.grantline.intake.Vocabulary;
import org.grantline.rules.DecisionEngine;
import org.grantline.rules.DecisionResult;
import org.grantline.web.ApiException;
import org.grantline.web.FieldProblem;
import org.grantline.workflow.EngineCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Milestone documents and data. A submission is stored and the waiting process is told (a BPMN message of
 * the submission's type), in one transaction: if the process is not waiting for it, nothing is kept (409).
 */
@Service
public class SubmissionService {

    private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);

    static final String FINAL_PLAN_INTAKE = "final-plan-intake";

    private final SubmissionRepository submissions;
    private final ApplicationRepository applications;
    private final FactsAssembler facts;
    private final DecisionEngine engine;
    private final Vocabulary vocabulary;
    private final RuntimeService runtime;
    private final EngineCalls engineCalls;
    private final BusinessClock clock;
    private final ObjectMapper json;
    private final Validator validator;
    private final CbaAppraisal appraisal;
    private final TransactionTemplate separately;

    SubmissionService(SubmissionRepository submissions, ApplicationRepository applications, FactsAssembler facts,
                      DecisionEngine engine, Vocabulary vocabulary, RuntimeService runtime, EngineCalls engineCalls,
                      BusinessClock clock, ObjectMapper json, Validator validator, CbaAppraisal appraisal,
                      PlatformTransactionManager transactions) {
        this.submissions = submissions;
        this.applications = applications;
        this.facts = facts;
        this.engine = engine;
        this.vocabulary = vocabulary;
        this.runtime = runtime;
        this.engineCalls = engineCalls;
        this.clock = clock;
        this.json = json;
        this.validator = validator;
        this.appraisal = appraisal;
        this.separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        separately.setReadOnly(true);
    }

    @Transactional
    public void submit(ApplicationRow app, SubmissionType type, JsonNode body, String user) {
        Object payload = read(type, body);
        checkWords(payload);
        LocalDate today = clock.today();
        payload = appraised(app, payload, today);
        checkDomain(app, type, payload, today);
        applications.lockForChange(app.id());
        submissions.insert(app.id(), type, today, clock.now(), user, CanonicalJson.write(payload));
        correlate(app, type.message(), Map.of(), user,
                stage -> "application is at stage " + stage + " and is not waiting for " + type);
    }

    @Transactional
    public void withdraw(ApplicationRow app, String reason, String user) {
        applications.lockForChange(app.id());
        correlate(app, "WITHDRAWAL", Map.of("withdrawalReason", reason), user,
                stage -> "application is at stage " + stage + " and can no longer be withdrawn "
                        + "(withdrawal is possible until the plan is signed off)");
    }

    /** The caller holds the application's lock, so another request's message has been committed or waits. */
    private void correlate(ApplicationRow app, String message, Map<String, Object> variables, String user,
                           Function<String, String> notWaitingAtStage) {
        boolean delivered;
        try {
            delivered = engineCalls.asUser(user, () -> delivered(app, message, variables));
        } catch (RuntimeException e) {
            // A timer, or a task completed in Tasklist or Camunda's REST API, can move the process on while the
            // message is delivered (they do not take the application's lock); the loser may then fail anywhere in
            // the engine, not always with a conflict (a subscription gone, the execution tree half moved on: even a
            // NullPointerException). The process as committed says whether it lost: asked in a transaction of its
            // own, as this one may no longer run statements.
            if (!stillWaitingFor(app, message, e)) {
                log.info("Application {}: {} came as the process moved on (409); the engine's error logged above "
                        + "was that: {}", app.id(), message, e.toString());
                throw ApiException.conflict("application " + app.id() + " moved on while " + message
                        + " was being delivered and is no longer waiting for it; reload and retry");
            }
            throw e;
        }
        if (!delivered) {
            // The stage read before the lock was taken may have moved on since.
            throw ApiException.conflict(notWaitingAtStage.apply(
                    applications.find(app.id()).map(ApplicationRow::stage).orElse(app.stage())));
        }
    }

    /**
     * False if the process is not waiting for the message. In {@link EngineCalls#asUser}'s one engine command, and
     * returned, not thrown: the engine logs every exception that leaves a command as an error, and an applicant
     * sending a document at the wrong stage is not one. The failed correlation changed nothing.
     */
    private boolean delivered(ApplicationRow app, String message, Map<String, Object> variables) {
        try {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(app.id()).setVariables(variables)
                    .correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException e) {
            return false;
        }
    }

    /** True also when the question cannot be asked: then the engine's own failure is the answer, not this one. */
    private boolean stillWaitingFor(ApplicationRow app, String message, RuntimeException failure) {
        try {
            return separately.execute(status -> waitingFor(app, message));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            return true;
        }
    }

    private boolean waitingFor(ApplicationRow app, String message) {
        return engineCalls.withoutAuthorization(() -> runtime.createExecutionQuery()
                .processInstanceBusinessKey(app.id()).messageEventSubscriptionName(message).count() > 0);
    }

    private Object read(SubmissionType type, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("(body)", "a JSON object is expected for " + type);
        }
        if (body.has("appraisal")) {
            throw ApiException.badRequest("appraisal", "the appraisal is worked out by grantline from 'cba' "
                    + "(outcomes and costs) when the plan arrives; do not send one");
        }
        Object payload;
        try {
            payload = json.treeToValue(body, type.payload());
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest(e.getPropertyName(), "unknown field '" + e.getPropertyName() + "' for "
                    + type + "; known fields: " + e.getKnownPropertyIds());
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").reduce((a, b) -> a + "." + b).orElse("(body)");
            throw ApiException.badRequest(field, "field '" + field + "' has the wrong type or value for " + type);
        } catch (Exception e) {
            throw ApiException.badRequest("(body)", "body cannot be read as " + type);
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            List<FieldProblem> problems = violations.stream()
                    .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(FieldProblem::field)).toList();
            throw ApiException.unprocessable(problems.stream().map(p -> p.field() + ": " + p.message())
                    .reduce((a, b) -> a + "; " + b).orElseThrow(), problems);
        }
        return payload;
    }

    private void checkWords(Object payload) {
        Vocabulary.Checker words = vocabulary.checker();
        if (payload instanceof Payloads.GettingGoing gg) {
            if (gg.partnersAdded() != null) {
                words.words("partnersAdded.type", gg.partnersAdded().stream()
                        .map(ApplicationRequest.PartnerRequest::type).toList(), "organisationTypes");
            }
            if (gg.extraFunding() != null) {
                words.word("extraFunding.kind", gg.extraFunding().kind(), "extraFundingKinds")
                        .words("extraFunding.budgetArrangements", gg.extraFunding().budgetArrangements(),
                                "budgetArrangements");
            }
        } else if (payload instanceof Payloads.Plan plan) {
            words.words("sections", plan.sections(), "planSections");
        } else if (payload instanceof Payloads.Commitments commitments) {
            words.words("commitments.providerType", commitments.commitments().stream()
                    .map(Payloads.Commitment::providerType).toList(), "organisationTypes");
        }
        words.check();
    }

    /** A plan's CBA is appraised with the round's parameters and unit values in force today, and kept with it. */
    private Object appraised(ApplicationRow app, Object payload, LocalDate today) {
        if (payload instanceof Payloads.Plan plan && plan.cba() != null) {
            try {
                return plan.appraised(appraisal.appraise(app.roundCode(), today, plan.cba()));
            } catch (CbaInputException e) {
                throw ApiException.unprocessable("the plan's CBA cannot be appraised: " + e.getMessage(),
                        e.problemsUnder("cba."));
            }
        }
        return payload;
    }

    /** Checks that need the application or the rules: dates in range, P1 plan completeness, outturn names. */
    private void checkDomain(ApplicationRow app, SubmissionType type, Object payload, LocalDate today) {
        if (payload instanceof Payloads.MatchPayment payment
                && (payment.paidOn().isAfter(today) || payment.paidOn().isBefore(app.submittedOn()))) {
            throw ApiException.unprocessable("paidOn must be between the application date and today",
                    List.of(new FieldProblem("paidOn", "out of range: " + payment.paidOn())));
        }
        if (payload instanceof Payloads.OutturnFigures outturn) {
            checkOutturn(app, outturn);
        }
        if (type == SubmissionType.FINAL_PLAN) {
            Payloads.Plan plan = (Payloads.Plan) payload;
            List<Object> planFacts = new ArrayList<>(facts.priorValues(app.id()));
            planFacts.add(FactsAssembler.planFact(type, today, plan));
            if (plan.appraisal() != null) {
                planFacts.add(FactsAssembler.cbaFact(plan.appraisal()));
            }
            DecisionResult check = engine.decide(app.roundCode(), FINAL_PLAN_INTAKE, today, planFacts);
            if (!"VALID".equals(check.outcome())) {
                List<FieldProblem> problems = check.failures().stream()
                        .map(f -> new FieldProblem(f.clause(), f.reason())).toList();
                throw ApiException.unprocessable("the final plan cannot be submitted: " + problems.stream()
                        .map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""), problems);
            }
        }
    }

    /** An outturn reports every outcome of the forecast, by name, and nothing else. */
    private void checkOutturn(ApplicationRow app, Payloads.OutturnFigures outturn) {
        List<String> names = outturn.outcomes().stream().map(Payloads.Achieved::name).toList();
        Optional<CbaResult> forecast = facts.forecast(app.id());
        Optional<String> problem = forecast.isPresent() ? OutturnComparison.mismatch(forecast.get(), names)
                : names.isEmpty() ? Optional.empty()
                : Optional.of("there is no CBA forecast to compare outcomes with: send an empty list");
        problem.ifPresent(message -> {
            throw ApiException.unprocessable("the outturn does not match the CBA forecast: " + message,
                    List.of(new FieldProblem("outcomes", message)));
        });
    }
}
