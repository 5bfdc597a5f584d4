package org.grantline.decisions;

import org.grantline.trail.CanonicalJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decision record's inputs as canonical JSON, the same text as {@code CanonicalJson.write(typed(facts))}, with
 * each fact's part kept for the next decision that sees an equal fact: an application's facts come back, mostly
 * unchanged, in each of its nine decisions (docs/benchmarks.md, fix 45).
 * <p>
 * Only records are kept: facts are records of strings, numbers, dates and lists and maps of them, whose
 * {@code equals} tells apart whatever their JSON tells apart (a decimal's scale too), and canonical JSON sorts
 * map keys, so equal facts write the same text.
 */
final class InputsJson {

    static final int KEPT = 4_096;

    private final Map<Object, String> kept = new LinkedHashMap<>(KEPT * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, String> eldest) {
            return size() > KEPT;
        }
    };

    String write(List<Object> facts) {
        StringBuilder json = new StringBuilder(facts.size() * 128).append('[');
        for (Object fact : facts) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(entry(fact));
        }
        return json.append(']').toString();
    }

    private String entry(Object fact) {
        if (!(fact instanceof Record)) {
            return written(fact);
        }
        synchronized (kept) {
            String json = kept.get(fact);
            if (json != null) {
                return json;
            }
        }
        String json = written(fact);
        synchronized (kept) {
            kept.put(fact, json);
        }
        return json;
    }

    int keptCount() {
        synchronized (kept) {
            return kept.size();
        }
    }

    private static String written(Object fact) {
        return CanonicalJson.write(DecisionRecorder.typed(fact));
    }
}
