package org.grantline.simulation;

import org.grantline.funnel.RoundFunnel;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A round's funnel as plain text, in the columns of the console's dashboard: step, all, each lead type, drop-out. */
final class FunnelTable {

    static String render(RoundFunnel.Funnel funnel) {
        List<String> header = new ArrayList<>(List.of("Step", "All"));
        header.addAll(funnel.leadTypes());
        header.add("Drop-out");
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (RoundFunnel.Step step : funnel.steps()) {
            List<String> row = new ArrayList<>(List.of(step.label(), String.valueOf(step.count())));
            funnel.leadTypes().forEach(type -> row.add(String.valueOf(step.byLeadType().getOrDefault(type, 0L))));
            row.add(step.dropOut() == null ? "" : step.dropOut() + "%");
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                // the label left-aligned, the figures right-aligned, as on the dashboard
                text.append(i == 0 ? pad(cell, widths[i], false) : "  " + pad(cell, widths[i], true));
            }
            text.append(System.lineSeparator());
        }
        RoundFunnel.Money money = funnel.money();
        text.append(System.lineSeparator()).append("Budget ").append(money.budget() == null ? "not set" : pounds(money.budget()))
                .append(", committed ").append(pounds(money.committed())).append(", paid ").append(pounds(money.paid()))
                .append(", payable ").append(pounds(money.payable())).append(System.lineSeparator());
        return text.toString();
    }

    private static String pad(String cell, int width, boolean right) {
        String padding = " ".repeat(width - cell.length());
        return right ? padding + cell : cell + padding;
    }

    private static String pounds(BigDecimal amount) {
        return new DecimalFormat("£#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK)).format(amount);
    }

    private FunnelTable() {
    }
}
