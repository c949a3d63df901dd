package dev.chainrule.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Responses that a client saves as a file rather than reads as a resource. */
public final class Attachments {

    private Attachments() {
    }

    /** 200 with the content, to be saved under {@code filename} ({@code curl -OJ} does). */
    public static <T> ResponseEntity<T> of(String filename, MediaType type, T content) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(content);
    }
}
