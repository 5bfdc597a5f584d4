package org.grantline.console;

import jakarta.validation.constraints.Pattern;
import org.grantline.designer.DeploymentRefusedException;
import org.grantline.designer.DesignDeployments;
import org.grantline.designer.DesignSource;
import org.grantline.designer.VersionHistory;
import org.grantline.rules.RulesetRegistry;
import org.grantline.workflow.ProcessDeployer;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.nio.file.Path;

/**
 * For designers: ruleset versions with who put them in force, the diff between two, and the server's rules
 * and diagram folders validated, weighed (impact on recorded decisions) and deployed, with the results.
 */
@Controller
class RulesPages {

    private static final String VERSION = "[0-9a-f]{8,64}";

    private final VersionHistory history;
    private final DesignDeployments deployments;
    private final Path rulesDir;
    private final Path bpmnDir;

    RulesPages(VersionHistory history, DesignDeployments deployments, RulesetRegistry registry, ProcessDeployer processes) {
        this.history = history;
        this.deployments = deployments;
        this.rulesDir = registry.rulesDir();
        this.bpmnDir = processes.bpmnDir();
    }

    @GetMapping("/console/rules")
    String rules(@RequestParam(required = false) @Pattern(regexp = VERSION) String from,
                 @RequestParam(required = false) @Pattern(regexp = VERSION) String to, Model model) {
        model.addAttribute("versions", history.list(null));
        if (from != null && to != null) {
            model.addAttribute("diff", history.diff(from, to));
        }
        return "console/rules";
    }

    @PostMapping("/console/rules/validation")
    String validate(Model model) throws IOException {
        try (DesignSource source = DesignSource.folders(rulesDir, bpmnDir)) {
            model.addAttribute("report", deployments.validate(source));
        }
        return rules(null, null, model);
    }

    @PostMapping("/console/rules/impact")
    String impact(Model model) throws IOException {
        try (DesignSource source = DesignSource.folders(rulesDir, bpmnDir)) {
            DesignDeployments.Impact impact = deployments.impact(source);
            model.addAttribute("report", impact.report());
            model.addAttribute("impact", impact);
        }
        return rules(null, null, model);
    }

    @PostMapping("/console/rules/deployment")
    String deploy(Authentication user, Model model) throws IOException {
        try (DesignSource source = DesignSource.folders(rulesDir, bpmnDir)) {
            model.addAttribute("deployment", deployments.deploy(source, user.getName()));
        } catch (DeploymentRefusedException refused) {
            model.addAttribute("refused", true);
            model.addAttribute("report", refused.report());
        }
        return rules(null, null, model);
    }
}
