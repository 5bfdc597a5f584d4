package org.grantline.rules;

import java.util.List;

/** A ruleset that cannot be used: every problem as "file:line: message" or "file: key: message". */
public class RulesetInvalidException extends RuntimeException {

    private final List<String> problems;

    public RulesetInvalidException(String folder, List<String> problems) {
        super("rules in " + folder + " cannot be used:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
