package org.grantline.bench;

import org.grantline.AppProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** bin/cds-archive writes an archive the application starts on, with its own classes taken from the archive. */
class CdsArchiveIT {

    @Test
    void theApplicationStartsOnTheArchiveItWrote() throws Exception {
        Path folder = Files.createDirectories(Path.of("target/cds-archive-it"));
        CdsArchive cds = CdsArchive.write(folder);
        assertThat(cds.archive()).isNotEmptyFile();

        Path data = Files.createDirectories(folder.resolve("data-" + System.nanoTime()));
        List<String> options = new ArrayList<>(cds.jvmOptions());
        options.add("-Xlog:class+load=info");
        double seconds = ChildApp.startToReady(AppProcess.onClassPath(cds.classPath()), options, data);

        assertThat(seconds).isPositive();
        // -Xshare:on refuses to start without the archive; the log shows the application's classes came from it.
        assertThat(Files.readString(data.resolve("app.log")))
                .contains("org.grantline.GrantlineApplication source: shared objects file")
                .contains("org.grantline.rules.RulesetCompiler source: shared objects file");
    }
}
