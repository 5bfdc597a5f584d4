package org.grantline.designer;

import java.util.List;

/** Parses one diagram as the process engine would deploy it; each problem names the element id. */
public interface BpmnParser {
    /** @return problems as "element-id (line N): message", empty when the diagram deploys */
    List<String> parse(String fileName, String xml);

    /** The process ids (keys) the diagram defines, for checking that every round's process exists. */
    List<String> processKeys(String xml);
}
