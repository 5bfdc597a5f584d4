package org.grantline.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.stream.Collectors;

/** Turns every refusal into an RFC 7807 problem that names the field; never a stack trace. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return problem(e.status(), e.title(), e.getMessage(), e.fields());
    }

    @ExceptionHandler({org.grantline.rules.UnknownRoundException.class,
            org.grantline.rules.UnknownRulesetVersionException.class})
    ResponseEntity<ProblemDetail> unknownRoundOrVersion(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of());
    }

    @ExceptionHandler(org.grantline.rules.UnknownDecisionException.class)
    ResponseEntity<ProblemDetail> unknownDecision(RuntimeException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Decision not in this ruleset", e.getMessage(), List.of());
    }

    @ExceptionHandler(org.grantline.rules.RulesetInvalidException.class)
    ResponseEntity<ProblemDetail> invalidRuleset(org.grantline.rules.RulesetInvalidException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Ruleset cannot be used", e.getMessage(),
                e.problems().stream().map(p -> new FieldProblem("rules", p)).toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", "parameter '" + e.getName() + "' has the wrong type",
                List.of(new FieldProblem(e.getName(), "wrong type")));
    }

    /**
     * The database and the engine: a request that lost a race with another change (see {@link LostRace}) is a
     * conflict; anything else is logged whole and answered without internals. The engine wraps what its
     * listeners throw, so a task completed by two caseworkers at once reaches the unique key of
     * task_completion inside a {@code ProcessEngineException}.
     */
    @ExceptionHandler({DataAccessException.class, ProcessEngineException.class})
    ResponseEntity<ProblemDetail> persistence(RuntimeException e) {
        if (LostRace.in(e)) {
            log.info("Refused a request that lost a race with another change: {}", e.getMessage());
            return problem(HttpStatus.CONFLICT, "Conflict with the current state",
                    "another request was changing the same records at the same time; reload and retry", List.of());
        }
        log.error("The database or process engine failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the request could not be completed; it has been logged", List.of());
    }

    @ExceptionHandler(NullValueException.class)
    ResponseEntity<ProblemDetail> gone(NullValueException e) {
        return problem(HttpStatus.CONFLICT, "Conflict with the current state",
                "the task or process has already moved on", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        String field = cause instanceof JsonMappingException mapping ? path(mapping) : "(body)";
        String detail;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            detail = "unknown field '" + field + "'; known fields: " + unknown.getKnownPropertyIds();
        } else if (cause instanceof InvalidFormatException format) {
            detail = "field '" + field + "' cannot be read as " + format.getTargetType().getSimpleName()
                    + ": " + format.getValue();
        } else if (cause instanceof MismatchedInputException mismatch) {
            detail = "field '" + field + "' has the wrong type or is missing"
                    + (mismatch.getTargetType() == null ? "" : " (expected " + mismatch.getTargetType().getSimpleName() + ")");
        } else if (cause instanceof JsonProcessingException json) {
            detail = "body is not valid JSON: " + json.getOriginalMessage();
        } else {
            detail = "body is missing or not readable as JSON";
        }
        return cast(problem(HttpStatus.BAD_REQUEST, "Malformed request", detail, List.of(new FieldProblem(field, detail))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return cast(problem(HttpStatus.UNPROCESSABLE_ENTITY, "Request cannot be accepted", summary(fields), fields));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> fields = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(r.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return cast(problem(HttpStatus.UNPROCESSABLE_ENTITY, "Request cannot be accepted", summary(fields), fields));
    }

    private static String summary(List<FieldProblem> fields) {
        return fields.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                 List<FieldProblem> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields);
        }
        return ResponseEntity.status(status).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
