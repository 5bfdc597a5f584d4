package org.grantline.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Free text (a title, a summary, a reason): any characters but markup, template markers and control characters. */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = TextPolicy.FREE_TEXT, message = TextPolicy.FREE_TEXT_RULE)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {

    String message() default TextPolicy.FREE_TEXT_RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
