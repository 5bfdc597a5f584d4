package org.grantline.designer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.grantline.rules.RulesetRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.file.Path;

/**
 * Designers validate the rules and bpmn folders the server reads: 200 with the report when everything
 * compiles, parses and passes its scenarios, 422 with the same report otherwise. Changes nothing.
 */
@RestController
@RequestMapping("/api/designer")
class ValidationController {

    private final DesignValidator validator;
    private final Path rulesDir;
    private final Path bpmnDir;

    ValidationController(ProcessEngine engine, RulesetRegistry registry, @Value("${grantline.bpmn-dir}") Path bpmnDir) {
        this.validator = new DesignValidator(
                new EngineBpmnParser((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()));
        this.rulesDir = registry.rulesDir();
        this.bpmnDir = bpmnDir.toAbsolutePath().normalize();
    }

    @PostMapping("/validation")
    ResponseEntity<ValidationReport> validate() {
        ValidationReport report = validator.validate(rulesDir, bpmnDir);
        return ResponseEntity.status(report.valid() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(report);
    }
}
