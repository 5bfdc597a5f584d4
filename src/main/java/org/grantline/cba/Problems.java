package org.grantline.cba;

import org.grantline.web.FieldProblem;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of an appraisal's input before refusing it, so that all are reported at once. */
final class Problems {

    private final List<FieldProblem> found = new ArrayList<>();

    void add(String field, String message) {
        found.add(new FieldProblem(field, message));
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new CbaInputException(found);
        }
    }
}
