package org.grantline.tasks;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** The values a caseworker enters in a task's form, by field id. */
public record TaskCompletionRequest(@NotNull @Size(max = 20) Map<String, Object> variables) {
}
