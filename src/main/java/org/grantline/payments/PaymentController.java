package org.grantline.payments;

import org.grantline.clock.BusinessClock;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Finance confirms that a payable tranche has been paid. */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final PaymentLedger ledger;
    private final BusinessClock clock;

    PaymentController(PaymentLedger ledger, BusinessClock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @PostMapping("/{trancheId}/paid")
    @Transactional
    TrancheRow markPaid(@PathVariable String trancheId, Authentication user) {
        ledger.markPaid(trancheId, user.getName(), clock.now());
        return ledger.tranche(trancheId);
    }
}
