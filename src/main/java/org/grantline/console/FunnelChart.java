package org.grantline.console;

import org.grantline.funnel.RoundFunnel;
import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Locale;

/** A round's funnel as a horizontal bar chart (SVG): one bar per step, split by lead type, with the drop-out. */
final class FunnelChart {

    private static final int LABEL = 260;
    private static final int BAR = 520;
    private static final int ROW = 34;

    static String svg(RoundFunnel.Funnel funnel) {
        long max = funnel.steps().stream().mapToLong(RoundFunnel.Step::count).max().orElse(0);
        List<String> types = funnel.leadTypes();
        int height = ROW * funnel.steps().size() + 40;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-funnel\" role=\"img\" aria-labelledby=\"funnel-title\" "
                        + "viewBox=\"0 0 %d %d\"><title id=\"funnel-title\">%s: applications at each step of the round</title>",
                LABEL + BAR + 120, height, HtmlUtils.htmlEscape(funnel.roundName())));
        for (int i = 0; i < funnel.steps().size(); i++) {
            RoundFunnel.Step step = funnel.steps().get(i);
            int y = i * ROW + 4;
            svg.append(String.format(Locale.ROOT, "<text class=\"app-funnel__label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    LABEL - 10, y + 19, HtmlUtils.htmlEscape(step.label())));
            double x = LABEL;
            for (int t = 0; t < types.size(); t++) {
                long n = step.byLeadType().getOrDefault(types.get(t), 0L);
                double width = max == 0 ? 0 : (double) BAR * n / max;
                if (width > 0) {
                    svg.append(String.format(Locale.ROOT, "<rect class=\"app-funnel__bar app-funnel__bar--%d\" x=\"%.1f\" y=\"%d\" "
                                    + "width=\"%.1f\" height=\"26\"><title>%s: %d</title></rect>", t % 6, x, y, width,
                            HtmlUtils.htmlEscape(types.get(t)), n));
                }
                x += width;
            }
            String drop = step.dropOut() == null ? "" : " (−" + step.dropOut().toPlainString() + "%)";
            svg.append(String.format(Locale.ROOT, "<text class=\"app-funnel__count\" x=\"%.1f\" y=\"%d\">%d%s</text>",
                    x + 6, y + 19, step.count(), drop));
        }
        int legendY = height - 14;
        int legendX = LABEL;
        for (int t = 0; t < types.size(); t++) {
            svg.append(String.format(Locale.ROOT, "<rect class=\"app-funnel__bar app-funnel__bar--%d\" x=\"%d\" y=\"%d\" width=\"12\" "
                    + "height=\"12\"/><text class=\"app-funnel__legend\" x=\"%d\" y=\"%d\">%s</text>", t % 6, legendX,
                    legendY - 10, legendX + 16, legendY, HtmlUtils.htmlEscape(types.get(t))));
            legendX += 30 + 8 * types.get(t).length();
        }
        return svg.append("</svg>").toString();
    }

    private FunnelChart() {
    }
}
