package org.grantline.decisions;

import org.grantline.clock.BusinessClock;
import org.grantline.intake.ApplicationRepository;
import org.grantline.intake.ApplicationRow;
import org.grantline.payments.PaymentLedger;
import org.grantline.rules.DecisionEngine;
import org.grantline.rules.DecisionResult;
import org.grantline.rules.facts.Release;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a decision about an application and makes it count: evaluates the rules over the stored facts,
 * records the decision, then books its awards, tranches, releases, conditions and flags, all in the
 * caller's transaction (the process step's), so that either all of it happens or none of it.
 */
@Service
public class ApplicationDecisions {

    private static final Logger log = LoggerFactory.getLogger(ApplicationDecisions.class);

    private final ApplicationRepository applications;
    private final FactsAssembler assembler;
    private final DecisionEngine engine;
    private final DecisionRecorder recorder;
    private final PaymentLedger ledger;
    private final ConditionStore conditions;
    private final BusinessClock clock;
    private final AwardExpectation expectation = new AwardExpectation();

    ApplicationDecisions(ApplicationRepository applications, FactsAssembler assembler, DecisionEngine engine,
                         DecisionRecorder recorder, PaymentLedger ledger, ConditionStore conditions,
                         BusinessClock clock) {
        this.applications = applications;
        this.assembler = assembler;
        this.engine = engine;
        this.recorder = recorder;
        this.ledger = ledger;
        this.conditions = conditions;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public DecisionResult decide(String applicationId, String decision, DecisionTrigger trigger) {
        ApplicationRow app = applications.get(applicationId);
        Instant now = clock.now();
        LocalDate today = clock.today();
        // A decision that books awards is taken under the award lock, on facts read after taking it, so that no
        // two decisions take the same last place or last pound. One that books nothing stands on the committed
        // figures: it changes none that another decision reads. A kind expected to book takes the lock first and is
        // taken once (should it book nothing, it held the lock for nothing); any other is taken again under the
        // lock if it turns out to book.
        boolean locked = expectation.expected(app.roundCode(), decision);
        if (locked) {
            ledger.lockForAwards();
        }
        List<Object> facts = factsWithPosition(app);
        DecisionResult result = engine.decide(app.roundCode(), decision, today, facts);
        if (!locked && !result.awards().isEmpty()) {
            ledger.lockForAwards();
            facts = factsWithPosition(app);
            result = engine.decide(app.roundCode(), decision, today, facts);
        }
        expectation.observed(app.roundCode(), decision, !result.awards().isEmpty());
        String id = recorder.record(app.id(), result, facts, trigger, now);
        ledger.recordAwards(app.id(), app.leadType(), app.roundCode(), id, result.awards(), result.tranches(), now);
        for (Release release : result.releases()) {
            ledger.release(app.id(), release, id, today, now);
        }
        result.conditions().forEach(change -> conditions.apply(app.id(), change, id, now));
        result.flags().forEach(flag -> conditions.raise(app.id(), flag, id, now));
        log.info("Decision {} for application {} ({}): {} by clauses {}", decision, app.id(), app.roundCode(),
                result.outcome(), result.firedClauses());
        return result;
    }

    private List<Object> factsWithPosition(ApplicationRow app) {
        List<Object> facts = new ArrayList<>(assembler.factsFor(app));
        facts.add(ledger.position(app.roundCode()));
        return facts;
    }
}
