package org.grantline.intake;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.grantline.rules.RulesetRegistry;
import org.grantline.web.ApiException;
import org.grantline.web.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The words grantline accepts in requests (organisation types, themes, budget arrangements ...), read from
 * rules/vocabulary.yaml so that designers can extend them without Java. An unknown word is a malformed request.
 */
@Component
public class Vocabulary {

    private final Map<String, List<String>> lists;

    public Vocabulary(RulesetRegistry registry) {
        Path file = registry.rulesDir().resolve("vocabulary.yaml");
        try {
            lists = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vocabulary " + file, e);
        }
    }

    public List<String> list(String name) {
        List<String> words = lists.get(name);
        if (words == null) {
            throw new IllegalStateException("rules/vocabulary.yaml has no list '" + name + "'");
        }
        return words;
    }

    /** Collects a problem for every word not in the named list. */
    public Checker checker() {
        return new Checker();
    }

    public final class Checker {
        private final List<FieldProblem> problems = new ArrayList<>();

        public Checker word(String field, String value, String listName) {
            if (value != null && !list(listName).contains(value)) {
                problems.add(new FieldProblem(field, "unknown value '" + value + "'; expected one of "
                        + list(listName)));
            }
            return this;
        }

        public Checker words(String field, List<String> values, String listName) {
            if (values != null) {
                for (int i = 0; i < values.size(); i++) {
                    word(field + "[" + i + "]", values.get(i), listName);
                }
            }
            return this;
        }

        /** Throws a 400 naming every unknown word, if there was any. */
        public void check() {
            if (!problems.isEmpty()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "Malformed request",
                        problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b)
                                .orElseThrow(), problems);
            }
        }
    }
}
