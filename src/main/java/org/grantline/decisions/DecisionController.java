package org.grantline.decisions;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A recorded decision with its inputs, outputs, fired clauses and ruleset version. */
@RestController
@RequestMapping("/api/decisions")
class DecisionController {

    private final DecisionQueries queries;

    DecisionController(DecisionQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}")
    DecisionView get(@PathVariable String id) {
        return queries.get(id);
    }
}
