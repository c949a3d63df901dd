package dev.chainrule.dataset;

/**
 * The upload's parameters, each null when not given.
 *
 * @param target the target column's name (default: the last column)
 * @param task {@code classification} or {@code regression} (default: inferred)
 * @param delimiter {@code ,}, {@code ;} or {@code tab} (default: detected)
 */
record UploadOptions(String name, String target, String task, String delimiter) {
}
