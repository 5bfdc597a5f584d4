package org.grantline.rules;

/** No ruleset with this content hash has ever been kept. */
public class UnknownRulesetVersionException extends RuntimeException {
    public UnknownRulesetVersionException(String version) {
        super("no ruleset version '" + version + "' is kept");
    }
}
