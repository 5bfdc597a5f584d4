package org.grantline.bench;

import org.grantline.workflow.Lifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap used, after a full GC, with this many active applications held open in the process (submitted and
 * waiting at Review application), topped up through grantline's intake service.
 */
final class ActiveApplicationsHeap {

    static final String NAME = "Heap with active applications";

    static List<Figure> measure(Lifecycle drive, JdbcClient jdbc, int target, int runs) {
        int open = openApplications(jdbc);
        Lifecycle.on("2014-02-10");
        while (open < target) {
            drive.submit(Lifecycle.goodApplicationJson("held-open"));
            open++;
        }
        open = openApplications(jdbc);
        List<Double> used = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            used.add(heapAfterGcMiB());
        }
        return List.of(Figure.of(NAME, "heap used after GC with active applications held open", "MiB", used)
                .note(String.format("%,d active process instances, heap max %,d MiB", open,
                        Runtime.getRuntime().maxMemory() >> 20))
                .goal("< 512 MB", 512, false));
    }

    static List<String> notes() {
        return List.of("What: after the HTTP load, applications are topped up through ApplicationService until this "
                + "many process instances are active (each waiting at Review application, with its eligibility "
                + "decision recorded); then System.gc() three times and MemoryMXBean heap used, once per run. "
                + "grantline keeps applications in the database, not in memory, so this should stay flat.");
    }

    static int openApplications(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from act_ru_execution where parent_id_ is null").query(Integer.class).single();
    }

    static double heapAfterGcMiB() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024);
    }

    private ActiveApplicationsHeap() {
    }
}
