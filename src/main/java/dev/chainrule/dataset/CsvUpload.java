package dev.chainrule.dataset;

import org.springframework.core.io.InputStreamSource;

/**
 * An upload that can be read more than once (a multipart file on disk, or a spooled raw body).
 *
 * @param defaultName the dataset's name when the request gives none
 */
record CsvUpload(InputStreamSource source, long size, String defaultName) {
}
