package dev.chainrule.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's last word on a failed request, in place of its HTML error page: what Tomcat refuses
 * before any servlet runs (a malformed or NUL-bearing URL, an encoded slash, a bad header) and any
 * error no servlet answered becomes a problem. Never names an exception or the server.
 */
public final class ProblemReportValve extends ErrorReportValve {


    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (Writer writer = response.getReporter()) {
            if (writer != null) {
                writer.write(problem(status));
            }
        } catch (IOException | IllegalStateException lost) {
            // The client went away; nothing left to tell it.
        }
    }

    static String problem(int status) {
        String title = title(status);
        String detail = status == 400
                ? "The request is malformed: its URL or headers hold a sequence this service refuses (a malformed '%' "
                        + "escape, an encoded NUL or slash, a character outside the URL syntax)."
                : title + ".";
        return "{\"type\":\"" + ProblemHandler.TYPE_PREFIX + (status == 400 ? "malformed-request" : "http-" + status)
                + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    }

    private static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error " + status : known.getReasonPhrase();
    }
}
