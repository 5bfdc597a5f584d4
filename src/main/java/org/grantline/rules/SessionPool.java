package org.grantline.rules;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.EntryPointId;
import org.drools.core.impl.InternalRuleBase;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reuses the sessions of one decision's KieBase. A new session builds its agenda, entry points and node
 * memories, and its first facts build the rules' segment memories: about a third of a small decision's time.
 * A session handed back is reset (working memory, agenda, node memories, globals, listeners and fact handle
 * ids, as Drools' own pool resets them) and kept for the next decision; one whose decision failed is disposed,
 * never reused. Drools' {@code KieBase.newKieSessionsPool} is not used: in 10.2 its overflow queue is not
 * synchronised, and decisions run on many threads at once.
 *
 * <p>The reset does not clear everything: named entry points keep their facts, agenda groups their lock-on-active
 * state. A KieBase whose rules use such features ({@link #notReusableBecause}) gets a new session every time.
 */
final class SessionPool {

    private static final Logger log = LoggerFactory.getLogger(SessionPool.class);
    private static final String MAIN_AGENDA_GROUP = "MAIN";
    /**
     * Idle sessions kept per decision: as many as decisions can run at once. Each runs in a transaction holding
     * one of the database pool's connections (10, HikariCP's default; spring.datasource.hikari.maximum-pool-size),
     * waiting on the database for much of its time, so more run at once than there are cores. A larger pool
     * still works: decisions beyond these take a new session.
     */
    static final int IDLE_SESSIONS = 10;

    private final KieBase kieBase;
    private final BlockingQueue<KieSession> idle;
    /** Made once: Drools reads every kie.session.conf on the class path for each configuration it makes. */
    private final KieSessionConfiguration singleThreadedConfiguration;

    /** The pool for one decision of a ruleset: reusing sessions where its rules allow it. */
    static SessionPool forDecision(String round, String decision, KieBase kieBase) {
        Optional<String> notReusable = notReusableBecause(kieBase);
        notReusable.ifPresent(why -> log.info("Decision {} of {} takes a new Drools session each time: {}",
                decision, round, why));
        return new SessionPool(kieBase, notReusable.isPresent() ? 0 : IDLE_SESSIONS);
    }

    /** Keeps up to {@code capacity} idle sessions; 0 gives every decision a new session. */
    private SessionPool(KieBase kieBase, int capacity) {
        this.kieBase = kieBase;
        this.idle = capacity > 0 ? new ArrayBlockingQueue<>(capacity) : null;
        this.singleThreadedConfiguration = capacity > 0 ? singleThreaded() : null;
    }

    /** Why a reset session of this KieBase could decide differently from a new one, if it could. */
    private static Optional<String> notReusableBecause(KieBase kieBase) {
        // KieBase.getEntryPointIds() lists only declared entry points; the network has every one the rules name.
        Set<String> entryPoints = ((InternalRuleBase) kieBase).getRete().getEntryPointNodes().keySet().stream()
                .map(EntryPointId::getEntryPointId).collect(Collectors.toCollection(TreeSet::new));
        if (entryPoints.stream().anyMatch(id -> !id.equals(EntryPointId.DEFAULT.getEntryPointId()))) {
            return Optional.of("its rules use the entry points " + entryPoints);
        }
        return kieBase.getKiePackages().stream()
                .flatMap(pkg -> pkg.getRules().stream())
                .map(SessionPool::notReusableBecause)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<String> notReusableBecause(Rule rule) {
        RuleImpl impl = (RuleImpl) rule;
        String why = !MAIN_AGENDA_GROUP.equals(impl.getAgendaGroup()) ? "an agenda group"
                : impl.isLockOnActive() ? "lock-on-active"
                : notBlank(impl.getActivationGroup()) ? "an activation group"
                : notBlank(impl.getRuleFlowGroup()) ? "a ruleflow group"
                : impl.getTimer() != null ? "a timer"
                : impl.getCalendars() != null && impl.getCalendars().length > 0 ? "calendars"
                : null;
        return Optional.ofNullable(why).map(feature -> "rule \"" + rule.getName() + "\" uses " + feature);
    }

    /**
     * A reused session serves one decision, on one thread, at a time (the queue hands it over), so it needs none
     * of Drools' locking: its inserts propagate at once instead of through a synchronised queue, and no insert
     * takes a lock or reads the clock (docs/benchmarks.md, fix 16). A KieBase that is not reused keeps Drools'
     * default, thread-safe sessions: its rules may use timers, which fire on a thread of their own.
     */
    private static KieSessionConfiguration singleThreaded() {
        KieSessionConfiguration configuration = KieServices.get().newKieSessionConfiguration();
        configuration.setOption(ThreadSafeOption.NO);
        return configuration;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /** Runs one piece of work on a session of its own; the session goes back only if the work succeeded. */
    <T> T withSession(Function<KieSession, T> work) {
        KieSession session = idle == null ? null : idle.poll();
        if (session == null) {
            session = idle == null ? kieBase.newKieSession()
                    : kieBase.newKieSession(singleThreadedConfiguration, null);
        }
        T result;
        try {
            result = work.apply(session);
        } catch (Throwable failure) {
            disposeQuietly(session, failure);
            throw failure;
        }
        giveBack(session);
        return result;
    }

    KieBase kieBase() {
        return kieBase;
    }

    int idleSessions() {
        return idle == null ? 0 : idle.size();
    }

    /** The decision has its result: a session that cannot be reset is dropped, the result still stands. */
    private void giveBack(KieSession session) {
        if (idle == null) {
            session.dispose();
            return;
        }
        try {
            ((StatefulKnowledgeSessionImpl) session).reset();
        } catch (RuntimeException e) {
            log.warn("A Drools session could not be reset and is dropped", e);
            disposeQuietly(session, e);
            return;
        }
        if (!idle.offer(session)) {
            session.dispose();
        }
    }

    private static void disposeQuietly(KieSession session, Throwable cause) {
        try {
            session.dispose();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
