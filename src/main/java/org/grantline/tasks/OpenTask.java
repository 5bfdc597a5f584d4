package org.grantline.tasks;

import java.util.Date;
import java.util.List;

/** A caseworker task waiting to be done, with the form it asks to fill in (and what it shows). */
public record OpenTask(String id, String key, String name, String applicationId, String processInstanceId,
                       Date created, int priority, String assignee, List<Field> form) {

    public record Field(String id, String label, String type, boolean required, boolean readonly, Object value) {
    }
}
