package org.grantline.decisions;

import com.fasterxml.jackson.core.type.TypeReference;
import org.grantline.cba.CbaResult;
import org.grantline.cba.OutturnComparison;
import org.grantline.intake.ApplicationRepository;
import org.grantline.trail.StoredJson;
import org.grantline.intake.ApplicationRequest;
import org.grantline.intake.ApplicationRequest.PartnerRequest;
import org.grantline.intake.ApplicationRow;
import org.grantline.milestones.Payloads;
import org.grantline.milestones.SubmissionRepository;
import org.grantline.milestones.SubmissionRow;
import org.grantline.milestones.SubmissionType;
import org.grantline.payments.PaymentLedger;
import org.grantline.rules.facts.Application;
import org.grantline.rules.facts.CaseworkerDecision;
import org.grantline.rules.facts.Cba;
import org.grantline.rules.facts.Document;
import org.grantline.rules.facts.ExtraFundingRequest;
import org.grantline.rules.facts.GettingGoingApplication;
import org.grantline.rules.facts.LiveAward;
import org.grantline.rules.facts.MatchCommitment;
import org.grantline.rules.facts.OperationalPlan;
import org.grantline.rules.facts.Partner;
import org.grantline.rules.facts.PriorValue;
import org.grantline.tasks.TaskCompletionRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers everything known about an application as rule facts. Every decision sees the same complete
 * picture; which facts a decision's rules use is the rules' business. The facts are recorded with the
 * decision, so they must come only from stored data.
 */
@Component
public class FactsAssembler {

    private static final TypeReference<Map<String, Object>> OUTPUTS = new TypeReference<>() {
    };

    private final ApplicationRepository applications;
    private final SubmissionRepository submissions;
    private final PaymentLedger ledger;
    private final ConditionStore conditions;
    private final TaskCompletionRepository completions;
    private final JdbcClient jdbc;

    FactsAssembler(ApplicationRepository applications, SubmissionRepository submissions, PaymentLedger ledger,
                   ConditionStore conditions, TaskCompletionRepository completions, JdbcClient jdbc) {
        this.applications = applications;
        this.submissions = submissions;
        this.ledger = ledger;
        this.conditions = conditions;
        this.completions = completions;
        this.jdbc = jdbc;
    }

    /** The application fact and its partners, as submitted (also used before the application is stored). */
    public static List<Object> applicationFacts(String id, ApplicationRequest request, LocalDate submittedOn) {
        List<Object> facts = new ArrayList<>();
        facts.add(new Application(id, request.round(), request.lead().name(), request.lead().type(),
                request.lead().charitablePurpose(), request.lead().priorServiceDelivery(),
                request.lead().incorporated(), request.lead().annualTurnover(), request.area().name(),
                request.area().district(), request.area().inEngland(), List.copyOf(request.themes()),
                request.proposal().specificIntervention(), request.proposal().needEvidenced(),
                request.proposal().buildsOnPriorActivity(), submittedOn));
        request.partners().forEach(p -> facts.add(partner(p)));
        return facts;
    }

    public List<Object> factsFor(ApplicationRow app) {
        List<Object> facts = new ArrayList<>(applicationFacts(app.id(), request(app), app.submittedOn()));
        facts.addAll(submissionFacts(submissions.of(app.id())));
        facts.addAll(conditions.conditions(app.id()));
        facts.addAll(ledger.heldAwards(app.id()));
        facts.addAll(ledger.heldTranches(app.id()));
        facts.addAll(caseworkerDecisions(app.id()));
        facts.addAll(priorValues(app.id()));
        facts.addAll(liveAwardsNearby(app));
        return facts;
    }

    static ApplicationRequest request(ApplicationRow app) {
        return StoredJson.read(app.payload(), ApplicationRequest.class);
    }

    private static Partner partner(PartnerRequest p) {
        return new Partner(p.name(), p.type(), Boolean.TRUE.equals(p.trackRecord()));
    }

    /**
     * The latest of each kind of document wins; match-funding payments add up per provider. The CBA forecast is
     * the final plan's appraisal (the draft's until there is a final plan); the outturn is set beside it.
     */
    private static List<Object> submissionFacts(List<SubmissionRow> rows) {
        List<Object> facts = new ArrayList<>();
        Map<SubmissionType, SubmissionRow> latest = new LinkedHashMap<>();
        Map<String, BigDecimal> paidByProvider = new LinkedHashMap<>();
        for (SubmissionRow row : rows) {
            SubmissionType type = SubmissionType.valueOf(row.type());
            if (type == SubmissionType.MATCH_FUNDING_PAYMENT) {
                Payloads.MatchPayment payment = StoredJson.read(row.payload(), Payloads.MatchPayment.class);
                paidByProvider.merge(payment.provider(), payment.amount(), BigDecimal::add);
            } else {
                latest.put(type, row);
            }
        }
        latest.forEach((type, row) -> {
            facts.add(new Document(type.name(), row.submittedOn()));
            switch (type) {
                case GETTING_GOING_APPLICATION -> {
                    Payloads.GettingGoing gg = StoredJson.read(row.payload(), Payloads.GettingGoing.class);
                    facts.add(new GettingGoingApplication(row.submittedOn()));
                    if (gg.partnersAdded() != null) {
                        gg.partnersAdded().forEach(p -> facts.add(partner(p)));
                    }
                    if (gg.extraFunding() != null) {
                        Payloads.ExtraFunding x = gg.extraFunding();
                        facts.add(new ExtraFundingRequest(x.kind(), x.amount(), List.copyOf(x.budgetArrangements()),
                                x.statutoryBudgetHolder(), x.newServiceModel()));
                    }
                }
                case DRAFT_PLAN, FINAL_PLAN -> facts.add(planFact(type, row.submittedOn(),
                        StoredJson.read(row.payload(), Payloads.Plan.class)));
                case MATCH_FUNDING_COMMITMENTS -> facts.addAll(commitments(StoredJson.read(row.payload(),
                        Payloads.Commitments.class), new LinkedHashMap<>(paidByProvider)));
                default -> {
                    // documents on file only; the outturn is read with the forecast below
                }
            }
        });
        CbaResult forecast = forecast(latest);
        if (forecast != null) {
            facts.add(cbaFact(forecast));
            SubmissionRow outturn = latest.get(SubmissionType.OUTTURN);
            if (outturn != null) {
                Map<String, BigDecimal> achieved = new LinkedHashMap<>();
                StoredJson.read(outturn.payload(), Payloads.OutturnFigures.class).outcomes()
                        .forEach(a -> achieved.put(a.name(), a.achieved()));
                facts.addAll(OutturnComparison.lines(forecast, achieved));
            }
        }
        return facts;
    }

