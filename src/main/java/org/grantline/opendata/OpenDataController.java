package org.grantline.opendata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.grantline.intake.ApplicationService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The awards as 360Giving open data: {@code /api/opendata/360giving.json} and {@code .csv}, for a round or all. */
@RestController
@RequestMapping("/api/opendata")
class OpenDataController {

    private final ThreeSixtyGiving export;
    private final ApplicationService intake;

    OpenDataController(ThreeSixtyGiving export, ApplicationService intake) {
        this.export = export;
        this.intake = intake;
    }

    @GetMapping(value = "/360giving.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode json(@RequestParam(required = false) String round) {
        return export.dataPackage(known(round));
    }

    @GetMapping(value = "/360giving.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String round) {
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"360giving.csv\"")
                .body(export.csv(known(round)));
    }

    private String known(String round) {
        if (round != null) {
            intake.requireKnownRound(round);
        }
        return round;
    }
}
