package org.grantline.workflow;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda checks the id of every entity it inserts, and builds the check's error message first, whether or not
 * the check fails: {@code "Entity " + entity}, whose {@code toString} lists every field of a history row or a
 * variable, text values included. Over the HTTP benchmark that was 2.8 % of all samples (docs/benchmarks.md,
 * fix 24). The engine's entity manager here skips Camunda's check where it cannot fail (an id that is present
 * and not the wildcard) and runs it, with its own message and exception, where it does.
 */
@Component
class EntityIdCheck extends AbstractProcessEnginePlugin {

    /** After Camunda has made its session factories, before the engine runs its first command. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSessionFactories().put(DbEntityManager.class, new Factory(configuration.getIdGenerator()));
    }

    static final class Factory extends DbEntityManagerFactory {

        Factory(IdGenerator ids) {
            super(ids);
        }

        @Override
        public DbEntityManager openSession() {
            return new Manager(idGenerator, Context.getCommandContext().getSession(PersistenceSession.class));
        }
    }

    static final class Manager extends DbEntityManager {

        Manager(IdGenerator ids, PersistenceSession persistence) {
            super(ids, persistence);
        }

        @Override
        protected void validateId(DbEntity entity) {
            String id = entity.getId();
            if (id == null || Authorization.ANY.equals(id)) {
                super.validateId(entity); // fails with Camunda's own message
            }
        }
    }
}
