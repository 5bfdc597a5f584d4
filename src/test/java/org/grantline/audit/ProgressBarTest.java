package org.grantline.audit;

import org.grantline.web.Csv;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    @Test
    void showsShareRateAndTimeLeft() {
        assertThat(ReplayCommand.ProgressBar.line(4_500, 10_000, 4.5))
                .isEqualTo("[##############................]  45%  4,500/10,000  1,000/s  ETA 0:06");
        assertThat(ReplayCommand.ProgressBar.line(0, 0, 0)).startsWith("[##############################] 100%");
    }

    @Test
    void csvFieldsAreQuotedAndFormulaSafe() {
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(Csv.field(null)).isEmpty();
    }
}
