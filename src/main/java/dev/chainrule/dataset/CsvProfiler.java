package dev.chainrule.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The one pass over an upload: checks the header, resolves the target, profiles every column and
 * spools its values.
 */
final class CsvProfiler {

    private CsvProfiler() {
    }

    /**
     * @param targets the target columns' names, or empty for the last column
     * @param maxDistinct the category cap
     */
    static CsvProfile profile(CsvRows rows, List<String> targets, int maxDistinct, ColumnSpools spools) {
        List<String> header = validHeader(rows.header());
        List<Integer> targetIndexes = targetIndexes(header, targets);
        List<ColumnProfile> columns = new ArrayList<>(header.size());
        spools.sizeFor(header.size());
        for (int c = 0; c < header.size(); c++) {
            columns.add(new ColumnProfile(header.get(c), maxDistinct, spools.create(c + ".numbers"),
                    spools.create(c + ".codes")));
        }
        ColumnProfile[] profiles = columns.toArray(ColumnProfile[]::new);
        CsvRecord record;
        while ((record = rows.next()) != null) {
            long row = rows.row();
            if (row > Integer.MAX_VALUE - 1) {
                throw DatasetProblems.tooManyRows(Integer.MAX_VALUE - 1);
            }
            for (int c = 0; c < profiles.length; c++) {
                profiles[c].accept(record.getField(c), row);
            }
        }
        if (rows.row() == 0) {
            throw DatasetProblems.noRows();
        }
        return new CsvProfile(header, targetIndexes, (int) rows.row(), columns);
    }

    private static List<Integer> targetIndexes(List<String> header, List<String> targets) {
        if (targets.isEmpty()) {
            return List.of(header.size() - 1);
        }
        List<Integer> indexes = new ArrayList<>(targets.size());
        for (String target : targets) {
            int index = header.indexOf(target);
            if (index < 0) {
                throw DatasetProblems.unknownTarget(target, header);
            }
            if (indexes.contains(index)) {
                throw DatasetProblems.repeatedTarget(target);
            }
            indexes.add(index);
        }
        if (indexes.size() > 1 && indexes.size() == header.size()) {
            throw DatasetProblems.noFeatures(targets);
        }
        return List.copyOf(indexes);
    }

    private static List<String> validHeader(String[] fields) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> names = new ArrayList<>(fields.length);
        for (int i = 0; i < fields.length; i++) {
            String name = Cells.trim(fields[i]);
            if (name.indexOf(Cells.REPLACEMENT_CHARACTER) >= 0) {
                throw DatasetProblems.notText(0, name);
            }
            if (name.isEmpty()) {
                throw DatasetProblems.emptyColumnName(i + 1);
            }
            Integer first = seen.putIfAbsent(name, i + 1);
            if (first != null) {
                throw DatasetProblems.duplicateColumnName(name, first, i + 1);
            }
            names.add(name);
        }
        return names;
    }
}
