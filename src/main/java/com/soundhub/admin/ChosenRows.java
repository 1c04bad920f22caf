package com.soundhub.admin;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * The back office's lists act on the rows an admin ticked (hide twenty, delete three) one way:
 * done, it goes back to the list with what happened; refused, the list shows again with the
 * ticks, the reason typed and what was wrong.
 */
@RequestScoped
public class ChosenRows {

    @Inject
    FlashMessages flash;

    @Inject
    FormErrors errors;

    /** The public ids (of recordings, projects) among what was sent; anything else is dropped. */
    static List<String> publicIds(List<String> sent) {
        return sent == null ? List.of() : sent.stream().filter(id -> id != null && id.matches("[A-Za-z0-9_-]{1,40}")).distinct().toList();
    }

    /** The numeric ids (of comments) among what was sent. */
    static List<Long> numbers(List<String> sent) {
        return sent == null ? List.of()
                : sent.stream().filter(id -> id != null && id.matches("[0-9]{1,18}")).map(Long::valueOf).distinct().toList();
    }

    /** Does {@code action} to {@code chosen}, which says what it did, and goes {@code back}; a refusal shows {@code pageAgain}. */
    <T> Response act(List<T> chosen, Function<List<T>, String> action, URI back, Supplier<String> pageAgain) {
        try {
            flash.success(action.apply(chosen));
            return Response.seeOther(back).build();
        } catch (RuleViolation violation) {
            errors.add(violation.field() == null ? "reason" : violation.field(), violation.getMessage());
            return Response.status(422).entity(pageAgain.get()).build();
        }
    }
}
