package org.grantline.designer;

import jakarta.servlet.http.HttpServletRequest;
import org.grantline.rules.RulesetActivations;
import org.grantline.rules.RulesetRegistry;
import org.grantline.web.ApiException;
import org.grantline.workflow.ProcessDeployer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Designers validate, weigh and deploy a design: with no body, the rules and bpmn folders the server reads;
 * with a zip body ({@code Content-Type: application/zip}), an uploaded bundle holding {@code rules/} and/or
 * {@code bpmn/}. A refused deployment is a 422 problem carrying the validation report; nothing changes.
 */
@RestController
@RequestMapping("/api/designer")
class DesignController {

    static final long MAX_BUNDLE_BYTES = 5L * 1024 * 1024;

    private final DesignDeployments deployments;
    private final RulesetActivations activations;
    private final Path rulesDir;
    private final Path bpmnDir;

    DesignController(DesignDeployments deployments, RulesetActivations activations, RulesetRegistry registry,
                     ProcessDeployer processes) {
        this.deployments = deployments;
        this.activations = activations;
        this.rulesDir = registry.rulesDir();
        this.bpmnDir = processes.bpmnDir();
    }

    @PostMapping("/validation")
    ResponseEntity<ValidationReport> validate(HttpServletRequest request) throws IOException {
        try (DesignSource source = source(request)) {
            ValidationReport report = deployments.validate(source);
            return ResponseEntity.status(report.valid() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(report);
        }
    }

    @PostMapping("/deployments")
    DesignDeployments.Deployment deploy(HttpServletRequest request, Authentication user) throws IOException {
        try (DesignSource source = source(request)) {
            return deployments.deploy(source, user.getName());
        }
    }

    /** Every ruleset activation, newest first: which version, who, when, from where. */
    @GetMapping("/deployments")
    List<RulesetActivations.Activation> history(@RequestParam(required = false) String round) {
        return activations.history(round);
    }

    @PostMapping("/impact")
    DesignDeployments.Impact impact(HttpServletRequest request) throws IOException {
        try (DesignSource source = source(request)) {
            return deployments.impact(source);
        }
    }

    private DesignSource source(HttpServletRequest request) throws IOException {
        InputStream body = new LimitedInputStream(request.getInputStream(), MAX_BUNDLE_BYTES);
        PushbackInputStream peek = new PushbackInputStream(body, 1);
        int first = peek.read();
        if (first < 0) {
            return DesignSource.folders(rulesDir, bpmnDir);
        }
        peek.unread(first);
        String type = request.getContentType();
        if (type == null || !MediaType.parseMediaType(type).isCompatibleWith(MediaType.parseMediaType("application/zip"))) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "send no body (the server's folders) or a zip bundle with Content-Type application/zip",
                    List.of(new org.grantline.web.FieldProblem("Content-Type", "expected application/zip")));
        }
        try {
            return DesignSource.bundle(peek, rulesDir, bpmnDir);
        } catch (LimitedInputStream.TooLargeException e) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "Bundle too large",
                    "a bundle may be at most " + MAX_BUNDLE_BYTES / (1024 * 1024) + " MB", List.of());
        }
    }
}
