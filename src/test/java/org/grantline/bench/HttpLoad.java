package org.grantline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load generator: {@code clients} threads, each sending its next application as soon as the
 * last one was answered, until {@code count} have been sent. Each application is new (its own lead, area and
 * partner names), so none is a duplicate.
 */
final class HttpLoad {

    record Outcome(int clients, int requests, double seconds, List<Double> latenciesMs, int errors, String firstError) {

        double throughput() {
            return requests / seconds;
        }

        double percentile(double p) {
            List<Double> sorted = new ArrayList<>(latenciesMs);
            Collections.sort(sorted);
            int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    private final URI submissions;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    HttpLoad(String baseUrl, String user, String password) {
        this.submissions = URI.create(baseUrl + "/api/applications");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    Outcome run(int clients, int count) throws InterruptedException {
        AtomicInteger remaining = new AtomicInteger(count);
        AtomicInteger errors = new AtomicInteger();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>(count));
        List<String> firstError = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    long sent = System.nanoTime();
                    String problem = submitOne();
                    latencies.add((System.nanoTime() - sent) / 1e6);
                    if (problem != null) {
                        errors.incrementAndGet();
                        firstError.add(problem);
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("load at " + clients + " clients did not finish");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Outcome(clients, count, seconds, List.copyOf(latencies), errors.get(),
                firstError.isEmpty() ? "" : firstError.get(0));
    }

    /** Null when the application was accepted (201), otherwise what went wrong. */
    private String submitOne() {
        HttpRequest request = HttpRequest.newBuilder(submissions).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(application(UUID.randomUUID().toString().substring(0, 13))))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 201 ? null : response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    /** The README's example application, with names of its own. */
    static String application(String tag) {
        return """
                {"round": "OP-2014",
                  "lead": {"name": "Westfield Community Trust %1$s", "type": "VCS_BODY", "charitablePurpose": true, "priorServiceDelivery": true},
                  "area": {"name": "Westfield %1$s", "district": "Sheffield %1$s", "inEngland": true},
                  "partners": [{"name": "Sheffield City Council %1$s", "type": "LOCAL_AUTHORITY", "trackRecord": true}],
                  "themes": ["HEALTH_AND_WELLBEING", "OLDER_PEOPLE"],
                  "proposal": {"specificIntervention": true, "needEvidenced": true, "buildsOnPriorActivity": false}}
                """.formatted(tag);
    }
}
