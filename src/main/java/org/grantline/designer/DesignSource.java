package org.grantline.designer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The design a designer validates, deploys or weighs: the server's rules and bpmn folders, or an uploaded
 * bundle (a zip holding {@code rules/} and/or {@code bpmn/}; a part it lacks is taken from the server's
 * folder). A bundle is unpacked into a temporary folder that {@link #close()} removes.
 */
public final class DesignSource implements AutoCloseable {

    private final Path rulesDir;
    private final Path bpmnDir;
    private final String description;
    private final Path temporary;

    private DesignSource(Path rulesDir, Path bpmnDir, String description, Path temporary) {
        this.rulesDir = rulesDir;
        this.bpmnDir = bpmnDir;
        this.description = description;
        this.temporary = temporary;
    }

    public static DesignSource folders(Path rulesDir, Path bpmnDir) {
        return new DesignSource(rulesDir, bpmnDir, "folders " + rulesDir + " and " + bpmnDir, null);
    }

    /** @throws BundleException when the zip is malformed, too big or holds anything but rules/ and bpmn/ */
    public static DesignSource bundle(InputStream zip, Path serverRulesDir, Path serverBpmnDir) {
        Path target;
        try {
            target = Files.createTempDirectory("grantline-bundle-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Bundle bundle = Bundle.unpack(zip, target);
            Path rules = bundle.hasRules() ? target.resolve("rules") : serverRulesDir;
            Path bpmn = bundle.hasBpmn() ? target.resolve("bpmn") : serverBpmnDir;
            return new DesignSource(rules, bpmn, "bundle " + bundle.sha256().substring(0, 12)
                    + " (" + bundle.describeParts() + ")", target);
        } catch (RuntimeException e) {
            delete(target);
            throw e;
        }
    }

    public Path rulesDir() {
        return rulesDir;
    }

    public Path bpmnDir() {
        return bpmnDir;
    }

    /** Where the design came from, as recorded with a deployment. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        if (temporary != null) {
            delete(temporary);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the unpacked bundle " + folder, e);
        }
    }
}
