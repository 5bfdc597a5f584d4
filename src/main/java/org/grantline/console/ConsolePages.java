package org.grantline.console;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.grantline.casefile.CaseFile;
import org.grantline.audit.Timelines;
import org.grantline.clock.BusinessClock;
import org.grantline.funnel.RoundFunnel;
import org.grantline.intake.ApplicationRepository;
import org.grantline.intake.ApplicationRow;
import org.grantline.rules.RulesetRegistry;
import org.grantline.web.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Comparator;
import java.util.List;

/**
 * The grantline console for caseworkers, programme managers, auditors and designers: applications with
 * filters, one application's timeline and process diagram, and a round's dashboard. Server-rendered in the
 * GOV.UK Design System's styles; which role sees which page is in SecurityConfig.
 */
@Controller
class ConsolePages {

    private static final String CODE = "[A-Za-z0-9_-]{0,60}";

    private final ApplicationSearch search;
    private final ApplicationRepository applications;
    private final CaseFile caseFile;
    private final Timelines timelines;
    private final ProcessDiagram diagrams;
    private final RoundFunnel funnels;
    private final RulesetRegistry rulesets;
    private final BusinessClock clock;

    ConsolePages(ApplicationSearch search, ApplicationRepository applications, CaseFile caseFile, Timelines timelines,
                 ProcessDiagram diagrams, RoundFunnel funnels, RulesetRegistry rulesets, BusinessClock clock) {
        this.search = search;
        this.applications = applications;
        this.caseFile = caseFile;
        this.timelines = timelines;
        this.diagrams = diagrams;
        this.funnels = funnels;
        this.rulesets = rulesets;
        this.clock = clock;
    }

    @GetMapping({"/", "/console"})
    String home() {
        return "redirect:/console/applications";
    }

    @GetMapping("/console/applications")
    String applications(@RequestParam(required = false) @Pattern(regexp = CODE) String round,
                        @RequestParam(required = false) @Pattern(regexp = CODE) String stage,
                        @RequestParam(required = false) @Pattern(regexp = CODE) String leadType,
                        @RequestParam(required = false) @Pattern(regexp = CODE) String openTask,
                        @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
                        @RequestParam(defaultValue = "25") @Min(1) @Max(200) int size, Model model) {
        ApplicationSearch.Filter filter = new ApplicationSearch.Filter(round, stage, leadType, openTask);
        model.addAttribute("filter", filter);
        model.addAttribute("results", search.search(filter, page, size));
        model.addAttribute("rounds", roundCodes());
        model.addAttribute("stages", search.stages());
        model.addAttribute("leadTypes", search.leadTypes());
        model.addAttribute("taskKinds", search.openTaskKinds());
        return "console/applications";
    }

    @GetMapping("/console/applications/{id}")
    String application(@PathVariable @Pattern(regexp = "[0-9a-f-]{36}") String id, Model model) {
        ApplicationRow row = applications.find(id).orElseThrow(() -> ApiException.notFound("application", id));
        model.addAttribute("app", caseFile.of(row));
        var timeline = timelines.of(row);
        model.addAttribute("timeline", timeline);
        model.addAttribute("lines", TimelineLines.of(timeline));
        model.addAttribute("diagram", row.processInstanceId() == null ? null : diagrams.of(row.processInstanceId()));
        return "console/application";
    }

    @GetMapping("/console/dashboard")
    String dashboard(@RequestParam(required = false) @Pattern(regexp = CODE) String round, Model model) {
        List<String> rounds = roundCodes();
        String shown = round == null || round.isBlank() ? search.latestRound().orElse(rounds.get(0)) : round;
        if (!rulesets.hasRound(shown)) {
            throw ApiException.notFound("round", shown);
        }
        model.addAttribute("rounds", rounds);
        RoundFunnel.Funnel funnel = funnels.of(shown, clock.today());
        model.addAttribute("funnel", funnel);
        model.addAttribute("chart", FunnelChart.svg(funnel));
        return "console/dashboard";
    }

    private List<String> roundCodes() {
        return rulesets.all().stream().map(r -> r.round().code()).sorted(Comparator.naturalOrder()).toList();
    }
}
