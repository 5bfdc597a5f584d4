package org.grantline.casefile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.grantline.intake.ApplicationAccess;
import org.grantline.intake.ApplicationRepository;
import org.grantline.intake.ApplicationRequest;
import org.grantline.intake.ApplicationService;
import org.grantline.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Submit an application; list applications; read one application's full state. */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {

    private final ApplicationService intake;
    private final ApplicationRepository applications;
    private final ApplicationAccess access;
    private final CaseFile caseFile;

    ApplicationController(ApplicationService intake, ApplicationRepository applications, ApplicationAccess access,
                          CaseFile caseFile) {
        this.intake = intake;
        this.applications = applications;
        this.access = access;
        this.caseFile = caseFile;
    }

    @PostMapping
    ResponseEntity<ApplicationState> submit(@Valid @RequestBody ApplicationRequest request, Authentication user) {
        ApplicationState submitted = caseFile.submit(request, user.getName());
        return ResponseEntity.created(URI.create("/api/applications/" + submitted.id())).body(submitted);
    }

    @GetMapping("/{id}")
    ApplicationState get(@PathVariable String id, Authentication user) {
        return caseFile.of(access.visibleTo(id, user));
    }

    @GetMapping
    List<ApplicationState.Summary> list(@RequestParam(required = false) String round,
                                        @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,60}") String stage,
                                        @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
                                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                        Authentication user) {
        if (round != null) {
            intake.requireKnownRound(round);
        }
        String owner = Roles.isApplicantOnly(user) ? user.getName() : null;
        return applications.list(round, stage, owner, page, size).stream()
                .map(a -> new ApplicationState.Summary(a.id(), a.roundCode(), a.stage(), a.leadName(), a.leadType(),
                        a.areaName(), a.submittedOn()))
                .toList();
    }
}
