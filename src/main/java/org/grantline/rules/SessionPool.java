package org.grantline.rules;

import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Reuses the sessions of one decision's KieBase. A new session builds its agenda, entry points and node
 * memories, and its first facts build the rules' segment memories: about a third of a small decision's time.
 * A session handed back is reset (working memory, agenda, node memories, globals, listeners and fact handle
 * ids, as Drools' own pool resets them) and kept for the next decision; one whose decision failed is disposed,
 * never reused. Drools' {@code KieBase.newKieSessionsPool} is not used: in 10.2 its overflow queue is not
 * synchronised, and decisions run on many threads at once.
 */
final class SessionPool {

    private final KieBase kieBase;
    private final BlockingQueue<KieSession> idle;

    SessionPool(KieBase kieBase, int capacity) {
        this.kieBase = kieBase;
        this.idle = new ArrayBlockingQueue<>(Math.max(1, capacity));
    }

    /** Runs one piece of work on a session of its own; the session goes back only if the work succeeded. */
    <T> T withSession(Function<KieSession, T> work) {
        KieSession session = idle.poll();
        if (session == null) {
            session = kieBase.newKieSession();
        }
        T result;
        try {
            result = work.apply(session);
        } catch (RuntimeException | Error e) {
            session.dispose();
            throw e;
        }
        giveBack(session);
        return result;
    }

    int idleSessions() {
        return idle.size();
    }

    private void giveBack(KieSession session) {
        try {
            ((StatefulKnowledgeSessionImpl) session).reset();
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
        if (!idle.offer(session)) {
            session.dispose();
        }
    }
}
