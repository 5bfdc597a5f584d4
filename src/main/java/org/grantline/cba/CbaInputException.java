package org.grantline.cba;

import org.grantline.web.FieldProblem;

import java.util.List;

/** The figures cannot be appraised; each problem names its field ({@code outcomes[0].deadweight}) and why. */
public class CbaInputException extends IllegalArgumentException {

    private final List<FieldProblem> problems;

    public CbaInputException(List<FieldProblem> problems) {
        super(String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The same problems with their fields inside a larger payload ({@code cba.outcomes[0].deadweight}). */
    public List<FieldProblem> problemsUnder(String prefix) {
        return problems.stream().map(p -> new FieldProblem(prefix + p.field(), p.message())).toList();
    }
}
