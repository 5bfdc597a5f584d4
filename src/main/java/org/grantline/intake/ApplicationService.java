package org.grantline.intake;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.grantline.database.TimeOrderedIds;
import org.grantline.clock.BusinessClock;
import org.grantline.trail.CanonicalJson;
import org.grantline.decisions.FactsAssembler;
import org.grantline.rules.DecisionEngine;
import org.grantline.rules.DecisionResult;
import org.grantline.rules.RulesetRegistry;
import org.grantline.rules.facts.PriorApplication;
import org.grantline.web.ApiException;
import org.grantline.web.FieldProblem;
import org.grantline.workflow.EngineCalls;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Takes in an application: checks its words against the vocabulary, runs the round's
 * {@code application-intake} rules (E6 themes, E9 one per lead), stores it and starts the round's process,
 * which decides eligibility at once. All in one transaction: a refused application leaves nothing behind.
 */
@Service
public class ApplicationService {

    static final String INTAKE_DECISION = "application-intake";

    private final ApplicationRepository applications;
    private final RulesetRegistry rulesets;
    private final DecisionEngine engine;
    private final Vocabulary vocabulary;
    private final RuntimeService runtime;
    private final EngineCalls engineCalls;
    private final BusinessClock clock;

    ApplicationService(ApplicationRepository applications, RulesetRegistry rulesets, DecisionEngine engine,
                       Vocabulary vocabulary, RuntimeService runtime, EngineCalls engineCalls, BusinessClock clock) {
        this.applications = applications;
        this.rulesets = rulesets;
        this.engine = engine;
        this.vocabulary = vocabulary;
        this.runtime = runtime;
        this.engineCalls = engineCalls;
        this.clock = clock;
    }

    @Transactional
    public String submit(ApplicationRequest request, String user) {
        return submit(request, user, instance -> null).applicationId();
    }

    /**
     * Submits as {@link #submit(ApplicationRequest, String)} does, and also runs {@code atStart} in the engine
     * command that started the process, after the start and before Camunda writes what it created: what it reads
     * of the new instance comes from the command's entity cache, not back from the database.
     */
    @Transactional
    public <T> Started<T> submit(ApplicationRequest request, String user, Function<ProcessInstance, T> atStart) {
        requireKnownRound(request.round());
        vocabulary.checker()
                .word("lead.type", request.lead().type(), "organisationTypes")
                .words("themes", request.themes(), "themes")
                .words("partners.type", request.partners().stream().map(ApplicationRequest.PartnerRequest::type).toList(),
                        "organisationTypes")
                .check();
        String id = TimeOrderedIds.next();
        var today = clock.today();
        List<Object> facts = new ArrayList<>(FactsAssembler.applicationFacts(id, request, today));
        applications.otherApplicationsOfLead(request.round(), request.lead().name())
                .forEach(other -> facts.add(new PriorApplication(other, request.lead().name())));
        DecisionResult intake = engine.decide(request.round(), INTAKE_DECISION, today, facts);
        refuseUnlessValid(intake);

        applications.insert(new ApplicationRow(id, request.round(), request.lead().name(), request.lead().type(),
                request.area().name(), request.area().district(), "SUBMITTED", null, today, clock.now(), user,
                CanonicalJson.write(request)));
        String processKey = rulesets.active(request.round()).round().processKey();
        Started<T> started = engineCalls.asUser(user, () -> {
            // No start variables: the business key is the application's id, its row holds the round, and
            // each variable costs the engine rows in three tables (docs/benchmarks.md, fix 31).
            ProcessInstance instance = runtime.startProcessInstanceByKey(processKey, id);
            return new Started<>(id, instance.getId(), atStart.apply(instance));
        });
        applications.setProcessInstance(id, started.processInstanceId());
        return started;
    }

    /** A stored application, its process instance, and what the caller read in the command that started it. */
    public record Started<T>(String applicationId, String processInstanceId, T atStart) {
    }

    /** 422 naming the field {@code round} unless grantline runs a round of this code. */
    public void requireKnownRound(String round) {
        if (!rulesets.hasRound(round)) {
            throw ApiException.unprocessable("round '" + round + "' is not open in grantline",
                    List.of(new FieldProblem("round", "unknown round; known rounds: "
                            + rulesets.all().stream().map(r -> r.round().code()).sorted().toList())));
        }
    }

    /** DUPLICATE is a conflict with an existing application (409); INVALID a request to correct (422). */
    static void refuseUnlessValid(DecisionResult intake) {
        List<FieldProblem> problems = intake.failures().stream()
                .map(f -> new FieldProblem(f.clause(), f.reason())).toList();
        String detail = problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b)
                .orElse(intake.outcome());
        switch (intake.outcome()) {
            case "VALID" -> {
            }
            case "DUPLICATE" -> throw new ApiException(HttpStatus.CONFLICT, "Duplicate application", detail, problems);
            default -> throw ApiException.unprocessable(detail, problems);
        }
    }

}
