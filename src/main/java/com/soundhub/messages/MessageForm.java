package com.soundhub.messages;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.FormParam;

/** The message box under a conversation. */
public class MessageForm {

    @FormParam("body")
    @MvcBinding
    @NotBlank(message = MessageRules.EMPTY)
    @MessageLength
    private String body;

    public static MessageForm empty() {
        MessageForm form = new MessageForm();
        form.body = "";
        return form;
    }

    public String getBody() {
        return body;
    }
}
