package org.grantline.rules;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** When the rules do not compile, start-up ends with the list of problems, not a stack trace. */
class RulesetFailureAnalyzer extends AbstractFailureAnalyzer<RulesetInvalidException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, RulesetInvalidException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the files listed (file:line: message) and start again. "
                        + "Run the rule scenarios with: ./mvnw test -Dtest=RuleScenariosTest", cause);
    }
}