    private static CbaResult forecast(Map<SubmissionType, SubmissionRow> latest) {
        SubmissionRow plan = latest.getOrDefault(SubmissionType.FINAL_PLAN, latest.get(SubmissionType.DRAFT_PLAN));
        return plan == null ? null : StoredJson.read(plan.payload(), Payloads.Plan.class).appraisal();
    }

    /** The CBA forecast an application's latest plan holds, if any (for checking an outturn against it). */
    public java.util.Optional<CbaResult> forecast(String applicationId) {
        Map<SubmissionType, SubmissionRow> latest = new LinkedHashMap<>();
        submissions.of(applicationId).forEach(row -> latest.put(SubmissionType.valueOf(row.type()), row));
        return java.util.Optional.ofNullable(forecast(latest));
    }

    /**
     * A commitment is paid when the provider's payments cover it; a provider's payments settle its
     * commitments in the order they were made, so one payment never counts for two commitments.
     */
    private static List<MatchCommitment> commitments(Payloads.Commitments commitments, Map<String, BigDecimal> unspent) {
        List<MatchCommitment> facts = new ArrayList<>();
        for (Payloads.Commitment c : commitments.commitments()) {
            BigDecimal available = unspent.getOrDefault(c.provider(), BigDecimal.ZERO);
            boolean paid = available.compareTo(c.amount()) >= 0;
            if (paid) {
                unspent.put(c.provider(), available.subtract(c.amount()));
            }
            facts.add(new MatchCommitment(c.provider(), c.providerType(), c.amount(), c.inKind(), paid));
        }
        return facts;
    }

    public static OperationalPlan planFact(SubmissionType type, LocalDate on, Payloads.Plan plan) {
        String kind = type == SubmissionType.FINAL_PLAN ? "FINAL" : "DRAFT";
        return new OperationalPlan(kind, on, List.copyOf(plan.sections()), plan.firstYearBudget());
    }

    /** The appraisal's present values, as the rules read them (C, P1, P4, M2, M4). */
    public static Cba cbaFact(CbaResult appraisal) {
        return new Cba(appraisal.presentValueCosts(), appraisal.presentValueFiscal(), appraisal.presentValueEconomic(),
                appraisal.presentValueSocial());
    }

    /** The latest completion of each task, in the shape rules read (approved, extra, justification). */
    private List<CaseworkerDecision> caseworkerDecisions(String applicationId) {
        Map<String, CaseworkerDecision> latest = new LinkedHashMap<>();
        completions.of(applicationId).forEach(c -> latest.put(c.taskKey(), new CaseworkerDecision(c.taskKey(),
                Boolean.TRUE.equals(c.variables().get("approved")),
                Boolean.TRUE.equals(c.variables().get("approvedExtra")),
                (String) c.variables().get("justification"))));
        return List.copyOf(latest.values());
    }

    /** Values produced by earlier decisions about this application; a later value replaces an earlier one. */
    public List<PriorValue> priorValues(String applicationId) {
        Map<String, Object> values = new LinkedHashMap<>();
        jdbc.sql("select outputs from decision_record where application_id = ? order by seq").param(applicationId)
                .query(String.class).list()
                .forEach(json -> {
                    Object decided = StoredJson.read(json, OUTPUTS).get("values");
                    if (decided instanceof Map<?, ?> map) {
                        map.forEach((k, v) -> values.put((String) k, v));
                    }
                });
        return values.entrySet().stream().map(e -> new PriorValue(e.getKey(), e.getValue())).toList();
    }

    /** Awards held by other, not withdrawn, applications in the same district (E8 decides what overlaps). */
    private List<LiveAward> liveAwardsNearby(ApplicationRow app) {
        return applications.awardedInDistrict(app.areaDistrict(), app.id()).stream().map(held -> {
            ApplicationRow other = held.application();
            return new LiveAward(other.id(), other.roundCode(), held.awardType(), other.areaName(),
                    other.areaDistrict(), List.copyOf(request(other).themes()));
        }).toList();
    }
}
