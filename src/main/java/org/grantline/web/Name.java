package org.grantline.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name of an organisation, place or person: letters of any alphabet, digits, spaces and
 * {@code & ' ’ ( ) , . / + -}. Markup, quotes for code, semicolons, template and control characters are
 * refused where they come in, so no later screen, export or log has to trust them.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = TextPolicy.NAME, message = TextPolicy.NAME_RULE)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Name {

    String message() default TextPolicy.NAME_RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
