package com.soundhub.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A form field that must be a whole number from {@link #min()} to {@link #max()}. Fields arrive as
 * text so that what was typed can be shown again; this checks the conversion and the range in one
 * go, so that a form shows every field's error at once instead of one a round trip. Blank text is
 * left to {@code @NotBlank} (or allowed, for optional fields).
 */
@Documented
@Constraint(validatedBy = WholeNumber.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeNumber {

    long min();

    long max();

    /** When the text is not a whole number at all. */
    String message();

    /** When it is one, outside the range. */
    String rangeMessage();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WholeNumber, String> {

        private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,18}");

        private long min;
        private long max;
        private String rangeMessage;

        @Override
        public void initialize(WholeNumber constraint) {
            min = constraint.min();
            max = constraint.max();
            rangeMessage = constraint.rangeMessage();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            Problem problem = check(value, min, max);
            if (problem == Problem.OUT_OF_RANGE && context != null) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(escape(rangeMessage)).addConstraintViolation();
            }
            return problem == Problem.NONE;
        }

        /** Message templates treat braces and dollars as expressions; ours are plain text. */
        private static String escape(String message) {
            return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }

        enum Problem { NONE, NOT_A_NUMBER, OUT_OF_RANGE }

        static Problem check(String value, long min, long max) {
            if (value == null || value.isBlank()) {
                return Problem.NONE;
            }
            String text = value.strip();
            if (!DIGITS.matcher(text).matches()) {
                return Problem.NOT_A_NUMBER;
            }
            long number = Long.parseLong(text);
            return number < min || number > max ? Problem.OUT_OF_RANGE : Problem.NONE;
        }
    }
}
