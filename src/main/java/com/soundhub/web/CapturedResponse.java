package com.soundhub.web;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A page rendered for nobody, held apart from the real response: its status, content type and
 * body are kept here, and nothing of it (a 404, a header, a cookie) reaches the response until the
 * page is sent. A page that turns out to be one visitors may not see is then rendered again for its
 * viewer into a response it has left untouched.
 */
final class CapturedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(32 * 1024);
    private int status = SC_OK;
    private String contentType;
    private String location;
    private PrintWriter writer;

    CapturedResponse(HttpServletResponse response) {
        super(response);
    }

    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return buffer.toByteArray();
    }

    /** Where a redirect points, if the page is one. */
    String location() {
        return location;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void setStatus(int status) {
        this.status = status;
    }

    @Override
    public void sendError(int status) {
        this.status = status;
    }

    @Override
    public void sendError(int status, String message) {
        this.status = status;
    }

    @Override
    public void sendRedirect(String location) {
        this.status = SC_FOUND;
        this.location = location;
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public void setContentType(String type) {
        contentType = type;
    }

    // Of the headers, only the content type (and a redirect's location) belong to the page; the
    // rest are the real response's.
    @Override
    public void setHeader(String name, String value) {
        if ("Content-Type".equalsIgnoreCase(name)) {
            contentType = value;
        } else if ("Location".equalsIgnoreCase(name)) {
            location = value;
        }
    }

    @Override
    public void addHeader(String name, String value) {
        setHeader(name, value);
    }

    @Override
    public void setIntHeader(String name, int value) {
    }

    @Override
    public void addIntHeader(String name, int value) {
    }

    @Override
    public void setDateHeader(String name, long date) {
    }

    @Override
    public void addDateHeader(String name, long date) {
    }

    @Override
    public void addCookie(Cookie cookie) {
    }

    @Override
    public void setContentLength(int length) {
    }

    @Override
    public void setContentLengthLong(long length) {
    }

    @Override
    public void flushBuffer() {
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return new ServletOutputStream() {
            @Override
            public void write(int b) {
                buffer.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                buffer.write(bytes, offset, length);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("pages are written in one piece");
            }
        };
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8));
        }
        return writer;
    }
}
