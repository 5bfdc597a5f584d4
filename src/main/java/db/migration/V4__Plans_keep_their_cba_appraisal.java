package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.grantline.cba.CbaCalculator;
import org.grantline.cba.CbaInput;
import org.grantline.cba.CbaTables;
import org.grantline.milestones.Payloads;
import org.grantline.trail.CanonicalJson;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans sent before grantline appraised CBAs carried their present values only ({@code cba: {costs,
 * fiscalBenefits, economicBenefits, socialBenefits}}). Each becomes an appraisal input that gives exactly those
 * present values (everything in year 0, not discounted, confidence grade 1, no optimism bias), with its appraisal,
 * so that decisions still to come read the same figures.
 */
public class V4__Plans_keep_their_cba_appraisal extends BaseJavaMigration {

    private static final String SOURCE = "present value stated with the plan before grantline appraised CBAs";
    private static final CbaTables YEAR_ZERO = new CbaTables(new BigDecimal("0.035"), Map.of(1, BigDecimal.ZERO));

    @Override
    public void migrate(Context context) throws Exception {
        Map<Long, String> rewritten = new LinkedHashMap<>();
        try (PreparedStatement select = context.getConnection().prepareStatement(
                "select id, payload from submission where type in ('DRAFT_PLAN', 'FINAL_PLAN')");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                JsonNode plan = CanonicalJson.MAPPER.readTree(rows.getString("payload"));
                JsonNode cba = plan.path("cba");
                if (cba.has("fiscalBenefits")) {
                    rewritten.put(rows.getLong("id"), CanonicalJson.write(appraised(plan, cba)));
                }
            }
        }
        try (PreparedStatement update = context.getConnection().prepareStatement(
                "update submission set payload = ? where id = ?")) {
            for (Map.Entry<Long, String> row : rewritten.entrySet()) {
                update.setString(1, row.getValue());
                update.setLong(2, row.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static Payloads.Plan appraised(JsonNode plan, JsonNode cba) {
        List<CbaInput.Outcome> outcomes = new ArrayList<>();
        outcomes.add(yearZero("Fiscal benefits", cba.path("fiscalBenefits").decimalValue(), CbaInput.ValueType.FISCAL));
        outcomes.add(yearZero("Economic benefits", cba.path("economicBenefits").decimalValue(), CbaInput.ValueType.ECONOMIC));
        outcomes.add(yearZero("Social benefits", cba.path("socialBenefits").decimalValue(), CbaInput.ValueType.SOCIAL));
        CbaInput input = new CbaInput(outcomes, List.of(new CbaInput.CostYear(0, BigDecimal.ZERO,
                cba.path("costs").decimalValue(), BigDecimal.ZERO)));
        List<String> sections = new ArrayList<>();
        plan.path("sections").forEach(s -> sections.add(s.asText()));
        BigDecimal budget = plan.hasNonNull("firstYearBudget") ? plan.path("firstYearBudget").decimalValue() : null;
        return new Payloads.Plan(sections, budget, input, CbaCalculator.calculate(input, YEAR_ZERO));
    }

    private static CbaInput.Outcome yearZero(String name, BigDecimal presentValue, CbaInput.ValueType type) {
        return new CbaInput.Outcome(name, 1, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, null, presentValue, type,
                "Not stated", SOURCE, 0, 1, 1);
    }
}
