package com.soundhub.notifications;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * RFC 8058 one-click unsubscribe: mail programs post here, without a page or a CSRF token, from the
 * {@code List-Unsubscribe} header of a digest. The unguessable token is the whole authority and it
 * can only turn mail off, so nothing is lost to a forged request.
 */
@WebServlet(NotificationUnsubscribeServlet.PATH)
public class NotificationUnsubscribeServlet extends HttpServlet {

    static final String PATH = "/notifications/unsubscribe/one-click";

    @Inject
    NotificationMail mail;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(mail.unsubscribe(request.getParameter("token")) ? HttpServletResponse.SC_OK : HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("");
    }
}
