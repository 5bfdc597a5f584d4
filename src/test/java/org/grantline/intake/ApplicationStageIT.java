package org.grantline.intake;

import org.grantline.GrantlineIT;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The stage column is written only when the stage changes (every process enters SUBMITTED, its stage at insert). */
class ApplicationStageIT extends GrantlineIT {

    @Autowired
    Lifecycle drive;
    @Autowired
    ApplicationRepository applications;

    @Test
    void aStageIsWrittenOnlyWhenItChanges() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("stage-write"));
        assertThat(drive.stage(id)).isEqualTo("REVIEW");

        assertThat(applications.setStage(id, "REVIEW")).as("same stage").isFalse();
        assertThat(drive.stage(id)).isEqualTo("REVIEW");
        assertThat(applications.setStage(id, "GETTING_READY")).as("new stage").isTrue();
        assertThat(drive.stage(id)).isEqualTo("GETTING_READY");
        assertThat(applications.setStage("no-such-application", "REVIEW")).isFalse();
        assertThat(applications.setStage(id, "REVIEW")).as("back to where its process waits").isTrue();
    }
}
