package org.grantline.workflow;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The id check asks Camunda's question without building its message, and fails as Camunda's does (fix 24). */
class EntityIdCheckTest {

    /** Counts the times its description is built. */
    static final class Row implements DbEntity {
        private String id;
        int described;

        Row(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void setId(String id) {
            this.id = id;
        }

        @Override
        public Object getPersistentState() {
            return id;
        }

        @Override
        public String toString() {
            described++;
            return "Row[" + id + "]";
        }
    }

    /** An id generator that gives none, so that an entity without an id reaches the check. */
    private static final IdGenerator NO_IDS = () -> null;

    private final EntityIdCheck.Manager grantlines = new EntityIdCheck.Manager(NO_IDS, null);
    private final DbEntityManager camundas = new DbEntityManager(NO_IDS, null);

    @Test
    void aGoodIdIsCheckedWithoutDescribingTheEntity() {
        Row row = new Row("01a24c47-d726-7b49-bce0-fe7f3db6e542");
        grantlines.insert(row);
        assertThat(row.described).isZero();

        Row same = new Row("01a24c47-d726-7b49-bce0-fe7f3db6e543");
        camundas.insert(same);
        assertThat(same.described).as("Camunda's own check describes every entity").isEqualTo(1);
    }

    @Test
    void aMissingOrWildcardIdFailsAsCamundasCheckFails() {
        for (String id : new String[]{null, "*"}) {
            Throwable ours = catchFrom(grantlines, id);
            Throwable theirs = catchFrom(camundas, id);
            assertThat(ours).isInstanceOf(ProcessEngineException.class).hasMessageContaining("Row[" + id + "]");
            assertThat(ours).hasSameClassAs(theirs).hasMessage(theirs.getMessage());
        }
    }

    @Test
    void theEntityIsKeptOnlyWhenItsIdPasses() {
        assertThatThrownBy(() -> grantlines.insert(new Row("*"))).isInstanceOf(ProcessEngineException.class);
        Row good = new Row("a-good-id");
        grantlines.insert(good);
        assertThat(grantlines.getCachedEntity(Row.class, "a-good-id")).isSameAs(good);
        assertThat(grantlines.getCachedEntity(Row.class, "*")).isNull();
    }

    private static Throwable catchFrom(DbEntityManager manager, String id) {
        try {
            manager.insert(new Row(id));
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("an entity with id " + id + " was accepted");
    }
}
