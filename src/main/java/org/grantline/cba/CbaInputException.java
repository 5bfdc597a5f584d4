package org.grantline.cba;

import java.util.List;

/** The figures cannot be appraised; each problem names its field ({@code outcomes[0].deadweight: ...}). */
public class CbaInputException extends IllegalArgumentException {

    private final List<String> problems;

    public CbaInputException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
