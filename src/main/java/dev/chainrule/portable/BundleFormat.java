package dev.chainrule.portable;

/** The name and the version of the bundle format this service writes and reads. */
final class BundleFormat {

    static final String NAME = "chainrule.model";
    static final int VERSION = 1;

    private BundleFormat() {
    }
}
