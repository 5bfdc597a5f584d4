package org.grantline.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.grantline.clock.BusinessClock;
import org.grantline.payments.PaymentLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code ${withdrawals.record(execution)}}: a withdrawn application is paid nothing more. */
@Component("withdrawals")
public class Withdrawals {

    private static final Logger log = LoggerFactory.getLogger(Withdrawals.class);

    private final PaymentLedger ledger;
    private final BusinessClock clock;

    Withdrawals(PaymentLedger ledger, BusinessClock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public void record(DelegateExecution execution) {
        String actor = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
                ? "system" : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        int withheld = ledger.withholdUnpaid(execution.getProcessBusinessKey(), actor, clock.now());
        log.info("Application {} withdrawn; {} unpaid tranche(s) withheld", execution.getProcessBusinessKey(), withheld);
    }
}
