package org.grantline.opendata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.grantline.clock.BusinessClock;
import org.grantline.intake.ApplicationRepository;
import org.grantline.payments.AwardRow;
import org.grantline.payments.PaymentLedger;
import org.grantline.payments.TrancheRow;
import org.grantline.rules.RulesetRegistry;
import org.grantline.trail.CanonicalJson;
import org.grantline.web.Csv;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Every award of a round (or of all rounds) as 360Giving open data: one grant per application that was
 * awarded anything, its tranches as disbursement transactions (withheld ones are not money given), the round
 * as the grant programme. As a 360Giving data package (JSON) and as a flat CSV.
 */
@Component
public class ThreeSixtyGiving {

    static final String PREFIX = "360G-grantline-";

    private final JdbcClient jdbc;
    private final PaymentLedger ledger;
    private final RulesetRegistry rulesets;
    private final BusinessClock clock;
    private final String funderId;
    private final String funderName;

    ThreeSixtyGiving(JdbcClient jdbc, PaymentLedger ledger, RulesetRegistry rulesets, BusinessClock clock,
                     @Value("${grantline.opendata.funder.id}") String funderId,
                     @Value("${grantline.opendata.funder.name}") String funderName) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.rulesets = rulesets;
        this.clock = clock;
        this.funderId = funderId;
        this.funderName = funderName;
    }

    private record Awarded(String id, String round, String leadKey, String leadName, String areaName, String areaDistrict) {
    }

    /** {@code round} null: every round. */
    public ObjectNode dataPackage(String round) {
        ObjectNode pack = CanonicalJson.MAPPER.createObjectNode();
        ArrayNode grants = pack.putArray("grants");
        for (Awarded app : awarded(round)) {
            grants.add(grant(app));
        }
        pack.put("version", "1.4");
        pack.put("title", "grantline awards" + (round == null ? "" : " of " + rulesets.active(round).round().name()));
        pack.put("modified", clock.now().toString());
        return pack;
    }

    public String csv(String round) {
        StringBuilder csv = new StringBuilder("Identifier,Title,Description,Currency,Amount Awarded,Amount Disbursed,"
                + "Award Date,Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name,"
                + "Grant Programme:Code,Grant Programme:Title,Beneficiary Location:Name\n");
        for (var grant : dataPackage(round).withArray("grants")) {
            csv.append(String.join(",", List.of(
                    Csv.field(grant.path("id").asText()), Csv.field(grant.path("title").asText()),
                    Csv.field(grant.path("description").asText()), grant.path("currency").asText(),
                    grant.path("amountAwarded").decimalValue().toPlainString(),
                    grant.path("amountDisbursed").decimalValue().toPlainString(), grant.path("awardDate").asText(),
                    Csv.field(grant.path("recipientOrganization").get(0).path("id").asText()),
                    Csv.field(grant.path("recipientOrganization").get(0).path("name").asText()),
                    Csv.field(funderId), Csv.field(funderName),
                    Csv.field(grant.path("grantProgramme").get(0).path("code").asText()),
                    Csv.field(grant.path("grantProgramme").get(0).path("title").asText()),
                    Csv.field(grant.path("beneficiaryLocation").get(0).path("name").asText())))).append('\n');
        }
        return csv.toString();
    }

    private List<Awarded> awarded(String round) {
        return jdbc.sql("""
                        select a.id, a.round_code, a.lead_key, a.lead_name, a.area_name, a.area_district from application a
                        where exists (select 1 from award w where w.application_id = a.id)
                          and (cast(:round as varchar) is null or a.round_code = :round)
                        order by a.round_code, a.submitted_at, a.id""")
                .param("round", round)
                .query((rs, n) -> new Awarded(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    private ObjectNode grant(Awarded app) {
        List<AwardRow> awards = ledger.awards(app.id());
        List<TrancheRow> tranches = ledger.tranches(app.id());
        String roundName = rulesets.active(app.round()).round().name();
        BigDecimal awarded = awards.stream().map(AwardRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal disbursed = tranches.stream().filter(t -> "PAID".equals(t.status())).map(TrancheRow::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        LocalDate awardDate = awards.stream().map(a -> LocalDate.ofInstant(a.createdAt(), BusinessClock.ZONE))
                .min(Comparator.naturalOrder()).orElseThrow();

        ObjectNode grant = CanonicalJson.MAPPER.createObjectNode();
        grant.put("id", PREFIX + app.id());
        grant.put("title", roundName + ": " + app.leadName());
        grant.put("description", roundName + " grants to " + app.leadName() + " for " + app.areaName() + ", "
                + app.areaDistrict() + ": " + String.join(", ", awards.stream().map(AwardRow::type).distinct().toList()));
        grant.put("currency", "GBP");
        grant.put("amountAwarded", awarded);
        grant.put("amountDisbursed", disbursed);
        grant.put("awardDate", awardDate.toString());
        ObjectNode recipient = grant.putArray("recipientOrganization").addObject();
        // grantline knows no charity or company number: a 360G identifier of its own, stable per lead
        recipient.put("id", PREFIX + "org-" + app.leadKey().replaceAll("[^a-z0-9]+", "-"));
        recipient.put("name", app.leadName());
        ObjectNode funder = grant.putArray("fundingOrganization").addObject();
        funder.put("id", funderId);
        funder.put("name", funderName);
        ObjectNode programme = grant.putArray("grantProgramme").addObject();
        programme.put("code", app.round());
        programme.put("title", roundName);
        grant.putArray("beneficiaryLocation").addObject().put("name", app.areaName() + ", " + app.areaDistrict());
        ArrayNode disbursements = grant.putArray("disbursementTransaction");
        for (TrancheRow tranche : tranches) {
            if (!"WITHHELD".equals(tranche.status())) {
                ObjectNode transaction = disbursements.addObject();
                transaction.put("id", PREFIX + "tranche-" + tranche.id());
                if (tranche.dueOn() != null) {
                    transaction.put("transactionDate", tranche.dueOn().toString());
                }
                transaction.put("currency", "GBP");
                transaction.put("value", tranche.amount());
            }
        }
        return grant;
    }
}
