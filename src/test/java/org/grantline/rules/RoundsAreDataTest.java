package org.grantline.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rounds are files: a round is added by a folder under rules/ and a diagram under bpmn/, never by Java.
 * No round code or process key may appear anywhere in src/main.
 */
class RoundsAreDataTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void noRoundCodeOrProcessKeyAppearsInTheApplicationCode() throws IOException {
        List<String> names = new ArrayList<>();
        for (Path folder : RulesetRegistry.roundFolders(RuleScenariosTest.RULES)) {
            JsonNode round = YAML.readTree(folder.resolve("round.yaml").toFile());
            String code = round.path("code").asText();
            names.add(code);
            names.add(round.path("process").asText());
            // the package prefix of a round's rules (grantline.op2014...) must not be known to Java either
            names.add("grantline." + code.replace("-", "").toLowerCase());
        }
        assertThat(names).as("rounds found under rules/").contains("OP-2014", "OP-2015", "FS-2015");

        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                names.stream().filter(text::contains).distinct().forEach(name -> found.add(file + ": " + name));
            }
        }
        assertThat(found).as("round-specific names in src/main").isEmpty();
    }
}
