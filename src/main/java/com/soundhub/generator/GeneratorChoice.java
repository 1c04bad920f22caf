package com.soundhub.generator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.soundhub.generator.composition.Genre;
import com.soundhub.generator.composition.Key;
import com.soundhub.generator.composition.Mood;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A genre, mood or key the generator offers, as its list sends it; blank is left to other checks. */
@Documented
@Constraint(validatedBy = GeneratorChoice.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface GeneratorChoice {

    Kind value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Kind {
        GENRE("Choose a genre from the list."),
        MOOD("Choose a mood from the list."),
        KEY("Choose a key from the list.");

        private final String message;

        Kind(String message) {
            this.message = message;
        }

        String message() {
            return message;
        }

        boolean accepts(String text) {
            try {
                switch (this) {
                    case GENRE -> Genre.fromSlug(text);
                    case MOOD -> Mood.fromSlug(text);
                    case KEY -> Key.parse(text);
                }
                return true;
            } catch (IllegalArgumentException | NullPointerException e) {
                return false;
            }
        }
    }

    class Validator implements ConstraintValidator<GeneratorChoice, String> {

        private Kind kind;

        @Override
        public void initialize(GeneratorChoice constraint) {
            kind = constraint.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank() || kind.accepts(value)) {
                return true;
            }
            if (context != null) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(kind.message()).addConstraintViolation();
            }
            return false;
        }
    }
}
