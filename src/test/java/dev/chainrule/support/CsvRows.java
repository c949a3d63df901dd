package dev.chainrule.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** A small CSV read as text: its header and its rows' cells, exactly as written. */
public record CsvRows(List<String> header, List<List<String>> rows) {

    public static CsvRows example(String file) throws IOException {
        return parse(Files.readString(Path.of("examples", "datasets", file)));
    }

    /** Plain comma-separated cells, no quoting: what the examples and the tests' own files hold. */
    public static CsvRows parse(String csv) {
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        List<List<String>> rows = lines.subList(1, lines.size()).stream()
                .map(l -> Arrays.asList(l.split(",", -1))).toList();
        return new CsvRows(Arrays.asList(lines.get(0).split(",", -1)), rows);
    }

    public int column(String name) {
        return header.indexOf(name);
    }

    public CsvRows first(int n) {
        return new CsvRows(header, rows.subList(0, n));
    }
}
