package dev.chainrule.portable;

/** A file the client downloads: its suggested name and its content. */
record Download<T>(String filename, T content) {

    /** A file name made of the model's name: letters, digits, dots, dashes and underscores only. */
    static String filename(String modelName, String suffix) {
        String base = modelName == null ? "" : modelName.replaceAll("[^A-Za-z0-9._-]+", "-");
        return (base.isEmpty() || base.chars().allMatch(c -> c == '-' || c == '.') ? "model" : base) + suffix;
    }
}
