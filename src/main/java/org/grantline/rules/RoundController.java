package org.grantline.rules;

import org.grantline.parameters.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The rounds grantline runs, with the ruleset version in force and its parameters (values by date). */
@RestController
@RequestMapping("/api/rounds")
class RoundController {

    private final RulesetRegistry registry;

    RoundController(RulesetRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    List<RoundView> list() {
        return registry.all().stream().sorted(Comparator.comparing(r -> r.round().code()))
                .map(r -> view(r, false)).toList();
    }

    @GetMapping("/{code}")
    RoundView get(@PathVariable String code) {
        return view(registry.active(code), true);
    }

    private static RoundView view(Ruleset ruleset, boolean withParameters) {
        return new RoundView(ruleset.round().code(), ruleset.round().name(), ruleset.round().processKey(),
                ruleset.version(), new TreeSet<>(ruleset.decisions()), List.copyOf(ruleset.files().files().keySet()),
                withParameters ? ruleset.parameters().all() : null);
    }

    record RoundView(String code, String name, String process, String rulesetVersion, TreeSet<String> decisions,
                     List<String> files, Map<String, Parameter> parameters) {
    }
}
