package org.grantline.workflow;

import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.springframework.stereotype.Component;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the property reads in Camunda's SQL mappings of its queries (task lists, process instances) cost a map
 * lookup instead of a search of the query's every method.
 * <p>
 * Camunda's mappings test properties named after their methods, such as {@code query.isOrQueryActive} or
 * {@code query.isWithoutTenantId}. MyBatis evaluates such a test with its copy of OGNL, which finds no getter
 * ({@code getIsOrQueryActive}) and then, on every evaluation, compares the name with each of the class's
 * methods (310 on a task query) in lower case, without keeping what it found; a field without a getter (such as
 * {@code resultType}) takes the same search first. A task query ran that search several times
 * (docs/benchmarks.md, fix 23). This accessor asks OGNL's {@code getGetMethod} and {@code getReadMethod} once per
 * class and property and keeps the answers: every value read is the one OGNL's own accessor reads.
 * <p>
 * OGNL keeps its accessors for the whole JVM, so this covers every process engine in it.
 */
@Component
class QueryPropertyReads extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        install();
    }

    /**
     * On Camunda's queries' base class, which covers every query OGNL has not looked at yet (it keeps the accessor
     * it found for each class), and on the two that took the search in grantline's work, which covers those
     * whatever ran before.
     */
    static void install() {
        for (Class<?> type : List.of(ListQueryParameterObject.class, TaskQueryImpl.class, ProcessInstanceQueryImpl.class)) {
            OgnlRuntime.setPropertyAccessor(type, Accessor.INSTANCE);
        }
    }

    static final class Accessor extends ObjectPropertyAccessor {

        static final Accessor INSTANCE = new Accessor();

        /** Per class and property, how OGNL reads it; found once. */
        private final Map<Class<?>, Map<String, Read>> reads = new ConcurrentHashMap<>();

        private Accessor() {
        }

        @Override
        public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
            try {
                Read read = lookup(target.getClass(), name); // inside: OGNL reports a failed search as its own
                if (read.getter()) {
                    return super.getPossibleProperty(context, target, name); // OGNL keeps its getters: quick
                }
                if (read.method() != null && context.getMemberAccess().isAccessible(context, target, read.method(), name)) {
                    return OgnlRuntime.invokeMethod(target, read.method(), OgnlRuntime.NoArguments);
                }
                return OgnlRuntime.getFieldValue(context, target, name, true);
            } catch (OgnlException e) {
                throw e;
            } catch (InvocationTargetException e) {
                throw new OgnlException(name, e.getTargetException());
            } catch (Exception e) {
                throw new OgnlException(name, e); // as OGNL's own accessor reports any other failure
            }
        }

        Read lookup(Class<?> type, String name) {
            return reads.computeIfAbsent(type, c -> new ConcurrentHashMap<>()).computeIfAbsent(name, n -> Read.of(type, n));
        }
    }

    /**
     * OGNL's own order: a getter ({@code getter}: read as OGNL reads it, it keeps its getters); else the method
     * its read-method search finds ({@code method}); else, with neither, a field (or nothing). The search is what
     * OGNL repeats on every read; here it runs once.
     */
    record Read(boolean getter, Method method) {

        static Read of(Class<?> type, String name) {
            if (OgnlRuntime.getGetMethod(type, name) != null) {
                return new Read(true, null);
            }
            return new Read(false, OgnlRuntime.getReadMethod(type, name, null));
        }
    }
}
