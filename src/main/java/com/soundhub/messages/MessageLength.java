package com.soundhub.messages;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * At most {@link MessageRules#MAX_LENGTH} characters as typed: a line break counts once, although
 * the browser sends it as two characters.
 */
@Documented
@Constraint(validatedBy = MessageLength.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface MessageLength {

    String message() default MessageRules.TOO_LONG;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MessageLength, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || MessageRules.typedLength(value) <= MessageRules.MAX_LENGTH;
        }
    }
}
