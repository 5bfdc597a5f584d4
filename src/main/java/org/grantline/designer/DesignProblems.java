package org.grantline.designer;

import org.grantline.web.FieldProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** RFC 7807 problems for designers: a refused design carries its whole validation report. */
@RestControllerAdvice(assignableTypes = {DesignController.class, VersionController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class DesignProblems {

    @ExceptionHandler(DeploymentRefusedException.class)
    ResponseEntity<ProblemDetail> refused(DeploymentRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Design refused");
        problem.setProperty("errors", e.report().problems().stream()
                .map(p -> new FieldProblem(p.where(), p.area() + ": " + p.message())).toList());
        problem.setProperty("report", e.report());
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @ExceptionHandler(BundleException.class)
    ResponseEntity<ProblemDetail> badBundle(BundleException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Malformed bundle");
        problem.setProperty("errors", List.of(new FieldProblem("(body)", e.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }
}
