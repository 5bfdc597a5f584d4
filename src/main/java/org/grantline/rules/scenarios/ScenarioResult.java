package org.grantline.rules.scenarios;

import java.util.List;

/** One scenario run: where it is, whether it passed and, if not, every difference found. */
public record ScenarioResult(String round, String file, String name, List<String> mismatches) {

    public boolean passed() {
        return mismatches.isEmpty();
    }

    @Override
    public String toString() {
        return round + "/" + file + " \"" + name + "\": " + (passed() ? "passed" : String.join("; ", mismatches));
    }
}
