package org.grantline.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A request grantline refuses, with the HTTP status, a short title, what is wrong and, where it is one
 * field or several, which. Rendered as an RFC 7807 problem by {@link ProblemHandler}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> fields;

    public ApiException(HttpStatus status, String title, String detail, List<FieldProblem> fields) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fields = List.copyOf(fields);
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, what + " not found", "no " + what + " with id '" + id + "'",
                List.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict with the current state", detail, List.of());
    }

    public static ApiException badRequest(String field, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Malformed request", detail,
                List.of(new FieldProblem(field, detail)));
    }

    public static ApiException unprocessable(String detail, List<FieldProblem> fields) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Request cannot be accepted", detail, fields);
    }


    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> fields() {
        return fields;
    }
}
