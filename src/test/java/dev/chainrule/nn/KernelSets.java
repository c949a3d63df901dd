package dev.chainrule.nn;

import java.util.stream.Stream;

import dev.chainrule.nn.kernel.Kernels;
import dev.chainrule.nn.kernel.fast.FastKernels;
import dev.chainrule.nn.kernel.reference.ReferenceKernels;

/** Both kernel sets, for tests that must hold under each. */
public final class KernelSets {

    private KernelSets() {
    }

    public static Stream<Kernels> both() {
        return Stream.of(FastKernels.INSTANCE, ReferenceKernels.INSTANCE);
    }
}
