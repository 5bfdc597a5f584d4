package org.grantline.intake;

import org.grantline.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code POST /api/applications/import} (text/csv): many applications at once, each row accepted or refused. */
@RestController
class ImportController {

    static final int MAX_CHARS = 2 * 1024 * 1024;

    private final BulkImport imports;

    ImportController(BulkImport imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/api/applications/import", consumes = "text/csv")
    BulkImport.Result run(@RequestBody String csv, Authentication user) {
        if (csv.length() > MAX_CHARS) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "File too large",
                    "an import file may be at most 2 MB; split it", List.of());
        }
        return imports.run(csv, user.getName());
    }
}
