package org.grantline.audit;

import jakarta.servlet.http.HttpServletResponse;
import org.grantline.rules.Ruleset;
import org.grantline.rules.RulesetRegistry;
import org.grantline.rules.RulesetVersions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * Batch replay over HTTP: {@code GET /api/audit/replay?round=<code>} gives the summary,
 * {@code /api/audit/replay.csv} the differences. {@code version} (a kept version or {@code current}) replays
 * everything against that ruleset instead of each decision's own.
 */
@RestController
@RequestMapping("/api/audit")
class BatchReplayController {

    private final BatchReplay batch;
    private final RulesetVersions versions;
    private final RulesetRegistry registry;

    BatchReplayController(BatchReplay batch, RulesetVersions versions, RulesetRegistry registry) {
        this.batch = batch;
        this.versions = versions;
        this.registry = registry;
    }

    @GetMapping("/replay")
    ReplaySummary summary(@RequestParam(required = false) String round, @RequestParam(required = false) Instant from,
                          @RequestParam(required = false) Instant to, @RequestParam(required = false) String version) {
        return batch.run(new BatchReplay.Selection(round, from, to), against(round, version), null, (d, t) -> {
        }, () -> false);
    }

    @GetMapping("/replay.csv")
    void csv(@RequestParam(required = false) String round, @RequestParam(required = false) Instant from,
             @RequestParam(required = false) Instant to, @RequestParam(required = false) String version,
             HttpServletResponse response) throws IOException {
        Ruleset against = against(round, version);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"replay-differences.csv\"");
        Writer writer = response.getWriter();
        batch.run(new BatchReplay.Selection(round, from, to), against, writer, (d, t) -> {
        }, () -> false);
    }

    private Ruleset against(String round, String version) {
        if (version == null) {
            return null;
        }
        if ("current".equals(version)) {
            if (round == null) {
                throw org.grantline.web.ApiException.badRequest("round", "version=current needs a round");
            }
            return registry.active(round);
        }
        return versions.ruleset(version);
    }
}
