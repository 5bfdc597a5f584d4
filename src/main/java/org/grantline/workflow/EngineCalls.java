package org.grantline.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * Process engine calls grantline makes for a user whose role it has already checked (submitting an
 * application, a milestone, a task form). The user is recorded as the one who acted (initiator, task
 * completer, operation log), but Camunda's authorizations are not checked again: they guard what users may
 * do directly through Camunda's REST API and webapps, not what grantline's own API allows.
 */
@Component
public class EngineCalls {

    private final IdentityService identity;
    private final ProcessEngineConfigurationImpl engine;

    EngineCalls(IdentityService identity, ProcessEngineConfigurationImpl engine) {
        this.identity = identity;
        this.engine = engine;
    }

    public <T> T asUser(String user, Supplier<T> call) {
        identity.setAuthenticatedUserId(user);
        try {
            return withoutAuthorization(call);
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * One engine command for the whole call (nested service calls share its transaction and entity cache),
     * without Camunda's authorization checks, whoever is signed in on the thread.
     */
    public <T> T withoutAuthorization(Supplier<T> call) {
        return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(call::get));
    }

    public void asUser(String user, Runnable call) {
        asUser(user, () -> {
            call.run();
            return null;
        });
    }
}
