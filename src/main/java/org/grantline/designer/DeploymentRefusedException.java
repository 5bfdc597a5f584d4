package org.grantline.designer;

/** A design that does not validate: nothing of it was deployed. Carries the whole report. */
public class DeploymentRefusedException extends RuntimeException {

    private final ValidationReport report;

    public DeploymentRefusedException(ValidationReport report) {
        super("the design has " + report.problems().size() + " problem(s); nothing was deployed: "
                + report.problems().stream().limit(3).map(Object::toString).reduce((a, b) -> a + "; " + b).orElse("")
                + (report.problems().size() > 3 ? "; ..." : ""));
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
