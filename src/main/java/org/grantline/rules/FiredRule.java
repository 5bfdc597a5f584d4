package org.grantline.rules;

/** A rule that fired: the clause id it implements (the first word of its name) and its full name. */
public record FiredRule(String clause, String name) {

    static FiredRule named(String ruleName) {
        int space = ruleName.indexOf(' ');
        return new FiredRule(space < 0 ? ruleName : ruleName.substring(0, space), ruleName);
    }
}
