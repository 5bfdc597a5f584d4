package org.grantline.console;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Draws an application's process diagram as SVG from the layout in its BPMN file, with the steps it has been
 * through and where it waits now marked. Every name is escaped; the SVG holds no script.
 */
@Component
class ProcessDiagram {

    /** The SVG and, in words, where the application is (for people who cannot see the picture). */
    record Drawing(String svg, List<String> currentSteps) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final HistoryService history;

    ProcessDiagram(RepositoryService repository, RuntimeService runtime, HistoryService history) {
        this.repository = repository;
        this.runtime = runtime;
        this.history = history;
    }

    Drawing of(String processInstanceId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return null;
        }
        List<HistoricActivityInstance> steps = history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).list();
        Set<String> visited = new HashSet<>();
        Set<String> current = new HashSet<>();
        steps.forEach(step -> (step.getEndTime() == null ? current : visited).add(step.getActivityId()));
        if (instance.getEndTime() == null) {
            current.addAll(runtime.getActiveActivityIds(processInstanceId));
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
        List<String> currentNames = new ArrayList<>();
        String svg = draw(model, visited, current, currentNames);
        return new Drawing(svg, currentNames);
    }

    private static String draw(BpmnModelInstance model, Set<String> visited, Set<String> current, List<String> currentNames) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = 0, maxY = 0;
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            Bounds b = shape.getBounds();
            minX = Math.min(minX, b.getX());
            minY = Math.min(minY, b.getY());
            maxX = Math.max(maxX, b.getX() + b.getWidth());
            maxY = Math.max(maxY, b.getY() + b.getHeight() + 30);
        }
        double pad = 20;
        StringBuilder svg = new StringBuilder();
        double width = maxX - minX + 2 * pad;
        double height = maxY - minY + 2 * pad;
        // drawn at its natural size: a wide process scrolls sideways rather than shrinking out of reading
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-diagram\" role=\"img\" "
                        + "aria-label=\"Process diagram\" width=\"%.0f\" height=\"%.0f\" viewBox=\"%.0f %.0f %.0f %.0f\">",
                width, height, minX - pad, minY - pad, width, height));
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\"/></marker></defs>");
        // sub-processes first, so that what they contain is drawn on top of them
        List<BpmnShape> shapes = new ArrayList<>(model.getModelElementsByType(BpmnShape.class));
        shapes.sort((a, b) -> Boolean.compare(!(a.getBpmnElement() instanceof SubProcess), !(b.getBpmnElement() instanceof SubProcess)));
        for (BpmnShape shape : shapes) {
            BaseElement element = shape.getBpmnElement();
            String id = element.getId();
            String state = current.contains(id) ? " app-diagram__current" : visited.contains(id) ? " app-diagram__visited" : "";
            String name = element instanceof FlowElement flow && flow.getName() != null ? flow.getName() : "";
            if (current.contains(id) && !name.isEmpty() && !(element instanceof SubProcess)) {
                currentNames.add(name);
            }
            shape(svg, shape.getBounds(), element, state, name);
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            StringBuilder points = new StringBuilder();
            for (Waypoint w : edge.getWaypoints()) {
                points.append(String.format(Locale.ROOT, "%.0f,%.0f ", w.getX(), w.getY()));
            }
            svg.append("<polyline class=\"app-diagram__flow\" marker-end=\"url(#arrow)\" points=\"")
                    .append(points.toString().trim()).append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    private static void shape(StringBuilder svg, Bounds b, BaseElement element, String state, String name) {
        double x = b.getX(), y = b.getY(), w = b.getWidth(), h = b.getHeight();
        String title = "<title>" + HtmlUtils.htmlEscape(name.isEmpty() ? element.getId() : name) + "</title>";
        if (element instanceof SubProcess) {
            svg.append(String.format(Locale.ROOT, "<g class=\"app-diagram__subprocess%s\">%s<rect x=\"%.0f\" y=\"%.0f\" "
                    + "width=\"%.0f\" height=\"%.0f\" rx=\"10\"/>", state, title, x, y, w, h));
            text(svg, name, x + 8, y + 16, "start");
            svg.append("</g>");
        } else if (element instanceof Activity) {
            svg.append(String.format(Locale.ROOT, "<g class=\"app-diagram__task%s\">%s<rect x=\"%.0f\" y=\"%.0f\" "
                    + "width=\"%.0f\" height=\"%.0f\" rx=\"10\"/>", state, title, x, y, w, h));
            List<String> lines = wrap(name, 14);
            double top = y + h / 2 - (lines.size() - 1) * 7;
            for (int i = 0; i < lines.size(); i++) {
                text(svg, lines.get(i), x + w / 2, top + i * 14 + 4, "middle");
            }
            svg.append("</g>");
        } else if (element instanceof Gateway) {
            svg.append(String.format(Locale.ROOT, "<g class=\"app-diagram__gateway%s\">%s<polygon points=\"%.0f,%.0f "
                    + "%.0f,%.0f %.0f,%.0f %.0f,%.0f\"/>", state, title, x + w / 2, y, x + w, y + h / 2, x + w / 2, y + h,
                    x, y + h / 2));
            text(svg, name, x + w / 2, y - 8, "middle");
            svg.append("</g>");
        } else if (element instanceof Event) {
            String kind = element instanceof EndEvent ? "app-diagram__end" : "app-diagram__event";
            svg.append(String.format(Locale.ROOT, "<g class=\"%s%s\">%s<circle cx=\"%.0f\" cy=\"%.0f\" r=\"%.0f\"/>",
                    kind, state, title, x + w / 2, y + h / 2, w / 2));
            List<String> lines = wrap(name, 18);
            for (int i = 0; i < lines.size(); i++) {
                text(svg, lines.get(i), x + w / 2, y + h + 14 + i * 13, "middle");
            }
            svg.append("</g>");
        }
    }

    private static void text(StringBuilder svg, String text, double x, double y, String anchor) {
        if (!text.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"%s\">%s</text>", x, y, anchor,
                    HtmlUtils.htmlEscape(text)));
        }
    }

    /** Splits a label into lines of about {@code width} characters, at spaces. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
