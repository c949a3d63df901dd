package dev.chainrule.portable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file the client downloads: its suggested name and its content. */
record Download<T>(String filename, T content) {

    /** A file name made of the model's name: letters, digits, dots, dashes and underscores only. */
    static String filename(String modelName, String suffix) {
        String base = modelName == null ? "" : modelName.replaceAll("[^A-Za-z0-9._-]+", "-");
        return (base.isEmpty() || base.chars().allMatch(c -> c == '-' || c == '.') ? "model" : base) + suffix;
    }

    /** 200 with the content, to be saved under {@link #filename()} ({@code curl -OJ} does). */
    ResponseEntity<T> asAttachment(MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(content);
    }
}
