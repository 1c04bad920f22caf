package com.soundhub.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a nickname may look like: it appears in profile URLs, so it keeps to letters (of any
 * script), digits and a few marks. Each rule reports its own message.
 */
@NotBlank(message = "Choose a nickname.")
@Size(min = 3, max = 30, message = "A nickname has 3 to 30 characters.")
@Pattern(regexp = "^[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*$",
        message = "Use letters, digits, dots, dashes and underscores, starting with a letter or digit.")
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Nickname {

    String message() default "Choose a valid nickname.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
