package org.grantline.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.grantline.clock.BusinessClock;
import org.grantline.funnel.RoundFunnel;
import org.grantline.intake.ApplicationRepository;
import org.grantline.intake.ApplicationRow;
import org.grantline.intake.BulkImport;
import org.grantline.milestones.SubmissionService;
import org.grantline.milestones.SubmissionType;
import org.grantline.rules.RulesetRegistry;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a cohort through a round on the real engine: the same services the API uses submit the applications
 * and documents, caseworker tasks are completed through Camunda's form service, and time moves from one timer to
 * the next (each timer fires when the business clock reaches it, so the rules see the dates they would). At each
 * moment every application does all its script allows before the clock moves on. The result is the round's
 * funnel as the console's dashboard shows it.
 */
@Component
public class RoundSimulation {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RoundSimulation.class);
    private static final Pattern STAGE = Pattern.compile("stage\\.enter\\(execution, '([A-Z_]+)'\\)");

    /** Told after every step of time: applications settled (nothing more will happen to them) and the date. */
    public interface Progress {
        void update(int settled, int total, LocalDate today);
    }

    /** The funnel, applications refused at intake, and what went wrong on the way (by cohort line). */
    public record Result(RoundFunnel.Funnel funnel, int submitted, List<String> refused, List<String> problems,
                         Map<String, Integer> finalStages, LocalDate endedOn) {
    }

    private final BulkImport intake;
    private final ApplicationRepository applications;
    private final SubmissionService submissions;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final RepositoryService repository;
    private final RulesetRegistry rulesets;
    private final RoundFunnel funnels;
    private final BusinessClock clock;
    private final SimulatedApplicant applicant;
    private final SimulatedCaseworker caseworker;
    private final ObjectMapper json;

    RoundSimulation(BulkImport intake, ApplicationRepository applications, SubmissionService submissions,
                    RuntimeService runtime, TaskService tasks, ManagementService management, RepositoryService repository,
                    RulesetRegistry rulesets, RoundFunnel funnels, BusinessClock clock, SimulatedApplicant applicant,
                    SimulatedCaseworker caseworker, ObjectMapper json) {
        this.intake = intake;
        this.applications = applications;
        this.submissions = submissions;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.repository = repository;
        this.rulesets = rulesets;
        this.funnels = funnels;
        this.clock = clock;
        this.applicant = applicant;
        this.caseworker = caseworker;
        this.json = json;
    }

    /** The stages the round's process can be at, as its diagram names them (withdrawn_at must be one). */
    public Set<String> stages(String round) {
        String processKey = rulesets.active(round).round().processKey();
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .singleResult().getId();
        try (InputStream xml = repository.getProcessModel(definition)) {
            Set<String> stages = new TreeSet<>();
            Matcher matcher = STAGE.matcher(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
            while (matcher.find()) {
                stages.add(matcher.group(1));
            }
            return stages;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the diagram of " + processKey, e);
        }
    }

    public Result run(Cohort cohort, LocalDate start, Progress progress) {
        String round = cohort.round();
        ClockUtil.setCurrentTime(Date.from(start.atTime(9, 0).atZone(BusinessClock.ZONE).toInstant()));
        List<String> refused = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Run> live = new LinkedHashMap<>();
        for (Cohort.Member member : cohort.members()) {
            BulkImport.Submitted submitted = intake.submit(member.application(), SimulatedCaseworker.USER);
            if (submitted.applicationId() != null) {
                live.put(submitted.applicationId(), new Run(member));
            } else {
                refused.add("line " + member.line() + ": " + String.join("; ", submitted.problems().stream()
                        .map(p -> p.field() + ": " + p.message()).toList()));
            }
        }
        int total = live.size();
        // only this cohort's timers and jobs are forced: anything else in the database is left alone
        Set<String> instances = new HashSet<>();
        live.keySet().forEach(id -> instances.add(applications.find(id).orElseThrow().processInstanceId()));
        Set<String> settled = new HashSet<>();
        while (true) {
            boolean moved = false;
            for (Map.Entry<String, Run> run : live.entrySet()) {
                if (!settled.contains(run.getKey())) {
                    while (act(run.getKey(), run.getValue(), problems)) {
                        moved = true;
                    }
                }
            }
            moved |= !instances.isEmpty() && fireDueJobs(instances);
            if (moved) {
                continue;
            }
            live.keySet().stream().filter(id -> !hasTimer(id)).forEach(settled::add);
            progress.update(settled.size(), total, clock.today());
            Job next = instances.isEmpty() ? null : management.createJobQuery().processInstanceIds(instances).timers()
                    .orderByJobDuedate().asc().listPage(0, 1).stream().findFirst().orElse(null);
            if (next == null) {
                break;
            }
            if (next.getDuedate().after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(new Date(next.getDuedate().getTime() + 1000));
            }
        }
        Map<String, Integer> stages = new java.util.TreeMap<>();
        live.keySet().forEach(id -> stages.merge(applications.find(id).orElseThrow().stage(), 1, Integer::sum));
        return new Result(funnels.of(round, clock.today()), total, refused, problems, stages, clock.today());
    }

    /** What one application's script does next at this moment; false when it has to wait (or is finished). */
    private boolean act(String id, Run run, List<String> problems) {
        ApplicationRow app = applications.find(id).orElseThrow();
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(app.processInstanceId()).singleResult();
        if (instance == null || run.stopped) {
            return false;
        }
        Script script = run.member.script();
        if (app.stage().equals(script.withdrawnAt()) && !run.withdrawn) {
            run.withdrawn = true;
            return attempt(run, problems, "withdrawal at " + app.stage(),
                    () -> submissions.withdraw(app, "withdrawn in a round simulation", SimulatedCaseworker.USER));
        }
        List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
        if (!open.isEmpty()) {
            Task task = open.get(0);
            return attempt(run, problems, task.getName(), () -> caseworker.complete(task, script));
        }
        for (EventSubscription waiting : runtime.createEventSubscriptionQuery().processInstanceId(instance.getId())
                .eventType("message").list()) {
            SubmissionType type = submissionType(waiting.getEventName());
            // each document once: a process that waits for one again would otherwise be fed for ever
            if (type != null && wants(type, script, instance.getId()) && run.sent.add(type)) {
                return attempt(run, problems, type.name(), () -> submissions.submit(app, type,
                        readJson(applicant.payload(type, app, clock.today())), SimulatedCaseworker.USER));
            }
        }
        return false;
    }

    private boolean wants(SubmissionType type, Script script, String instanceId) {
        return switch (type) {
            case GETTING_GOING_APPLICATION -> script.gettingGoingApplied();
            case FINAL_PLAN -> script.plan() == Script.Plan.YES
                    // late: only once the deadline timer has fired and nothing else is pending
                    || (script.plan() == Script.Plan.LATE
                        && management.createJobQuery().processInstanceId(instanceId).timers().count() == 0);
            default -> true;
        };
    }

    /** A step the engine or the rules refuse ends this application's script, with the reason kept. */
    private static boolean attempt(Run run, List<String> problems, String what, Runnable step) {
        try {
            step.run();
            return true;
        } catch (RuntimeException e) {
            run.stopped = true;
            problems.add("line " + run.member.line() + ": " + what + " refused: " + e.getMessage());
            return false;
        }
    }

    private boolean fireDueJobs(Set<String> instances) {
        boolean fired = false;
        List<Job> due;
        while (!(due = management.createJobQuery().processInstanceIds(instances).executable().list()).isEmpty()) {
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException e) {
                    // the engine keeps the failure on the job (fewer retries, then an incident), as in production
                    log.warn("job {} of process instance {} failed: {}", job.getId(), job.getProcessInstanceId(), e.getMessage());
                }
                fired = true;
            }
        }
        return fired;
    }

    private boolean hasTimer(String applicationId) {
        ApplicationRow app = applications.find(applicationId).orElseThrow();
        return app.processInstanceId() != null
                && management.createJobQuery().processInstanceId(app.processInstanceId()).timers().count() > 0;
    }

    private static SubmissionType submissionType(String message) {
        try {
            return message.equals("WITHDRAWAL") ? null : SubmissionType.valueOf(message);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private com.fasterxml.jackson.databind.JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One applicant's progress through its script. */
    private static final class Run {
        final Cohort.Member member;
        final Set<SubmissionType> sent = java.util.EnumSet.noneOf(SubmissionType.class);
        boolean withdrawn;
        boolean stopped;

        Run(Cohort.Member member) {
            this.member = member;
        }
    }
}
