package org.grantline.milestones;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.grantline.intake.ApplicationAccess;
import org.grantline.intake.ApplicationRow;
import org.grantline.web.ApiException;
import org.grantline.web.FreeText;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;

/** Milestone submissions ({@code /submissions/FINAL_PLAN} ...) and withdrawal of an application. */
@RestController
@RequestMapping("/api/applications/{id}")
class SubmissionController {

    private final SubmissionService service;
    private final ApplicationAccess access;

    SubmissionController(SubmissionService service, ApplicationAccess access) {
        this.service = service;
        this.access = access;
    }

    @PostMapping("/submissions/{type}")
    ResponseEntity<Void> submit(@PathVariable String id, @PathVariable String type, @RequestBody JsonNode body,
                                Authentication user) {
        SubmissionType submissionType = SubmissionType.parse(type).orElseThrow(() -> new ApiException(
                org.springframework.http.HttpStatus.NOT_FOUND, "Unknown submission type",
                "no submission type '" + type + "'; known: " + Arrays.toString(SubmissionType.values()),
                java.util.List.of()));
        ApplicationRow app = access.visibleTo(id, user);
        service.submit(app, submissionType, body, user.getName());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/withdrawal")
    ResponseEntity<Void> withdraw(@PathVariable String id, @Valid @RequestBody Withdrawal request,
                                  Authentication user) {
        service.withdraw(access.visibleTo(id, user), request.reason(), user.getName());
        return ResponseEntity.accepted().build();
    }

    record Withdrawal(@NotBlank @Size(max = 2000) @FreeText String reason) {
    }
}
